import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { sessionsOfApplication } from '../db/queries.ts';
import { hoursOf } from './hours-of.ts';
import { loadFile } from './load-file.ts';
import { sessionView } from './session-view.ts';

export const listSessionsInput = z.strictObject({ applicationId: z.uuid() });

/** The sessions of a business, oldest first, with its hours budget: the retailer, their expert, the program team. */
export async function listSessions(ctx: Ctx, input: unknown) {
  const { applicationId } = parseInput(listSessionsInput, input, 'coaching');
  const file = await loadFile(ctx, applicationId, 'session.read');
  const sessions = await sessionsOfApplication(ctx.db, file.id);
  return { items: sessions.map((s) => sessionView(ctx, s, file)), hoursBudget: await hoursOf(ctx, file) };
}
