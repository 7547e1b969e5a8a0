import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { redirectWithSession } from '../../../platform/ui/session-redirect.server.ts';
import { PASSWORD_MIN_LENGTH } from '../domain/password-policy.ts';
import { acceptInvitation } from '../use-cases/accept-invitation.ts';
import { getInvitation } from '../use-cases/get-invitation.ts';
import { afterPassword } from './session-cookie.server.ts';

export const loader = pageLoader(async ({ ctx, params }) => {
  const invitation = await getInvitation(ctx, params.token ?? '');
  return { invitation };
});

export const action = formAction(async ({ ctx, scope, form, params }) => {
  const result = await acceptInvitation(ctx, {
    token: params.token ?? '',
    name: form.name ?? '',
    ...(form.email !== undefined ? { email: form.email } : {}),
    password: form.password ?? '',
    locale: ctx.locale,
  });
  return redirectWithSession(scope, afterPassword(result.next, '/'), result);
});

export default function AcceptInvitation() {
  const { t } = useTranslation('identity');
  const { invitation } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = fieldErrors(failed?.error);
  if (invitation.state !== 'valid') {
    return (
      <div>
        <PageTitle title={t('invitation.title')}>{t('invitation.title')}</PageTitle>
        <Notice kind="warning">
          <p>{t(`errors.invitation_${invitation.state}`)}</p>
        </Notice>
        <p>
          <Link to="/sign-in">{t('sign_in.title')}</Link>
        </p>
      </div>
    );
  }
  const firstAdmin = invitation.email === null;
  return (
    <div>
      <PageTitle title={t('invitation.title')}>
        {firstAdmin ? t('invitation.first_admin_title') : t('invitation.title')}
      </PageTitle>
      <p>
        {firstAdmin
          ? t('invitation.first_admin_intro')
          : t('invitation.intro', { email: invitation.email, role: t(`roles.${invitation.role}`) })}
      </p>
      <ErrorSummary error={failed?.error} />
      <PostForm className="stack">
        <TextField
          name="name"
          label={t('fields.name')}
          autoComplete="name"
          required
          defaultValue={failed?.values.name}
          error={errors.name}
        />
        {firstAdmin ? (
          <TextField
            name="email"
            type="email"
            label={t('fields.email')}
            autoComplete="email"
            required
            defaultValue={failed?.values.email}
            error={errors.email}
          />
        ) : null}
        <TextField
          name="password"
          type="password"
          label={t('fields.newPassword')}
          hint={t('password_hint', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          required
          error={errors.password}
        />
        <SubmitButton>{t('invitation.submit')}</SubmitButton>
      </PostForm>
    </div>
  );
}
