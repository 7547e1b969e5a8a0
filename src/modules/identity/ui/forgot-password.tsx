import { useTranslation } from 'react-i18next';
import { useActionData } from 'react-router';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction } from '../../../platform/ui/route.server.ts';
import { requestPasswordReset } from '../use-cases/request-password-reset.ts';

export const action = formAction(async ({ ctx, form }) => {
  await requestPasswordReset(ctx, { email: form.email ?? '' });
  return { sent: true as const };
});

export default function ForgotPassword() {
  const { t } = useTranslation('identity');
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  return (
    <div>
      <PageTitle title={t('forgot.title')}>{t('forgot.title')}</PageTitle>
      {result && 'sent' in result ? (
        <Notice kind="success">
          <p>{t('forgot.sent')}</p>
        </Notice>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          <ErrorSummary error={failed?.error} />
          <PostForm className="stack">
            <TextField
              name="email"
              type="email"
              label={t('fields.email')}
              autoComplete="email"
              required
              defaultValue={failed?.values.email}
              error={errors.email}
            />
            <SubmitButton>{t('forgot.submit')}</SubmitButton>
          </PostForm>
        </>
      )}
    </div>
  );
}
