import { and, asc, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { activeUsersWithRole } from '../../identity/index.ts';
import { programs } from '../../programs/db/tables.ts';
import { lockApplication, recordEvent } from '../db/application-writes.ts';
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
    await tx.select({ id: programs.id }).from(programs).where(eq(programs.id, found.programId)).for('update');
    const app = await lockApplication(tx, id);
    if (!mayWithdraw({ status: app.status, coachingClosed: app.coachingClosedAt !== null })) {
      throw new AppError('conflict', {
        ...(app.coachingClosedAt
          ? { key: 'intake:errors.coaching_over' }
          : { key: 'intake:errors.transition', params: { from: app.status, to: 'withdrawn' } }),
      });
    }
    const [saved] = await tx
      .update(applications)
      .set({ status: 'withdrawn', decidedAt: ctx.now(), updatedAt: ctx.now() })
      .where(eq(applications.id, id))
      .returning();
    await recordEvent(tx, ctx, id, { kind: 'withdrawn', fromStatus: app.status, toStatus: 'withdrawn' });
    await appendAudit(tx, ctx, {
      action: 'application.withdrawn',
      entityType: 'application',
      entityId: id,
      changes: { status: [app.status, 'withdrawn'] },
    });
    if (app.status === 'accepted') {
      const [next] = await tx
        .select({ id: applications.id, legalName: applications.legalName, tradeName: applications.tradeName })
        .from(applications)
        .where(and(eq(applications.programId, app.programId), eq(applications.status, 'waitlisted')))
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
    return saved!;
  });
  return detailOf(ctx, app, false);
}
