import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { parseInput } from '../../../platform/validation.ts';
import { restoreClosedAssignment } from '../../experts/index.ts';
import { contactOf } from '../../identity/index.ts';
import { markCoachingClosed, setAssignedExperts } from '../../intake/index.ts';
import { closures, outcomeSurveys, reopenings } from '../db/tables.ts';
import { loadFile } from './load-file.ts';

export const reopenFileInput = z.strictObject({
  reason: z.string().trim().min(1).max(2000),
});

/**
 * Undoes a closure made by mistake (program team, with a reason). The closure is kept as history; the
 * business gets its expert back if they still have room, otherwise it waits for an expert. The outcome
 * surveys not answered yet are withdrawn (the next closure sends them again); answers already given are
 * kept. The closing diagnostic (T1), the retailer's own work, is left as it is, and sessions cancelled
 * at closure stay cancelled (the expert schedules new ones). The retailer, and the expert who comes
 * back, are told by e-mail.
 */
export async function reopenFile(ctx: Ctx, applicationId: string, input: unknown) {
  const file = await loadFile(ctx, applicationId, 'file.reopen');
  const data = parseInput(reopenFileInput, input, 'coaching');
  // Only an accepted business was coached; a withdrawn one has nothing to reopen.
  if (file.status !== 'accepted') throw new AppError('conflict', { key: 'coaching:errors.not_assigned' });
  return transaction(ctx, async (tx) => {
    const [closure] = await tx.delete(closures).where(eq(closures.applicationId, file.id)).returning();
    // Two reopenings at once: the first one wins.
    if (!closure) throw new AppError('conflict', { key: 'coaching:errors.file_open' });
    const now = ctx.now();
    const by = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    await tx.insert(reopenings).values({
      id: newId(),
      applicationId: file.id,
      outcome: closure.outcome,
      closureReason: closure.reason,
      closedAt: closure.closedAt,
      closedBy: closure.closedBy,
      reopenedAt: now,
      reopenedBy: by,
      reason: data.reason,
    });
    await markCoachingClosed(tx, file.id, null);
    const expert = await restoreClosedAssignment(tx, file.id, now, by);
    await setAssignedExperts(tx, [{ applicationId: file.id, expertUserId: expert?.userId ?? null }]);
    const withdrawn = await tx
      .delete(outcomeSurveys)
      .where(and(eq(outcomeSurveys.applicationId, file.id), isNull(outcomeSurveys.answeredAt)))
      .returning({ wave: outcomeSurveys.wave });
    await appendAudit(tx, ctx, {
      action: 'file.reopened',
      entityType: 'application',
      entityId: file.id,
      changes: {
        reason: data.reason,
        closure: { outcome: closure.outcome, reason: closure.reason, closedAt: closure.closedAt },
        expertId: expert?.id ?? null,
        surveysWithdrawn: withdrawn.map((s) => s.wave),
      },
    });
    const business = file.tradeName || file.legalName;
    const retailer = file.applicantId ? await contactOf(tx, file.applicantId) : undefined;
    if (retailer) {
      await queueMail(tx, ctx, {
        to: retailer.email,
        locale: retailer.locale,
        template: 'coaching:mail.reopened_retailer',
        params: { name: retailer.name, business },
        actionUrl: `${ctx.services.config.publicUrl}/applications/${file.id}`,
      });
    }
    if (expert) {
      await queueMail(tx, ctx, {
        to: expert.email,
        locale: expert.locale,
        template: 'coaching:mail.reopened_expert',
        params: { name: expert.name, business },
        actionUrl: `${ctx.services.config.publicUrl}/caseload/${file.id}`,
      });
    }
    return {
      applicationId: file.id,
      reopenedAt: now,
      expert: expert ? { id: expert.id, name: expert.name } : null,
      surveysWithdrawn: withdrawn.map((s) => s.wave),
    };
  });
}
