import { formatDate, formatLongDate, formatNumber } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { Translate } from '../../../platform/i18n/i18n.ts';
import { taggedPdf } from '../../../platform/pdf/tagged-pdf.ts';

export type CertificateFacts = {
  /** The registration's id: what the program checks the certificate against. */
  reference: string;
  person: string;
  business: string;
  title: string;
  start: Date;
  minutesAttended: number;
  durationMinutes: number;
  facilitator: string | null;
};

/** The attendance certificate, in the participant's language. */
export function renderCertificatePdf(c: CertificateFacts, t: Translate, locale: Locale, now: Date) {
  const title = t('workshops:certificate.title');
  const { heading, paragraph, finish } = taggedPdf({
    title,
    subject: c.title,
    keywords: 'attestation de participation, certificate of attendance, atelier, workshop',
    locale,
  });
  heading(title, 'H1', 20);
  paragraph(t('workshops:certificate.statement', { person: c.person, business: c.business }));
  heading(c.title, 'H2', 14);
  paragraph(t('workshops:certificate.when', { date: formatLongDate(c.start, locale) }));
  paragraph(
    t('workshops:certificate.attended', {
      hours: formatNumber(Math.round((c.minutesAttended / 60) * 100) / 100, locale),
      minutes: c.minutesAttended,
      duration: c.durationMinutes,
    }),
  );
  if (c.facilitator) paragraph(t('workshops:certificate.facilitator', { name: c.facilitator }));
  paragraph(t('workshops:certificate.reference', { reference: c.reference, date: formatDate(now) }), {
    muted: true,
    size: 9,
  });
  return finish();
}
