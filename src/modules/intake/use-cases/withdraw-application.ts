import { and, asc, eq } from 'drizzle-orm';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { activeUsersWithRole } from '../../identity/index.ts';
import { moveApplication } from '../db/move-application.ts';
import { applications } from '../db/tables.ts';
import { mayWithdraw } from '../domain/status.ts';
import { detailOf } from './get-application.ts';
import { loadApplication } from './load-application.ts';

/**
 * The retailer withdraws. When that frees a place in the program, every coordinator is told and
 * offered the next application on the waitlist.
 */
export async function withdrawApplication(ctx: Ctx, id: string) {
  const { app: found } = await loadApplication(ctx, id, 'application.withdraw');
  const app = await transaction(ctx, async (tx) => {
    const { from, saved } = await moveApplication(
      tx,
      ctx,
      { id, programId: found.programId, to: 'withdrawn' },
      async (app) => {
        // The file's coaching is over: there is nothing left to withdraw from.
        if (!mayWithdraw({ status: app.status, coachingClosed: app.coachingClosedAt !== null })) {
          throw new AppError('conflict', { key: 'intake:errors.coaching_over' });
        }
        return { move: { to: 'withdrawn' } };
      },
    );
    if (from === 'accepted') {
      const [next] = await tx
        .select({ id: applications.id, legalName: applications.legalName, tradeName: applications.tradeName })
        .from(applications)
        .where(and(eq(applications.programId, found.programId), eq(applications.status, 'waitlisted')))
        .orderBy(asc(applications.waitlistedAt), asc(applications.id))
        .limit(1);
      if (next) {
        for (const coordinator of await activeUsersWithRole(tx, ['coordinator'])) {
          await queueMail(tx, ctx, {
            to: coordinator.email,
            locale: coordinator.locale,
            template: 'intake:mail.place_available',
            params: { name: coordinator.name, next: next.tradeName || next.legalName },
            actionUrl: `${ctx.services.config.publicUrl}/review/applications/${next.id}`,
          });
        }
      }
    }
    return saved;
  });
  return detailOf(ctx, app, false);
}
