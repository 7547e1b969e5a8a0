import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { AppError, isAppError } from '../../../platform/errors.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { ErrorSummary, PostForm, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { MyCoaching, myCoachingView } from '../../coaching/components.ts';
import { getCoachingOverview, getFileHistory } from '../../coaching/index.ts';
import { ConversationThread, conversationView } from '../../conversations/components.ts';
import { getConversation } from '../../conversations/index.ts';
import { listApplicationDiagnostics } from '../../diagnostic/index.ts';
import { listAgreements } from '../../funding/index.ts';
import { getAccount, resendEmailVerification } from '../../identity/index.ts';
import { nextStep } from '../domain/next-step.ts';
import { mayAskForHumanReview, mayWithdraw, shownStatus } from '../domain/status.ts';
import { getApplication } from '../use-cases/get-application.ts';
import { requestHumanReview } from '../use-cases/request-human-review.ts';
import { withdrawApplication } from '../use-cases/withdraw-application.ts';
import { CriteriaResults } from './criteria-results.tsx';
import { eventMessage } from './event-message.ts';

export const loader = pageLoader(async ({ ctx, params, request }) => {
  const detail = await getApplication(ctx, params.id ?? '');
  if (detail.access !== 'full') throw new AppError('not_found');
  const search = new URL(request.url).searchParams;
  const a = detail.application;
  const [account, coaching, fileHistory, diagnostics, agreements, conversation] = await Promise.all([
    ctx.actor.kind === 'user' && ctx.actor.role === 'retailer' ? getAccount(ctx) : null,
    a.status === 'accepted' ? ifReadable(() => getCoachingOverview(ctx, a.id)) : null,
    a.status === 'accepted' ? ifReadable(() => getFileHistory(ctx, a.id)) : null,
    a.status === 'accepted' ? listApplicationDiagnostics(ctx, a.id) : [],
    a.status === 'accepted' ? ifReadable(() => listAgreements(ctx, { applicationId: a.id })) : null,
    getConversation(ctx, a.id),
  ]);
  const progress = (phase: 'T0' | 'T1') => {
    const found = diagnostics.find((d) => d.phase === phase);
    return found ? { id: found.id, status: found.status } : null;
  };
  const entry = progress('T0');
  const closing = progress('T1');
  return {
    application: {
      ...a,
      submittedAt: a.submittedAt ? formatDateTime(a.submittedAt, ctx.locale) : null,
      decidedAt: a.decidedAt ? formatDateTime(a.decidedAt, ctx.locale) : null,
      // The whole file in time order: the application's events and its coaching's (assignments, closures, reopenings).
      history: [
        ...a.history.map((h) => ({ id: h.id, kind: h.kind, message: h.message, occurredAt: h.occurredAt })),
        ...(fileHistory ?? []).map((e, i) => ({
          id: `coaching-${i}`,
          kind: e.kind === 'closed' ? `closed_${e.outcome}` : e.kind,
          message: 'expert' in e ? e.expert : null,
          occurredAt: e.at,
        })),
      ]
        .sort((x, y) => x.occurredAt.getTime() - y.occurredAt.getTime())
        .map((h) => ({ ...h, occurredAt: formatDateTime(h.occurredAt, ctx.locale) })),
    },
    status: shownStatus(a.status, coaching?.closed?.outcome ?? null),
    mayWithdraw: mayWithdraw({ status: a.status, coachingClosed: Boolean(coaching?.closed) }),
    /** The retailer who applied (not the team): may start an application for another business. */
    applicant: account !== null,
    emailVerified: account?.emailVerified ?? true,
    justSubmitted: search.has('submitted'),
    justSaved: search.has('saved'),
    justClaimed: search.has('claimed'),
    coaching: coaching ? myCoachingView(coaching, ctx.now(), ctx.locale) : null,
    conversation: conversationView(conversation, ctx.locale),
    next: nextStep(a.status, {
      entry: entry?.status ?? 'not_started',
      closing: closing?.status ?? 'not_started',
      expertAssigned: coaching?.assigned ?? false,
      coachingClosed: Boolean(coaching?.closed),
    }),
    diagnostics: { entry, closing },
    /** An offer was made (a draft is the team's work in progress): « Mon aide » has something to show. */
    hasAid: (agreements ?? []).some((agreement) => agreement.status !== 'draft'),
    mayAskForReview: mayAskForHumanReview({ status: a.status, eligible: a.eligibility?.eligible ?? null }),
  };
});

/** What the coaching module tells of an accepted business, when the caller may read its sessions. */
async function ifReadable<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (isAppError(error) && (error.code === 'forbidden' || error.code === 'not_found')) return null;
    throw error;
  }
}

export const action = formAction(async ({ ctx, form, params }) => {
  const id = params.id ?? '';
  if (form.intent === 'withdraw') await withdrawApplication(ctx, id);
  else if (form.intent === 'review') await requestHumanReview(ctx, id, { message: form.message ?? '' });
  else if (form.intent === 'resend') await resendEmailVerification(ctx);
  else throw new AppError('bad_request');
  return { done: form.intent };
});

export default function ApplicationStatus() {
  const { t } = useTranslation('intake');
  const {
    application: a,
    emailVerified,
    justSubmitted,
    justSaved,
    justClaimed,
    coaching,
    next,
    diagnostics,
    mayAskForReview,
    hasAid,
    applicant,
    status,
    mayWithdraw: withdrawable,
    conversation,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const done = result && 'done' in result ? result.done : undefined;
  const name = a.business.tradeName || a.business.legalName || t('ui.untitled');
  return (
    <div>
      <PageTitle title={t('ui.status_page.title', { name })}>{name}</PageTitle>
      <p>
        {t('ui.status_page.state')} <span className="status-badge">{t(`ui.status.${status}`)}</span>
      </p>
      <ErrorSummary error={failed?.error} />
      {/* Only while they are true: the address stays in the browser after the state has changed. */}
      {justSubmitted && a.status === 'submitted' ? (
        <Notice kind="success">
          <p>{t('ui.status_page.submitted')}</p>
        </Notice>
      ) : null}
      {justSaved && a.status === 'draft' ? (
        <Notice kind="success">
          <p>{t('ui.status_page.saved')}</p>
        </Notice>
      ) : null}
      {justClaimed && applicant ? (
        <Notice kind="success">
          <p>{t('ui.status_page.claimed')}</p>
        </Notice>
      ) : null}
      {done ? (
        <Notice kind="success">
          <p>{t(`ui.status_page.done_${done}`)}</p>
        </Notice>
      ) : null}
      {!emailVerified ? (
        <Notice kind="warning">
          <p>{t('ui.status_page.verify_email')}</p>
          <PostForm>
            <input type="hidden" name="intent" value="resend" />
            <SubmitButton variant="secondary">{t('ui.status_page.resend')}</SubmitButton>
          </PostForm>
        </Notice>
      ) : null}

      <section aria-labelledby="next-title" className="card">
        <h2 id="next-title">{t('ui.status_page.next_title')}</h2>
        <p>
          {t(`ui.status_page.next.${next}`, {
            position: a.waitlistPosition ?? '',
            expert: coaching?.expert ?? '',
          })}
        </p>
        {a.status === 'info_requested' ? (
          <>
            <p>
              <strong>{t('ui.status_page.info_requested')}</strong> {a.infoRequest}
            </p>
            <Link to={`/applications/${a.id}/steps/1`} className="button button-primary">
              {t('ui.status_page.complete')}
            </Link>
          </>
        ) : null}
        <DiagnosticLink applicationId={a.id} next={next} diagnostics={diagnostics} />
        {hasAid ? (
          <p>
            <Link to={`/applications/${a.id}/aid`} className="button button-primary">
              {t('ui.status_page.my_aid')}
            </Link>
          </p>
        ) : null}
        {a.status === 'draft' ? (
          <Link to={`/applications/${a.id}/steps/${a.draftStep}`} className="button button-primary">
            {t('ui.status_page.resume')}
          </Link>
        ) : null}
        {a.status === 'refused' && a.decisionReason ? (
          <p>
            <strong>{t('ui.label_colon', { label: t('fields.reason') })}</strong> {a.decisionReason}
          </p>
        ) : null}
      </section>

      {coaching ? <MyCoaching applicationId={a.id} coaching={coaching} /> : null}

      <ConversationThread conversation={conversation} staff={!applicant} />

      {a.eligibility ? (
        <section aria-labelledby="assessment-title">
          <h2 id="assessment-title">{t('ui.status_page.assessment')}</h2>
          <p>{a.eligibility.eligible ? t('ui.precheck.eligible') : t('ui.precheck.not_eligible')}</p>
          <CriteriaResults criteria={a.eligibility.criteria} />
          {a.reviewRequestedAt ? (
            <p>{t('ui.status_page.review_requested')}</p>
          ) : mayAskForReview ? (
            <PostForm className="stack">
              <input type="hidden" name="intent" value="review" />
              <TextArea name="message" label={t('ui.status_page.review_message')} rows={3} maxLength={2000} />
              <SubmitButton variant="secondary">{t('ui.status_page.request_review')}</SubmitButton>
            </PostForm>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('ui.status_page.history')}</h2>
        <ol className="bullets">
          {a.history.map((h) => (
            <li key={h.id}>
              {h.occurredAt} —{' '}
              {h.message && h.kind !== 'info_requested' && h.kind !== 'refused'
                ? t('ui.label_value', {
                    label: t(`ui.event.${h.kind}`),
                    value: eventMessage(t, h),
                  })
                : t(`ui.event.${h.kind}`)}
            </li>
          ))}
        </ol>
      </section>

      {withdrawable ? (
        <section aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t('ui.status_page.withdraw_title')}</h2>
          <p>{t('ui.status_page.withdraw_intro')}</p>
          <PostForm>
            <input type="hidden" name="intent" value="withdraw" />
            <SubmitButton variant="danger">{t('ui.status_page.withdraw')}</SubmitButton>
          </PostForm>
        </section>
      ) : null}

      {applicant ? (
        <p className="another-business">
          <Link to="/apply?another">{t('ui.apply.another_business')}</Link>
        </p>
      ) : null}
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/**
 * The diagnostic the next step is about: the entry one to start or resume, its results once coaching
 * is the next step, the closing one to take, then its results (the before and after).
 */
function DiagnosticLink({
  applicationId,
  next,
  diagnostics: { entry, closing },
}: {
  applicationId: string;
  next: LoaderData['next'];
  diagnostics: LoaderData['diagnostics'];
}) {
  const { t } = useTranslation('intake');
  const link = (to: string, label: string, primary: boolean) => (
    <Link to={to} className={primary ? 'button button-primary' : 'button button-secondary'}>
      {label}
    </Link>
  );
  switch (next) {
    case 'entry_diagnostic':
      return link(
        `/applications/${applicationId}/diagnostics`,
        t('ui.status_page.diagnostic.not_started'),
        true,
      );
    case 'entry_diagnostic_in_progress':
      return entry
        ? link(`/diagnostics/${entry.id}`, t('ui.status_page.diagnostic.in_progress'), true)
        : null;
    case 'awaiting_expert':
    case 'coaching':
      return entry
        ? link(`/diagnostics/${entry.id}/results`, t('ui.status_page.diagnostic.completed'), false)
        : null;
    case 'closing_diagnostic':
      return closing
        ? link(`/diagnostics/${closing.id}`, t('ui.status_page.closing_diagnostic.in_progress'), true)
        : link(
            `/applications/${applicationId}/diagnostics`,
            t('ui.status_page.closing_diagnostic.not_started'),
            true,
          );
    case 'closed':
      return closing
        ? link(`/diagnostics/${closing.id}/results`, t('ui.status_page.closing_diagnostic.completed'), false)
        : null;
    default:
      return null;
  }
}
