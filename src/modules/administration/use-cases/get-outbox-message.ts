import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { mailOutbox } from '../../../platform/mail/table.ts';
import { authorize } from '../../../wiring/authorize.ts';

/** One message as it was (or would have been) sent, text version. */
export async function getOutboxMessage(ctx: Ctx, id: string) {
  authorize(ctx.actor, 'outbox.read');
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const [message] = await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (!message) throw new AppError('not_found');
  return message;
}
