import { useTranslation } from 'react-i18next';

type Section = { heading: string; text: string };

/** A published text's sections (headings and paragraphs), kept as content in the privacy module's i18n. */
export function PublicSections({ textKey }: { textKey: string }) {
  const { t } = useTranslation('privacy');
  const sections = t(`${textKey}.sections`, { returnObjects: true }) as Section[];
  return sections.map((section) => (
    <section key={section.heading}>
      <h2>{section.heading}</h2>
      <p>{section.text}</p>
    </section>
  ));
}

/** The privacy officer's published title and contact. */
export function OfficerContact({
  officer,
}: {
  officer: { title: string; email: string; phone: string | undefined };
}) {
  const { t } = useTranslation('privacy');
  return (
    <section aria-labelledby="privacy-officer">
      <h2 id="privacy-officer">{t('public.officer.title')}</h2>
      <p>{officer.title}</p>
      <p>{t('public.officer.intro')}</p>
      <ul>
        <li>
          {t('public.officer.email')} <a href={`mailto:${officer.email}`}>{officer.email}</a>
        </li>
        {officer.phone ? <li>{t('public.officer.phone', { phone: officer.phone })}</li> : null}
      </ul>
    </section>
  );
}
