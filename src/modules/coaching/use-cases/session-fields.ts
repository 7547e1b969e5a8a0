import { z } from 'zod';
import { formatDateTime } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { AppError, type FieldIssue } from '../../../platform/errors.ts';
import { overlappingSession } from '../db/queries.ts';
import { parseSessionStart } from '../domain/session-time.ts';
import { SESSION_MODES } from '../domain/sessions.ts';

/** What a session is when scheduled or moved (shared by scheduling and changing). */
export const sessionWhen = {
  startsAt: z.string().max(40),
  durationMinutes: z.number().int().min(15).max(480),
  mode: z.enum(SESSION_MODES),
  location: z.string().trim().max(500).nullable().optional(),
};

/** The start instant of a session, or a field error that says what is wrong with the time given. */
export function sessionStart(ctx: Ctx, value: string): Date {
  const start = parseSessionStart(value);
  if (!start.ok) {
    const key =
      start.problem === 'format'
        ? 'coaching:validation.start_format'
        : `coaching:validation.${start.problem}`;
    throw new AppError('invalid_input', {
      fields: [{ path: 'startsAt', key, params: { expected: start.expectedOffset } }],
    });
  }
  if (start.instant.getTime() <= ctx.now().getTime()) {
    throw new AppError('invalid_input', {
      fields: [{ path: 'startsAt', key: 'coaching:validation.in_past' }],
    });
  }
  return start.instant;
}

/** Refuses a time at which the expert already has a session (call with the expert's row locked). */
export async function assertFree(
  tx: Executor,
  ctx: Ctx,
  expertId: string,
  start: Date,
  minutes: number,
  exceptId?: string,
): Promise<void> {
  const clash = await overlappingSession(tx, expertId, start, minutes, exceptId);
  if (!clash) return;
  const end = new Date(clash.startsAt.getTime() + clash.durationMinutes * 60_000);
  const issue: FieldIssue = {
    path: 'startsAt',
    key: 'coaching:validation.overlap',
    params: {
      from: formatDateTime(clash.startsAt, ctx.locale),
      to: formatDateTime(end, ctx.locale).slice(11),
    },
  };
  throw new AppError('invalid_input', { fields: [issue] });
}
