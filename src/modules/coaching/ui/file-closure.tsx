import { useTranslation } from 'react-i18next';
import { RadioGroup, TextArea } from '../../../platform/ui/choices.tsx';
import { PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import type { FormState } from './file-state.ts';

/** Closing the file: its outcome and, if need be, why (the expert or the program team). */
export function CloseSection({
  planApproved,
  errors,
  values,
  conflict,
}: FormState & { planApproved: boolean; conflict: string | null }) {
  const { t } = useTranslation('coaching');
  return (
    <section aria-labelledby="close-title" className="card">
      <h2 id="close-title">{t('ui.close.title')}</h2>
      <p>{t('ui.close.intro')}</p>
      {planApproved ? null : <p className="hint">{t('ui.close.plan_not_approved')}</p>}
      {conflict ? (
        <p className="error-message">
          <span className="sr-only">{t('app:form.error_prefix')} </span>
          {conflict}
        </p>
      ) : null}
      <PostForm className="stack">
        <input type="hidden" name="intent" value="close" />
        <RadioGroup
          id="close-outcome"
          name="outcome"
          label={t('fields.outcome')}
          required
          defaultValue={values?.outcome}
          options={[
            { value: 'completed', label: t('outcomes.completed') },
            { value: 'abandoned', label: t('outcomes.abandoned') },
          ]}
          error={errors.outcome}
        />
        <TextArea
          id="close-reason"
          name="reason"
          label={t('fields.reason')}
          hint={t('ui.close.reason_hint')}
          rows={3}
          maxLength={2000}
          defaultValue={values?.reason}
          error={errors.reason}
        />
        <SubmitButton variant="danger">{t('ui.close.submit')}</SubmitButton>
      </PostForm>
    </section>
  );
}
