import { and, eq, inArray, isNotNull, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../platform/db/client.ts';
import { bankAccounts, claimAttachments, claimInvoices, claims } from '../../funding/db/tables.ts';
import { invoiceMatchKey } from '../../funding/index.ts';
import { applications } from '../../intake/db/tables.ts';
import type { KeyedFile } from '../domain/groups.ts';
import type { SignalKind } from '../domain/kinds.ts';

/**
 * One detector per kind of signal (decision 41): which matching keys a file carries now, and every file
 * carrying any of some keys (or, for the first run, every file). The grouping into signals is the
 * domain's (`signalsOf`). A new kind — the registry's mismatches, say — is one more entry here.
 */
export type Detector = {
  kind: SignalKind;
  /** What a file is for this kind: an application, or a claim. */
  subject: 'application' | 'claim';
  /** How many distinct files must share a key to raise a signal. */
  minimum: number;
  keysOf(db: Executor, id: string): Promise<string[]>;
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
    subject: 'application',
    minimum: options.minimum ?? 2,
    async keysOf(db, id) {
      const rows = await base(db).where(and(eq(applications.id, id), seen, isNotNull(sql`${key}`)));
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
    subject: 'claim',
    minimum: 2,
    async keysOf(db, id) {
      return [...new Set((await read(db, eq(claims.id, id))).map((r) => r.key))];
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

/** Applications submitted from one network address on one Montréal day: at least this many raise a signal. */
export const NETWORK_THRESHOLD = 3;

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
];
