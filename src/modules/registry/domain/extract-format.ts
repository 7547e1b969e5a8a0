/**
 * The Registraire des entreprises' open-data file (next-capabilities §7): one zip of six CSV files, whose
 * names and columns are known from the Registraire's guide IN-537 as third-party parsers read it. Codes
 * are never decoded here: `DomaineValeur.csv`, kept with each extract, gives their labels.
 */

export const EXTRACT_FILES = {
  'Entreprise.csv': [
    'NEQ',
    'IND_FAIL',
    'DAT_IMMAT',
    'COD_REGIM_JURI',
    'COD_INTVAL_EMPLO_QUE',
    'DAT_CESS_PREVU',
    'COD_STAT_IMMAT',
    'COD_FORME_JURI',
    'DAT_STAT_IMMAT',
    'COD_REGIM_JURI_CONSTI',
    'DAT_DEPO_DECLR',
    'AN_DECL',
    'AN_PROD',
    'DAT_LIMIT_PROD',
    'AN_PROD_PRE',
    'DAT_LIMIT_PROD_PRE',
    'DAT_MAJ_INDEX_NOM',
    'COD_ACT_ECON_CAE',
    'NO_ACT_ECON_ASSUJ',
    'DESC_ACT_ECON_ASSUJ',
    'COD_ACT_ECON_CAE2',
    'NO_ACT_ECON_ASSUJ2',
    'DESC_ACT_ECON_ASSUJ2',
    'NOM_LOCLT_CONSTI',
    'DAT_CONSTI',
    'IND_CONVEN_UNMN_ACTNR',
    'IND_RET_TOUT_POUVR',
    'IND_LIMIT_RESP',
    'DAT_DEB_RESP',
    'DAT_FIN_RESP',
    'OBJET_SOC',
    'NO_MTR_VOLONT',
    'ADR_DOMCL_ADR_DISP',
    'ADR_DOMCL_LIGN1_ADR',
    'ADR_DOMCL_LIGN2_ADR',
    'ADR_DOMCL_LIGN3_ADR',
    'ADR_DOMCL_LIGN4_ADR',
  ],
  'Nom.csv': [
    'NEQ',
    'NOM_ASSUJ',
    'NOM_ASSUJ_LANG_ETRNG',
    'STAT_NOM',
    'TYP_NOM_ASSUJ',
    'DAT_INIT_NOM_ASSUJ',
    'DAT_FIN_NOM_ASSUJ',
  ],
  'Etablissement.csv': [
    'NEQ',
    'NO_SUF_ETAB',
    'IND_ETAB_PRINC',
    'IND_SALON_BRONZ',
    'IND_VENTE_TABAC_DETL',
    'IND_DISP',
    'LIGN1_ADR',
    'LIGN2_ADR',
    'LIGN3_ADR',
    'LIGN4_ADR',
    'COD_ACT_ECON',
    'DESC_ACT_ECON_ETAB',
    'NO_ACT_ECON_ETAB',
    'COD_ACT_ECON2',
    'DESC_ACT_ECON_ETAB2',
    'NO_ACT_ECON_ETAB2',
    'NOM_ETAB',
  ],
  'FusionScission.csv': [
    'NEQ',
    'NEQ_ASSUJ_REL',
    'DENOMN_SOC',
    'COD_RELA_ASSUJ',
    'DAT_EFCTVT',
    'IND_DISP',
    'LIGN1_ADR',
    'LIGN2_ADR',
    'LIGN3_ADR',
    'LIGN4_ADR',
  ],
  'ContinuationTransformation.csv': [
    'NEQ',
    'COD_TYP_CHANG',
    'COD_REGIM_JURI',
    'AUTR_REGIM_JURI',
    'NOM_LOCLT',
    'DAT_EFCTVT',
  ],
  'DomaineValeur.csv': ['TYP_DOM_VAL', 'COD_DOM_VAL', 'VAL_DOM_FRAN'],
} as const;

export type ExtractFile = keyof typeof EXTRACT_FILES;
export const EXTRACT_FILE_NAMES = Object.keys(EXTRACT_FILES) as ExtractFile[];

/** The one file whose missing columns stop an import; the others' only warn. */
export const BLOCKING_FILE: ExtractFile = 'Entreprise.csv';

/** A file of the archive, matched by its name whatever its folder and letter case. */
export function extractFileOf(entryName: string): ExtractFile | undefined {
  const base = entryName.split('/').pop()!.toLowerCase();
  return EXTRACT_FILE_NAMES.find((f) => f.toLowerCase() === base);
}

/**
 * The domain of `DomaineValeur.csv` a coded column is decoded in: the column's own name, as the file names
 * its domains; activities share one list whichever column holds them. [VERIFY] against a real extract.
 */
export const CODE_DOMAIN = {
  status: 'COD_STAT_IMMAT',
  legalForm: 'COD_FORME_JURI',
  employeeBand: 'COD_INTVAL_EMPLO_QUE',
  jurisdiction: 'COD_REGIM_JURI',
  activity: 'COD_ACT_ECON',
  nameType: 'TYP_NOM_ASSUJ',
  nameStatus: 'STAT_NOM',
} as const;
export type CodeField = keyof typeof CODE_DOMAIN;

export type ImportProblem =
  | { kind: 'missing_column'; file: ExtractFile; column: string }
  | { kind: 'unexpected_column'; file: ExtractFile; column: string }
  | { kind: 'missing_file'; file: ExtractFile }
  | { kind: 'unexpected_file'; file: string }
  | { kind: 'file_skipped'; file: ExtractFile; column: string }
  | { kind: 'corrupt_zip' }
  /** The server stopped while it loaded (found by the next import). */
  | { kind: 'interrupted' }
  | { kind: 'unreadable' };

/** Checks one file's header: what is missing or unexpected, named. */
export function checkColumns(file: ExtractFile, header: string[]): ImportProblem[] {
  const expected: readonly string[] = EXTRACT_FILES[file];
  return [
    ...expected
      .filter((c) => !header.includes(c))
      .map((column) => ({ kind: 'missing_column' as const, file, column })),
    ...header
      .filter((c) => !expected.includes(c))
      .map((column) => ({ kind: 'unexpected_column' as const, file, column })),
  ];
}

const MONTHS_FIRST = /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const DAY_FIRST = /^(\d{2})[-/.](\d{2})[-/.](\d{4})$/;

/**
 * A date as the extract writes it, in ISO form: `2019-03-04`, `2019/03/04`, `20190304`,
 * `2019-03-04 00:00:00` and `04/03/2019` (day first, as in Québec) are read; empty is null;
 * anything else, or a day that does not exist, is `undefined` (the row is rejected, the column named).
 */
export function normaliseDate(value: string): string | null | undefined {
  const text = value.trim();
  if (text === '') return null;
  const ymd = MONTHS_FIRST.exec(text);
  const dmy = ymd ? undefined : DAY_FIRST.exec(text);
  const [y, m, d] = ymd ? [ymd[1], ymd[2], ymd[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!y) return undefined;
  const iso = `${y}-${m}-${d}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** A yes/no indicator (`O`ui / `N`on in the file). */
export const isYes = (value: string | undefined) => /^(o|oui|y|yes|1|true)$/i.test((value ?? '').trim());

/** Address lines as one text, empty lines left out. */
export const addressOf = (lines: (string | undefined)[]) =>
  lines
    .map((l) => (l ?? '').trim())
    .filter((l) => l !== '')
    .join('\n') || null;
