import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { AppError } from '../../../platform/errors.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, safeNext } from '../../../platform/ui/route.server.ts';
import { confirmTotpEnrolment } from '../use-cases/confirm-totp-enrolment.ts';
import { getAccount } from '../use-cases/get-account.ts';
import { startTotpEnrolment } from '../use-cases/start-totp-enrolment.ts';
import { RecoveryCodes } from './account.tsx';

export const loader = pageLoader(async ({ ctx, request }) => {
  const next = safeNext(new URL(request.url).searchParams.get('next'));
  if (ctx.actor.kind !== 'user') throw new AppError('unauthenticated');
  const account = await getAccount(ctx);
  if (account.totpEnabled)
    throw redirect(ctx.actor.secondFactor ? '/account' : `/sign-in/verify?next=${encodeURIComponent(next)}`);
  const { secret, uri } = await startTotpEnrolment(ctx);
  const { default: QRCode } = await import('qrcode'); // only this page needs it: not loaded at start-up
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const qrImage = `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}`;
  return { next, secret: secret.replace(/(.{4})/g, '$1 ').trim(), qrImage, required: account.totpRequired };
});

// After enrolment succeeds the loader would send the person away before they saw their recovery codes.
export function shouldRevalidate({ formMethod }: { formMethod?: string }) {
  return !formMethod;
}

export const action = formAction(async ({ ctx, form }) => {
  return confirmTotpEnrolment(ctx, { code: form.code ?? '' });
});

export default function TwoFactor() {
  const { t } = useTranslation('identity');
  const { next, secret, qrImage, required } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result && 'recoveryCodes' in result) {
    return (
      <div>
        <PageTitle title={t('two_factor.done_title')}>{t('two_factor.done_title')}</PageTitle>
        <RecoveryCodes codes={result.recoveryCodes} />
        <p>
          <Link to={next} className="button button-primary">
            {t('two_factor.continue')}
          </Link>
        </p>
      </div>
    );
  }
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  return (
    <div>
      <PageTitle title={t('two_factor.title')}>{t('two_factor.title')}</PageTitle>
      <p>{required ? t('two_factor.required_intro') : t('two_factor.optional_intro')}</p>
      <ErrorSummary error={failed?.error} />
      <ol className="bullets">
        <li>{t('two_factor.step_app')}</li>
        <li>
          {t('two_factor.step_scan')}
          <img className="qr" src={qrImage} alt={t('two_factor.qr_label')} />
          <p>
            {t('two_factor.manual_key')} <code data-testid="totp-secret">{secret}</code>
          </p>
        </li>
        <li>{t('two_factor.step_code')}</li>
      </ol>
      <PostForm className="stack">
        <TextField
          name="code"
          label={t('fields.code')}
          hint={t('two_factor.code_hint')}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          error={errors.code}
        />
        <SubmitButton>{t('two_factor.submit')}</SubmitButton>
      </PostForm>
    </div>
  );
}
