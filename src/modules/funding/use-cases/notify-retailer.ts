import type { Locale } from '../../../kernel/locale.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { contactOf } from '../../identity/index.ts';
import { programContactEmail } from '../../programs/index.ts';
import type { AgreementFile } from './load-agreement.ts';

/** Where the retailer sees their aid: the agreement, the offer to accept, the letter. */
export const myAidPath = (applicationId: string) => `/applications/${applicationId}/aid`;

/** An e-mail about the agreement to the retailer, in their language, with a link to « Mon aide », in `tx`. */
export async function notifyRetailer(
  tx: Executor,
  ctx: Ctx,
  file: AgreementFile,
  template: string,
  params: (locale: Locale) => Record<string, unknown>,
): Promise<void> {
  const contact = file.applicantId ? await contactOf(tx, file.applicantId) : undefined;
  if (!contact) return;
  await queueMail(tx, ctx, {
    to: contact.email,
    locale: contact.locale,
    template,
    params: {
      name: contact.name,
      business: file.tradeName || file.legalName || '',
      contactEmail: await programContactEmail(tx, ctx, file.programId),
      ...params(contact.locale),
    },
    actionUrl: `${ctx.services.config.publicUrl}${myAidPath(file.id)}`,
  });
}
