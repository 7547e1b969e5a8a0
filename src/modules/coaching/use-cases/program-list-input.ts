import { z } from 'zod';
import { startOfMontrealDay } from '../../../kernel/format.ts';
import { cursorField, decodeCursor, limitField } from '../../../platform/pagination.ts';
import type { ProgramListQuery } from '../db/program-lists.ts';

const day = z.iso.date({ error: 'common:validation.date' });

/** The filters the program team's sessions, plans and surveys share: program, expert, period, page. */
export const programListInput = z.strictObject({
  programId: z.uuid(),
  expertId: z.uuid().optional(),
  from: day.optional(),
  to: day.optional(),
  cursor: cursorField.optional(),
  limit: limitField,
});

/**
 * Both ends of the period are included; an end before the start is named rather than answered with
 * nothing. The message names both fields itself: `to` and `from` are labelled by another list too.
 */
export const withPeriod = <T extends z.ZodObject>(schema: T) =>
  schema.refine((f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to, {
    error: 'coaching:validation.period_order',
    path: ['to'],
  });

/** The shared filters as the queries take them: Montréal days as instants, the cursor as its sort key. */
export function listQuery(f: z.output<typeof programListInput>): ProgramListQuery {
  return {
    programId: f.programId,
    expertId: f.expertId,
    since: f.from ? startOfMontrealDay(f.from) : undefined,
    until: f.to ? startOfMontrealDay(f.to, 1) : undefined,
    after: f.cursor ? decodeCursor(f.cursor) : undefined,
    take: f.limit + 1,
  };
}
