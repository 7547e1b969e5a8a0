import { z } from 'zod';
import { formatDate, startOfMontrealDay } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { expertsWithLoad } from '../../experts/index.ts';
import { sessionsByExpert } from '../db/queries.ts';

export const workloadInput = z.strictObject({ programId: z.uuid().optional() });

/** Each expert's workload for the program team: active files against capacity, hours logged, sessions this month. */
export async function getWorkload(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'workload.read');
  const { programId } = parseInput(workloadInput, input, 'coaching');
  const today = formatDate(ctx.now());
  const monthStart = startOfMontrealDay(`${today.slice(0, 7)}-01`);
  const [year, month] = today.split('-').map(Number) as [number, number];
  const nextMonth = startOfMontrealDay(
    month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`,
  );
  const experts = await expertsWithLoad(ctx.db, programId ? { programId } : undefined);
  const facts = await sessionsByExpert(
    ctx.db,
    experts.map((e) => e.id),
    monthStart,
    nextMonth,
  );
  return {
    month: today.slice(0, 7),
    items: experts.map((e) => {
      const f = facts.get(e.id);
      return {
        expertId: e.id,
        name: e.name,
        status: e.status,
        activeFiles: e.activeFiles,
        capacity: e.capacity,
        hoursLogged: (f?.minutesLogged ?? 0) / 60,
        hoursLoggedThisMonth: (f?.minutesLoggedThisMonth ?? 0) / 60,
        sessionsThisMonth: f?.sessionsThisMonth ?? 0,
      };
    }),
  };
}
