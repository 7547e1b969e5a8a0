import { z } from 'zod';
import { LOCALES } from '../../../kernel/locale.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { parseInput } from '../../../platform/validation.ts';
import { contactOf } from '../../identity/index.ts';
import { getPrivacyIncident } from './get-privacy-incident.ts';

export const noticeLetterInput = z.strictObject({
  /** A person with a Virage account: the letter is addressed to them, in the language they chose. */
  userId: z.uuid().optional(),
  /** Otherwise the letter's language (a person known outside Virage). */
  locale: z.enum(LOCALES).optional(),
});

/**
 * The notice letter to a person concerned by an incident, as a PDF in their language: to a Virage
 * account by name, or to whom it may concern in the language asked (the officer's by default). An
 * incident without the advice to persons has no letter yet (409): Reg. s.5 requires it.
 */
export async function getIncidentNoticeLetter(ctx: Ctx, id: string, input: unknown) {
  const incident = await getPrivacyIncident(ctx, id);
  const { userId, locale: asked } = parseInput(noticeLetterInput, input, 'privacy');
  if (!incident.adviceToPersons)
    throw new AppError('conflict', { key: 'privacy:incidents.errors.no_advice' });
  const person = userId ? await contactOf(ctx.db, userId) : undefined;
  if (userId && !person) throw new AppError('not_found');
  const officer = await contactOf(ctx.db, incident.recordedBy);
  const locale = person?.locale ?? asked ?? (ctx.actor.kind === 'user' ? ctx.actor.locale : ctx.locale);
  const t = translatorFor(ctx.services.i18n, locale);
  const { renderNoticeLetterPdf } = await import('../register/notice-letter-pdf.ts');
  const pdf = await renderNoticeLetterPdf(
    { incident, addressee: person?.name ?? null, contact: { name: officer!.name, email: officer!.email } },
    t,
    locale,
    ctx.now(),
  );
  return { pdf, filename: `${t('privacy:notice.filename')}-${id.slice(0, 8)}-${locale}.pdf` };
}
