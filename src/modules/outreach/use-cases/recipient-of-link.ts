import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { contactOf } from '../../identity/index.ts';
import { findRecipient } from '../db/messages.ts';
import { recipientOfToken } from './unsubscribe-token.ts';

/** The person a newsletter's link was made for, or not found (a token not made here, or erased). */
export async function recipientOfLink(ctx: Ctx, token: string) {
  const id = recipientOfToken(ctx.services.config, token);
  const recipient = id ? await findRecipient(ctx.db, id) : undefined;
  const contact = recipient ? await contactOf(ctx.db, recipient.userId) : undefined;
  if (recipient?.kind !== 'newsletter' || !contact) throw new AppError('not_found');
  return { recipient, contact };
}
