import type { i18n } from 'i18next';
import type { Logger } from 'pino';
import type { Locale } from '../kernel/locale.ts';
import type { Actor } from './authorization.ts';
import type { Config } from './config.ts';
import type { Database, Db, Tx } from './db/client.ts';
import type { Translate } from './i18n/i18n.ts';
import type { Jobs } from './jobs/jobs.ts';

/** What lives for the whole process: created once by the server entry or the CLI. */
export type Services = {
  config: Config;
  database: Database;
  jobs: Jobs;
  logger: Logger;
  i18n: i18n;
  now: () => Date;
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
};

/** Runs `work` in one transaction: every write of a use case, its audit event and its mail commit together. */
export function transaction<T>(ctx: Ctx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(work);
}
