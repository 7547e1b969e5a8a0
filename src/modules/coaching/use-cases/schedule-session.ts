import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { activeExpertOf, lockExpert } from '../../experts/index.ts';
import { getProgram } from '../../programs/index.ts';
import { findSession } from '../db/queries.ts';
import { coachingSessions } from '../db/tables.ts';
import { hoursOf } from './hours-of.ts';
import { assertOpen, loadFile } from './load-file.ts';
import { assertFree, sessionStart, sessionWhen } from './session-fields.ts';
import { sendSessionInvitations } from './session-invitation.ts';
import { sessionView } from './session-view.ts';

export const scheduleSessionInput = z.strictObject({ applicationId: z.uuid(), ...sessionWhen });

/**
 * Schedules a coaching session with the business's expert (the expert, or the program team for them):
 * in the future, never over another session of the same expert; an in-store visit defaults to the
 * business's address. The retailer and the expert receive the invitation (`.ics`).
 */
export async function scheduleSession(ctx: Ctx, input: unknown) {
  const data = parseInput(scheduleSessionInput, input, 'coaching');
  const file = await loadFile(ctx, data.applicationId, 'session.manage');
  assertOpen(file);
  const start = sessionStart(ctx, data.startsAt);
  const expert = await activeExpertOf(ctx.db, file.id);
  if (!expert) throw new AppError('conflict', { key: 'coaching:errors.not_assigned' });
  const address = [file.street, file.municipality, file.postalCode].filter(Boolean).join(', ');
  const location = data.location || (data.mode === 'in_store' && address ? address : null);
  const program = await getProgram(ctx, file.programId);
  const id = newId();
  await transaction(ctx, async (tx) => {
    await lockExpert(tx, expert.expertId);
    await assertFree(tx, ctx, expert.expertId, start, data.durationMinutes);
    await tx.insert(coachingSessions).values({
      id,
      applicationId: file.id,
      expertId: expert.expertId,
      startsAt: start,
      durationMinutes: data.durationMinutes,
      mode: data.mode,
      location,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    });
    await appendAudit(tx, ctx, {
      action: 'session.scheduled',
      entityType: 'application',
      entityId: file.id,
      changes: {
        sessionId: id,
        startsAt: start.toISOString(),
        durationMinutes: data.durationMinutes,
        mode: data.mode,
        location,
      },
    });
    await sendSessionInvitations(
      tx,
      ctx,
      { session: (await findSession(tx, id))!, file, program },
      'session_scheduled',
    );
  });
  const session = (await findSession(ctx.db, id))!;
  return { ...sessionView(ctx, session, file), hoursBudget: await hoursOf(ctx, file) };
}
