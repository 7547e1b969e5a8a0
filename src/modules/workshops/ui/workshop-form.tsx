import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroup, regionOptions, TextArea } from '../../../platform/ui/choices.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import { PostForm, SelectField, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { WORKSHOP_AUDIENCES, WORKSHOP_FORMATS } from '../domain/workshops.ts';

/** The form's fields as the use cases take them (dates apart). */
export function workshopFieldsOf(form: Record<string, string>) {
  const optional = (name: string) => form[name]?.trim() || null;
  const number = (name: string) => (form[name]?.trim() ? formNumber(form[name]) : undefined);
  return {
    titleFr: form.titleFr ?? '',
    titleEn: form.titleEn ?? '',
    descriptionFr: form.descriptionFr ?? '',
    descriptionEn: form.descriptionEn ?? '',
    topic: form.topic ?? '',
    language: form.language,
    format: form.format,
    place: optional('place'),
    link: optional('link'),
    durationMinutes: formNumber(form.durationMinutes),
    capacity: formNumber(form.capacity),
    audience: form.audience,
    region: optional('region'),
    facilitatorUserId: optional('facilitatorUserId'),
    offerHours: number('offerHours'),
    minimumAttendancePercent: number('minimumAttendancePercent'),
  };
}

/**
 * A workshop's fields, to create one (several date slots: a series) or change one (a single date).
 * `v` gives each field's value: what was entered after a failure, else the workshop's or the default.
 */
export function WorkshopForm({
  topics,
  facilitators,
  slots,
  v,
  errors,
  hidden,
  submit,
}: {
  topics: { id: string; label: string }[];
  facilitators: { id: string; name: string }[];
  slots: readonly number[];
  v: (name: string, fallback?: string) => string;
  errors: Record<string, string>;
  hidden: ReactNode;
  submit: string;
}) {
  const { t } = useTranslation('workshops');
  return (
    <PostForm className="stack">
      {hidden}
      <TextField
        name="titleFr"
        label={t('fields.titleFr')}
        required
        defaultValue={v('titleFr')}
        error={errors.titleFr}
      />
      <TextField
        name="titleEn"
        label={t('fields.titleEn')}
        required
        defaultValue={v('titleEn')}
        error={errors.titleEn}
      />
      <TextArea
        name="descriptionFr"
        label={t('fields.descriptionFr')}
        required
        defaultValue={v('descriptionFr')}
        error={errors.descriptionFr}
      />
      <TextArea
        name="descriptionEn"
        label={t('fields.descriptionEn')}
        required
        defaultValue={v('descriptionEn')}
        error={errors.descriptionEn}
      />
      <SelectField
        name="topic"
        label={t('fields.topic')}
        required
        options={topics.map((d) => ({ value: d.id, label: d.label }))}
        defaultValue={v('topic')}
        error={errors.topic}
      />
      <RadioGroup
        name="language"
        label={t('fields.language')}
        required
        options={(['fr', 'en'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        defaultValue={v('language', 'fr')}
        error={errors.language}
      />
      <RadioGroup
        name="format"
        label={t('fields.format')}
        required
        options={WORKSHOP_FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) }))}
        defaultValue={v('format', 'in_person')}
        error={errors.format}
      />
      <TextField name="place" label={t('fields.place')} defaultValue={v('place')} error={errors.place} />
      <TextField
        name="link"
        type="url"
        label={t('fields.link')}
        defaultValue={v('link')}
        error={errors.link}
      />
      <fieldset>
        <legend>{slots.length > 1 ? t('fields.dates') : t('fields.date')}</legend>
        {slots.length > 1 ? <p className="hint">{t('ui.series_help')}</p> : null}
        {slots.map((i) => (
          <div key={i} className="field-pair">
            <TextField
              name={`dates.${i}.date`}
              type="date"
              label={i === 0 ? t('fields.date') : `${t('ui.add_date')} ${i}`}
              required={i === 0}
              defaultValue={v(`dates.${i}.date`)}
              error={errors[`dates.${i}.date`]}
            />
            <TextField
              name={`dates.${i}.time`}
              label={`${t('fields.time')}${i === 0 ? '' : ` ${i}`}`}
              hint="13:30"
              required={i === 0}
              defaultValue={v(`dates.${i}.time`)}
              error={errors[`dates.${i}.time`]}
            />
          </div>
        ))}
      </fieldset>
      <TextField
        name="durationMinutes"
        inputMode="numeric"
        label={t('fields.durationMinutes')}
        required
        defaultValue={v('durationMinutes', '120')}
        error={errors.durationMinutes}
      />
      <TextField
        name="capacity"
        inputMode="numeric"
        label={t('fields.capacity')}
        required
        defaultValue={v('capacity', '20')}
        error={errors.capacity}
      />
      <RadioGroup
        name="audience"
        label={t('fields.audience')}
        required
        options={WORKSHOP_AUDIENCES.map((a) => ({ value: a, label: t(`audiences.${a}`) }))}
        defaultValue={v('audience', 'program')}
        error={errors.audience}
      />
      <SelectField
        name="region"
        label={t('fields.region')}
        options={[{ value: '', label: '—' }, ...regionOptions()]}
        defaultValue={v('region')}
        error={errors.region}
      />
      <SelectField
        name="facilitatorUserId"
        label={t('fields.facilitatorUserId')}
        options={[{ value: '', label: '—' }, ...facilitators.map((f) => ({ value: f.id, label: f.name }))]}
        defaultValue={v('facilitatorUserId')}
        error={errors.facilitatorUserId}
      />
      <TextField
        name="offerHours"
        inputMode="numeric"
        label={t('fields.offerHours')}
        defaultValue={v('offerHours', '24')}
        error={errors.offerHours}
      />
      <TextField
        name="minimumAttendancePercent"
        inputMode="numeric"
        label={t('fields.minimumAttendancePercent')}
        defaultValue={v('minimumAttendancePercent', '80')}
        error={errors.minimumAttendancePercent}
      />
      <SubmitButton>{submit}</SubmitButton>
    </PostForm>
  );
}
