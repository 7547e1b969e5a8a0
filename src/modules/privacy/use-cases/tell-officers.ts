import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { queueMails } from '../../../platform/mail/queue-mail.ts';
import { activeUsersWithRole } from '../../identity/index.ts';
import type { RequestKind } from '../domain/requests.ts';

/**
 * Tells every privacy officer (the `privacy` role and the designated administrators) that a request
 * arrived (or, with `request_due_soon`, that its due day is near) and when it is due, in each officer's
 * language. The person's words stay in Virage: an e-mail is copied and forwarded more easily than a
 * page behind a second factor.
 */
export async function tellOfficers(
  tx: Executor,
  ctx: Ctx,
  request: { kind: RequestKind; dueOn: string },
  template: 'request_for_officer' | 'request_due_soon' = 'request_for_officer',
) {
  const designated = ctx.services.config.privacyOfficerAdmins;
  const officers = [
    ...(await activeUsersWithRole(tx, ['privacy'])),
    ...(designated.length > 0
      ? (await activeUsersWithRole(tx, ['admin'])).filter((a) => designated.includes(a.email.toLowerCase()))
      : []),
  ];
  await queueMails(
    tx,
    ctx,
    officers.map((officer) => ({
      to: officer.email,
      locale: officer.locale,
      template: `privacy:mail.${template}`,
      params: {
        kind: translatorFor(ctx.services.i18n, officer.locale)(`privacy:requests.kinds.${request.kind}`),
        dueOn: request.dueOn,
      },
      actionUrl: `${ctx.services.config.publicUrl}/privacy`,
    })),
  );
}
