import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { formatDate } from '../../../kernel/format.ts';
import { regionName } from '../../../kernel/quebec.ts';
import { AppError } from '../../../platform/errors.ts';
import { Checkbox, RadioGroup, TextArea } from '../../../platform/ui/choices.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, withFieldNames } from '../../../platform/ui/route.server.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
// The business's profile is the intake module's to show; its index does not export the use case yet.
import { getApplication } from '../../intake/index.ts';
import { BusinessFacts } from '../../intake/ui/business-facts.tsx';
// Only the loader reads the table module (the browser bundle must not include the database schema).
import { SESSION_MODES } from '../db/tables.ts';
import { getCoachingOverview } from '../use-cases/get-coaching-overview.ts';
import { scheduleSession } from '../use-cases/schedule-session.ts';
import { updateSession } from '../use-cases/update-session.ts';
import { Badge, useDuration } from './fields.tsx';
import { DURATIONS, parseDecimal, readable, sessionStartFrom, sessionTime, versionOf } from './values.ts';

export const loader = pageLoader(async ({ ctx, params, request }) => {
  const id = params.id ?? '';
  const overview = await getCoachingOverview(ctx, id);
  // The retailer has their own view of their coaching, without the staff's notes.
  if (!overview.can.readNotes) throw redirect(`/applications/${id}`);
  const detail = await getApplication(ctx, id);
  if (detail.access !== 'full') throw new AppError('not_found');
  const b = detail.application.business;
  const now = ctx.now().getTime();
  const sessions = overview.sessions.map((s) => ({
    id: s.id,
    ...sessionTime(s.startsAt, s.durationMinutes, ctx.locale),
    durationMinutes: s.durationMinutes,
    mode: s.mode,
    location: s.location,
    status: s.status,
    ahead: new Date(s.startsAt).getTime() > now,
    hours: s.hours === null ? '' : readable(s.hours, ctx.locale),
    notes: s.notes ?? '',
    summary: s.summary ?? '',
    summaryShared: s.summaryShared,
    version: versionOf([
      s.startsAt,
      s.durationMinutes,
      s.mode,
      s.location,
      s.status,
      s.hours,
      s.notes,
      s.summary,
      s.summaryShared,
    ]),
  }));
  const upcoming = sessions.filter((s) => s.status === 'scheduled' && s.ahead);
  const cancel = new URL(request.url).searchParams.get('cancel');
  const h = overview.hoursBudget;
  return {
    id,
    locale: ctx.locale,
    business: overview.business ?? '—',
    expert: overview.expert?.name ?? null,
    assigned: overview.assigned,
    closed: overview.closed ? { ...overview.closed, at: formatDate(overview.closed.at) } : null,
    team: isAllowed(ctx.actor, 'application.review'),
    profile: {
      ...b,
      regionName: regionName(b.region),
    },
    hours: {
      used: readable(h.usedHours, ctx.locale),
      budget: readable(h.budgetHours, ctx.locale),
      planned: readable(h.plannedHours, ctx.locale),
      // Neither used nor booked yet.
      available: readable(Math.max(0, h.remainingHours - h.plannedHours), ctx.locale),
      warning: h.warning,
      message: h.message,
    },
    upcoming,
    toRecord: sessions.filter((s) => s.status === 'scheduled' && !s.ahead),
    held: sessions.filter((s) => s.status === 'held'),
    cancelled: sessions.filter((s) => s.status === 'cancelled'),
    confirmCancel: upcoming.some((s) => s.id === cancel) ? cancel : null,
    plan: overview.plan,
    can: overview.can,
    modes: [...SESSION_MODES],
  };
});

/** The session's place or link, as given; empty means none. */
const locationOf = (form: Record<string, string>) => form.location?.trim() || null;

export const action = formAction(async ({ ctx, form, params }) => {
  const applicationId = params.id ?? '';
  const sessionId = form.sessionId ?? '';
  switch (form.intent) {
    case 'schedule': {
      const startsAt = sessionStartFrom(form);
      await withFieldNames({ startsAt: 'time' }, () =>
        scheduleSession(ctx, {
          applicationId,
          startsAt,
          durationMinutes: formNumber(form.durationMinutes),
          mode: form.mode,
          location: locationOf(form),
        }),
      );
      return { done: 'scheduled' as const };
    }
    case 'reschedule': {
      const startsAt = sessionStartFrom(form);
      await withFieldNames({ startsAt: 'time' }, () =>
        updateSession(ctx, sessionId, {
          startsAt,
          durationMinutes: formNumber(form.durationMinutes),
          mode: form.mode,
          location: locationOf(form),
        }),
      );
      return { done: 'rescheduled' as const };
    }
    case 'cancel':
      await updateSession(ctx, sessionId, { status: 'cancelled' });
      return { done: 'cancelled' as const };
    case 'record': {
      const hours = parseDecimal(form.hours);
      await updateSession(ctx, sessionId, {
        ...(hours === undefined ? {} : { hours }),
        notes: form.notes?.trim() || null,
        summary: form.summary?.trim() || null,
        summaryShared: form.summaryShared === 'yes',
      });
      return { done: 'recorded' as const };
    }
    default:
      throw new AppError('bad_request');
  }
});

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Session = Data['upcoming'][number];

/** Where each form's fields are: the new session's, one session's. */
const prefixOf = (intent: string | undefined, sessionId: string | undefined) =>
  intent === 'reschedule' || intent === 'record' ? `s-${sessionId}-` : 'new-';

/**
 * A business's coaching file for its expert and the program team: profile, hours, sessions (schedule,
 * move, cancel, record), the plan's progress, and the closure.
 */
export default function CoachingFile() {
  const { t } = useTranslation('coaching');
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const done = result && 'done' in result ? result : undefined;
  const failedIntent = failed?.values.intent;
  const prefix = prefixOf(failedIntent, failed?.values.sessionId);
  const errors = fieldErrors(failed?.error);
  /** The failed form's errors and entered values, for the form they belong to only. */
  const stateOf = (intent: string, sessionId?: string) =>
    failed && failedIntent === intent && (sessionId === undefined || failed.values.sessionId === sessionId)
      ? { errors, values: failed.values, failed: true }
      : { errors: {} as Record<string, string>, values: undefined, failed: false };
  const { can } = data;
  return (
    <div className="coaching-page">
      <PageTitle title={t('ui.file.title', { business: data.business })}>{data.business}</PageTitle>
      <p>
        {data.closed ? (
          <Badge>
            {t('ui.file.closed_on', { date: data.closed.at, outcome: t(`outcomes.${data.closed.outcome}`) })}
          </Badge>
        ) : (
          <Badge kind="done">{t('ui.file.active')}</Badge>
        )}{' '}
        {data.expert ? t('ui.file.expert', { name: data.expert }) : t('ui.file.no_expert')}
      </p>
      <ul className="coaching-links">
        <li>
          <Link to={`/applications/${data.id}/plan`}>{t('ui.file.plan_link')}</Link>
        </li>
        <li>
          <Link to={`/applications/${data.id}/diagnostics`}>{t('ui.file.diagnostics_link')}</Link>
        </li>
        {data.team ? (
          <li>
            <Link to={`/review/applications/${data.id}`}>{t('ui.file.application_link')}</Link>
          </li>
        ) : (
          <li>
            <Link to="/caseload">{t('ui.file.back')}</Link>
          </li>
        )}
      </ul>
      <ErrorSummary error={failed?.error} hrefFor={(path) => `#${prefix}${path}`} />
      {done ? (
        <Notice kind="success">
          <p>{t(`ui.file.done_${done.done}`)}</p>
        </Notice>
      ) : null}
      {data.closed?.reason ? (
        <p>
          <strong>{t('ui.label', { label: t('fields.reason') })}</strong> {data.closed.reason}
        </p>
      ) : null}

      <HoursSection hours={data.hours} />
      <PlanSection id={data.id} plan={data.plan} />

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
                      {s.summary || '—'}
                      {s.summary ? (
                        <>
                          {' '}
                          <Badge kind={s.summaryShared ? 'done' : 'neutral'}>
                            {s.summaryShared ? t('ui.sessions.shared') : t('ui.sessions.not_shared')}
                          </Badge>
                        </>
                      ) : null}
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

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t('ui.file.profile')}</h2>
        <BusinessFacts business={data.profile} regionName={data.profile.regionName} />
      </section>

      {/* Closing and reopening each have their own page: a summary, then a confirmation. */}
      {can.close || can.reopen ? (
        <p>
          <Link
            to={`/applications/${data.id}/${can.close ? 'close' : 'reopen'}`}
            className="button button-secondary"
          >
            {can.close ? t('ui.close.title') : t('ui.reopen.title')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

function HoursSection({ hours }: { hours: Data['hours'] }) {
  const { t } = useTranslation('coaching');
  return (
    <section aria-labelledby="hours-title">
      <h2 id="hours-title">{t('ui.hours.title')}</h2>
      <p>{t('ui.hours.summary', hours)}</p>
      {hours.message ? (
        <Notice kind="warning">
          <p>
            <strong>{t('ui.hours.warning')}</strong> {hours.message}
          </p>
        </Notice>
      ) : null}
    </section>
  );
}

function PlanSection({ id, plan }: { id: string; plan: Data['plan'] }) {
  const { t } = useTranslation('coaching');
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t('ui.plan.title')}</h2>
      {plan ? (
        <p>
          <Badge kind={plan.status === 'approved' ? 'done' : 'neutral'}>
            {t(`ui.plan_status.${plan.status}`)}
          </Badge>{' '}
          {t('ui.plan_progress', { done: plan.done, total: plan.total })}
        </p>
      ) : (
        <p>{t('ui.file.no_plan')}</p>
      )}
      <p>
        <Link to={`/applications/${id}/plan`}>{plan ? t('ui.file.open_plan') : t('ui.file.start_plan')}</Link>
      </p>
    </section>
  );
}

function SessionFacts({ session: s }: { session: Session }) {
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

type FormState = { errors: Record<string, string>; values: Record<string, string> | undefined };

/** Date, time, duration, mode and place of a session: to schedule one, or to move one. */
function SessionForm({
  intent,
  prefix,
  session,
  errors,
  values,
}: FormState & { intent: 'schedule' | 'reschedule'; prefix: string; session?: Session }) {
  const { t } = useTranslation('coaching');
  const { modes } = useLoaderData<typeof loader>();
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
        options={modes.map((m) => ({ value: m, label: t(`modes.${m}`) }))}
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

/** After a session: hours spent, private notes, and a summary the retailer sees once shared. */
function RecordForm({ session: s, errors, values }: FormState & { session: Session }) {
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

/** The confirmation step of a cancellation: a page of its own without JavaScript, the focus on it with. */
function CancelConfirmation({ session: s, fileId }: { session: Session; fileId: string }) {
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
