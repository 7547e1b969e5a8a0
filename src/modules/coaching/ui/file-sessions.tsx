import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RadioGroup } from '../../../platform/ui/choices.tsx';
import { PostForm, SelectField, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { SESSION_MODES } from '../domain/sessions.ts';
import { useDuration } from './fields.tsx';
import { type FileSession, type FormState, useCoachingFile } from './file-state.ts';
import { RecordForm } from './session-record-form.tsx';
import { SessionSummary } from './session-summary.tsx';
import { DURATIONS } from './values.ts';

/** A file's sessions: ahead (move, cancel), to record, held, cancelled; and scheduling a new one. */
export function SessionsSection() {
  const { t } = useTranslation('coaching');
  const { data, stateOf } = useCoachingFile();
  const { can } = data;
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('ui.sessions.title')}</h2>
      <h3>{t('ui.sessions.upcoming')}</h3>
      {data.upcoming.length === 0 ? (
        <p>{t('ui.sessions.none_upcoming')}</p>
      ) : (
        <ul className="coaching-sessions">
          {data.upcoming.map((s) => (
            <li key={s.id} className="card">
              <SessionFacts session={s} />
              <p>
                <a href={`/api/v1/sessions/${s.id}/invite.ics`} download="invitation.ics">
                  {t('ui.sessions.ics')}
                </a>
              </p>
              {can.manageSessions ? (
                data.confirmCancel === s.id ? (
                  <CancelConfirmation session={s} fileId={data.id} />
                ) : (
                  <>
                    <details
                      className="coaching-details"
                      open={stateOf('reschedule', s.id).failed}
                      key={s.version}
                    >
                      <summary>{t('ui.sessions.change', { when: s.when })}</summary>
                      <SessionForm
                        intent="reschedule"
                        prefix={`s-${s.id}-`}
                        session={s}
                        {...stateOf('reschedule', s.id)}
                      />
                    </details>
                    <p>
                      <Link
                        to={`/caseload/${data.id}?cancel=${s.id}#cancel-${s.id}`}
                        preventScrollReset
                        className="coaching-danger-link"
                      >
                        {t('ui.sessions.cancel', { when: s.when })}
                      </Link>
                    </p>
                  </>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {data.toRecord.length > 0 ? (
        <>
          <h3>{t('ui.sessions.to_record')}</h3>
          <ul className="coaching-sessions">
            {data.toRecord.map((s) => (
              <li key={s.id} className="card">
                <SessionFacts session={s} />
                {can.recordSessions ? (
                  <RecordForm session={s} {...stateOf('record', s.id)} key={s.version} />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>{t('ui.sessions.held')}</h3>
      {data.held.length === 0 ? (
        <p>{t('ui.sessions.none_held')}</p>
      ) : (
        <ul className="coaching-sessions">
          {data.held.map((s) => (
            <li key={s.id} className="card">
              <SessionFacts session={s} />
              <dl className="facts">
                <div>
                  <dt>{t('fields.hours')}</dt>
                  <dd>{s.hours ? t('ui.hours_value', { hours: s.hours }) : '—'}</dd>
                </div>
                <div>
                  <dt>{t('ui.sessions.summary')}</dt>
                  <dd>
                    {s.summary ? (
                      <SessionSummary summary={s.summary} shared={s.summaryShared} staff={can.readNotes} />
                    ) : (
                      '—'
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t('ui.sessions.notes')}</dt>
                  <dd className="coaching-pre">{s.notes || '—'}</dd>
                </div>
              </dl>
              {can.recordSessions ? (
                <details className="coaching-details" open={stateOf('record', s.id).failed} key={s.version}>
                  <summary>{t('ui.sessions.edit_record', { when: s.when })}</summary>
                  <RecordForm session={s} {...stateOf('record', s.id)} />
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      {data.cancelled.length > 0 ? (
        <>
          <h3>{t('ui.sessions.cancelled')}</h3>
          <ul className="bullets">
            {data.cancelled.map((s) => (
              <li key={s.id}>
                {s.when} — {t(`modes.${s.mode}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {can.manageSessions ? (
        <section aria-labelledby="schedule-title" className="card">
          <h3 id="schedule-title">{t('ui.sessions.schedule')}</h3>
          <p className="hint">{t('ui.sessions.schedule_hint')}</p>
          <SessionForm
            intent="schedule"
            prefix="new-"
            {...stateOf('schedule')}
            key={data.upcoming.length + data.toRecord.length + data.held.length + data.cancelled.length}
          />
        </section>
      ) : !data.closed && !data.assigned ? (
        <p>{t('ui.sessions.no_expert')}</p>
      ) : null}
    </section>
  );
}

export function SessionFacts({ session: s }: { session: FileSession }) {
  const { t } = useTranslation('coaching');
  const duration = useDuration();
  return (
    <>
      <h4 className="coaching-session-title">{t('ui.sessions.when', { when: s.when, until: s.until })}</h4>
      <p>
        {t(`modes.${s.mode}`)} · {duration(s.durationMinutes)}
        {s.location ? (
          <>
            <br />
            {/^https?:\/\//.test(s.location) ? (
              <a href={s.location} rel="noopener noreferrer">
                {s.location}
              </a>
            ) : (
              s.location
            )}
          </>
        ) : null}
      </p>
    </>
  );
}

/** Date, time, duration, mode and place of a session: to schedule one, or to move one. */
function SessionForm({
  intent,
  prefix,
  session,
  errors,
  values,
}: FormState & { intent: 'schedule' | 'reschedule'; prefix: string; session?: FileSession }) {
  const { t } = useTranslation('coaching');
  const duration = useDuration();
  const v = (name: string, fallback: string) => values?.[name] ?? fallback;
  const durations = [...new Set([...DURATIONS, session?.durationMinutes ?? 60])].sort((a, b) => a - b);
  return (
    <PostForm className="stack">
      <input type="hidden" name="intent" value={intent} />
      {session ? <input type="hidden" name="sessionId" value={session.id} /> : null}
      <fieldset className="field">
        <legend>{t('ui.sessions.when_legend')}</legend>
        <div className="coaching-row">
          <TextField
            id={`${prefix}date`}
            name="date"
            type="date"
            label={t('ui.sessions.date')}
            hint={t('ui.sessions.date_hint')}
            required
            defaultValue={v('date', session?.date ?? '')}
            error={errors.date}
          />
          <TimeField
            id={`${prefix}time`}
            label={t('ui.sessions.time')}
            hint={t('ui.sessions.time_hint')}
            defaultValue={v('time', session?.time ?? '')}
            error={errors.time}
          />
        </div>
      </fieldset>
      <SelectField
        id={`${prefix}durationMinutes`}
        name="durationMinutes"
        label={t('ui.sessions.duration')}
        required
        defaultValue={v('durationMinutes', String(session?.durationMinutes ?? 60))}
        options={durations.map((d) => ({ value: String(d), label: duration(d) }))}
        error={errors.durationMinutes}
      />
      <RadioGroup
        id={`${prefix}mode`}
        name="mode"
        label={t('fields.mode')}
        required
        defaultValue={v('mode', session?.mode ?? 'video')}
        options={SESSION_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))}
        error={errors.mode}
      />
      <TextField
        id={`${prefix}location`}
        name="location"
        label={t('fields.location')}
        hint={t('ui.sessions.location_hint')}
        defaultValue={v('location', session?.location ?? '')}
        error={errors.location}
      />
      <SubmitButton>
        {intent === 'schedule' ? t('ui.sessions.schedule_submit') : t('ui.sessions.change_submit')}
      </SubmitButton>
    </PostForm>
  );
}

/** A time input (`14:30`); where the browser has no time picker, `14 h 30` typed by hand is read too. */
function TimeField({
  id,
  label,
  hint,
  defaultValue,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  defaultValue: string;
  error?: string;
}) {
  const { t } = useTranslation('coaching');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <p id={hintId} className="hint">
        {hint}
      </p>
      {error ? (
        <p id={errorId} className="error-message">
          <span className="sr-only">{t('app:form.error_prefix')} </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name="time"
        type="time"
        step={900}
        defaultValue={defaultValue}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      />
    </div>
  );
}

/** The confirmation step of a cancellation: a page of its own without JavaScript, the focus on it with. */
function CancelConfirmation({ session: s, fileId }: { session: FileSession; fileId: string }) {
  const { t } = useTranslation('coaching');
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section
      ref={ref}
      id={`cancel-${s.id}`}
      tabIndex={-1}
      aria-labelledby={`cancel-${s.id}-title`}
      className="coaching-confirm"
    >
      <p id={`cancel-${s.id}-title`}>
        <strong>{t('ui.sessions.confirm_title', { when: s.when })}</strong>
      </p>
      <p>{t('ui.sessions.confirm_text')}</p>
      <PostForm action={`/caseload/${fileId}`} className="actions">
        <input type="hidden" name="intent" value="cancel" />
        <input type="hidden" name="sessionId" value={s.id} />
        <SubmitButton variant="danger">{t('ui.sessions.confirm_yes')}</SubmitButton>
        <Link to={`/caseload/${fileId}`} preventScrollReset>
          {t('ui.sessions.confirm_no')}
        </Link>
      </PostForm>
    </section>
  );
}
