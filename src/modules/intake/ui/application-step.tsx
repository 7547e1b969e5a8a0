import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import type { Locale } from '../../../kernel/locale.ts';
import { municipalitySuggestions } from '../../../kernel/municipalities.ts';
import { regionName } from '../../../kernel/quebec.ts';
import { AppError } from '../../../platform/errors.ts';
import { Checkbox, CheckboxGroup, TextArea } from '../../../platform/ui/choices.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import {
  ErrorSummary,
  fieldErrors,
  fieldId,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { getAccount, resendEmailVerification } from '../../identity/index.ts';
import { REQUIRED_BUSINESS_FIELDS } from '../domain/business-fields.ts';
import { CONSENT_PURPOSES } from '../domain/consents.ts';
import { futureFoundingYearIssue } from '../domain/facts.ts';
import { EDITABLE_STATUSES } from '../domain/status.ts';
import { checkEligibility } from '../use-cases/check-eligibility.ts';
import { getApplication } from '../use-cases/get-application.ts';
import { getProgramOverview } from '../use-cases/get-program-overview.ts';
import { submitApplication } from '../use-cases/submit-application.ts';
import { updateApplication } from '../use-cases/update-application.ts';
import { readableFact } from './business-facts.tsx';
import { CriteriaResults } from './criteria-results.tsx';
import { languageOptions, naicsLabel, naicsOptions, presenceOptions, revenueOptions } from './options.ts';

export const STEPS = ['business', 'contact', 'online', 'consents', 'review'] as const;
const LAST = STEPS.length;

/** The fields of steps 1 to 4, in the order each step asks for them (the review shows them so too). */
const FIELDS_OF_STEP = [
  ['legalName', 'tradeName', 'neq', 'naics', 'employees', 'foundedYear', 'annualRevenueBand'],
  [
    'street',
    'municipality',
    'postalCode',
    'region',
    'phone',
    'email',
    'website',
    'socialLinks',
    'contactName',
    'contactPhone',
  ],
  ['languagesServed', 'onlinePresence', 'goals', 'challenges'],
  ['consents', 'attestation', 'referralCode'],
] as const;

/** The step each field is on (error paths are `business.<field>`, `consents.<purpose>`, …). */
const STEP_OF_FIELD: Record<string, number> = Object.fromEntries(
  FIELDS_OF_STEP.flatMap((fields, i) => fields.map((field) => [field, i + 1])),
);

/**
 * Where the error summary links a field to: the fields of this form are named without `business.`,
 * the region follows from the municipality, and a field of another step (missing at submission) is
 * on that step's page.
 */
function errorHref(applicationId: string, step: number, path: string): string {
  const [head = '', rest] = path.split('.');
  const field = head === 'business' && rest ? (rest === 'region' ? 'municipality' : rest) : path;
  const target = `#${fieldId(field)}`;
  const on = STEP_OF_FIELD[head === 'business' ? field : head];
  return on === undefined || on === step ? target : `/applications/${applicationId}/steps/${on}${target}`;
}

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
  const b = application.business;
  // The review step shows what the automated assessment will say, before anything is submitted (not
  // for a founding year in the future, saved before such years were refused: the pre-check refuses it).
  const preview =
    step === LAST &&
    b.neq &&
    b.postalCode &&
    b.region &&
    b.naics &&
    b.employees !== null &&
    b.foundedYear !== null &&
    !futureFoundingYearIssue('foundedYear', b.foundedYear, ctx.now())
      ? await checkEligibility(ctx, program.id, {
          neq: b.neq,
          postalCode: b.postalCode,
          region: b.region,
          naics: b.naics,
          employees: b.employees,
          foundedYear: b.foundedYear,
        })
      : null;
  const account = step === LAST ? await getAccount(ctx) : null;
  return {
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

/** What each step's form holds, as changes for the use case (empty required fields are left unchanged). */
function changesOf(step: number, form: Record<string, string>, all: (name: string) => string[]) {
  const given = (name: string) => (form[name]?.trim() ? form[name] : undefined);
  const optional = (name: string) => (name in form ? form[name] : undefined);
  switch (step) {
    case 1:
      return {
        business: {
          legalName: given('legalName'),
          tradeName: optional('tradeName'),
          neq: given('neq'),
          naics: given('naics'),
          employees: formNumber(form.employees),
          foundedYear: formNumber(form.foundedYear),
          annualRevenueBand: given('annualRevenueBand'),
        },
      };
    case 2:
      return {
        business: {
          street: given('street'),
          municipality: given('municipality'),
          postalCode: given('postalCode'),
          phone: given('phone'),
          email: given('email'),
          website: optional('website'),
          socialLinks: (form.socialLinks ?? '')
            .split(/\s+/)
            .map((s) => s.trim())
            .filter(Boolean),
          contactName: given('contactName'),
          contactPhone: optional('contactPhone'),
        },
      };
    case 3:
      return {
        business: {
          languagesServed: all('languagesServed'),
          onlinePresence: all('onlinePresence'),
          goals: optional('goals'),
          challenges: optional('challenges'),
        },
      };
    case 4:
      return {
        consents: Object.fromEntries(CONSENT_PURPOSES.map((p) => [p, all(`consent-${p}`).includes('yes')])),
        attestation: all('attestation').includes('yes'),
        referralCode: form.referralCode ?? '',
      };
    default:
      return {};
  }
}

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
  await updateApplication(ctx, id, { ...withoutUndefined(changesOf(step, form, all)), draftStep: next });
  return redirect(
    form.intent === 'save' ? `/applications/${id}?saved=1` : `/applications/${id}/steps/${next}`,
  );
});

export default function ApplicationStep() {
  const { t } = useTranslation('intake');
  const { step, application, program, municipalities, preview, locale, emailVerified } =
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
        {step === 1 ? (
          <>
            <TextField
              name="legalName"
              label={t('fields.business.legalName')}
              hint={t('ui.hints.legal_name')}
              required
              autoComplete="organization"
              defaultValue={v('legalName', b.legalName)}
              error={e('legalName')}
            />
            <TextField
              name="tradeName"
              label={t('fields.business.tradeName')}
              defaultValue={v('tradeName', b.tradeName)}
              error={e('tradeName')}
            />
            <TextField
              name="neq"
              label={t('fields.business.neq')}
              hint={t('ui.hints.neq')}
              required
              inputMode="numeric"
              defaultValue={v('neq', b.neq)}
              error={e('neq')}
            />
            {application.neqWarning ? (
              <Notice kind="warning">
                <p>{t('ui.hints.neq_check')}</p>
              </Notice>
            ) : null}
            <SelectField
              name="naics"
              label={t('fields.business.naics')}
              hint={t('ui.hints.naics')}
              required
              defaultValue={v('naics', b.naics)}
              options={[{ value: '', label: t('ui.choose') }, ...naicsOptions(locale)]}
              error={e('naics')}
            />
            <TextField
              name="employees"
              label={t('fields.business.employees')}
              hint={t('ui.hints.employees')}
              required
              inputMode="numeric"
              defaultValue={v('employees', b.employees)}
              error={e('employees')}
            />
            <TextField
              name="foundedYear"
              label={t('fields.business.foundedYear')}
              required
              inputMode="numeric"
              defaultValue={v('foundedYear', b.foundedYear)}
              error={e('foundedYear')}
            />
            <SelectField
              name="annualRevenueBand"
              label={t('fields.business.annualRevenueBand')}
              defaultValue={v('annualRevenueBand', b.annualRevenueBand)}
              options={[{ value: '', label: t('ui.choose') }, ...revenueOptions(t)]}
              error={e('annualRevenueBand')}
            />
          </>
        ) : null}
        {step === 2 ? (
          <>
            <TextField
              name="street"
              label={t('fields.business.street')}
              hint={t('ui.hints.street')}
              required
              autoComplete="street-address"
              defaultValue={v('street', b.street)}
              error={e('street')}
            />
            <div className={e('municipality') ? 'field field-error' : 'field'}>
              <label htmlFor="field-municipality">{t('fields.business.municipality')}</label>
              <p id="municipality-hint" className="hint">
                {t('ui.hints.municipality')}
              </p>
              {e('municipality') ? (
                <p id="municipality-error" className="error-message">
                  {e('municipality')}
                </p>
              ) : null}
              <input
                id="field-municipality"
                name="municipality"
                list="municipalities"
                autoComplete="address-level2"
                required
                defaultValue={v('municipality', b.municipality)}
                aria-invalid={e('municipality') ? true : undefined}
                aria-describedby={
                  e('municipality') ? 'municipality-hint municipality-error' : 'municipality-hint'
                }
              />
              <datalist id="municipalities">
                {municipalities.map((m) => (
                  <option key={m.value} value={m.value} label={m.label} />
                ))}
              </datalist>
            </div>
            {b.region ? (
              <p className="hint">
                {t('ui.hints.region_found', {
                  region: regionName(b.region),
                })}
              </p>
            ) : null}
            <TextField
              name="postalCode"
              label={t('fields.business.postalCode')}
              hint={t('ui.hints.postal_code')}
              required
              autoComplete="postal-code"
              defaultValue={v('postalCode', b.postalCode)}
              error={e('postalCode')}
            />
            <TextField
              name="phone"
              type="tel"
              label={t('fields.business.phone')}
              required
              autoComplete="tel"
              defaultValue={v('phone', b.phone)}
              error={e('phone')}
            />
            <TextField
              name="email"
              type="email"
              label={t('fields.business.email')}
              required
              autoComplete="email"
              defaultValue={v('email', b.email)}
              error={e('email')}
            />
            <TextField
              name="website"
              type="url"
              label={t('fields.business.website')}
              hint={t('ui.hints.website')}
              autoComplete="url"
              defaultValue={v('website', b.website)}
              error={e('website')}
            />
            <TextArea
              name="socialLinks"
              label={t('fields.business.socialLinks')}
              hint={t('ui.hints.social')}
              rows={3}
              defaultValue={v('socialLinks', b.socialLinks.join('\n'))}
              error={e('socialLinks')}
            />
            <TextField
              name="contactName"
              label={t('fields.business.contactName')}
              required
              autoComplete="name"
              defaultValue={v('contactName', b.contactName)}
              error={e('contactName')}
            />
            <TextField
              name="contactPhone"
              type="tel"
              label={t('fields.business.contactPhone')}
              autoComplete="tel"
              defaultValue={v('contactPhone', b.contactPhone)}
              error={e('contactPhone')}
            />
          </>
        ) : null}
        {step === 3 ? (
          <>
            <CheckboxGroup
              name="languagesServed"
              label={t('fields.business.languagesServed')}
              options={languageOptions(t)}
              defaultValues={ticked('languagesServed', b.languagesServed)}
              error={e('languagesServed')}
            />
            <CheckboxGroup
              name="onlinePresence"
              label={t('fields.business.onlinePresence')}
              hint={t('ui.hints.presence')}
              options={presenceOptions(t)}
              defaultValues={ticked('onlinePresence', b.onlinePresence)}
              error={e('onlinePresence')}
            />
            <TextArea
              name="goals"
              label={t('fields.business.goals')}
              hint={t('ui.hints.goals')}
              maxLength={4000}
              defaultValue={v('goals', b.goals)}
              error={e('goals')}
            />
            <TextArea
              name="challenges"
              label={t('fields.business.challenges')}
              hint={t('ui.hints.challenges')}
              maxLength={4000}
              defaultValue={v('challenges', b.challenges)}
              error={e('challenges')}
            />
          </>
        ) : null}
        {step === 4 ? (
          <>
            <p>{t('ui.consents_intro')}</p>
            {program.consentTexts.map((c) => (
              <Checkbox
                key={c.purpose}
                name={`consent-${c.purpose}`}
                id={`field-consents-${c.purpose}`}
                value="yes"
                label={`${t(`fields.consents.${c.purpose}`)}${c.required ? ` (${t('ui.required')})` : ` (${t('ui.optional_choice')})`} — ${c.text}`}
                defaultChecked={application.consents[c.purpose as keyof typeof application.consents]}
                error={errors[`consents.${c.purpose}`]}
              />
            ))}
            <Checkbox
              name="attestation"
              value="yes"
              label={t('ui.attestation')}
              defaultChecked={application.attestation}
              error={errors.attestation}
            />
            <TextField
              name="referralCode"
              label={t('fields.referralCode')}
              hint={t('ui.hints.referral')}
              defaultValue={v('referralCode', application.referralCode)}
              error={errors.referralCode}
            />
          </>
        ) : null}
        {step === 5 ? (
          <Review application={application} program={program} preview={preview} locale={locale} />
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

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** What the review shows for one business fact: choices by their label, the region by its name. */
function businessValue(
  name: string,
  b: LoaderData['application']['business'],
  t: TFunction,
  locale: Locale,
): string | undefined {
  if (name === 'naics') return b.naics ? naicsLabel(b.naics, locale) : undefined;
  if (name === 'region') return b.region ? regionName(b.region) : undefined;
  return readableFact(name, b[name as keyof typeof b], t);
}

/** One line of the review: `value` undefined when nothing was given. */
type ReviewRow = { name: string; label: string; value?: string; required: boolean; warning?: string };

/** Everything the applicant entered, step by step, each step with the link that changes it; then the assessment. */
function Review({
  application,
  program,
  preview,
  locale,
}: Pick<LoaderData, 'application' | 'program' | 'preview' | 'locale'>) {
  const { t } = useTranslation('intake');
  const b = application.business;
  // The region follows from the municipality: it is as needed as the municipality.
  const required = new Set<string>([...REQUIRED_BUSINESS_FIELDS, 'region']);
  const facts = FIELDS_OF_STEP.slice(0, 3).map((fields) =>
    fields.map(
      (name): ReviewRow => ({
        name,
        label: t(`fields.business.${name}`),
        value: businessValue(name, b, t, locale),
        required: required.has(name),
        warning: name === 'neq' && application.neqWarning ? t('ui.hints.neq_check') : undefined,
      }),
    ),
  );
  const consents: ReviewRow[] = [
    ...program.consentTexts.map((c) => ({
      name: c.purpose,
      label: t(`fields.consents.${c.purpose}`),
      value: application.consents[c.purpose as keyof typeof application.consents]
        ? t('ui.review.consent_given')
        : c.required
          ? undefined
          : t('ui.review.consent_not_given'),
      required: c.required,
    })),
    {
      name: 'attestation',
      label: t('fields.attestation'),
      value: application.attestation ? t('ui.review.attested') : undefined,
      required: true,
    },
    {
      name: 'referralCode',
      label: t('fields.referralCode'),
      value: application.referralCode
        ? application.partner
          ? t('ui.review.referred_by', { code: application.referralCode, partner: application.partner.name })
          : application.referralCode
        : undefined,
      required: false,
    },
  ];
  return (
    <>
      {[...facts, consents].map((rows, i) => {
        const name = STEPS[i]!;
        const title = t(`ui.steps.${name}`);
        return (
          <section key={name} aria-labelledby={`review-${name}`}>
            <h2 id={`review-${name}`}>{title}</h2>
            <dl className="facts">
              {rows.map((row) => (
                <div key={row.name}>
                  <dt>{row.label}</dt>
                  <dd>
                    {row.value !== undefined ? (
                      row.value
                    ) : row.required ? (
                      <em>{t('ui.review.missing')}</em>
                    ) : (
                      t('ui.review.not_given')
                    )}
                    {row.warning ? (
                      <Notice kind="warning">
                        <p>{row.warning}</p>
                      </Notice>
                    ) : null}
                  </dd>
                </div>
              ))}
            </dl>
            <p>
              <Link to={`/applications/${application.id}/steps/${i + 1}`}>
                {t('ui.review.change_step', { step: title })}
              </Link>
            </p>
          </section>
        );
      })}
      <h2>{t('ui.review.assessment')}</h2>
      <p>{program.notice}</p>
      {preview ? (
        <>
          <p>
            <strong>{preview.eligible ? t('ui.precheck.eligible') : t('ui.precheck.not_eligible')}</strong>
          </p>
          <CriteriaResults criteria={preview.criteria} />
        </>
      ) : (
        <p>{t('ui.review.incomplete')}</p>
      )}
    </>
  );
}
