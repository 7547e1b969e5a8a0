import { formatDate } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { plainText } from '../../../platform/exports/table.ts';
import type { Translate } from '../../../platform/i18n/i18n.ts';
import { taggedPdf } from '../../../platform/pdf/tagged-pdf.ts';
import type { PrivacyIncident } from '../use-cases/list-privacy-incidents.ts';
import { incidentRegisterTable } from './incident-register.ts';

/** The register as a tagged PDF for the Commission: each incident a heading and a table of its contents. */
export function renderRegisterPdf(
  incidents: PrivacyIncident[],
  t: Translate,
  locale: Locale,
  now: Date,
): Promise<Buffer> {
  const title = t(incidentRegisterTable.title);
  const { width, heading, paragraph, table, finish } = taggedPdf({
    title,
    subject: t('privacy:incidents.register_subject'),
    keywords: 'registre des incidents de confidentialité, confidentiality incident register, Loi 25',
    locale,
  });
  heading(title, 'H1', 18);
  paragraph(t('privacy:incidents.printed_on', { date: formatDate(now), count: incidents.length }), {
    muted: true,
    size: 9.5,
  });
  if (incidents.length === 0) paragraph(t('privacy:incidents.none'));
  for (const incident of incidents) {
    heading(t('privacy:incidents.entry_title', { date: incident.learnedOn }), 'H2', 13);
    table({
      columnStyles: [width * 0.32, width * 0.68],
      defaultStyle: { padding: 4, border: 0.5, borderColor: '#9a9a9a', fontSize: 9.5 },
      data: incidentRegisterTable.columns.map((c) => [
        { text: t(c.header), type: 'TH', font: { src: 'bold' } },
        { text: plainText(c.type, c.value(incident, t)) || '—', font: { src: 'regular' } },
      ]),
    });
  }
  return finish();
}
