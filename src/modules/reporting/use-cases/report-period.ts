import { z } from 'zod';
import { startOfMontrealDay } from '../../../kernel/format.ts';
import { REGION_CODES } from '../../../kernel/quebec.ts';

const isoDay = z.iso.date({ error: 'common:validation.date' });

/** The period of a report: Montréal days, inclusive, either end open; `to` not before `from`. */
export const periodShape = { from: isoDay.optional(), to: isoDay.optional() };

export const orderedPeriod = (p: { from?: string; to?: string }) =>
  p.from === undefined || p.to === undefined || p.from <= p.to;
export const periodOrderIssue = { path: ['to'], error: 'reporting:errors.period_order' };

/** The dashboard's filters, by the names of the page's fields and the API's query parameters. */
export const dashboardQuery = z
  .strictObject({
    ...periodShape,
    region: z.enum(REGION_CODES, { error: 'reporting:errors.region' }).optional(),
    partner: z.uuid({ error: 'reporting:errors.partner' }).optional(),
    expert: z.uuid({ error: 'reporting:errors.expert' }).optional(),
  })
  .refine(orderedPeriod, periodOrderIssue);
export type DashboardQuery = z.output<typeof dashboardQuery>;

/** The period as the instants a cohort's submissions are read between (the `to` day included). */
export function periodInstants(p: { from?: string; to?: string }): { from?: Date; to?: Date } {
  return {
    ...(p.from ? { from: startOfMontrealDay(p.from) } : {}),
    ...(p.to ? { to: startOfMontrealDay(p.to, 1) } : {}),
  };
}
