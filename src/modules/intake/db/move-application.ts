import { and, count, eq } from 'drizzle-orm';
import type { Locale } from '../../../kernel/locale.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { type LockedProgram, lockProgram } from '../../programs/index.ts';
import { changesPlaces, type Move, planMove } from '../domain/moves.ts';
import { type ApplicationStatus, canMove } from '../domain/status.ts';
import { lockApplication, recordEvent, waitlistPosition } from './application-writes.ts';
import { notifyApplicant } from './notify-applicant.ts';
import type { ApplicationRow } from './queries.ts';
import { applications } from './tables.ts';

export type MoveOutcome = {
  from: ApplicationStatus;
  saved: ApplicationRow;
  capacityReached: boolean;
  waitlistPosition: number | null;
};

/** What the caller adds to a move, once the rows are locked. */
export type MoveRequest = {
  move: Move;
  /** Audit details besides the status change. */
  audit?: (outcome: MoveOutcome) => Record<string, unknown>;
  /** The e-mail to the retailer, in their language. */
  mail?: (outcome: MoveOutcome) => { template: string; params: (locale: Locale) => Record<string, unknown> };
};

/**
 * The one way an application changes status, in `tx`: locks the program (when the move changes who
 * holds a place) then the application, lets `prepare` check what it must on the locked row, applies
 * what the domain says the move changes, and records the event, the audit entry and the mail.
 */
export async function moveApplication(
  tx: Tx,
  ctx: Ctx,
  target: { id: string; programId: string; to: ApplicationStatus },
  prepare: (app: ApplicationRow, program: LockedProgram | null) => Promise<MoveRequest>,
): Promise<MoveOutcome> {
  const program = changesPlaces(target.to) ? await lockProgram(tx, target.programId) : null;
  const app = await lockApplication(tx, target.id);
  const transitionError = new AppError('conflict', {
    key: 'intake:errors.transition',
    params: { from: app.status, to: target.to },
  });
  // An impossible move says so before the caller's own checks (a submitted file is not "incomplete").
  if (!canMove(app.status, target.to)) throw transitionError;
  const request = await prepare(app, program);
  const planned = planMove(app, request.move, ctx.now());
  if (!planned.ok) {
    if (planned.reason === 'program_full')
      throw new AppError('conflict', { key: 'intake:errors.program_full' });
    if (planned.reason === 'places_remain') {
      throw new AppError('conflict', {
        key: 'intake:errors.places_remain',
        params: { count: planned.placesLeft },
      });
    }
    throw transitionError;
  }
  const [saved] = await tx
    .update(applications)
    .set(planned.changes)
    .where(eq(applications.id, app.id))
    .returning();
  const outcome: MoveOutcome = {
    from: app.status,
    saved: saved!,
    capacityReached: planned.capacityReached,
    waitlistPosition: await waitlistPosition(tx, saved!),
  };
  await recordEvent(tx, ctx, app.id, {
    kind: planned.to,
    fromStatus: app.status,
    toStatus: planned.to,
    message: planned.eventMessage,
  });
  await appendAudit(tx, ctx, {
    action: `application.${planned.to}`,
    entityType: 'application',
    entityId: app.id,
    changes: { status: [app.status, planned.to], ...request.audit?.(outcome) },
  });
  const mail = request.mail?.(outcome);
  if (mail) await notifyApplicant(tx, ctx, outcome.saved, mail.template, mail.params);
  return outcome;
}

/** Applications accepted in a program (read under the program's lock, so the count is exact). */
export async function acceptedCount(tx: Tx, programId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.programId, programId), eq(applications.status, 'accepted')));
  return Number(row?.n ?? 0);
}
