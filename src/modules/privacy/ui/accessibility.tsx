import { useTranslation } from 'react-i18next';
import { useLoaderData } from 'react-router';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { getPublishedContacts } from '../use-cases/get-published-contacts.ts';
import { PublicSections } from './public-text.tsx';

export const loader = pageLoader(({ ctx }) => getPublishedContacts(ctx));

/** `/accessibility`: the accessibility statement, and where to report a barrier (public). */
export default function AccessibilityStatement() {
  const { t } = useTranslation('privacy');
  const { programEmail } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <PageTitle title={t('public.accessibility.title')}>{t('public.accessibility.title')}</PageTitle>
      <PublicSections textKey="public.accessibility" />
      <p>
        <a href={`mailto:${programEmail}`}>{programEmail}</a>
      </p>
    </div>
  );
}
