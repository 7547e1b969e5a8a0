import { and, inArray, isNull, lte } from 'drizzle-orm';
import { formatDate, startOfMontrealDay } from '../../../kernel/format.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { privacyRequests } from '../db/request-tables.ts';
import { REMINDER_DAYS } from '../domain/requests.ts';
import { tellOfficers } from './tell-officers.ts';

/**
 * The daily reminder (a system job): every open request due within REMINDER_DAYS Montréal days (or
 * already past) that was not yet the subject of one is marked reminded and the officers are e-mailed,
 * in one transaction. The mark is taken with a conditional update, so a request is reminded once even
 * when the job runs twice. Returns how many requests were reminded.
 */
export async function remindDuePrivacyRequests(ctx: Ctx): Promise<number> {
  const horizon = formatDate(startOfMontrealDay(formatDate(ctx.now()), REMINDER_DAYS));
  return transaction(ctx, async (tx) => {
    const reminded = await tx
      .update(privacyRequests)
      .set({ remindedAt: ctx.now() })
      .where(
        and(
          inArray(privacyRequests.status, ['received', 'in_progress']),
          lte(privacyRequests.dueOn, horizon),
          isNull(privacyRequests.remindedAt),
        ),
      )
      .returning({ kind: privacyRequests.kind, dueOn: privacyRequests.dueOn });
    for (const request of reminded) await tellOfficers(tx, ctx, request, 'request_due_soon');
    return reminded.length;
  });
}
