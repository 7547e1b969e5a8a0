import { useTranslation } from 'react-i18next';
import { Link, useActionData } from 'react-router';
import { ErrorSummary, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { checkStopLink, stopRemindersByLink } from '../use-cases/stop-reminders-by-link.ts';

export const loader = pageLoader(({ ctx, params }) => {
  checkStopLink(ctx, params.token ?? '');
  return null;
});

export const action = formAction(async ({ ctx, params }) => {
  await stopRemindersByLink(ctx, params.token ?? '');
  return { stopped: true as const };
});

/**
 * The link in a reminder: a confirmation first (a mail scanner that follows links stops nothing), then
 * the reminders stop, without signing in.
 */
export default function StopReminders() {
  const { t } = useTranslation('reminders');
  const result = useActionData<typeof action>();
  return (
    <div>
      <PageTitle title={t('stop.title')}>{t('stop.title')}</PageTitle>
      <ErrorSummary error={result && 'error' in result ? result.error : undefined} />
      {result && 'stopped' in result ? (
        <Notice kind="success">
          <p>{t('stop.done')}</p>
          <p>
            {t('stop.take_back')} <Link to="/account/reminders">{t('preference.title')}</Link>
          </p>
        </Notice>
      ) : (
        <>
          <p>{t('stop.intro')}</p>
          <p>{t('preference.always')}</p>
          <PostForm>
            <SubmitButton>{t('preference.stop')}</SubmitButton>
          </PostForm>
        </>
      )}
    </div>
  );
}
