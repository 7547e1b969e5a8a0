import { useTranslation } from 'react-i18next';
import { Checkbox, RadioGroup, TextArea } from '../../../platform/ui/choices.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import type { FormFailure } from '../../../platform/ui/route.server.ts';

const optional = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** A register form's fields as the use cases take them (named as the API names them). */
export function incidentFromForm(form: Record<string, string | undefined>) {
  return {
    informationInvolved: form.informationInvolved ?? '',
    circumstances: form.circumstances ?? '',
    occurredFrom: form.occurredFrom || undefined,
    occurredTo: optional(form.occurredTo),
    learnedOn: form.learnedOn || undefined,
    personsAffected: formNumber(form.personsAffected),
    personsApproximate: form.personsApproximate === 'on',
    riskAssessment: form.riskAssessment ?? '',
    seriousRisk: form.seriousRisk === undefined ? undefined : form.seriousRisk === 'yes',
    notices: {
      commissionNotifiedOn: optional(form['notices.commissionNotifiedOn']),
      personsNotifiedOn: optional(form['notices.personsNotifiedOn']),
      publicNotice: optional(form['notices.publicNotice']),
    },
    measures: form.measures ?? '',
    adviceToPersons: optional(form.adviceToPersons),
  };
}

/**
 * The register's form: the regulation's eight contents, each required, numbered as the regulation
 * does; empty to enter an incident, filled with an entry's contents (`values`) to update it.
 */
export function IncidentForm({
  action,
  values,
  failed,
  submit,
}: {
  action: string;
  values: Record<string, string | undefined>;
  failed: FormFailure | undefined;
  submit: string;
}) {
  const { t } = useTranslation('privacy');
  const errors = fieldErrors(failed?.error);
  const value = (name: string) => (failed ? failed.values[name] : values[name]);
  // Fields are named as the API names them (`notices.personsNotifiedOn`), so errors point at them.
  const label = (name: string) => t(`incidents.fields.${name.replace('notices.', '')}`);
  // The eight contents are long texts; the optional ones (public notice, advice) are shorter.
  const longText = (name: string, required: boolean) => (
    <TextArea
      name={name}
      label={label(name)}
      required={required}
      rows={required ? 5 : 3}
      maxLength={required ? 8000 : 4000}
      defaultValue={value(name)}
      error={errors[name]}
    />
  );
  const day = (name: string, required: boolean) => (
    <TextField
      name={name}
      type="date"
      label={label(name)}
      hint={t('incidents.ui.date_hint')}
      required={required}
      defaultValue={value(name)}
      error={errors[name]}
    />
  );
  return (
    <>
      <ErrorSummary error={failed?.error} />
      <PostForm action={action}>
        {longText('informationInvolved', true)}
        {longText('circumstances', true)}
        {day('occurredFrom', true)}
        {day('occurredTo', false)}
        {day('learnedOn', true)}
        <TextField
          name="personsAffected"
          inputMode="numeric"
          label={label('personsAffected')}
          required
          defaultValue={value('personsAffected')}
          error={errors.personsAffected}
        />
        <Checkbox
          name="personsApproximate"
          label={t('incidents.ui.approximate')}
          defaultChecked={value('personsApproximate') === 'on'}
        />
        {longText('riskAssessment', true)}
        <RadioGroup
          name="seriousRisk"
          label={label('seriousRisk')}
          required
          options={[
            { value: 'yes', label: t('incidents.ui.serious_yes') },
            { value: 'no', label: t('incidents.ui.serious_no') },
          ]}
          defaultValue={value('seriousRisk')}
          error={errors.seriousRisk}
        />
        <fieldset>
          <legend>{label('notices')}</legend>
          {day('notices.commissionNotifiedOn', false)}
          {day('notices.personsNotifiedOn', false)}
          {longText('notices.publicNotice', false)}
        </fieldset>
        {longText('measures', true)}
        {longText('adviceToPersons', false)}
        <SubmitButton>{submit}</SubmitButton>
      </PostForm>
    </>
  );
}
