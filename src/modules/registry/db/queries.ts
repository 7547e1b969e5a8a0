import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
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
  registryLicenceRecords,
  registryNames,
} from './tables.ts';

export type ExtractRow = typeof registryExtracts.$inferSelect;

/** The join to a code's label (`label`: `registry_codes` or an alias of it) in the row's own extract. */
function labelJoin(
  label: { extractId: AnyPgColumn; domain: AnyPgColumn; code: AnyPgColumn },
  extractId: AnyPgColumn,
  domain: string,
  code: AnyPgColumn,
) {
  return and(eq(label.extractId, extractId), eq(label.domain, domain), eq(label.code, code));
}

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

/** The label of `code` in the extract's list for `field`, as a subquery over the extract `x`. */
const labelOf = (field: CodeField, code: SQL) =>
  sql`(select c.label from ${registryCodes} c where c.extract_id = x.id and c.domain = ${CODE_DOMAIN[field]} and c.code = ${code})`;
const naicsOf = (cae: SQL) => sql`(select n.naics from ${registryCaeNaics} n where n.cae = ${cae})`;
/** An activity's code, its label, its description and its NAICS, as JSON fields prefixed `prefix`. */
const activityJson = (alias: string, column: 'cae' | 'cae2') => {
  const code = sql.raw(`${alias}.${column}_code`);
  return sql`'${sql.raw(column)}Code', ${code}, '${sql.raw(column)}Label', ${labelOf('activity', code)},
    '${sql.raw(column)}Description', ${sql.raw(`${alias}.${column}_description`)}, '${sql.raw(column)}Naics', ${naicsOf(code)}`;
};

type ActivityColumns = {
  caeCode: string | null;
  caeLabel: string | null;
  caeDescription: string | null;
  caeNaics: string | null;
  cae2Code: string | null;
  cae2Label: string | null;
  cae2Description: string | null;
  cae2Naics: string | null;
};
type EnterpriseRow = ActivityColumns & {
  extractId: string;
  fileDate: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  bankrupt: boolean;
  registeredOn: string | null;
  statusCode: string | null;
  statusLabel: string | null;
  statusOn: string | null;
  legalFormCode: string | null;
  legalFormLabel: string | null;
  jurisdictionCode: string | null;
  jurisdictionLabel: string | null;
  employeeBandCode: string | null;
  employeeBandLabel: string | null;
  constitutedOn: string | null;
  addressDisplayable: boolean;
  address: string | null;
  names: {
    name: string;
    foreignName: string | null;
    typeCode: string | null;
    typeLabel: string | null;
    statusCode: string | null;
    statusLabel: string | null;
    startedOn: string | null;
    endedOn: string | null;
  }[];
  stores: (ActivityColumns & {
    number: string | null;
    name: string | null;
    main: boolean;
    addressDisplayable: boolean;
    address: string | null;
  })[];
};

const coded = (code: string | null, label: string | null): Coded | null =>
  code === null ? null : { code, label };
const activitiesOf = (row: ActivityColumns): Activity[] => [
  ...(row.caeCode === null
    ? []
    : [
        {
          cae: { code: row.caeCode, label: row.caeLabel },
          description: row.caeDescription,
          naics: row.caeNaics,
        },
      ]),
  ...(row.cae2Code === null
    ? []
    : [
        {
          cae: { code: row.cae2Code, label: row.cae2Label },
          description: row.cae2Description,
          naics: row.cae2Naics,
        },
      ]),
];

/**
 * A business as the current extract describes it, codes decoded through the extract's own lists and
 * activities mapped to NAICS through the correspondence; undefined when the extract does not list it.
 * One query (the extract, the business, its names and establishments as JSON, every label a subquery):
 * a lookup runs on every prefill and before every payment. For other modules (prefill, eligibility, the
 * status checks before money moves).
 */
export async function findRegistryEnterprise(
  db: Executor,
  neq: string,
): Promise<RegistryEnterprise | undefined> {
  const [row] = await selectRows<EnterpriseRow>(
    db,
    sql`select x.id as "extractId", x.file_date::text as "fileDate", x.started_at as "startedAt",
      x.finished_at as "finishedAt", e.bankrupt, e.registered_on::text as "registeredOn",
      e.status_code as "statusCode", ${labelOf('status', sql`e.status_code`)} as "statusLabel",
      e.status_on::text as "statusOn",
      e.legal_form_code as "legalFormCode", ${labelOf('legalForm', sql`e.legal_form_code`)} as "legalFormLabel",
      e.jurisdiction_code as "jurisdictionCode",
      ${labelOf('jurisdiction', sql`e.jurisdiction_code`)} as "jurisdictionLabel",
      e.employee_band_code as "employeeBandCode",
      ${labelOf('employeeBand', sql`e.employee_band_code`)} as "employeeBandLabel",
      e.constituted_on::text as "constitutedOn", e.address_displayable as "addressDisplayable", e.address,
      e.cae_code as "caeCode", ${labelOf('activity', sql`e.cae_code`)} as "caeLabel",
      e.cae_description as "caeDescription", ${naicsOf(sql`e.cae_code`)} as "caeNaics",
      e.cae2_code as "cae2Code", ${labelOf('activity', sql`e.cae2_code`)} as "cae2Label",
      e.cae2_description as "cae2Description", ${naicsOf(sql`e.cae2_code`)} as "cae2Naics",
      coalesce((select json_agg(json_build_object('name', n.name, 'foreignName', n.foreign_name,
          'typeCode', n.type_code, 'typeLabel', ${labelOf('nameType', sql`n.type_code`)},
          'statusCode', n.status_code, 'statusLabel', ${labelOf('nameStatus', sql`n.status_code`)},
          'startedOn', n.started_on, 'endedOn', n.ended_on))
        from ${registryNames} n where n.extract_id = x.id and n.neq = e.neq), '[]') as names,
      coalesce((select json_agg(json_build_object('number', s.number, 'name', s.name, 'main', s.main,
          'addressDisplayable', s.address_displayable, 'address', s.address,
          ${activityJson('s', 'cae')}, ${activityJson('s', 'cae2')}) order by s.main desc, s.number)
        from ${registryEstablishments} s where s.extract_id = x.id and s.neq = e.neq), '[]') as stores
    from ${registryExtracts} x
    join ${registryEnterprises} e on e.extract_id = x.id and e.neq = ${neq}
    where x.status = 'current'`,
  );
  if (!row) return undefined;
  const enterpriseNames = row.names
    .map((n) => ({
      name: n.name,
      foreignName: n.foreignName,
      type: coded(n.typeCode, n.typeLabel),
      status: coded(n.statusCode, n.statusLabel),
      startedOn: n.startedOn,
      endedOn: n.endedOn,
      current: isCurrentName(n.endedOn, row.fileDate),
    }))
    .sort(
      (a, b) => Number(b.current) - Number(a.current) || (b.startedOn ?? '').localeCompare(a.startedOn ?? ''),
    );
  const status = coded(row.statusCode, row.statusLabel);
  return {
    neq,
    extract: {
      id: row.extractId,
      fileDate: row.fileDate,
      importedAt: new Date(row.finishedAt ?? row.startedAt),
    },
    legalName: legalNameOf(enterpriseNames),
    names: enterpriseNames,
    status,
    statusKind: statusKindOf(status?.label),
    statusOn: row.statusOn,
    bankrupt: row.bankrupt,
    legalForm: coded(row.legalFormCode, row.legalFormLabel),
    jurisdiction: coded(row.jurisdictionCode, row.jurisdictionLabel),
    registeredOn: row.registeredOn,
    constitutedOn: row.constitutedOn,
    employeeBand: coded(row.employeeBandCode, row.employeeBandLabel),
    activities: activitiesOf(row),
    domicileAddress: row.addressDisplayable ? linesOf(row.address) : null,
    establishments: row.stores.map((s) => ({
      number: s.number,
      name: s.name,
      main: s.main,
      address: s.addressDisplayable ? linesOf(s.address) : null,
      activities: activitiesOf(s),
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
      labelJoin(
        registryCodes,
        registryEnterprises.extractId,
        CODE_DOMAIN.status,
        registryEnterprises.statusCode,
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
      labelJoin(status, registryEnterprises.extractId, CODE_DOMAIN.status, registryEnterprises.statusCode),
    )
    .leftJoin(
      band,
      labelJoin(
        band,
        registryEnterprises.extractId,
        CODE_DOMAIN.employeeBand,
        registryEnterprises.employeeBandCode,
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
      labelJoin(nameType, registryNames.extractId, CODE_DOMAIN.nameType, registryNames.typeCode),
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

/** The administrator's record that the licence allows republication, when one is in force (decision 44). */
export async function licenceInForce(db: Executor) {
  const [record] = await db
    .select()
    .from(registryLicenceRecords)
    .where(isNull(registryLicenceRecords.revokedAt));
  return record;
}

/** What research extracts may read of a business in the registry: raw labels, coarsened by the reader. */
export type RegistryProfile =
  | { listed: false }
  | { listed: true; status: string | null; legalForm: string | null; employeeBand: string | null };

/**
 * A scalar subquery giving the registry profile of the business whose NEQ is `neq` in the current
 * extract (null when no extract is current), for a module's own select of many businesses at once
 * (reporting's research extracts, decision 44).
 */
export const registryProfileOf = (neq: SQL) =>
  sql<RegistryProfile | null>`(select case when e.neq is null then json_build_object('listed', false)
    else json_build_object('listed', true, 'status', ${labelOf('status', sql`e.status_code`)},
      'legalForm', ${labelOf('legalForm', sql`e.legal_form_code`)},
      'employeeBand', ${labelOf('employeeBand', sql`e.employee_band_code`)}) end
    from ${registryExtracts} x left join ${registryEnterprises} e on e.extract_id = x.id and e.neq = ${neq}
    where x.status = 'current')`;
