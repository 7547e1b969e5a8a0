import { formatDate } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { Translate } from '../../../platform/i18n/i18n.ts';
import { taggedPdf } from '../../../platform/pdf/tagged-pdf.ts';
import type { PrivacyIncident } from '../use-cases/list-privacy-incidents.ts';

export type NoticeLetter = {
  incident: PrivacyIncident;
  /** The person written to, when known by name; else a salutation to whom it may concern. */
  addressee: string | null;
  /** Who answers the persons' questions: the privacy officer who recorded the incident. */
  contact: { name: string; email: string };
};

/**
 * The notice to the persons concerned (Reg. r.3.1 s.5), in their language: what information,
 * the circumstances, when, what the organisation did, what the person may do, and whom to ask.
 */
export function renderNoticeLetterPdf(letter: NoticeLetter, t: Translate, locale: Locale, now: Date) {
  const { incident, addressee, contact } = letter;
  const title = t('privacy:notice.title');
  const { heading, paragraph, finish } = taggedPdf({
    title,
    subject: t('privacy:notice.subject'),
    keywords: 'avis, notice, incident de confidentialité, confidentiality incident',
    locale,
  });
  heading(title, 'H1', 18);
  paragraph(formatDate(now), { muted: true, size: 9.5 });
  paragraph(addressee ? t('privacy:notice.dear', { name: addressee }) : t('privacy:notice.dear_all'));
  paragraph(t('privacy:notice.intro'));
  const period = incident.occurredTo
    ? t('privacy:notice.period', { from: incident.occurredFrom, to: incident.occurredTo })
    : incident.occurredFrom;
  for (const [key, text] of [
    ['information', incident.informationInvolved],
    ['circumstances', incident.circumstances],
    ['when', period],
    ['measures', incident.measures],
    ['advice', incident.adviceToPersons ?? ''],
  ] as const) {
    heading(t(`privacy:notice.${key}`), 'H2', 13);
    paragraph(text);
  }
  heading(t('privacy:notice.contact'), 'H2', 13);
  paragraph(t('privacy:notice.contact_text', { name: contact.name, email: contact.email }));
  return finish();
}
