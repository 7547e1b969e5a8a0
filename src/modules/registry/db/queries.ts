import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import { type Executor, selectRows } from '../../../platform/db/client.ts';
import {
  type Activity,
  bandMinimum,
  type Coded,
  isCurrentName,
  legalNameOf,
  linesOf,
  type RegistryEnterprise,
  type StatusKind,
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

/** What abuse signals compare an application with: a business's names, status and size, as of the current extract. */
export type RegistryStanding = {
  neq: string;
  fileDate: string | null;
  /** Current names, foreign forms included. */
  names: string[];
  legalName: string | null;
  statusLabel: string | null;
  statusKind: StatusKind;
  bankrupt: boolean;
  employeeBand: string | null;
  employeesAtLeast: number | null;
};

/**
 * The standing of each of these NEQs the current extract lists, in two queries whatever their number;
 * undefined when no extract is imported (nothing to compare with).
 */
export async function registryStandings(
  db: Executor,
  neqs: readonly string[],
): Promise<Map<string, RegistryStanding> | undefined> {
  const extract = await currentExtract(db);
  if (!extract) return undefined;
  const found = new Map<string, RegistryStanding>();
  if (neqs.length === 0) return found;
  const status = alias(registryCodes, 'status_label');
  const band = alias(registryCodes, 'band_label');
  const rows = await db
    .select({
      neq: registryEnterprises.neq,
      bankrupt: registryEnterprises.bankrupt,
      statusLabel: status.label,
      employeeBand: band.label,
    })
    .from(registryEnterprises)
    .leftJoin(
      status,
      and(
        eq(status.extractId, registryEnterprises.extractId),
        eq(status.domain, CODE_DOMAIN.status),
        eq(status.code, registryEnterprises.statusCode),
      ),
    )
    .leftJoin(
      band,
      and(
        eq(band.extractId, registryEnterprises.extractId),
        eq(band.domain, CODE_DOMAIN.employeeBand),
        eq(band.code, registryEnterprises.employeeBandCode),
      ),
    )
    .where(and(eq(registryEnterprises.extractId, extract.id), inArray(registryEnterprises.neq, [...neqs])));
  const nameType = alias(registryCodes, 'name_type_label');
  const names = await db
    .select({
      neq: registryNames.neq,
      name: registryNames.name,
      foreignName: registryNames.foreignName,
      typeLabel: nameType.label,
      endedOn: registryNames.endedOn,
    })
    .from(registryNames)
    .leftJoin(
      nameType,
      and(
        eq(nameType.extractId, registryNames.extractId),
        eq(nameType.domain, CODE_DOMAIN.nameType),
        eq(nameType.code, registryNames.typeCode),
      ),
    )
    .where(
      and(
        eq(registryNames.extractId, extract.id),
        inArray(
          registryNames.neq,
          rows.map((r) => r.neq),
        ),
      ),
    );
  for (const row of rows) {
    const current = names
      .filter((n) => n.neq === row.neq)
      .map((n) => ({
        ...n,
        current: isCurrentName(n.endedOn, extract.fileDate),
        type: { label: n.typeLabel },
      }))
      .filter((n) => n.current);
    found.set(row.neq, {
      neq: row.neq,
      fileDate: extract.fileDate,
      names: current.flatMap((n) => (n.foreignName ? [n.name, n.foreignName] : [n.name])),
      legalName: legalNameOf(current),
      statusLabel: row.statusLabel,
      statusKind: statusKindOf(row.statusLabel),
      bankrupt: row.bankrupt,
      employeeBand: row.employeeBand,
      employeesAtLeast: bandMinimum(row.employeeBand),
    });
  }
  return found;
}

/**
 * Of these NEQs, those whose status, bankruptcy, employee band or names differ between two extracts, or
 * that one lists and the other not (one query): what an import changed for the businesses that applied.
 * Without a previous extract, every NEQ changed.
 */
export async function changedNeqs(
  db: Executor,
  previousId: string | null,
  currentId: string,
  neqs: readonly string[],
): Promise<string[]> {
  if (neqs.length === 0) return [];
  if (previousId === null) return [...neqs];
  const rows = await selectRows<{ neq: string }>(
    db,
    sql`
      with standing as (
        select e.extract_id, e.neq,
          concat_ws('|', e.status_code, e.bankrupt::text, e.employee_band_code, (
            select string_agg(concat_ws('/', n.name, n.foreign_name, n.type_code, n.ended_on::text), ';'
              order by n.name, n.ended_on)
            from ${registryNames} n where n.extract_id = e.extract_id and n.neq = e.neq
          )) as facts
        from ${registryEnterprises} e
        where e.extract_id in (${previousId}, ${currentId}) and e.neq in (${sql.join(
          neqs.map((n) => sql`${n}`),
          sql`, `,
        )})
      )
      select coalesce(b.neq, a.neq) as neq
      from (select * from standing where extract_id = ${previousId}) b
      full join (select * from standing where extract_id = ${currentId}) a on a.neq = b.neq
      where a.facts is distinct from b.facts`,
  );
  return rows.map((r) => r.neq);
}
