import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, uniqueViolation } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { applicationProfile } from '../../intake/index.ts';
import { currentQuestionnaire, diagnosticsOfApplication } from '../db/queries.ts';
import { diagnostics, PHASES } from '../db/tables.ts';

export const startDiagnosticInput = z.strictObject({ applicationId: z.uuid(), phase: z.enum(PHASES) });

/**
 * Starts the diagnostic of an accepted application: T0 at entry, T1 at closure (once T0 is complete,
 * with the same questionnaire version, so that before and after compare). One of each per application.
 */
export async function startDiagnostic(ctx: Ctx, input: unknown): Promise<{ id: string }> {
  const { applicationId, phase } = parseInput(startDiagnosticInput, input, 'diagnostic');
  const application = await applicationProfile(ctx.db, applicationId);
  if (!application) throw new AppError('not_found');
  authorizeVisible(ctx.actor, 'diagnostic.start', {
    applicantId: application.applicantId,
    assignedExpertUserId: application.assignedExpertUserId,
  });
  if (application.status !== 'accepted')
    throw new AppError('conflict', { key: 'diagnostic:errors.not_accepted' });
  const existing = await diagnosticsOfApplication(ctx.db, applicationId);
  if (existing.some((d) => d.phase === phase))
    throw new AppError('conflict', { key: 'diagnostic:errors.phase_exists', params: { phase } });
  const t0 = existing.find((d) => d.phase === 'T0');
  if (phase === 'T1' && t0?.status !== 'completed')
    throw new AppError('conflict', { key: 'diagnostic:errors.t0_first' });
  const questionnaireId =
    phase === 'T1' ? t0!.questionnaireId : (await currentQuestionnaire(ctx.db, application.programId))?.id;
  if (!questionnaireId) throw new AppError('conflict', { key: 'diagnostic:errors.no_questionnaire' });
  const id = newId();
  await transaction(ctx, async (tx) => {
    try {
      await tx.insert(diagnostics).values({
        id,
        applicationId,
        programId: application.programId,
        questionnaireId,
        phase,
        startedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      });
    } catch (error) {
      // A concurrent start of the same phase: the unique index decides.
      if (uniqueViolation(error))
        throw new AppError('conflict', { key: 'diagnostic:errors.phase_exists', params: { phase } });
      throw error;
    }
    await appendAudit(tx, ctx, {
      action: 'diagnostic.started',
      entityType: 'diagnostic',
      entityId: id,
      changes: { applicationId, phase },
    });
  });
  return { id };
}
