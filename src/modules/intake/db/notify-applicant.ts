import type { Locale } from '../../../kernel/locale.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { contactOf } from '../../identity/index.ts';
import { programContactEmail } from '../../programs/index.ts';
import { createClaimLink } from './claim-links.ts';
import type { ApplicationRow } from './queries.ts';

/**
 * Writes to the retailer behind an application, in their language: the account holder, or for a paper
 * application without an account, the business address in French, with a link to open their account
 * for it (then they see it, and can write to the team, like anyone who applied online).
 */
export async function notifyApplicant(
  tx: Executor,
  ctx: Ctx,
  app: ApplicationRow,
  template: string,
  params: (locale: Locale) => Record<string, unknown>,
): Promise<void> {
  const contact = app.applicantId ? await contactOf(tx, app.applicantId) : undefined;
  const to = contact?.email ?? app.email;
  if (!to) return;
  const locale: Locale = contact?.locale ?? 'fr';
  await queueMail(tx, ctx, {
    to,
    locale,
    template,
    params: {
      name: contact?.name ?? app.contactName ?? '',
      business: app.tradeName || app.legalName,
      contactEmail: await programContactEmail(tx, ctx, app.programId),
      ...params(locale),
    },
    actionUrl: contact
      ? `${ctx.services.config.publicUrl}/applications/${app.id}`
      : await createClaimLink(tx, ctx, app.id, to),
  });
}
