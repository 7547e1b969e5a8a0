import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { RadioGroup, TextArea } from '../../../platform/ui/choices.tsx';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { getSignal } from '../use-cases/list-signals.ts';
import { resolveSignal } from '../use-cases/resolve-signal.ts';
import { SignalFiles, signalCard } from './signal-parts.tsx';

export const loader = pageLoader(async ({ ctx, params }) => ({
  signal: signalCard(await getSignal(ctx, params.id ?? ''), ctx.locale),
}));

export const action = formAction(async ({ ctx, params, form }) => {
  await resolveSignal(ctx, params.id ?? '', { outcome: form.outcome ?? '', reason: form.reason ?? '' });
  return { resolved: true as const };
});

/** One signal: its words, its files, and the decision on it (dismissed as legitimate, or confirmed). */
export default function SignalPage() {
  const { t } = useTranslation('signals');
  const { signal: s } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const title = t(`kinds.${s.kind}`);
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to="/signals">{t('page.back')}</Link>
      </p>
      <ErrorSummary error={failed?.error} />
      {result && 'resolved' in result ? (
        <Notice kind="success">
          <p>{t('page.saved')}</p>
        </Notice>
      ) : null}
      <p>{s.explanation}</p>
      <p>
        {t('page.status')} : <span className="status-badge">{t(`statuses.${s.status}`)}</span> ·{' '}
        {t('page.raised', { at: s.raisedAt })}
      </p>
      <h2>{t('page.files')}</h2>
      <SignalFiles files={s.files} />
      {s.resolution ? (
        <p>
          {t('page.resolved_by', {
            outcome: t(`statuses.${s.resolution.outcome}`),
            name: s.resolution.resolvedBy,
            at: s.resolution.resolvedAt,
            reason: s.resolution.reason,
          })}
        </p>
      ) : (
        <PostForm>
          <h2>{t('page.resolve')}</h2>
          <RadioGroup
            name="outcome"
            label={t('page.outcome')}
            required
            options={[
              { value: 'dismissed', label: t('page.dismiss') },
              { value: 'confirmed', label: t('page.confirm') },
            ]}
            defaultValue={failed?.values.outcome}
            error={errors.outcome}
          />
          <TextArea
            name="reason"
            label={t('page.reason')}
            required
            rows={4}
            maxLength={2000}
            defaultValue={failed?.values.reason}
            error={errors.reason}
          />
          <SubmitButton>{t('page.submit')}</SubmitButton>
        </PostForm>
      )}
    </div>
  );
}
