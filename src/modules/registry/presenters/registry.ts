import { z } from 'zod';
import { instant, instantOrNull } from '../../../platform/http/present.ts';
import type { Translate } from '../../../platform/i18n/i18n.ts';
import type { ExtractRow } from '../db/queries.ts';
import type { registryRejectedRows } from '../db/tables.ts';
import { type RegistryEnterprise, STATUS_KINDS } from '../domain/enterprise.ts';
import { EXTRACT_FILE_NAMES, type ImportProblem } from '../domain/extract-format.ts';
import { EXTRACT_STATUSES } from '../domain/extracts.ts';
import { problemMessage } from '../domain/problems.ts';

const problem = z.object({
  kind: z.string(),
  file: z.string().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});

export const registryImport = z
  .object({
    id: z.uuid(),
    status: z.enum(EXTRACT_STATUSES),
    unchanged: z
      .boolean()
      .describe('The same file (same SHA-256) was already the current extract or loading'),
    fileName: z.string(),
    fileDate: z.iso.date().nullable(),
    checksum: z.string().describe('SHA-256 of the zip, hexadecimal'),
    sizeBytes: z.number().int(),
    rowsRead: z.number().int().describe('Rows read so far, every file together (progress)'),
    rowCounts: z.partialRecord(
      z.enum(EXTRACT_FILE_NAMES),
      z.object({ loaded: z.number().int(), rejected: z.number().int() }),
    ),
    warnings: z.array(problem),
    failure: problem.nullable(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'RegistryImport' });

export const registryImportDetail = registryImport
  .extend({
    rejectedRows: z.array(
      z.object({
        file: z.string(),
        line: z.number().int(),
        reason: z.string(),
        column: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'RegistryImportDetail' });

export const registryImportList = z.object({ items: z.array(registryImport) });

const presentProblem = (t: Translate, p: ImportProblem) => {
  const [key, params] = problemMessage(p);
  return {
    kind: p.kind,
    file: 'file' in p ? p.file : null,
    column: 'column' in p ? p.column : null,
    message: t(key, params),
  };
};

export const presentImport =
  (t: Translate) =>
  (e: ExtractRow, unchanged = false): z.input<typeof registryImport> => ({
    id: e.id,
    status: e.status,
    unchanged,
    fileName: e.fileName,
    fileDate: e.fileDate,
    checksum: e.checksum,
    sizeBytes: e.sizeBytes,
    rowsRead: e.rowsRead,
    rowCounts: e.rowCounts,
    warnings: e.warnings.map((w) => presentProblem(t, w)),
    failure: e.failure ? presentProblem(t, e.failure) : null,
    startedAt: instant(e.startedAt),
    finishedAt: instantOrNull(e.finishedAt),
  });

export const presentImportDetail = (
  t: Translate,
  {
    extract,
    rejectedRows,
  }: { extract: ExtractRow; rejectedRows: (typeof registryRejectedRows.$inferSelect)[] },
): z.input<typeof registryImportDetail> => ({
  ...presentImport(t)(extract),
  rejectedRows: rejectedRows.map(({ file, line, reason, column }) => ({ file, line, reason, column })),
});

const coded = z
  .object({
    code: z.string(),
    label: z.string().nullable().describe('From DomaineValeur.csv; null: unknown code'),
  })
  .nullable();
const activity = z.object({
  cae: z.object({ code: z.string(), label: z.string().nullable() }),
  description: z.string().nullable(),
  naics: z.string().nullable().describe('From the CAE → NAICS correspondence; null: none recorded'),
});

export const registryEnterprise = z
  .object({
    neq: z.string(),
    extract: z.object({ id: z.uuid(), fileDate: z.iso.date().nullable(), importedAt: z.iso.datetime() }),
    legalName: z.string().nullable(),
    names: z.array(
      z.object({
        name: z.string(),
        foreignName: z.string().nullable(),
        type: coded,
        status: coded,
        startedOn: z.iso.date().nullable(),
        endedOn: z.iso.date().nullable(),
        current: z.boolean(),
      }),
    ),
    status: coded,
    statusKind: z.enum(STATUS_KINDS).describe('Read from the status label: registered, struck_off, other'),
    statusOn: z.iso.date().nullable(),
    bankrupt: z.boolean(),
    legalForm: coded,
    jurisdiction: coded,
    registeredOn: z.iso.date().nullable(),
    constitutedOn: z.iso.date().nullable(),
    employeeBand: coded,
    activities: z.array(activity),
    domicileAddress: z
      .array(z.string())
      .nullable()
      .describe('Only when the registry marks the address displayable'),
    establishments: z.array(
      z.object({
        number: z.string().nullable(),
        name: z.string().nullable(),
        main: z.boolean(),
        address: z.array(z.string()).nullable(),
        activities: z.array(activity),
      }),
    ),
  })
  .meta({ id: 'RegistryEnterprise' });

export const presentEnterprise = (e: RegistryEnterprise): z.input<typeof registryEnterprise> => ({
  ...e,
  extract: { ...e.extract, importedAt: instant(e.extract.importedAt) },
});

export const correspondence = z.object({
  items: z.array(z.object({ cae: z.string(), naics: z.string() })),
});

const licenceRecord = z.object({
  id: z.uuid(),
  licence: z.string().describe('The licence relied on and the clause that allows republication'),
  recordedBy: z.uuid().nullable(),
  recordedAt: z.iso.datetime(),
  revokedBy: z.uuid().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});

/** Whether registry-derived values may be republished (research extracts), and the records kept. */
export const registryLicence = z.object({
  inForce: licenceRecord.nullable(),
  records: z.array(licenceRecord),
});

type LicenceRecord = {
  id: string;
  licence: string;
  recordedBy: string | null;
  recordedAt: Date;
  revokedBy: string | null;
  revokedAt: Date | null;
};
const presentLicenceRecord = (r: LicenceRecord): z.input<typeof licenceRecord> => ({
  ...r,
  recordedAt: r.recordedAt.toISOString(),
  revokedAt: r.revokedAt?.toISOString() ?? null,
});
export const presentLicence = (l: {
  inForce: LicenceRecord | null;
  records: LicenceRecord[];
}): z.input<typeof registryLicence> => ({
  inForce: l.inForce ? presentLicenceRecord(l.inForce) : null,
  records: l.records.map(presentLicenceRecord),
});
