import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { findMessage } from '../db/messages.ts';
import { messageView } from './message-view.ts';

/** One message with its progress: recipients, mails queued, sent, failed, and unsubscribes. */
export async function getMessage(ctx: Ctx, id: string) {
  authorizeVisible(ctx.actor, 'message.read');
  const row = UUID_PATTERN.test(id) ? await findMessage(ctx.db, id) : undefined;
  if (!row) throw new AppError('not_found');
  return messageView(ctx.db, row);
}
