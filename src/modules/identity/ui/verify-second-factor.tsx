import { useTranslation } from 'react-i18next';
import { redirect, useActionData, useLoaderData } from 'react-router';
import { AppError } from '../../../platform/errors.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, safeNext } from '../../../platform/ui/route.server.ts';
import { getAccount } from '../use-cases/get-account.ts';
import { verifySecondFactor } from '../use-cases/verify-second-factor.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const next = safeNext(new URL(request.url).searchParams.get('next'));
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated');
  if (ctx.actor.secondFactor) throw redirect(next);
  const account = await getAccount(ctx);
  if (!account.totpEnabled) throw redirect(`/account/two-factor?next=${encodeURIComponent(next)}`);
  return { next };
});

export const action = formAction(async ({ ctx, form, request }) => {
  await verifySecondFactor(ctx, { code: form.code ?? '' });
  return redirect(safeNext(new URL(request.url).searchParams.get('next')));
});

export default function VerifySecondFactor() {
  const { t } = useTranslation('identity');
  const { next } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const errors = fieldErrors(failed?.error);
  return (
    <div>
      <PageTitle title={t('verify.title')}>{t('verify.title')}</PageTitle>
      <p>{t('verify.intro')}</p>
      <ErrorSummary error={failed?.error} />
      <PostForm className="stack" action={`/sign-in/verify?next=${encodeURIComponent(next)}`}>
        <TextField
          name="code"
          label={t('fields.code')}
          hint={t('verify.code_hint')}
          autoComplete="one-time-code"
          inputMode="text"
          required
          error={errors.code}
        />
        <div className="actions">
          <SubmitButton>{t('verify.submit')}</SubmitButton>
        </div>
      </PostForm>
    </div>
  );
}
