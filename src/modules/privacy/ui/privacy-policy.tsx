import { useTranslation } from 'react-i18next';
import { useLoaderData } from 'react-router';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { getPublishedContacts } from '../use-cases/get-published-contacts.ts';
import { OfficerContact, PublicSections } from './public-text.tsx';

export const loader = pageLoader(({ ctx }) => getPublishedContacts(ctx));

/** `/privacy-policy`: the versioned privacy policy and the privacy officer's title and contact (public). */
export default function PrivacyPolicy() {
  const { t } = useTranslation('privacy');
  const { policyVersion, officer } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <PageTitle title={t('public.policy.title')}>{t('public.policy.title')}</PageTitle>
      <p>{t('public.policy.version', { version: policyVersion })}</p>
      <PublicSections textKey="public.policy" />
      <OfficerContact officer={officer} />
    </div>
  );
}
