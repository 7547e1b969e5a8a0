import { eq } from 'drizzle-orm';
import { formatDateTime } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { REVENUE_CHANGES } from '../../coaching/index.ts';
import { getCurrentQuestionnaire } from '../../diagnostic/index.ts';
import { licenceInForce } from '../../registry/index.ts';
import {
  appendChunk,
  claimExtract,
  deleteChunks,
  type ExtractWithNames,
  findExtract,
  releaseClaim,
} from '../db/research-extracts.ts';
import { researchSourceBatch, researchSources, type SourceRow } from '../db/research-source.ts';
import { researchExtracts } from '../db/tables.ts';
import { disclosureVerdict, extractDecisionInput, RESEARCH_RULES_VERSION } from '../domain/research.ts';
import { type Dimension, researchVariables } from '../domain/research-variables.ts';
import { readAhead } from '../extracts/read-ahead.ts';
import { writeResearchZip } from '../extracts/research-zip.ts';
import { extractView } from './extract-view.ts';

/** Rows read per query while extracting: small enough to keep every query short. */
export const EXTRACT_BATCH = 5_000;

/** The program's questionnaire: its version, and its dimensions named in both languages. */
async function questionnaireOf(
  ctx: Ctx,
  programId: string,
): Promise<{ version: number; dimensions: Dimension[] }> {
  const inLocale = (locale: 'fr' | 'en') =>
    getCurrentQuestionnaire({ ...ctx, locale, t: translatorFor(ctx.services.i18n, locale) }, { programId });
  const [fr, en] = await Promise.all([inLocale('fr'), inLocale('en')]);
  return {
    version: fr.version,
    dimensions: fr.dimensions.map((d) => ({
      id: d.id,
      label: { fr: d.label, en: en.dimensions.find((e) => e.id === d.id)?.label ?? d.label },
    })),
  };
}

/** The program's consenting businesses, batch after batch, the next read while the current is written. */
async function* batchesOf(ctx: Ctx, programId: string, withRegistry: boolean) {
  const pages = readAhead<SourceRow>((last) =>
    researchSourceBatch(ctx.db, programId, last?.applicationId ?? null, EXTRACT_BATCH, withRegistry),
  );
  for await (const rows of pages) yield researchSources(rows);
}

/**
 * Extracts an approved request: streams the consenting businesses into the zip, stored in pieces, and
 * releases it only if every class of quasi-identifiers holds at least k businesses; otherwise the
 * pieces go and the extract is refused with the failing classes and the generalisation that passes.
 * Runs outside any long transaction (each batch and piece is its own statement); the decision and its
 * audit event are written together at the end.
 */
async function extract(ctx: Ctx, x: ExtractWithNames, adminName: string) {
  const extractedAt = ctx.now();
  const questionnaire = await questionnaireOf(ctx, x.programId);
  // Registry-derived variables only while an administrator's record says the licence allows it.
  const registryAllowed = (await licenceInForce(ctx.db)) !== undefined;
  const variables = researchVariables(x.variableGroups, x.generalisation, {
    dimensions: questionnaire.dimensions,
    revenueChanges: REVENUE_CHANGES,
    registryAllowed,
  });
  // The extract's own rules and the instrument its scores were computed with.
  const rulesVersions = { research: RESEARCH_RULES_VERSION, questionnaire: `v${questionnaire.version}` };
  let position = 0;
  const written = await writeResearchZip({
    batches: batchesOf(ctx, x.programId, registryAllowed),
    variables,
    facts: {
      extractId: x.id,
      programName: x.programName,
      purpose: x.purpose,
      requestedBy: x.requesterName,
      approvedBy: adminName,
      extractedAt: formatDateTime(extractedAt, 'fr'),
      rulesVersions,
      generalisation: x.generalisation,
    },
    t: { fr: translatorFor(ctx.services.i18n, 'fr'), en: translatorFor(ctx.services.i18n, 'en') },
    sink: (chunk) => appendChunk(ctx.db, x.id, position++, chunk),
  });
  const verdict = disclosureVerdict(written.counts, written.detailedCounts, x.generalisation);
  if (!verdict.ok) await deleteChunks(ctx.db, x.id);
  await transaction(ctx, async (tx) => {
    const common = { decidedAt: ctx.now(), extractedAt, rowCount: written.rowCount, rulesVersions };
    if (verdict.ok) {
      await tx
        .update(researchExtracts)
        .set({
          ...common,
          status: 'approved',
          classCount: verdict.classes,
          checksums: written.checksums,
          sizeBytes: written.sizeBytes,
        })
        .where(eq(researchExtracts.id, x.id));
    } else {
      await tx
        .update(researchExtracts)
        .set({
          ...common,
          status: 'refused',
          refusalKind: 'k_anonymity',
          failingClasses: verdict.failing,
          suggestedGeneralisation: verdict.suggestion,
        })
        .where(eq(researchExtracts.id, x.id));
    }
    await appendAudit(tx, ctx, {
      action: verdict.ok ? 'research_extract.approved' : 'research_extract.refused_k_anonymity',
      entityType: 'research_extract',
      entityId: x.id,
      changes: verdict.ok
        ? { rowCount: written.rowCount, checksums: written.checksums, rulesVersions }
        : {
            rowCount: written.rowCount,
            failingClasses: verdict.failing.length,
            suggestion: verdict.suggestion,
          },
    });
  });
}

/** An administrator approves (and so extracts) or refuses, with a reason, a researcher's request. */
export async function decideResearchExtract(ctx: Ctx, id: string, input: unknown) {
  authorize(ctx.actor, 'research_extract.decide');
  if (!UUID_PATTERN.test(id) || ctx.actor.kind !== 'user') throw new AppError('not_found');
  const { decision, reason } = parseInput(extractDecisionInput, input, 'reporting');
  const found = await findExtract(ctx.db, id);
  if (!found) throw new AppError('not_found');
  if (found.requestedBy === ctx.actor.id) throw new AppError('forbidden');
  if (!(await claimExtract(ctx.db, id, ctx.actor.id, ctx.now())))
    throw new AppError('conflict', { key: 'reporting:research.errors.already_decided' });
  try {
    if (decision === 'approved') await extract(ctx, found, ctx.actor.name);
    else
      await transaction(ctx, async (tx) => {
        await tx
          .update(researchExtracts)
          .set({ status: 'refused', refusalKind: 'administrator', refusalReason: reason ?? null })
          .where(eq(researchExtracts.id, id));
        await appendAudit(tx, ctx, {
          action: 'research_extract.refused',
          entityType: 'research_extract',
          entityId: id,
          changes: { reason },
        });
      });
  } catch (error) {
    await deleteChunks(ctx.db, id);
    await releaseClaim(ctx.db, id);
    throw error;
  }
  return extractView(ctx, (await findExtract(ctx.db, id))!);
}
