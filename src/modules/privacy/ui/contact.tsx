import { useTranslation } from 'react-i18next';
import { Link, useLoaderData } from 'react-router';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { getPublishedContacts } from '../use-cases/get-published-contacts.ts';
import { OfficerContact } from './public-text.tsx';

export const loader = pageLoader(({ ctx }) => getPublishedContacts(ctx));

/** `/contact`: the program team's address and the privacy officer's contact (public). */
export default function Contact() {
  const { t } = useTranslation('privacy');
  const { programEmail, officer } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <PageTitle title={t('public.contact.title')}>{t('public.contact.title')}</PageTitle>
      <section aria-labelledby="program-team">
        <h2 id="program-team">{t('public.contact.program')}</h2>
        <p>{t('public.contact.program_intro')}</p>
        <p>
          {t('public.officer.email')} <a href={`mailto:${programEmail}`}>{programEmail}</a>
        </p>
      </section>
      <OfficerContact officer={officer} />
      <p>
        <Link to="/privacy-policy">{t('public.policy.title')}</Link>
      </p>
    </div>
  );
}
