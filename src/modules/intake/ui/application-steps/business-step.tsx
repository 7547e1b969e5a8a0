import { useTranslation } from 'react-i18next';
import { RadioGroup } from '../../../../platform/ui/choices.tsx';
import { formNumber } from '../../../../platform/ui/form-numbers.ts';
import { SelectField, SubmitButton, TextField } from '../../../../platform/ui/forms.tsx';
import { Notice } from '../../../../platform/ui/page.tsx';
import { choosableEstablishments, OTHER_ESTABLISHMENT } from '../../domain/registry-check.ts';
import type { getRegistryCheck } from '../../use-cases/get-registry-check.ts';
import { naicsOptions, revenueOptions } from '../options.ts';
import { establishmentLabel, RegistryComparison, RegistryFacts } from '../registry-facts.tsx';
import { given, optional, type SentForm, type StepProps } from './steps.ts';

/** Step 1: who the business is. */
export function BusinessStep({
  application,
  v,
  e,
  locale,
  registry,
}: StepProps & {
  locale: 'fr' | 'en';
  registry: Awaited<ReturnType<typeof getRegistryCheck>> | null;
}) {
  const { t } = useTranslation('intake');
  const b = application.business;
  return (
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
      <p className="hint">{t('ui.registry.lookup_hint')}</p>
      <div>
        <SubmitButton name="intent" value="lookup" variant="secondary">
          {t('ui.registry.lookup')}
        </SubmitButton>
      </div>
      {registry ? <RegistryFacts check={registry} /> : null}
      {registry?.facts && !registry.stale ? (
        <>
          <p>{t('ui.registry.confirm')}</p>
          <RegistryComparison check={registry} locale={locale} />
          {choosableEstablishments(registry.facts).length > 0 ? (
            <RadioGroup
              name="establishment"
              label={t('ui.registry.establishment')}
              hint={t('ui.registry.establishment_hint')}
              defaultValue={v('establishment', registry.establishment)}
              options={[
                ...choosableEstablishments(registry.facts).map((s) => ({
                  value: s.number,
                  label: establishmentLabel(s, t),
                })),
                { value: OTHER_ESTABLISHMENT, label: t('ui.registry.establishment_other') },
              ]}
              error={e('establishment')}
            />
          ) : null}
        </>
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
  );
}

/** What step 1 sends: the business's facts, and the establishment chosen when the registry listed some. */
export const businessStepChanges = (sent: SentForm) => ({
  ...businessChanges(sent),
  establishment: given(sent.form, 'establishment'),
});

/** The business's facts of step 1 (also kept when the applicant looks the NEQ up). */
export const businessChanges = ({ form }: SentForm) => ({
  business: {
    legalName: given(form, 'legalName'),
    tradeName: optional(form, 'tradeName'),
    neq: given(form, 'neq'),
    naics: given(form, 'naics'),
    employees: formNumber(form.employees),
    foundedYear: formNumber(form.foundedYear),
    annualRevenueBand: given(form, 'annualRevenueBand'),
  },
});
