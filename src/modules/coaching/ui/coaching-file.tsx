import { useTranslation } from 'react-i18next';
import { Link, redirect } from 'react-router';
import { formatDate } from '../../../kernel/format.ts';
import { regionName } from '../../../kernel/quebec.ts';
import { AppError } from '../../../platform/errors.ts';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import { ErrorSummary } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, withFieldNames } from '../../../platform/ui/route.server.ts';
import { threadPath } from '../../conversations/components.ts';
import { BusinessFacts } from '../../intake/components.ts';
// The business's profile is the intake module's to show.
import { getApplication } from '../../intake/index.ts';
import { getCoachingOverview } from '../use-cases/get-coaching-overview.ts';
import { scheduleSession } from '../use-cases/schedule-session.ts';
import { updateSession } from '../use-cases/update-session.ts';
import { Badge } from './fields.tsx';
import { SessionsSection } from './file-sessions.tsx';
import { HoursSection, PlanSection } from './file-standing.tsx';
import { useCoachingFile } from './file-state.ts';
import { parseDecimal, readable, sessionStartFrom, sessionTime, versionOf } from './values.ts';

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
    team: overview.can.reviewApplication,
    profile: {
      ...b,
      regionName: regionName(b.region),
    },
    hours: {
      used: readable(h.usedHours, ctx.locale),
      budget: readable(h.budgetHours, ctx.locale),
      planned: readable(h.plannedHours, ctx.locale),
      available: readable(h.availableHours, ctx.locale),
      training: readable(h.trainingHours, ctx.locale),
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
      const recorded = await updateSession(ctx, sessionId, {
        ...(hours === undefined ? {} : { hours }),
        notes: form.notes?.trim() || null,
        summary: form.summary?.trim() || null,
        summaryShared: form.summaryShared === 'yes',
      });
      return { done: 'recorded' as const, warning: recorded.fundingWarning };
    }
    default:
      throw new AppError('bad_request');
  }
});

/**
 * A business's coaching file for its expert and the program team: profile, hours, sessions (schedule,
 * move, cancel, record), the plan's progress, and the closure.
 */
export default function CoachingFile() {
  const { t } = useTranslation('coaching');
  const { data, failed, done, prefix } = useCoachingFile();
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
        <li>
          <Link to={threadPath(data.id)}>{t('ui.file.messages_link')}</Link>
        </li>
        {data.team && data.plan?.status === 'approved' ? (
          <li>
            {/* The file's agreement, or the form to prepare one. */}
            <Link to={`/applications/${data.id}/agreement/new`}>{t('ui.file.agreement_link')}</Link>
          </li>
        ) : null}
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
        <Notice kind={'warning' in done && done.warning ? 'warning' : 'success'}>
          <p>{t(`ui.file.done_${done.done}`)}</p>
          {'warning' in done && done.warning ? <p>{done.warning}</p> : null}
        </Notice>
      ) : null}
      {data.closed?.reason ? (
        <p>
          <strong>{t('ui.label', { label: t('fields.reason') })}</strong> {data.closed.reason}
        </p>
      ) : null}

      <HoursSection hours={data.hours} />
      <PlanSection id={data.id} plan={data.plan} />

      <SessionsSection />

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
