import { useTranslation } from 'react-i18next';
import { Link, useActionData } from 'react-router';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction } from '../../../platform/ui/route.server.ts';
import { PASSWORD_MIN_LENGTH } from '../domain/password-policy.ts';
import { resetPassword } from '../use-cases/reset-password.ts';

export const action = formAction(async ({ ctx, form, params }) => {
  await resetPassword(ctx, { token: params.token ?? '', password: form.password ?? '' });
  return { done: true as const };
});

export default function ResetPassword() {
  const { t } = useTranslation('identity');
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  if (result && 'done' in result) {
    return (
      <div>
        <PageTitle title={t('reset.title')}>{t('reset.title')}</PageTitle>
        <Notice kind="success">
          <p>{t('reset.done')}</p>
        </Notice>
        <Link to="/sign-in" className="button button-primary">
          {t('sign_in.submit')}
        </Link>
      </div>
    );
  }
  return (
    <div>
      <PageTitle title={t('reset.title')}>{t('reset.title')}</PageTitle>
      <ErrorSummary error={failed?.error} />
      <PostForm className="stack">
        <TextField
          name="password"
          type="password"
          label={t('fields.newPassword')}
          hint={t('password_hint', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          required
          error={errors.password}
        />
        <SubmitButton>{t('reset.submit')}</SubmitButton>
      </PostForm>
    </div>
  );
}
