import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { localiseError } from '../../../platform/http/problem.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { lockExpert } from '../../experts/index.ts';
import { commitCoachingHours } from '../../funding/index.ts';
import { getProgram } from '../../programs/index.ts';
import { findSession } from '../db/queries.ts';
import { coachingSessions } from '../db/tables.ts';
import { hoursOf } from './hours-of.ts';
import { loadFile } from './load-file.ts';
import { assertFree, sessionStart, sessionWhen } from './session-fields.ts';
import { sendSessionInvitations } from './session-invitation.ts';
import { sessionView } from './session-view.ts';

export const updateSessionInput = z
  .strictObject({
    ...sessionWhen,
    /** `cancelled` cancels; `held` records that it took place (also implied by giving hours). */
    status: z.enum(['held', 'cancelled']),
    hours: z
      .number({ error: 'common:validation.number' })
      .min(0, { error: 'coaching:validation.negative_hours' })
      .max(24)
      .multipleOf(0.25, { error: 'coaching:validation.quarter_hours' }),
    notes: z.string().trim().max(20_000).nullable(),
    /** A note added after those already written (field mode: notes written offline never overwrite). */
    addNote: z.string().trim().min(1).max(5000),
    summary: z.string().trim().max(4000).nullable(),
    summaryShared: z.boolean(),
  })
  .partial();

const RESCHEDULE = ['startsAt', 'durationMinutes', 'mode', 'location'] as const;
const RECORD = ['hours', 'notes', 'addNote', 'summary', 'summaryShared'] as const;

/**
 * Changes a session: moving it (or changing its mode or place) and cancelling send the retailer and the
 * expert an update with the same UID and a higher SEQUENCE; after it took place, the expert records the
 * hours spent, private notes and a summary they may share with the retailer.
 */
export async function updateSession(ctx: Ctx, id: string, input: unknown) {
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const data = parseInput(updateSessionInput, input, 'coaching');
  const found = await findSession(ctx.db, id);
  if (!found) throw new AppError('not_found');
  const file = await loadFile(ctx, found.applicationId, 'session.manage');
  const reschedules = RESCHEDULE.some((k) => data[k] !== undefined);
  const records = data.status === 'held' || RECORD.some((k) => data[k] !== undefined);
  const start = data.startsAt === undefined ? undefined : sessionStart(ctx, data.startsAt);
  const program = await getProgram(ctx, file.programId);
  let unfunded: AppError | null = null;

  const session = await transaction(ctx, async (tx) => {
    await lockExpert(tx, found.expertId);
    const [current] = await tx
      .select()
      .from(coachingSessions)
      .where(eq(coachingSessions.id, id))
      .for('update');
    if (!current) throw new AppError('not_found');
    if (current.status === 'cancelled')
      throw new AppError('conflict', { key: 'coaching:errors.session_cancelled' });
    if ((reschedules || data.status === 'cancelled') && current.status === 'held')
      throw new AppError('conflict', { key: 'coaching:errors.session_held' });
    if ((reschedules || data.status === 'cancelled') && file.coachingClosedAt)
      throw new AppError('conflict', { key: 'coaching:errors.file_closed' });
    if (records && current.startsAt.getTime() > ctx.now().getTime()) {
      const field = RECORD.find((k) => data[k] !== undefined) ?? 'status';
      throw new AppError('invalid_input', {
        fields: [{ path: field, key: 'coaching:validation.not_held_yet' }],
      });
    }
    const changes: Partial<typeof coachingSessions.$inferInsert> = {};
    if (reschedules) {
      Object.assign(changes, {
        startsAt: start ?? current.startsAt,
        durationMinutes: data.durationMinutes ?? current.durationMinutes,
        mode: data.mode ?? current.mode,
        location: data.location === undefined ? current.location : data.location,
      });
      await assertFree(tx, ctx, current.expertId, changes.startsAt!, changes.durationMinutes!, id);
    }
    if (data.status === 'cancelled') changes.status = 'cancelled';
    if (reschedules || data.status === 'cancelled') changes.sequence = current.sequence + 1;
    if (records) {
      changes.status = 'held';
      if (data.hours !== undefined) changes.minutesLogged = Math.round(data.hours * 60);
      if (data.notes !== undefined) changes.notes = data.notes;
      if (data.addNote !== undefined)
        changes.notes = [changes.notes ?? current.notes, data.addNote].filter(Boolean).join('\n\n');
      if (data.summary !== undefined) changes.summary = data.summary;
      if (data.summaryShared !== undefined) changes.summaryShared = data.summaryShared;
    }
    if (Object.keys(changes).length === 0) return current;
    await tx
      .update(coachingSessions)
      .set({ ...changes, updatedAt: ctx.now() })
      .where(eq(coachingSessions.id, id));
    const diff = Object.fromEntries(
      Object.entries(changes)
        .filter(([k]) => k !== 'notes') // private notes stay out of the audit log; that they changed is enough
        .map(([k, v]) => [k, [current[k as keyof typeof current], v]]),
    );
    await appendAudit(tx, ctx, {
      action:
        data.status === 'cancelled'
          ? 'session.cancelled'
          : reschedules
            ? 'session.rescheduled'
            : 'session.recorded',
      entityType: 'application',
      entityId: file.id,
      changes: { sessionId: id, ...diff, ...(changes.notes !== undefined ? { notesChanged: true } : {}) },
    });
    if (typeof changes.minutesLogged === 'number')
      unfunded = await commitCoachingHours(tx, ctx, {
        programId: file.programId,
        applicationId: file.id,
        sessionId: id,
        minutes: changes.minutesLogged,
      });
    const updated = (await findSession(tx, id))!;
    if (data.status === 'cancelled')
      await sendSessionInvitations(tx, ctx, { session: updated, file, program }, 'session_cancelled');
    else if (reschedules)
      await sendSessionInvitations(tx, ctx, { session: updated, file, program }, 'session_changed');
    return updated;
  });
  return {
    ...sessionView(ctx, session, file),
    hoursBudget: await hoursOf(ctx, file),
    // The hours are a fact and are saved; when the accompaniment envelope cannot pay for them, the
    // answer says so instead of failing a change that was made (see commitCoachingHours).
    fundingWarning: unfunded ? localiseError(unfunded, ctx.services.i18n, ctx.locale).detail : null,
  };
}
