import { and, eq, isNull, lte } from 'drizzle-orm';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { contactOf } from '../../identity/index.ts';
import { applicationProfile, consentIsActive } from '../../intake/index.ts';
import { outcomeSurveys } from '../db/tables.ts';

/**
 * Sends the outcome surveys that have come due (the six-month wave) and not been sent: run every day by
 * the job queue, to businesses whose consent to surveys stands. Each survey is marked sent in the same transaction as its e-mail, so none goes twice.
 */
export async function sendDueSurveys(ctx: Ctx): Promise<number> {
  authorize(ctx.actor, 'survey.send');
  const due = await ctx.db
    .select()
    .from(outcomeSurveys)
    .where(
      and(
        isNull(outcomeSurveys.sentAt),
        isNull(outcomeSurveys.answeredAt),
        lte(outcomeSurveys.dueAt, ctx.now()),
      ),
    );
  let sent = 0;
  for (const survey of due) {
    await transaction(ctx, async (tx) => {
      // A business that withdrew its consent to follow-up surveys is not asked: the survey stays unsent.
      if (!(await consentIsActive(tx, survey.applicationId, 'surveys'))) return;
      const claimed = await tx
        .update(outcomeSurveys)
        .set({ sentAt: ctx.now() })
        .where(and(eq(outcomeSurveys.id, survey.id), isNull(outcomeSurveys.sentAt)))
        .returning({ id: outcomeSurveys.id });
      if (claimed.length === 0) return;
      const file = await applicationProfile(tx, survey.applicationId);
      const retailer = file?.applicantId ? await contactOf(tx, file.applicantId) : undefined;
      if (!file || !retailer) return;
      await queueMail(tx, ctx, {
        to: retailer.email,
        locale: retailer.locale,
        template: 'coaching:mail.survey_six_months',
        params: { name: retailer.name, business: file.tradeName || file.legalName },
        actionUrl: `${ctx.services.config.publicUrl}/surveys/${survey.id}`,
      });
      sent++;
    });
  }
  return sent;
}
