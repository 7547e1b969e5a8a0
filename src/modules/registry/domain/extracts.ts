import { addressOf, type ExtractFile, isYes, normaliseDate } from './extract-format.ts';

export const EXTRACT_STATUSES = ['loading', 'failed', 'current', 'superseded'] as const;
export type ExtractStatus = (typeof EXTRACT_STATUSES)[number];

/** Rows of each file loaded and rejected. */
export type RowCounts = Partial<Record<ExtractFile, { loaded: number; rejected: number }>>;

/** Why a row was left out: its NEQ, its number of fields, a date, a repeated business. */
export type RowRejection = {
  reason: 'neq' | 'field_count' | 'date' | 'duplicate' | 'empty';
  column?: string;
};

type Fields = Record<string, string | undefined>;
type Mapped<T> = { row: T } | { rejected: RowRejection };

const NEQ = /^\d{10}$/;

/** Reads the dates of a row; the first unreadable one rejects it, named. */
function datesOf<K extends string>(
  fields: Fields,
  columns: Record<K, string>,
): Mapped<Record<K, string | null>> {
  const out = {} as Record<K, string | null>;
  for (const [key, column] of Object.entries(columns) as [K, string][]) {
    const value = normaliseDate(fields[column] ?? '');
    if (value === undefined) return { rejected: { reason: 'date', column } };
    out[key] = value;
  }
  return { row: out };
}

const text = (value: string | undefined) => {
  const t = (value ?? '').trim();
  return t === '' ? null : t;
};

function withNeq<T>(fields: Fields, build: (neq: string) => Mapped<T>): Mapped<T> {
  const neq = (fields.NEQ ?? '').trim();
  return NEQ.test(neq) ? build(neq) : { rejected: { reason: 'neq', column: 'NEQ' } };
}

export function enterpriseRow(fields: Fields) {
  return withNeq(fields, (neq) => {
    const dates = datesOf(fields, {
      registeredOn: 'DAT_IMMAT',
      statusOn: 'DAT_STAT_IMMAT',
      constitutedOn: 'DAT_CONSTI',
    });
    if ('rejected' in dates) return dates;
    return {
      row: {
        neq,
        ...dates.row,
        bankrupt: isYes(fields.IND_FAIL),
        statusCode: text(fields.COD_STAT_IMMAT),
        legalFormCode: text(fields.COD_FORME_JURI),
        jurisdictionCode: text(fields.COD_REGIM_JURI),
        employeeBandCode: text(fields.COD_INTVAL_EMPLO_QUE),
        caeCode: text(fields.COD_ACT_ECON_CAE),
        caeDescription: text(fields.DESC_ACT_ECON_ASSUJ),
        cae2Code: text(fields.COD_ACT_ECON_CAE2),
        cae2Description: text(fields.DESC_ACT_ECON_ASSUJ2),
        addressDisplayable: isYes(fields.ADR_DOMCL_ADR_DISP),
        address: addressOf([1, 2, 3, 4].map((n) => fields[`ADR_DOMCL_LIGN${n}_ADR`])),
      },
    };
  });
}

export function nameRow(fields: Fields) {
  return withNeq(fields, (neq) => {
    const name = text(fields.NOM_ASSUJ);
    if (!name) return { rejected: { reason: 'empty', column: 'NOM_ASSUJ' } };
    const dates = datesOf(fields, { startedOn: 'DAT_INIT_NOM_ASSUJ', endedOn: 'DAT_FIN_NOM_ASSUJ' });
    if ('rejected' in dates) return dates;
    return {
      row: {
        neq,
        name,
        ...dates.row,
        foreignName: text(fields.NOM_ASSUJ_LANG_ETRNG),
        statusCode: text(fields.STAT_NOM),
        typeCode: text(fields.TYP_NOM_ASSUJ),
      },
    };
  });
}

export function establishmentRow(fields: Fields) {
  return withNeq(fields, (neq) => ({
    row: {
      neq,
      number: text(fields.NO_SUF_ETAB),
      main: isYes(fields.IND_ETAB_PRINC),
      addressDisplayable: isYes(fields.IND_DISP),
      address: addressOf([1, 2, 3, 4].map((n) => fields[`LIGN${n}_ADR`])),
      name: text(fields.NOM_ETAB),
      caeCode: text(fields.COD_ACT_ECON),
      caeDescription: text(fields.DESC_ACT_ECON_ETAB),
      cae2Code: text(fields.COD_ACT_ECON2),
      cae2Description: text(fields.DESC_ACT_ECON_ETAB2),
    },
  }));
}

export function eventRow(file: ExtractFile, fields: Fields) {
  return withNeq(fields, (neq) => ({
    row: {
      neq,
      file,
      fields: Object.fromEntries(
        Object.entries(fields).filter(([k, v]) => k !== 'NEQ' && (v ?? '').trim() !== ''),
      ) as Record<string, string>,
    },
  }));
}

export function codeRow(fields: Fields): Mapped<{ domain: string; code: string; label: string }> {
  const domain = text(fields.TYP_DOM_VAL);
  const code = text(fields.COD_DOM_VAL);
  const label = text(fields.VAL_DOM_FRAN);
  if (!domain) return { rejected: { reason: 'empty', column: 'TYP_DOM_VAL' } };
  if (!code) return { rejected: { reason: 'empty', column: 'COD_DOM_VAL' } };
  if (!label) return { rejected: { reason: 'empty', column: 'VAL_DOM_FRAN' } };
  return { row: { domain, code, label } };
}
