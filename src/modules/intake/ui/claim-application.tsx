import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { redirectWithSession } from '../../../platform/ui/session-redirect.server.ts';
import { claimApplication } from '../use-cases/claim-application.ts';
import { getApplicationClaim } from '../use-cases/get-application-claim.ts';

/** The link e-mailed to a paper applicant: open an account (or sign in) and find the application there. */
export const loader = pageLoader(async ({ ctx, params, request }) => ({
  claim: await getApplicationClaim(ctx, params.token ?? ''),
  here: new URL(request.url).pathname,
}));

export const action = formAction(async ({ ctx, scope, form, params }) => {
  const claimed = await claimApplication(ctx, {
    token: params.token ?? '',
    name: form.name ?? '',
    password: form.password ?? '',
    locale: ctx.locale,
  });
  const to = `/applications/${claimed.applicationId}?claimed`;
  return claimed.session ? redirectWithSession(scope, to, claimed.session) : redirect(to);
});

export default function ClaimApplication() {
  const { t } = useTranslation('intake');
  const { claim, here } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = fieldErrors(failed?.error);
  const title = t('ui.claim.title');
  if (claim.state !== 'valid') {
    return (
      <div>
        <PageTitle title={title}>{title}</PageTitle>
        <Notice kind="warning">
          <p>{t(`errors.claim_${claim.state}`)}</p>
        </Notice>
        <p>
          <Link to="/sign-in">{t('ui.claim.sign_in')}</Link> ·{' '}
          <Link to="/contact">{t('ui.claim.contact')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('ui.claim.intro', { business: claim.business ?? '', email: claim.email })}</p>
      <ErrorSummary error={failed?.error} />
      {claim.next === 'sign_in' ? (
        <>
          <p>{t('ui.claim.has_account')}</p>
          <Link to={`/sign-in?next=${encodeURIComponent(here)}`} className="button button-primary">
            {t('ui.claim.sign_in')}
          </Link>
        </>
      ) : (
        <PostForm className="stack">
          {claim.next === 'open_account' ? (
            <>
              <TextField
                name="name"
                label={t('ui.claim.name')}
                autoComplete="name"
                required
                defaultValue={failed?.values.name}
                error={errors.name}
              />
              <TextField
                name="password"
                type="password"
                label={t('ui.claim.password')}
                hint={t('ui.claim.password_hint')}
                autoComplete="new-password"
                required
                error={errors.password}
              />
            </>
          ) : null}
          <SubmitButton>
            {claim.next === 'open_account' ? t('ui.claim.open_account') : t('ui.claim.take')}
          </SubmitButton>
        </PostForm>
      )}
    </div>
  );
}
