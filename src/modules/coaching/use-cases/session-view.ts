import { montrealIso } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
import type { SessionRow } from '../db/queries.ts';
import type { CoachedFile } from './load-file.ts';

/** A session as the caller may see it: notes for the staff only, the summary once shared with the retailer. */
export function sessionView(ctx: Ctx, session: SessionRow, file: CoachedFile) {
  const staff = isAllowed(ctx.actor, 'session.read_notes', file);
  return {
    id: session.id,
    applicationId: session.applicationId,
    expertId: session.expertId,
    startsAt: montrealIso(session.startsAt),
    durationMinutes: session.durationMinutes,
    mode: session.mode,
    location: session.location,
    status: session.status,
    sequence: session.sequence,
    hours: session.minutesLogged === null ? null : session.minutesLogged / 60,
    notes: staff ? session.notes : null,
    summary: staff || session.summaryShared ? session.summary : null,
    summaryShared: session.summaryShared,
  };
}

export type SessionView = ReturnType<typeof sessionView>;
