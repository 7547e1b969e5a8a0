import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { ErrorSummary, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, safeNext } from '../../../platform/ui/route.server.ts';
import { verifyEmail } from '../use-cases/verify-email.ts';

export const loader = pageLoader(({ ctx, request }) => ({
  signedIn: ctx.actor.kind === 'user',
  // Set at sign-up: the application form, with the pre-check's answers.
  next: safeNext(new URL(request.url).searchParams.get('next') ?? '/apply'),
}));

/** A button, not the link itself, confirms: mail scanners that open links must not use them up. */
export const action = formAction(async ({ ctx, params }) => {
  await verifyEmail(ctx, { token: params.token ?? '' });
  return { verified: true as const };
});

export default function VerifyEmail() {
  const { t } = useTranslation('identity');
  const { signedIn, next } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  return (
    <div>
      <PageTitle title={t('verify_email.title')}>{t('verify_email.title')}</PageTitle>
      {result && 'verified' in result ? (
        <>
          <Notice kind="success">
            <p>{t('verify_email.done')}</p>
          </Notice>
          <p>
            <Link
              to={signedIn ? next : `/sign-in?next=${encodeURIComponent(next)}`}
              className="button button-primary"
            >
              {t('verify_email.continue')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <ErrorSummary error={failed?.error} />
          <p>{t('verify_email.intro')}</p>
          <PostForm>
            <SubmitButton>{t('verify_email.submit')}</SubmitButton>
          </PostForm>
        </>
      )}
    </div>
  );
}
