import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { municipalitySuggestions } from '../../../kernel/municipalities.ts';
import { AppError } from '../../../platform/errors.ts';
import { ErrorSummary, fieldErrors, fieldId, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { getAccount, resendEmailVerification } from '../../identity/index.ts';
import { EDITABLE_STATUSES } from '../domain/status.ts';
import { getApplication } from '../use-cases/get-application.ts';
import { getProgramOverview } from '../use-cases/get-program-overview.ts';
import { getRegistryCheck } from '../use-cases/get-registry-check.ts';
import { lookUpRegistry } from '../use-cases/look-up-registry.ts';
import { previewEligibility } from '../use-cases/preview-eligibility.ts';
import { submitApplication } from '../use-cases/submit-application.ts';
import { updateApplication } from '../use-cases/update-application.ts';
import { BusinessStep, businessChanges, businessStepChanges } from './application-steps/business-step.tsx';
import { ConsentsStep, consentsChanges } from './application-steps/consents-step.tsx';
import { ContactStep, contactChanges } from './application-steps/contact-step.tsx';
import { OnlineStep, onlineChanges } from './application-steps/online-step.tsx';
import { ReviewStep } from './application-steps/review-step.tsx';
import { errorHref, LAST, STEPS } from './application-steps/steps.ts';

// The route of the five-step application form: it loads and saves the application, and shows the
// step's own component (one per step, in ./application-steps).

/** What each step's form holds, as changes for the use case (the review step changes nothing). */
const CHANGES_OF_STEP = [businessStepChanges, contactChanges, onlineChanges, consentsChanges];

function stepOf(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > LAST) throw new AppError('not_found');
  return n;
}

export const loader = pageLoader(async ({ ctx, params }) => {
  const step = stepOf(params.step);
  const detail = await getApplication(ctx, params.id ?? '');
  if (detail.access !== 'full') throw new AppError('not_found');
  const application = detail.application;
  if (!EDITABLE_STATUSES.includes(application.status)) throw redirect(`/applications/${application.id}`);
  const program = await getProgramOverview(ctx, application.programId);
  // The review step shows what the automated assessment will say, before anything is submitted.
  const preview = step === LAST ? await previewEligibility(ctx, application.id) : null;
  const account = step === LAST ? await getAccount(ctx) : null;
  const registry =
    step === 1 || step === LAST ? ((await getRegistryCheck(ctx, application.id)) ?? null) : null;
  return {
    registry,
    step,
    emailVerified: account?.emailVerified ?? true,
    locale: ctx.locale,
    application,
    program: {
      name: program.name,
      notice: program.automatedDecisionNotice,
      consentTexts: program.consentTexts,
    },
    municipalities: step === 2 ? municipalitySuggestions() : [],
    preview,
  };
});

const withoutUndefined = (changes: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(changes).map(([k, v]) =>
      k === 'business' && v
        ? [k, Object.fromEntries(Object.entries(v as object).filter(([, x]) => x !== undefined))]
        : [k, v],
    ),
  );

export const action = formAction(async ({ ctx, form, all, params }) => {
  const step = stepOf(params.step);
  const id = params.id ?? '';
  if (form.intent === 'resend') {
    await resendEmailVerification(ctx);
    return { resent: true as const };
  }
  if (form.intent === 'lookup' && step === 1) {
    // « Rechercher au registre »: what was typed is kept, the registry's values fill in to confirm.
    await lookUpRegistry(ctx, id, {
      neq: form.neq,
      changes: withoutUndefined(businessChanges({ form, all })),
    });
    return redirect(`/applications/${id}/steps/1#registry`);
  }
  if (form.intent === 'submit') {
    await submitApplication(ctx, id);
    return redirect(`/applications/${id}?submitted=1`);
  }
  const next =
    form.intent === 'previous'
      ? Math.max(1, step - 1)
      : form.intent === 'save'
        ? step
        : Math.min(LAST, step + 1);
  await updateApplication(ctx, id, {
    ...withoutUndefined(CHANGES_OF_STEP[step - 1]?.({ form, all }) ?? {}),
    draftStep: next,
  });
  return redirect(
    form.intent === 'save' ? `/applications/${id}?saved=1` : `/applications/${id}/steps/${next}`,
  );
});

export default function ApplicationStep() {
  const { t } = useTranslation('intake');
  const { step, application, program, municipalities, preview, locale, emailVerified, registry } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const b = application.business;
  const v = (name: string, fallback: unknown) =>
    failed?.values[name] ?? (fallback === null || fallback === undefined ? '' : String(fallback));
  const e = (name: string) => errors[`business.${name}`] ?? errors[name];
  // After a failed step, the boxes ticked in it (none ticked sends nothing); after a failed resend of
  // the confirmation e-mail, the saved ones.
  const ticked = (name: string, saved: string[]) =>
    failed && failed.values.intent !== 'resend' ? (failed.allValues[name] ?? []) : saved;
  const fields = { application, v, e, ticked };
  const title = t(`ui.steps.${STEPS[step - 1]}`);
  return (
    <div>
      <PageTitle title={`${title} — ${t('ui.apply.title')}`}>{title}</PageTitle>
      <p>{t('ui.step_of', { step, total: LAST })}</p>
      <nav aria-label={t('ui.steps_label')}>
        <ol className="steps">
          {STEPS.map((name, i) => (
            <li key={name} aria-current={i + 1 === step ? 'step' : undefined}>
              {i + 1 < step ? (
                <Link to={`/applications/${application.id}/steps/${i + 1}`}>{t(`ui.steps.${name}`)}</Link>
              ) : (
                t(`ui.steps.${name}`)
              )}
            </li>
          ))}
        </ol>
      </nav>
      {application.status === 'info_requested' ? (
        <Notice kind="warning">
          <p>
            <strong>{t('ui.status_page.info_requested')}</strong> {application.infoRequest}
          </p>
        </Notice>
      ) : null}
      <ErrorSummary error={failed?.error} hrefFor={(path) => errorHref(application.id, step, path)} />
      {/* Right after step 1, the check-digit warning is told once more, with the way back to the NEQ. */}
      {step === 2 && application.neqWarning ? (
        <Notice kind="warning">
          <p>
            {t('ui.hints.neq_check_named', { neq: b.neq })}{' '}
            <Link to={`/applications/${application.id}/steps/1#${fieldId('neq')}`}>
              {t('ui.review.check_neq')}
            </Link>
          </p>
        </Notice>
      ) : null}
      {!emailVerified ? (
        <Notice kind="warning">
          <p>{t('ui.status_page.verify_email')}</p>
          {result && 'resent' in result ? <p>{t('ui.status_page.done_resend')}</p> : null}
          <PostForm>
            <input type="hidden" name="intent" value="resend" />
            <SubmitButton variant="secondary">{t('ui.status_page.resend')}</SubmitButton>
          </PostForm>
        </Notice>
      ) : null}
      <PostForm className="stack">
        {step === 1 ? <BusinessStep {...fields} locale={locale} registry={registry} /> : null}
        {step === 2 ? <ContactStep {...fields} municipalities={municipalities} /> : null}
        {step === 3 ? <OnlineStep {...fields} /> : null}
        {step === 4 ? <ConsentsStep {...fields} consentTexts={program.consentTexts} /> : null}
        {step === 5 ? (
          <ReviewStep
            application={application}
            program={program}
            preview={preview}
            locale={locale}
            registry={registry}
          />
        ) : null}
        <div className="actions">
          {step < LAST ? (
            <SubmitButton name="intent" value="next">
              {t('ui.next')}
            </SubmitButton>
          ) : (
            <SubmitButton name="intent" value="submit">
              {t('ui.submit')}
            </SubmitButton>
          )}
          {step > 1 ? (
            <SubmitButton name="intent" value="previous" variant="secondary">
              {t('ui.previous')}
            </SubmitButton>
          ) : null}
          {step < LAST ? (
            <SubmitButton name="intent" value="save" variant="secondary">
              {t('ui.save_later')}
            </SubmitButton>
          ) : null}
        </div>
      </PostForm>
    </div>
  );
}
