import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { audienceCounts } from '../db/messages.ts';
import { audienceInput } from './message-input.ts';

/**
 * How many people a message of this kind to this segment would reach now, and how many of the
 * segment a newsletter leaves out because they have not consented to it (before writing it).
 */
export async function previewAudience(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'message.send');
  const audience = parseInput(audienceInput, input, 'outreach');
  await getProgram(ctx, audience.programId);
  return audienceCounts(ctx.db, audience, ctx.now());
}
