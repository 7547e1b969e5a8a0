import type { i18n } from 'i18next';
import type { Logger } from 'pino';
import type { Locale } from '../kernel/locale.ts';
import type { Actor } from './authorization.ts';
import type { Config } from './config.ts';
import type { Database, Db, Executor, Tx } from './db/client.ts';
import type { ExportRun, ListExports } from './exports/table.ts';
import { type Translate, translatorFor } from './i18n/i18n.ts';
import type { Jobs } from './jobs/jobs.ts';

/** What lives for the whole process: created once by the server entry or the CLI. */
export type Services = {
  config: Config;
  database: Database;
  jobs: Jobs;
  logger: Logger;
  i18n: i18n;
  now: () => Date;
  /** Each list's export use case, by name: export jobs run the same one as a download (wiring). */
  listExports: ListExports;
  /** What other modules do about one module's facts, in that module's transaction (wiring, decision 25). */
  reactions: Reactions;
};

/**
 * Facts a module records that another module, which it may not import, must act on at once. The
 * module calls the reaction inside its own transaction, so both commit or neither does.
 */
export type Reactions = {
  /** A program's intake closed (its closing time set to now or earlier). */
  intakeClosed: (tx: Tx, ctx: Ctx, programId: string) => Promise<void>;
  /** An application's business facts, submission or bank account changed (what abuse signals match on). */
  applicationChanged: (tx: Tx, ctx: Ctx, applicationId: string) => Promise<void>;
  /** A claim's invoices, files or status changed. */
  claimChanged: (tx: Tx, ctx: Ctx, claimId: string) => Promise<void>;
  /** A supplier of the directory was added or changed (its web domain). */
  supplierChanged: (tx: Tx, ctx: Ctx, supplierId: string) => Promise<void>;
  /** A registry extract became current, in place of the previous one (if any). */
  registryChanged: (
    tx: Tx,
    ctx: Ctx,
    extracts: { previousId: string | null; currentId: string },
  ) => Promise<void>;
  /** Whether this person applied with this NEQ (the registry lets an applicant look up their own freely). */
  appliedWithNeq: (db: Executor, userId: string, neq: string) => Promise<boolean>;
};

/** What a use case receives: who acts, in which language, and the process services. */
export type Ctx = {
  actor: Actor;
  locale: Locale;
  t: Translate;
  services: Services;
  db: Db;
  now: () => Date;
  requestId?: string;
  ip?: string;
  userAgent?: string;
  /** Set when a list is exported by a job, or probed before one is queued (export layer, decision 19). */
  exportRun?: ExportRun;
};

/** Runs `work` in one transaction: every write of a use case, its audit event and its mail commit together. */
export function transaction<T>(ctx: Ctx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(work);
}

/**
 * The context to make a document in (a PDF, an .ics file): the language the person chose in Virage
 * (their account's), else the page's; never the Accept-Language of the download request alone, which
 * is the browser's and may not be the one they switched to.
 */
export function inChosenLanguage(ctx: Ctx): Ctx {
  const locale = ctx.actor.kind === 'user' ? ctx.actor.locale : ctx.locale;
  return locale === ctx.locale ? ctx : { ...ctx, locale, t: translatorFor(ctx.services.i18n, locale) };
}
