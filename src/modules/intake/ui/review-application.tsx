import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { regionName } from '../../../kernel/quebec.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { ConversationThread, conversationView } from '../../conversations/components.ts';
import { getConversation } from '../../conversations/index.ts';
import { OpenSignals, signalCard } from '../../signals/components.ts';
import { openSignalsOf } from '../../signals/index.ts';
import { DECISIONS } from '../domain/status.ts';
import { inTeamWords } from '../domain/team-wording.ts';
import { addApplicationNote } from '../use-cases/add-application-note.ts';
import { decideApplication } from '../use-cases/decide-application.ts';
import { getApplicationForReview } from '../use-cases/get-application-for-review.ts';
import { getRegistryCheck } from '../use-cases/get-registry-check.ts';
import { BusinessFacts } from './business-facts.tsx';
import { CriteriaResults } from './criteria-results.tsx';
import { eventMessage } from './event-message.ts';
import { RegistryComparison, RegistryFacts } from './registry-facts.tsx';

export const loader = pageLoader(async ({ ctx, params }) => {
  const { application: a, duplicates } = await getApplicationForReview(ctx, params.id ?? '');
  const conversation = await getConversation(ctx, a.id);
  return {
    conversation: conversationView(conversation, ctx.locale),
    application: {
      ...a,
      submittedAt: a.submittedAt ? formatDateTime(a.submittedAt, ctx.locale) : null,
      history: a.history.map((h) => ({ ...h, occurredAt: formatDateTime(h.occurredAt, ctx.locale) })),
      regionName: regionName(a.business.region),
      eligibility: a.eligibility && {
        ...a.eligibility,
        criteria: a.eligibility.criteria.map((c) => ({ ...c, message: inTeamWords(c.message, ctx.locale) })),
      },
    },
    duplicates,
    // Shown prominently; a signal decides nothing here (decision 41).
    signals: (await openSignalsOf(ctx, { applicationId: a.id })).map((s) => signalCard(s, ctx.locale)),
    registry: (await getRegistryCheck(ctx, params.id ?? '')) ?? null,
    locale: ctx.locale,
  };
});

export const action = formAction(async ({ ctx, form, params }) => {
  const id = params.id ?? '';
  if (form.intent === 'note') {
    await addApplicationNote(ctx, id, { text: form.text ?? '' });
    return { done: 'note' as const };
  }
  const result = await decideApplication(ctx, id, {
    decision: form.decision ?? '',
    ...(form.reason ? { reason: form.reason } : {}),
  });
  return { done: 'decision' as const, result };
});

export default function ReviewApplication() {
  const { t } = useTranslation('intake');
  const {
    application: a,
    duplicates,
    signals,
    registry,
    locale,
    conversation,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const decided = result && 'result' in result ? result.result : undefined;
  const b = a.business;
  return (
    <div>
      <PageTitle title={b.legalName ?? t('ui.untitled')}>{b.legalName ?? t('ui.untitled')}</PageTitle>
      <p>
        {t('ui.status_page.state')} <span className="status-badge">{t(`ui.status.${a.status}`)}</span>
        {a.submittedAt ? ` · ${t('ui.queue.submitted_on')} ${a.submittedAt}` : ''}
        {a.waitlistPosition ? ` · ${t('ui.review_page.position', { position: a.waitlistPosition })}` : ''}
      </p>
      <p>
        <Link to="/review">{t('ui.review_page.back')}</Link>
      </p>
      <ErrorSummary error={failed?.error} />
      {decided ? (
        <Notice kind={decided.capacityReached ? 'warning' : 'success'}>
          <p>
            {decided.capacityReached
              ? t('ui.review_page.capacity_reached', { position: decided.waitlistPosition })
              : t('ui.queue.bulk_ok', { status: t(`ui.status.${decided.status}`) })}
          </p>
        </Notice>
      ) : null}
      {result && 'done' in result && result.done === 'note' ? (
        <Notice kind="success">
          <p>{t('ui.review_page.note_added')}</p>
        </Notice>
      ) : null}
      <OpenSignals signals={signals} />
      {a.reviewRequestedAt ? (
        <Notice kind="warning">
          <p>{t('ui.review_page.review_requested')}</p>
        </Notice>
      ) : null}
      {duplicates.length > 0 ? (
        <Notice kind="warning">
          <p>
            <strong>{t('ui.review_page.duplicates')}</strong>
          </p>
          <ul className="bullets">
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/review/applications/${d.id}`}>{d.legalName}</Link> ({t(`ui.status.${d.status}`)})
                — {d.matches.map((m) => t(`ui.review_page.match.${m}`)).join(', ')}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {a.neqWarning ? (
        <Notice kind="warning">
          <p>{t('ui.review_page.neq_warning')}</p>
        </Notice>
      ) : null}
      {registry ? (
        <>
          <RegistryFacts check={registry} />
          <RegistryComparison check={registry} locale={locale} />
        </>
      ) : null}

      <section aria-labelledby="decision-title" className="card">
        <h2 id="decision-title">{t('ui.review_page.decide')}</h2>
        <PostForm className="stack">
          <input type="hidden" name="intent" value="decision" />
          <SelectField
            name="decision"
            label={t('fields.decision')}
            required
            options={[
              // No decision is chosen in advance: recording one takes a deliberate choice.
              { value: '', label: t('ui.choose') },
              ...DECISIONS.map((d) => ({ value: d, label: t(`ui.decision.${d}`) })),
            ]}
            error={errors.decision}
          />
          <TextArea
            name="reason"
            label={t('fields.reason')}
            hint={t('ui.queue.reason_hint')}
            rows={3}
            maxLength={4000}
            error={errors.reason}
          />
          <SubmitButton>{t('ui.review_page.record')}</SubmitButton>
        </PostForm>
      </section>

      <section aria-labelledby="assessment-title">
        <h2 id="assessment-title">{t('ui.status_page.assessment')}</h2>
        {a.eligibility ? (
          <>
            <p>
              {/* The team's words, not those written to the applicant (the explanations too, in the loader). */}
              <strong>{a.eligibility.eligible ? t('ui.queue.eligible') : t('ui.queue.not_eligible')}</strong>{' '}
              ({t('ui.review_page.criteria_version', { version: a.eligibility.criteriaVersion })})
            </p>
            <CriteriaResults criteria={a.eligibility.criteria} />
          </>
        ) : (
          <p>{t('ui.review.incomplete')}</p>
        )}
      </section>

      <section aria-labelledby="facts-title">
        <h2 id="facts-title">{t('ui.review.facts')}</h2>
        <BusinessFacts business={b} regionName={a.regionName}>
          <div>
            <dt>{t('ui.review_page.consents')}</dt>
            <dd>
              {Object.entries(a.consents)
                .map(([purpose, given]) =>
                  t('ui.label_value', {
                    label: t(`fields.consents.${purpose}`),
                    value: given ? t('ui.yes') : t('ui.no'),
                  }),
                )
                .join(' · ')}
            </dd>
          </div>
          <div>
            <dt>{t('fields.partner')}</dt>
            <dd>{a.partner?.name ?? '—'}</dd>
          </div>
        </BusinessFacts>
      </section>

      <ConversationThread conversation={conversation} staff />

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('ui.status_page.history')}</h2>
        <ol className="bullets">
          {a.history.map((h) => (
            <li key={h.id}>
              {h.occurredAt} —{' '}
              {h.message
                ? t('ui.label_value', {
                    label: `${t(`ui.event.${h.kind}`)}${h.actorName ? ` (${h.actorName})` : ''}`,
                    value: eventMessage(t, h),
                  })
                : `${t(`ui.event.${h.kind}`)}${h.actorName ? ` (${h.actorName})` : ''}`}
            </li>
          ))}
        </ol>
        <PostForm className="stack">
          <input type="hidden" name="intent" value="note" />
          <TextArea
            name="text"
            label={t('ui.review_page.note')}
            hint={t('ui.review_page.note_hint')}
            rows={3}
            maxLength={4000}
            error={errors.text}
          />
          <SubmitButton variant="secondary">{t('ui.review_page.add_note')}</SubmitButton>
        </PostForm>
      </section>
    </div>
  );
}
