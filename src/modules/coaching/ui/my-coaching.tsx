import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Locale } from '../../../kernel/locale.ts';
import type { CoachingOverview } from '../use-cases/get-coaching-overview.ts';
import { SessionSummary } from './session-summary.tsx';
import { sessionTime } from './values.ts';

/**
 * What the retailer's page shows of their coaching (built by its loader from the overview): the expert,
 * sessions ahead, sessions held with their summaries as the caller may read them, the plan, the surveys.
 */
export function myCoachingView(c: CoachingOverview, now: Date, locale: Locale) {
  return {
    expert: c.expert?.name ?? null,
    closed: c.closed !== null,
    /** The program team may open this page too: they also see whether a summary is shared. */
    staff: c.can.readNotes,
    upcoming: c.sessions
      .filter((s) => s.status === 'scheduled' && new Date(s.startsAt) > now)
      .map((s) => ({
        id: s.id,
        ...sessionTime(s.startsAt, s.durationMinutes, locale),
        mode: s.mode,
        location: s.location,
      })),
    past: c.sessions
      .filter((s) => s.status === 'held')
      .reverse()
      .map((s) => ({
        id: s.id,
        ...sessionTime(s.startsAt, s.durationMinutes, locale),
        mode: s.mode,
        summary: s.summary,
        summaryShared: s.summaryShared,
      })),
    plan: c.plan,
    surveys: c.surveys,
  };
}

export type MyCoachingView = ReturnType<typeof myCoachingView>;

/** "Mon accompagnement": the expert, sessions with their invitations, shared summaries, the plan, the surveys. */
export function MyCoaching({
  applicationId,
  coaching: c,
}: {
  applicationId: string;
  coaching: MyCoachingView;
}) {
  const { t: tc } = useTranslation('coaching');
  return (
    <section aria-labelledby="coaching-title" className="card">
      <h2 id="coaching-title">{tc('ui.mine.title')}</h2>
      <p>{c.expert ? tc('ui.mine.expert', { name: c.expert }) : tc('ui.mine.no_expert')}</p>
      {c.closed ? <p>{tc('ui.mine.closed')}</p> : null}
      {c.surveys.length > 0 ? (
        <ul className="coaching-links">
          {c.surveys.map((s) => (
            <li key={s.id}>
              <Link to={`/surveys/${s.id}`}>
                {s.answered ? tc(`ui.mine.survey_answered_${s.wave}`) : tc(`ui.mine.survey_${s.wave}`)}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <h3>{tc('ui.mine.upcoming')}</h3>
      {c.upcoming.length === 0 ? (
        <p>{tc('ui.mine.none_upcoming')}</p>
      ) : (
        <ul className="coaching-sessions">
          {c.upcoming.map((s) => (
            <li key={s.id}>
              <p>
                <strong>{tc('ui.sessions.when', { when: s.when, until: s.until })}</strong>
                <br />
                {tc(`modes.${s.mode}`)}
                {s.location ? (
                  <>
                    {' · '}
                    {/^https?:\/\//.test(s.location) ? (
                      <a href={s.location} rel="noopener noreferrer">
                        {s.location}
                      </a>
                    ) : (
                      s.location
                    )}
                  </>
                ) : null}
                <br />
                <a href={`/api/v1/sessions/${s.id}/invite.ics`} download="invitation.ics">
                  {tc('ui.sessions.ics')}
                  <span className="sr-only"> ({s.when})</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
      <h3>{tc('ui.mine.past')}</h3>
      {c.past.length === 0 ? (
        <p>{tc('ui.mine.none_past')}</p>
      ) : (
        <ul className="coaching-sessions">
          {c.past.map((s) => (
            <li key={s.id}>
              <p>
                <strong>{s.when}</strong> — {tc(`modes.${s.mode}`)}
              </p>
              {s.summary ? (
                <p className="coaching-pre">
                  <strong>{tc('ui.mine.summary')}</strong>{' '}
                  <SessionSummary summary={s.summary} shared={s.summaryShared} staff={c.staff} />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{tc('ui.plan.title')}</h3>
      <p>
        {c.plan
          ? `${tc(`ui.plan_status.${c.plan.status}`)} — ${tc('ui.plan_progress', { done: c.plan.done, total: c.plan.total })}`
          : tc('ui.mine.no_plan')}{' '}
        <Link to={`/applications/${applicationId}/plan`}>{tc('ui.mine.plan_link')}</Link>
      </p>
    </section>
  );
}
