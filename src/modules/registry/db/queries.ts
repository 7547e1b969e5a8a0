import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../../../platform/db/client.ts';
import {
  type Activity,
  type Coded,
  isCurrentName,
  legalNameOf,
  linesOf,
  type RegistryEnterprise,
  statusKindOf,
} from '../domain/enterprise.ts';
import { CODE_DOMAIN, type CodeField } from '../domain/extract-format.ts';
import {
  registryCaeNaics,
  registryCodes,
  registryEnterprises,
  registryEstablishments,
  registryExtracts,
  registryNames,
} from './tables.ts';

export type ExtractRow = typeof registryExtracts.$inferSelect;

/** The extract lookups read, if any was imported. */
export async function currentExtract(db: Executor): Promise<ExtractRow | undefined> {
  const [row] = await db.select().from(registryExtracts).where(eq(registryExtracts.status, 'current'));
  return row;
}

export async function extractById(db: Executor, id: string): Promise<ExtractRow | undefined> {
  const [row] = await db.select().from(registryExtracts).where(eq(registryExtracts.id, id));
  return row;
}

export async function recentExtracts(db: Executor, limit: number): Promise<ExtractRow[]> {
  return db.select().from(registryExtracts).orderBy(desc(registryExtracts.startedAt)).limit(limit);
}

/**
 * A business as the current extract describes it, codes decoded through the extract's own lists and
 * activities mapped to NAICS through the correspondence; undefined when the extract does not list it.
 * For other modules (prefill, eligibility, the status checks before money moves).
 */
export async function findRegistryEnterprise(
  db: Executor,
  neq: string,
): Promise<RegistryEnterprise | undefined> {
  const extract = await currentExtract(db);
  if (!extract) return undefined;
  const of = (table: { extractId: AnyPgColumn; neq: AnyPgColumn }) =>
    and(eq(table.extractId, extract.id), eq(table.neq, neq));
  const [row] = await db.select().from(registryEnterprises).where(of(registryEnterprises));
  if (!row) return undefined;
  const names = await db.select().from(registryNames).where(of(registryNames));
  const stores = await db
    .select()
    .from(registryEstablishments)
    .where(of(registryEstablishments))
    .orderBy(desc(registryEstablishments.main), registryEstablishments.number);

  const wanted: [CodeField, string | null][] = [
    ['status', row.statusCode],
    ['legalForm', row.legalFormCode],
    ['jurisdiction', row.jurisdictionCode],
    ['employeeBand', row.employeeBandCode],
    ['activity', row.caeCode],
    ['activity', row.cae2Code],
    ...stores.flatMap((s) => [
      ['activity', s.caeCode] as [CodeField, string | null],
      ['activity', s.cae2Code] as [CodeField, string | null],
    ]),
    ...names.flatMap((n) => [
      ['nameType', n.typeCode] as [CodeField, string | null],
      ['nameStatus', n.statusCode] as [CodeField, string | null],
    ]),
  ];
  const pairs = wanted.filter((w): w is [CodeField, string] => w[1] !== null);
  const labels =
    pairs.length === 0
      ? []
      : await db
          .select()
          .from(registryCodes)
          .where(
            and(
              eq(registryCodes.extractId, extract.id),
              or(
                ...pairs.map(([field, code]) =>
                  and(eq(registryCodes.domain, CODE_DOMAIN[field]), eq(registryCodes.code, code)),
                ),
              ),
            ),
          );
  const cae = [row.caeCode, row.cae2Code, ...stores.flatMap((s) => [s.caeCode, s.cae2Code])].filter(
    (c): c is string => c !== null,
  );
  const naics =
    cae.length === 0
      ? []
      : await db.select().from(registryCaeNaics).where(inArray(registryCaeNaics.cae, cae));

  const coded = (field: CodeField, code: string | null): Coded | null =>
    code === null
      ? null
      : {
          code,
          label: labels.find((l) => l.domain === CODE_DOMAIN[field] && l.code === code)?.label ?? null,
        };
  const activity = (code: string | null, description: string | null): Activity[] =>
    code === null
      ? []
      : [
          {
            cae: coded('activity', code)!,
            description,
            naics: naics.find((n) => n.cae === code)?.naics ?? null,
          },
        ];
  const status = coded('status', row.statusCode);
  const enterpriseNames = names
    .map((n) => ({
      name: n.name,
      foreignName: n.foreignName,
      type: coded('nameType', n.typeCode),
      status: coded('nameStatus', n.statusCode),
      startedOn: n.startedOn,
      endedOn: n.endedOn,
      current: isCurrentName(n.endedOn, extract.fileDate),
    }))
    .sort(
      (a, b) => Number(b.current) - Number(a.current) || (b.startedOn ?? '').localeCompare(a.startedOn ?? ''),
    );
  return {
    neq,
    extract: {
      id: extract.id,
      fileDate: extract.fileDate,
      importedAt: extract.finishedAt ?? extract.startedAt,
    },
    legalName: legalNameOf(enterpriseNames),
    names: enterpriseNames,
    status,
    statusKind: statusKindOf(status?.label),
    statusOn: row.statusOn,
    bankrupt: row.bankrupt,
    legalForm: coded('legalForm', row.legalFormCode),
    jurisdiction: coded('jurisdiction', row.jurisdictionCode),
    registeredOn: row.registeredOn,
    constitutedOn: row.constitutedOn,
    employeeBand: coded('employeeBand', row.employeeBandCode),
    activities: [
      ...activity(row.caeCode, row.caeDescription),
      ...activity(row.cae2Code, row.cae2Description),
    ],
    domicileAddress: row.addressDisplayable ? linesOf(row.address) : null,
    establishments: stores.map((s) => ({
      number: s.number,
      name: s.name,
      main: s.main,
      address: s.addressDisplayable ? linesOf(s.address) : null,
      activities: [...activity(s.caeCode, s.caeDescription), ...activity(s.cae2Code, s.cae2Description)],
    })),
  };
}

/**
 * Of these NEQs, those the current extract shows struck off or bankrupt (one query, for a payment batch's
 * thousands of claims): no payment goes to them.
 */
export async function blockedNeqs(db: Executor, neqs: string[]): Promise<Set<string>> {
  const extract = await currentExtract(db);
  if (!extract || neqs.length === 0) return new Set();
  const rows = await db
    .select({
      neq: registryEnterprises.neq,
      bankrupt: registryEnterprises.bankrupt,
      label: registryCodes.label,
    })
    .from(registryEnterprises)
    .leftJoin(
      registryCodes,
      and(
        eq(registryCodes.extractId, registryEnterprises.extractId),
        eq(registryCodes.domain, CODE_DOMAIN.status),
        eq(registryCodes.code, registryEnterprises.statusCode),
      ),
    )
    .where(and(eq(registryEnterprises.extractId, extract.id), inArray(registryEnterprises.neq, neqs)));
  return new Set(rows.filter((r) => r.bankrupt || statusKindOf(r.label) === 'struck_off').map((r) => r.neq));
}
