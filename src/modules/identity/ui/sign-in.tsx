import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, safeNext } from '../../../platform/ui/route.server.ts';
import { redirectWithSession } from '../../../platform/ui/session-redirect.server.ts';
import { signIn } from '../use-cases/sign-in.ts';
import { afterPassword } from './session-cookie.server.ts';

export const loader = pageLoader(({ ctx, request }) => {
  const next = safeNext(new URL(request.url).searchParams.get('next'));
  if (ctx.actor.kind === 'user' && ctx.actor.secondFactor) throw redirect(next);
  return { next };
});

export const action = formAction(async ({ ctx, scope, form, request }) => {
  const next = safeNext(new URL(request.url).searchParams.get('next'));
  const result = await signIn(ctx, { email: form.email ?? '', password: form.password ?? '' });
  return redirectWithSession(scope, afterPassword(result.next, next), result);
});

export default function SignIn() {
  const { t } = useTranslation('identity');
  const { next } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = fieldErrors(failed?.error);
  return (
    <div>
      <PageTitle title={t('sign_in.title')}>{t('sign_in.title')}</PageTitle>
      <ErrorSummary error={failed?.error} />
      <PostForm className="stack" action={`/sign-in?next=${encodeURIComponent(next)}`}>
        <TextField
          name="email"
          type="email"
          label={t('fields.email')}
          autoComplete="username"
          required
          defaultValue={failed?.values.email}
          error={errors.email}
        />
        <TextField
          name="password"
          type="password"
          label={t('fields.password')}
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <div className="actions">
          <SubmitButton>{t('sign_in.submit')}</SubmitButton>
          <Link to="/password/forgot">{t('sign_in.forgot')}</Link>
        </div>
      </PostForm>
    </div>
  );
}
