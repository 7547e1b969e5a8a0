import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, safeNext } from '../../../platform/ui/route.server.ts';
import { PASSWORD_MIN_LENGTH } from '../domain/password-policy.ts';
import { registerRetailer } from '../use-cases/register-retailer.ts';

export const loader = pageLoader(({ ctx, request }) => {
  const next = safeNext(new URL(request.url).searchParams.get('next') ?? '/apply');
  if (ctx.actor.kind === 'user') throw redirect(next);
  return { next };
});

/** The same page whether or not the address had an account: the e-mail tells its owner which. */
export const action = formAction(async ({ ctx, form, request }) => {
  const next = safeNext(new URL(request.url).searchParams.get('next') ?? '/apply');
  const { email } = await registerRetailer(ctx, {
    email: form.email ?? '',
    name: form.name ?? '',
    password: form.password ?? '',
    locale: ctx.locale,
    // The confirmation link leads back to the application, with the pre-check's answers.
    ...(next.startsWith('/apply') ? { next } : {}),
  });
  return { sent: email };
});

export default function Register() {
  const { t } = useTranslation('identity');
  const { next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  if (result && 'sent' in result) {
    return (
      <div>
        <PageTitle title={t('register.sent_title')}>{t('register.sent_title')}</PageTitle>
        <Notice kind="success">
          <p>{t('register.sent', { email: result.sent })}</p>
        </Notice>
        <p>{t('register.sent_hint')}</p>
      </div>
    );
  }
  return (
    <div>
      <PageTitle title={t('register.title')}>{t('register.title')}</PageTitle>
      <p>{t('register.intro')}</p>
      <ErrorSummary error={failed?.error} />
      <PostForm className="stack" action={`/register?next=${encodeURIComponent(next)}`}>
        <TextField
          name="name"
          label={t('fields.name')}
          hint={t('register.name_hint')}
          autoComplete="name"
          required
          defaultValue={failed?.values.name}
          error={errors.name}
        />
        <TextField
          name="email"
          type="email"
          label={t('fields.email')}
          hint={t('register.email_hint')}
          autoComplete="email"
          required
          defaultValue={failed?.values.email}
          error={errors.email}
        />
        <TextField
          name="password"
          type="password"
          label={t('fields.password')}
          hint={t('password_hint', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          required
          error={errors.password}
        />
        <div className="actions">
          <SubmitButton>{t('register.submit')}</SubmitButton>
          <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>{t('register.have_account')}</Link>
        </div>
      </PostForm>
    </div>
  );
}
