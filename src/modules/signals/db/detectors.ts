import { and, eq, inArray, isNotNull, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Executor, selectRows } from '../../../platform/db/client.ts';
import { actionPlans, planActions, suppliers } from '../../coaching/db/tables.ts';
import { bankAccounts, claimAttachments, claimInvoices, claims } from '../../funding/db/tables.ts';
import { invoiceMatchKey } from '../../funding/index.ts';
import { applications } from '../../intake/db/tables.ts';
import { employeeLimits } from '../../intake/index.ts';
import { type RegistryStanding, registryStandings } from '../../registry/index.ts';
import type { KeyedFile } from '../domain/groups.ts';
import type { Evidence, SignalKind } from '../domain/kinds.ts';
import { foldName, nameDiffers } from '../domain/names.ts';

/** The record that changed: a file (an application, a claim), or a supplier of the directory. */
export type SignalSubject =
  | { applicationId: string }
  | { claimId: string }
  | { supplierId: string }
  /** Businesses the registry's newly current extract describes otherwise than the previous one. */
  | { neqs: readonly string[] };

/**
 * One detector per kind of signal (decision 41): which matching keys a file carries now, and every file
 * carrying any of some keys (or, for the first run, every file). The grouping into signals is the
 * domain's (`signalsOf`). A new kind — the registry's mismatches, say — is one more entry here.
 */
export type Detector = {
  kind: SignalKind;
  /** How many distinct files must share a key to raise a signal. */
  minimum: number;
  /** The keys the changed record carries now (none when this kind does not look at such records). */
  keysOf(db: Executor, changed: SignalSubject): Promise<string[]>;
  filesWith(db: Executor, keys: readonly string[] | 'all'): Promise<KeyedFile[]>;
};

/** Applications the team sees: submitted (not drafts) and not anonymised by the retention job. */
const seen = and(ne(applications.status, 'draft'), isNull(applications.anonymisedAt));

/** A detector on one expression of the application (a column, or a key built in SQL). */
function applicationDetector(
  kind: SignalKind,
  key: SQL<string | null> | AnyPgColumn,
  value: SQL<string | null> | AnyPgColumn,
  options: { minimum?: number; from?: 'bank' } = {},
): Detector {
  const base = (db: Executor) => {
    const select = db
      .select({
        key: sql<string>`${key}`,
        value: sql<string>`${value}`,
        applicationId: applications.id,
        programId: applications.programId,
      })
      .from(applications);
    return options.from === 'bank'
      ? select.innerJoin(bankAccounts, eq(bankAccounts.applicationId, applications.id))
      : select;
  };
  return {
    kind,
    minimum: options.minimum ?? 2,
    async keysOf(db, changed) {
      if (!('applicationId' in changed)) return [];
      const rows = await base(db).where(
        and(eq(applications.id, changed.applicationId), seen, isNotNull(sql`${key}`)),
      );
      return rows.map((r) => r.key);
    },
    async filesWith(db, keys) {
      if (keys !== 'all' && keys.length === 0) return [];
      const rows = await base(db).where(
        and(seen, isNotNull(sql`${key}`), keys === 'all' ? undefined : inArray(sql`${key}`, [...keys])),
      );
      return rows.map((r) => ({ ...r, claimId: null }));
    },
  };
}

/** Claims the team sees: sent at least once (not drafts). */
function claimDetector(
  kind: SignalKind,
  read: (
    db: Executor,
    where: SQL | undefined,
  ) => Promise<{ key: string; value: string; claimId: string; applicationId: string; programId: string }[]>,
  keyFilter: (keys: readonly string[]) => SQL,
): Detector {
  return {
    kind,
    minimum: 2,
    async keysOf(db, changed) {
      if (!('claimId' in changed)) return [];
      return [...new Set((await read(db, eq(claims.id, changed.claimId))).map((r) => r.key))];
    },
    async filesWith(db, keys) {
      if (keys !== 'all' && keys.length === 0) return [];
      const rows = await read(db, keys === 'all' ? undefined : keyFilter(keys));
      return keys === 'all' ? rows : rows.filter((r) => keys.includes(r.key));
    },
  };
}

/** The invoice number as funding's index folds it (`claim_invoices_number_key_idx`). */
const numberKey = sql<string>`upper(regexp_replace(${claimInvoices.invoiceNumber}, '[^A-Za-z0-9]', '', 'g'))`;

/** The same invoice (supplier and number, however spelled) in two claims. */
const sameInvoice = claimDetector(
  'same_invoice',
  async (db, where) => {
    const rows = await db
      .select({
        supplierName: claimInvoices.supplierName,
        invoiceNumber: claimInvoices.invoiceNumber,
        claimId: claims.id,
        applicationId: claims.applicationId,
        programId: applications.programId,
      })
      .from(claimInvoices)
      .innerJoin(claims, eq(claims.id, claimInvoices.claimId))
      .innerJoin(applications, eq(applications.id, claims.applicationId))
      .where(and(ne(claims.status, 'draft'), where));
    return rows.map(({ supplierName, invoiceNumber, ...file }) => ({
      key: invoiceMatchKey({ supplierName, invoiceNumber }),
      value: `${supplierName} — ${invoiceNumber}`,
      ...file,
    }));
  },
  // The number part of the key narrows on the index; the supplier part is compared after.
  (keys) =>
    inArray(
      numberKey,
      keys.map((k) => k.slice(k.indexOf('|') + 1)),
    ),
);

/** The same file (by its SHA-256) attached to two claims. */
const sameReceipt = claimDetector(
  'same_receipt',
  async (db, where) =>
    db
      .selectDistinct({
        key: claimAttachments.sha256,
        value: claimAttachments.fileName,
        claimId: claims.id,
        applicationId: claims.applicationId,
        programId: applications.programId,
      })
      .from(claimAttachments)
      .innerJoin(claims, eq(claims.id, claimAttachments.claimId))
      .innerJoin(applications, eq(applications.id, claims.applicationId))
      .where(and(ne(claims.status, 'draft'), where)),
  (keys) => inArray(claimAttachments.sha256, [...keys]),
);

type Row = { key: string; value: string; applicationId: string; programId: string };

/**
 * A detector over rows of raw SQL (texts, domains): `rows(where)` selects key, value, applicationId and
 * programId, `where` applying to those columns (`key`, `"applicationId"`).
 */
function sqlDetector(
  kind: SignalKind,
  minimum: number,
  rows: (where: SQL) => SQL,
  keysOfOther?: (db: Executor, changed: SignalSubject) => Promise<string[]>,
): Detector {
  const read = async (db: Executor, where: SQL) => selectRows<Row>(db, rows(where));
  return {
    kind,
    minimum,
    async keysOf(db, changed) {
      if ('applicationId' in changed)
        return [
          ...new Set((await read(db, sql`"applicationId" = ${changed.applicationId}`)).map((r) => r.key)),
        ];
      return keysOfOther ? keysOfOther(db, changed) : [];
    },
    async filesWith(db, keys) {
      if (keys !== 'all' && keys.length === 0) return [];
      const where =
        keys === 'all'
          ? sql`true`
          : sql`key in (${sql.join(
              keys.map((k) => sql`${k}`),
              sql`, `,
            )})`;
      return (await read(db, where)).map((r) => ({ ...r, claimId: null }));
    },
  };
}

/** Texts shorter than this (once folded to letters and digits) are too common to mean anything. */
export const TEXT_MINIMUM = 60;

/** The same plan text (a goal, a situation, an action's steps) written for two retailers' files. */
const sameText = sqlDetector(
  'same_text',
  2,
  (where) => sql`
    select * from (
      select md5(f.folded) as key, left(raw.text, 80) as value, a.id as "applicationId",
        a.program_id as "programId"
      from (
        select application_id, goals as text from ${actionPlans}
        union all select application_id, current_state from ${actionPlans}
        union all select application_id, timeline from ${actionPlans}
        union all select application_id, objective from ${planActions}
        union all select application_id, steps from ${planActions}
      ) raw
      cross join lateral (select regexp_replace(lower(raw.text), '[^[:alnum:]]+', '', 'g') as folded) f
      join ${applications} a on a.id = raw.application_id
      where length(f.folded) >= ${TEXT_MINIMUM} and a.status <> 'draft' and a.anonymised_at is null
    ) texts where ${where}`,
);

/** A web address or e-mail's domain: `https://www.Agence.ca/x` and `zoe@agence.ca` give `agence.ca`. */
const domainOf = (column: SQL) =>
  sql`nullif(lower(regexp_replace(${column}, '^([a-z]+://)?(www\\.)?([^/:?#@]+).*$', '\\3', 'i')), '')`;

/**
 * A supplier of the directory whose web domain is a retailer's e-mail or website domain: one file is
 * already a signal (a supplier applying as a retailer, or filling the file in for it), several are a
 * supplier acting as the contact of many applications.
 */
const supplierDomain = sqlDetector(
  'supplier_domain',
  1,
  (where) => sql`
    select * from (
      select distinct d.domain as key, s.name || ' (' || d.domain || ')' as value, a.id as "applicationId",
        a.program_id as "programId"
      from ${applications} a
      cross join lateral (values (split_part(a.email_key, '@', 2)), (${domainOf(sql`a.website`)})) d(domain)
      join ${suppliers} s on ${domainOf(sql`s.website`)} = d.domain and s.active
      where d.domain <> '' and a.status <> 'draft' and a.anonymised_at is null
    ) matches where ${where}`,
  async (db, changed) => {
    if (!('supplierId' in changed)) return [];
    const rows = await selectRows<{ key: string | null }>(
      db,
      sql`select ${domainOf(sql`website`)} as key from ${suppliers} where id = ${changed.supplierId}`,
    );
    return rows.flatMap((r) => (r.key ? [r.key] : []));
  },
);

/** Applications submitted from one network address on one Montréal day: at least this many raise a signal. */
export const NETWORK_THRESHOLD = 3;

/** What a registry detector finds for one application: its key (the NEQ first) and the sentence's words. */
type RegistryFinding = { key: string; value: string } & Pick<Evidence, 'variant' | 'details'>;
type Applicant = { neq: string; legalName: string | null; programId: string };

/**
 * A detector comparing submitted applications with the registry's current extract (`minimum` 1: one file
 * is a signal). Its keys start with the NEQ, so a registry import recomputes only the businesses it
 * changed (`{ neqs }`); three queries whatever the number of files. No extract imported: nothing found.
 */
function registryDetector(
  kind: SignalKind,
  check: (
    app: Applicant,
    standing: RegistryStanding | undefined,
    limit: number | undefined,
  ) => RegistryFinding[],
): Detector {
  const read = async (db: Executor, where: SQL | undefined): Promise<KeyedFile[]> => {
    const apps = await db
      .select({
        applicationId: applications.id,
        programId: applications.programId,
        neq: sql<string>`${applications.neq}`,
        legalName: applications.legalName,
      })
      .from(applications)
      .where(and(seen, isNotNull(applications.neq), where));
    if (apps.length === 0) return [];
    const standings = await registryStandings(db, [...new Set(apps.map((a) => a.neq))]);
    if (!standings) return [];
    const limits =
      kind === 'registry_employees'
        ? await employeeLimits(
            db,
            apps.map((a) => a.programId),
          )
        : new Map();
    return apps.flatMap((app) =>
      check(app, standings.get(app.neq), limits.get(app.programId)).map((found) => ({
        ...found,
        applicationId: app.applicationId,
        programId: app.programId,
        claimId: null,
      })),
    );
  };
  const keysIn = (rows: KeyedFile[]) => [...new Set(rows.map((r) => r.key))];
  return {
    kind,
    minimum: 1,
    async keysOf(db, changed) {
      if ('applicationId' in changed)
        return keysIn(await read(db, eq(applications.id, changed.applicationId)));
      if ('neqs' in changed)
        return changed.neqs.length === 0
          ? []
          : keysIn(await read(db, inArray(applications.neq, [...changed.neqs])));
      return [];
    },
    async filesWith(db, keys) {
      if (keys === 'all') return read(db, undefined);
      if (keys.length === 0) return [];
      const neqs = [...new Set(keys.map((k) => k.slice(0, k.indexOf('|'))))];
      return (await read(db, inArray(applications.neq, neqs))).filter((r) => keys.includes(r.key));
    },
  };
}

/** The declared legal name is none of the registry's current names (case, accents, punctuation, « inc. » aside). */
const registryName = registryDetector('registry_name', (app, standing) =>
  app.legalName && standing && standing.names.length > 0 && nameDiffers(app.legalName, standing.names)
    ? [
        {
          key: `${app.neq}|${foldName(app.legalName)}|${foldName(standing.legalName ?? '')}`,
          value: app.legalName,
          details: { neq: app.neq, registry: standing.legalName ?? standing.names[0]! },
        },
      ]
    : [],
);

/**
 * The business is not listed (flagged, never refused: the extract may be older than it), not registered
 * (a status other than « Immatriculée » or struck off, which is its own kind), or bankrupt.
 */
const registryStatus = registryDetector('registry_status', (app, standing) => {
  if (!standing) return [{ key: `${app.neq}|unlisted`, value: app.neq, variant: 'unlisted' }];
  const found: RegistryFinding[] = [];
  if (standing.statusKind === 'other')
    found.push({
      key: `${app.neq}|status:${standing.statusLabel ?? ''}`,
      value: app.neq,
      details: { registry: standing.statusLabel ?? '—' },
    });
  if (standing.bankrupt) found.push({ key: `${app.neq}|bankrupt`, value: app.neq, variant: 'bankrupt' });
  return found;
});

/** The registry's employee band starts above the program's employee limit. */
const registryEmployees = registryDetector('registry_employees', (app, standing, limit) =>
  standing?.employeesAtLeast != null && limit !== undefined && standing.employeesAtLeast > limit
    ? [
        {
          key: `${app.neq}|${standing.employeeBand}|${limit}`,
          value: app.neq,
          details: { band: standing.employeeBand ?? '', limit: String(limit) },
        },
      ]
    : [],
);

/** The registry shows the business struck off (no payment goes to it without an override). */
const struckOff = registryDetector('struck_off', (app, standing) =>
  standing?.statusKind === 'struck_off'
    ? [
        {
          key: `${app.neq}|${standing.statusLabel}`,
          value: app.neq,
          details: { registry: standing.statusLabel ?? '' },
        },
      ]
    : [],
);

export const DETECTORS: readonly Detector[] = [
  applicationDetector('same_neq', applications.neq, applications.neq),
  applicationDetector('same_email', applications.emailKey, applications.emailKey),
  applicationDetector('same_phone', applications.phoneKey, applications.phone),
  applicationDetector(
    'same_address',
    applications.addressKey,
    sql<string>`concat_ws(', ', ${applications.street}, ${applications.municipalityName}, ${applications.postalCode})`,
  ),
  // Matched on the keyed hash; the words show only the last digits.
  applicationDetector('same_bank_account', bankAccounts.matchKey, bankAccounts.accountLastDigits, {
    from: 'bank',
  }),
  applicationDetector(
    'many_from_network',
    sql<string>`${applications.submittedFrom} || '|' || to_char(${applications.submittedAt} at time zone 'America/Montreal', 'YYYY-MM-DD')`,
    applications.submittedFrom,
    { minimum: NETWORK_THRESHOLD },
  ),
  sameInvoice,
  sameReceipt,
  sameText,
  supplierDomain,
  registryName,
  registryStatus,
  registryEmployees,
  struckOff,
];
