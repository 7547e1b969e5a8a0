import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Locale } from '../../../../kernel/locale.ts';
import { regionName } from '../../../../kernel/quebec.ts';
import { Notice } from '../../../../platform/ui/page.tsx';
import type { ApplicationView } from '../../domain/application-view.ts';
import { REQUIRED_BUSINESS_FIELDS } from '../../domain/business-fields.ts';
import type { EligibilityAnswer } from '../../use-cases/check-eligibility.ts';
import type { getRegistryCheck } from '../../use-cases/get-registry-check.ts';
import { readableFact } from '../business-facts.tsx';
import { CriteriaResults } from '../criteria-results.tsx';
import { naicsLabel } from '../options.ts';
import { RegistryComparison, RegistryFacts } from '../registry-facts.tsx';
import { FIELDS_OF_STEP, STEPS, type StepProps } from './steps.ts';

/** What the review shows for one business fact: choices by their label, the region by its name. */
function businessValue(
  name: string,
  b: ApplicationView['business'],
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
export function ReviewStep({
  application,
  program,
  preview,
  locale,
  registry,
}: Pick<StepProps, 'application'> & {
  program: { notice: string; consentTexts: { purpose: string; required: boolean }[] };
  preview: EligibilityAnswer | null;
  locale: Locale;
  registry: Awaited<ReturnType<typeof getRegistryCheck>> | null;
}) {
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
      {registry ? (
        <>
          <RegistryFacts check={registry} />
          <RegistryComparison check={registry} locale={locale} />
        </>
      ) : null}
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
