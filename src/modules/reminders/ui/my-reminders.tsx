import { useTranslation } from 'react-i18next';
import { useActionData, useLoaderData } from 'react-router';
import { formatDate } from '../../../kernel/format.ts';
import { ErrorSummary, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { getMyReminderPreference } from '../use-cases/get-my-reminder-preference.ts';
import { setMyReminderPreference } from '../use-cases/set-my-reminder-preference.ts';

const view = (p: Awaited<ReturnType<typeof getMyReminderPreference>>) => ({
  stopped: p.stopped,
  since: p.stoppedAt ? formatDate(p.stoppedAt) : '',
});

export const loader = pageLoader(async ({ ctx }) => view(await getMyReminderPreference(ctx)));

export const action = formAction(async ({ ctx, form }) => {
  await setMyReminderPreference(ctx, { stopped: form.stopped === 'true' });
  return { saved: true as const };
});

/** « Ne plus recevoir de rappels »: the person stops the reminders that may be stopped, or takes them back. */
export default function MyReminders() {
  const { t } = useTranslation('reminders');
  const preference = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <PageTitle title={t('preference.title')}>{t('preference.title')}</PageTitle>
      <ErrorSummary error={result && 'error' in result ? result.error : undefined} />
      {result && 'saved' in result ? (
        <Notice kind="success">
          <p>{t('preference.saved')}</p>
        </Notice>
      ) : null}
      <p>{t('preference.intro')}</p>
      <p>{t('preference.always')}</p>
      <p>
        <strong>
          {preference.stopped ? t('preference.stopped', { date: preference.since }) : t('preference.active')}
        </strong>
      </p>
      <PostForm>
        <input type="hidden" name="stopped" value={preference.stopped ? 'false' : 'true'} />
        <SubmitButton variant={preference.stopped ? undefined : 'secondary'}>
          {t(preference.stopped ? 'preference.resume' : 'preference.stop')}
        </SubmitButton>
      </PostForm>
    </div>
  );
}
