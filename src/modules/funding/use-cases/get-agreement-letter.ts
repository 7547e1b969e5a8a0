import { type Ctx, inChosenLanguage } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { translatorFor } from '../../../platform/i18n/i18n.ts';
import { contactOf } from '../../identity/index.ts';
import { agreementView } from './agreement-view.ts';
import { loadAgreement } from './load-agreement.ts';

/**
 * The letter of offer as a PDF, in the retailer's language (the team downloads what the retailer
 * reads); a draft has no letter yet.
 */
export async function getAgreementLetter(
  requestCtx: Ctx,
  id: string,
): Promise<{ pdf: Buffer; filename: string }> {
  const { agreement, file } = await loadAgreement(requestCtx, id, 'agreement.read');
  if (agreement.status === 'draft')
    throw new AppError('conflict', { key: 'funding:agreements.errors.no_letter' });
  const retailer = file.applicantId ? await contactOf(requestCtx.db, file.applicantId) : undefined;
  const ctx = retailer
    ? { ...requestCtx, locale: retailer.locale, t: translatorFor(requestCtx.services.i18n, retailer.locale) }
    : inChosenLanguage(requestCtx);
  const view = await agreementView(ctx, agreement, file);
  // pdfkit and the fonts load with the first letter, not at start-up.
  const { renderLetterPdf } = await import('../letter/letter-pdf.ts');
  const pdf = await renderLetterPdf(view, ctx.t, ctx.locale, ctx.now());
  return {
    pdf,
    filename: `${ctx.locale === 'fr' ? 'lettre-offre' : 'letter-of-offer'}-${id.slice(0, 8)}.pdf`,
  };
}
