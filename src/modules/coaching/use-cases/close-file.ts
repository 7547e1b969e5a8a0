import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, fieldError, uniqueViolation } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { parseInput } from '../../../platform/validation.ts';
import { endActiveAssignment } from '../../experts/index.ts';
import { contactOf } from '../../identity/index.ts';
import { consentIsActive, markCoachingClosed } from '../../intake/index.ts';
import { getProgram } from '../../programs/index.ts';
import { planOf, sessionsOfApplication } from '../db/queries.ts';
import { closures, coachingSessions, outcomeSurveys } from '../db/tables.ts';
import { littleDone } from '../domain/closure.ts';
import { SIX_MONTHS_DAYS } from '../domain/outcomes.ts';
import { planProgress } from '../domain/plan.ts';
import { assertOpen, loadFile } from './load-file.ts';
import { sendSessionInvitations } from './session-invitation.ts';

export const closeFileInput = z.strictObject({
  outcome: z.enum(['completed', 'abandoned']),
  /** Required when abandoned, and when completed with little done (see domain/closure.ts). */
  reason: z.string().trim().max(2000).optional(),
});

/**
 * Closes a coaching file: the plan completed (it must be approved, and a reason is needed when little
 * was done), or abandoned with a reason. Sessions
 * still ahead are cancelled (calendars updated), the assignment ends, and the retailer is asked for the
 * closing (T1) diagnostic and the outcome survey, which is sent again six months later.
 */
export async function closeFile(ctx: Ctx, applicationId: string, input: unknown) {
  const data = parseInput(closeFileInput, input, 'coaching');
  const file = await loadFile(ctx, applicationId, 'file.close');
  if (data.outcome === 'abandoned' && !data.reason)
    throw fieldError('reason', 'coaching:validation.reason_required');
  const program = await getProgram(ctx, file.programId);
  const surveys = await transaction(ctx, async (tx) => {
    assertOpen(file);
    if (data.outcome === 'completed') {
      const plan = await planOf(tx, file.id);
      if (plan?.status !== 'approved') {
        throw new AppError('conflict', { key: 'coaching:errors.plan_not_approved' });
      }
      const held = (await sessionsOfApplication(tx, file.id)).filter((s) => s.status === 'held');
      if (!data.reason && littleDone({ sessionsHeld: held.length, plan: planProgress(plan.actions) }))
        throw fieldError('reason', 'coaching:validation.reason_little_done');
    }
    const now = ctx.now();
    try {
      await tx.insert(closures).values({
        applicationId: file.id,
        outcome: data.outcome,
        reason: data.reason ?? null,
        closedAt: now,
        closedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
    } catch (error) {
      // Two closures at once: the first one wins.
      if (uniqueViolation(error)) throw new AppError('conflict', { key: 'coaching:errors.file_closed' });
      throw error;
    }
    await markCoachingClosed(tx, file.id, now);
    await endActiveAssignment(tx, file.id, now, `closed:${data.outcome}`);
    const ahead = await tx
      .update(coachingSessions)
      .set({ status: 'cancelled', sequence: sql`${coachingSessions.sequence} + 1`, updatedAt: now })
      .where(
        and(
          eq(coachingSessions.applicationId, file.id),
          eq(coachingSessions.status, 'scheduled'),
          gt(coachingSessions.startsAt, now),
        ),
      )
      .returning();
    for (const session of ahead)
      await sendSessionInvitations(tx, ctx, { session, file, program }, 'session_cancelled');
    // A business that withdrew its consent to follow-up surveys is not asked: the closure survey stays
    // unsent, like the six-month one (send-due-surveys.ts); the notice still invites it to retake the diagnostic.
    const asked = await consentIsActive(tx, file.id, 'surveys');
    // A file closed again after a reopening keeps the surveys already answered (see reopen-file.ts).
    await tx
      .insert(outcomeSurveys)
      .values([
        {
          id: newId(),
          programId: file.programId,
          applicationId: file.id,
          wave: 'closure',
          dueAt: now,
          sentAt: asked ? now : null,
        },
        {
          id: newId(),
          programId: file.programId,
          applicationId: file.id,
          wave: 'six_months',
          dueAt: new Date(now.getTime() + SIX_MONTHS_DAYS * 86_400_000),
        },
      ])
      .onConflictDoNothing();
    const sent = await tx
      .select({ id: outcomeSurveys.id, wave: outcomeSurveys.wave })
      .from(outcomeSurveys)
      .where(eq(outcomeSurveys.applicationId, file.id));
    const closureSurveyId = sent.find((s) => s.wave === 'closure')!.id;
    await appendAudit(tx, ctx, {
      action: 'file.closed',
      entityType: 'application',
      entityId: file.id,
      changes: { outcome: data.outcome, reason: data.reason ?? null, sessionsCancelled: ahead.length },
    });
    const retailer = file.applicantId ? await contactOf(tx, file.applicantId) : undefined;
    if (retailer) {
      await queueMail(tx, ctx, {
        to: retailer.email,
        locale: retailer.locale,
        template: asked ? 'coaching:mail.closed' : 'coaching:mail.closed_without_survey',
        params: {
          name: retailer.name,
          business: file.tradeName || file.legalName,
          program: retailer.locale === 'fr' ? program.nameFr : program.nameEn,
        },
        actionUrl: asked
          ? `${ctx.services.config.publicUrl}/surveys/${closureSurveyId}`
          : `${ctx.services.config.publicUrl}/applications/${file.id}/diagnostics`,
      });
    }
    return [
      { id: closureSurveyId, wave: 'closure' as const },
      { id: sent.find((s) => s.wave === 'six_months')!.id, wave: 'six_months' as const },
    ];
  });
  return { applicationId: file.id, outcome: data.outcome, closedAt: ctx.now(), surveys };
}
