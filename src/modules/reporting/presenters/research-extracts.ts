import { z } from 'zod';
import { instant, instantOrNull } from '../../../platform/http/present.ts';
import { EXTRACT_STATUSES, REFUSAL_KINDS } from '../db/tables.ts';
import { LEVELS, QUASI_IDENTIFIERS, VARIABLE_GROUPS } from '../domain/research.ts';
import type { ExtractView } from '../use-cases/extract-view.ts';

const generalisation = z
  .object({
    region: z.enum(LEVELS.region),
    subsector: z.enum(LEVELS.subsector),
    size_band: z.enum(LEVELS.size_band),
    year: z.enum(LEVELS.year),
    registry: z.enum(LEVELS.registry),
  })
  .meta({ id: 'Generalisation' });

const person = z.object({ id: z.uuid(), name: z.string() });

export const researchExtract = z
  .object({
    id: z.uuid(),
    programId: z.uuid(),
    programName: z.string(),
    purpose: z.string(),
    variableGroups: z.array(z.enum(VARIABLE_GROUPS)),
    generalisation,
    status: z.enum(EXTRACT_STATUSES),
    requestedBy: person,
    requestedAt: z.iso.datetime(),
    decidedBy: person.nullable(),
    decidedAt: z.iso.datetime().nullable(),
    refusalKind: z.enum(REFUSAL_KINDS).nullable(),
    refusalReason: z.string().nullable(),
    /** How many classes of quasi-identifiers held fewer than k businesses. */
    failingClassCount: z.number().int().nullable(),
    /** Those classes, for administrators only (null for the researcher). */
    failingClasses: z
      .array(
        z.object({
          values: z.object(Object.fromEntries(QUASI_IDENTIFIERS.map((q) => [q, z.string()]))),
          count: z.number().int(),
        }),
      )
      .nullable(),
    suggestedGeneralisation: generalisation.nullable(),
    extractedAt: z.iso.datetime().nullable(),
    rowCount: z.number().int().nullable(),
    classCount: z.number().int().nullable(),
    rulesVersions: z.record(z.string(), z.string()).nullable(),
    checksums: z.record(z.string(), z.string()).nullable(),
    sizeBytes: z.number().int().nullable(),
    downloads: z.number().int(),
  })
  .meta({ id: 'ResearchExtract' });

export const researchExtractList = z.object({ items: z.array(researchExtract) });

export function presentExtract(x: ExtractView): z.output<typeof researchExtract> {
  return {
    id: x.id,
    programId: x.programId,
    programName: x.programName,
    purpose: x.purpose,
    variableGroups: x.variableGroups,
    generalisation: x.generalisation,
    status: x.status,
    requestedBy: { id: x.requestedBy, name: x.requesterName },
    requestedAt: instant(x.requestedAt),
    decidedBy:
      x.decidedBy && x.status !== 'requested' ? { id: x.decidedBy, name: x.deciderName ?? '' } : null,
    decidedAt: x.status !== 'requested' ? instantOrNull(x.decidedAt) : null,
    refusalKind: x.refusalKind,
    refusalReason: x.refusalReason,
    failingClassCount: x.failingClassCount,
    failingClasses: x.failingClasses,
    suggestedGeneralisation: x.suggestedGeneralisation,
    extractedAt: instantOrNull(x.extractedAt),
    rowCount: x.rowCount,
    classCount: x.classCount,
    rulesVersions: x.rulesVersions,
    checksums: x.checksums,
    sizeBytes: x.sizeBytes,
    downloads: x.downloads,
  };
}
