import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import type { RequestWithRequester } from '../db/requests.ts';

/** Where the person reads their requests and the answers. */
export const MY_REQUESTS_PATH = '/account/privacy/requests';

/**
 * Tells the person, in their language, where their request stands: received (with the day the answer
 * is due), taken up, answered or refused (with the officer's text), in the caller's transaction.
 */
export function tellRequester(tx: Executor, ctx: Ctx, { request, requester }: RequestWithRequester) {
  const t = translatorFor(ctx.services.i18n, requester.locale);
  return queueMail(tx, ctx, {
    to: requester.email,
    locale: requester.locale,
    template: `privacy:mail.request_${request.status}`,
    params: {
      name: requester.name,
      kind: t(`privacy:requests.kinds.${request.kind}`),
      dueOn: request.dueOn,
      answer: request.answer ?? '',
    },
    actionUrl: `${ctx.services.config.publicUrl}${MY_REQUESTS_PATH}`,
  });
}
