import { useTranslation } from 'react-i18next';
import { Checkbox, TextArea } from '../../../platform/ui/choices.tsx';
import { PostForm, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import type { FileSession, FormState } from './file-state.ts';

/** After a session: hours spent, private notes, and a summary the retailer sees once shared. */
export function RecordForm({ session: s, errors, values }: FormState & { session: FileSession }) {
  const { t } = useTranslation('coaching');
  const prefix = `s-${s.id}-`;
  const v = (name: string, fallback: string) => values?.[name] ?? fallback;
  return (
    <PostForm className="stack">
      <input type="hidden" name="intent" value="record" />
      <input type="hidden" name="sessionId" value={s.id} />
      <TextField
        id={`${prefix}hours`}
        name="hours"
        inputMode="decimal"
        label={t('fields.hours')}
        hint={t('ui.sessions.hours_hint')}
        defaultValue={v('hours', s.hours)}
        error={errors.hours}
      />
      <TextArea
        id={`${prefix}notes`}
        name="notes"
        label={t('ui.sessions.notes')}
        hint={t('ui.sessions.notes_hint')}
        rows={4}
        maxLength={20000}
        defaultValue={v('notes', s.notes)}
        error={errors.notes}
      />
      <TextArea
        id={`${prefix}summary`}
        name="summary"
        label={t('ui.sessions.summary')}
        hint={t('ui.sessions.summary_hint')}
        rows={3}
        maxLength={4000}
        defaultValue={v('summary', s.summary)}
        error={errors.summary}
      />
      <Checkbox
        id={`${prefix}summaryShared`}
        name="summaryShared"
        value="yes"
        label={t('ui.sessions.share')}
        defaultChecked={values ? values.summaryShared === 'yes' : s.summaryShared}
        error={errors.summaryShared}
      />
      <SubmitButton>{t('ui.sessions.record_submit')}</SubmitButton>
    </PostForm>
  );
}
