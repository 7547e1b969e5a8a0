import { useTranslation } from 'react-i18next';
import { redirect, useActionData } from 'react-router';
import { Checkbox, RadioGroup, TextArea } from '../../../platform/ui/choices.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import { ErrorSummary, fieldErrors, PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { recordPrivacyIncident } from '../use-cases/record-privacy-incident.ts';

export const loader = pageLoader(({ ctx }) => {
  authorize(ctx.actor, 'privacy_incident.record');
  return null;
});

const optional = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export const action = formAction(async ({ ctx, form }) => {
  await recordPrivacyIncident(ctx, {
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
  });
  return redirect('/privacy?recorded');
});

/** The register's form: the regulation's eight contents, each required, numbered as the regulation does. */
export default function RecordIncident() {
  const { t } = useTranslation('privacy');
  const failed = useActionData<typeof action>();
  const errors = fieldErrors(failed?.error);
  const value = (name: string) => failed?.values[name];
  // Fields are named as the API names them (`notices.personsNotifiedOn`), so errors point at them.
  const label = (name: string) => t(`incidents.fields.${name.replace('notices.', '')}`);
  const title = t('incidents.ui.title');
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
    <div className="privacy-page">
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('incidents.ui.intro')}</p>
      <ErrorSummary error={failed?.error} />
      <PostForm action="/privacy/incidents/new">
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
        <SubmitButton>{t('incidents.ui.submit')}</SubmitButton>
      </PostForm>
    </div>
  );
}
