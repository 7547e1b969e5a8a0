import { parseCsvRecords } from '../../../kernel/csv.ts';
import type { Ctx } from '../../../platform/context.ts';
import { fieldError } from '../../../platform/errors.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { registrationsWithPeople } from '../db/queries.ts';
import { minutesByEmail } from '../domain/workshops.ts';
import { loadWorkshop } from './load-workshop.ts';
import { recordAttendance } from './record-attendance.ts';

/** A webinar's list is a few kilobytes; a thousand people's connections stay far under this. */
export const MAX_ATTENDANCE_CSV_BYTES = 1024 * 1024;

/**
 * A webinar's attendance list (CSV `email,minutes`, one row per connection, as conferencing tools
 * export it) recorded as attendance: reconnections add up; a registered person absent from the list is
 * absent. Addresses that match no registration are returned, not guessed.
 */
export async function importAttendance(ctx: Ctx, workshopId: string, csv: string) {
  const workshop = await loadWorkshop(ctx, workshopId);
  authorizeVisible(ctx.actor, 'workshop.attendance', workshop);
  const { header, records } = parseCsvRecords(csv.trim());
  if (!header.includes('email') || !header.includes('minutes'))
    throw fieldError('csv', 'workshops:validation.csv_header');
  const rows = records.map((r, i) => {
    const minutes = Number(r.minutes);
    if (!Number.isFinite(minutes) || minutes < 0)
      throw fieldError('csv', 'workshops:validation.csv_minutes', { line: i + 2 });
    return { email: r.email ?? '', minutes: Math.round(minutes) };
  });
  const minutes = minutesByEmail(rows, workshop.durationMinutes);
  const registered = (await registrationsWithPeople(ctx.db, workshop.id)).filter(
    (p) => p.registration.status === 'registered',
  );
  if (registered.length === 0) return { items: [], unmatched: [...minutes.keys()] };
  const result = await recordAttendance(
    ctx,
    workshop.id,
    registered.map((p) => {
      const m = minutes.get(p.email.toLowerCase()) ?? 0;
      return { registrationId: p.registration.id, present: m > 0, minutesAttended: m };
    }),
  );
  const emails = new Set(registered.map((p) => p.email.toLowerCase()));
  return { ...result, unmatched: [...minutes.keys()].filter((e) => !emails.has(e)) };
}
