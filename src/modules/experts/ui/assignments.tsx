import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { data, Link } from 'react-router';
import { formatNumber } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, fieldError, isAppError } from '../../../platform/errors.ts';
import { localiseError } from '../../../platform/http/problem.ts';
import { ErrorSummary } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { FIT_POINTS } from '../domain/fit.ts';
import { confirmAssignments } from '../use-cases/confirm-assignments.ts';
import { findAssignableBusinesses } from '../use-cases/find-assignable-businesses.ts';
import { getAssignableBusiness } from '../use-cases/get-assignable-business.ts';
import { getAssignmentBoard } from '../use-cases/get-assignment-board.ts';
import { checkedPairs, manualFieldOf, rowFieldOf } from './assignment-form.ts';
import { ManualSection } from './assignment-manual.tsx';
import { ProposalSection } from './assignment-proposal.tsx';
import { KEPT, type Kept, type Refusal, useBoard } from './board.ts';
import { proposalView } from './proposal-view.server.ts';

/**
 * The matching page (/assignments): the proposal to confirm (assignment-proposal.tsx) and one business
 * assigned by hand (assignment-manual.tsx), with the outcome of the last confirmation above both.
 */
export const loader = pageLoader(async ({ ctx, request }) => {
  const search = new URL(request.url).searchParams;
  const kept: Kept = Object.fromEntries(
    KEPT.flatMap((k) => (search.get(k) ? [[k, search.get(k) ?? '']] : [])),
  );
  const board = await getAssignmentBoard(ctx, kept.program);
  const number = (n: number) => formatNumber(n, ctx.locale);
  const experts = board.experts.map((e) => ({ ...e, freeShown: number(e.free) }));
  const chosen = kept.business
    ? await getAssignableBusiness(ctx, { programId: board.programId, applicationId: kept.business })
    : undefined;
  return {
    kept,
    // A new proposal (after a confirmation, a new search…) resets the choices of the form.
    version: String(ctx.now().getTime()),
    experts,
    scoring: Object.fromEntries(Object.entries(FIT_POINTS).map(([k, v]) => [k, number(v)])),
    proposal: kept.propose ? await proposalView(ctx, board.programId, kept, experts) : null,
    ...(await searchFor(ctx, board.programId, kept.q)),
    chosen: chosen ?? null,
    businessMissing: Boolean(kept.business) && !chosen,
  };
});

/** The one-business form's search: a malformed query is the search field's message, not an error page. */
async function searchFor(ctx: Ctx, programId: string, q: string | undefined) {
  if (!q) return { found: null, searchError: null };
  try {
    return { found: await findAssignableBusinesses(ctx, { programId, q }), searchError: null };
  } catch (error) {
    if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    return { found: null, searchError: localiseError(error, ctx.services.i18n, ctx.locale) };
  }
}

/**
 * Field messages point at this page's fields (a row's expert select, the one-business form's fields);
 * a capacity or leave refusal (409) keeps its message as the summary's title and marks the row that
 * hit it.
 */
function refusal(
  error: unknown,
  ctx: Ctx,
  intent: Refusal['intent'],
  form: Record<string, string>,
  allValues: Record<string, string[]>,
  fieldOf: (path: string) => string,
) {
  if (!isAppError(error) || (error.code !== 'invalid_input' && error.code !== 'conflict')) throw error;
  const localised = localiseError(error, ctx.services.i18n, ctx.locale);
  const conflictId = error.extra?.applicationId;
  const body: Refusal = {
    intent,
    error: { ...localised, errors: localised.errors.map((e) => ({ ...e, path: fieldOf(e.path) })) },
    values: form,
    allValues,
    conflictRow: typeof conflictId === 'string' ? conflictId : null,
  };
  return data(body, { status: localised.status });
}

export const action = formAction(async ({ ctx, form, all }) => {
  if (form.intent === 'confirm') {
    const pairs = checkedPairs(form, all);
    if (pairs.length === 0) throw fieldError('confirm', 'experts:ui.assignments.none_checked');
    try {
      const { confirmed } = await confirmAssignments(ctx, { assignments: pairs });
      return { intent: 'confirm' as const, confirmed: confirmed.length };
    } catch (error) {
      return refusal(error, ctx, 'confirm', form, { confirm: all('confirm') }, (p) => rowFieldOf(p, pairs));
    }
  }
  if (form.intent === 'manual') {
    const pair = {
      applicationId: form.applicationId ?? '',
      // An empty choice is a missing one ("required"), not a malformed identifier.
      ...(form.expertId ? { expertId: form.expertId } : {}),
      ...(form.reason?.trim() ? { reason: form.reason } : {}),
    };
    try {
      const { confirmed } = await confirmAssignments(ctx, { assignments: [pair] });
      return { intent: 'manual' as const, confirmed: confirmed.length, expertId: pair.expertId ?? '' };
    } catch (error) {
      return refusal(error, ctx, 'manual', form, {}, manualFieldOf);
    }
  }
  throw new AppError('bad_request');
});

export default function Assignments() {
  const { t } = useTranslation('experts');
  const { page, failed, done, rowsFailed, expertName } = useBoard();
  const { proposal: p, chosen } = page;
  const conflictRow = p?.rows.items.find((a) => a.applicationId === rowsFailed?.conflictRow);
  const firstRow = p?.rows.items[0]?.applicationId ?? '';
  const hrefFor = (path: string) =>
    path === 'confirm'
      ? `#field-confirm-${firstRow}`
      : path === 'applicationId'
        ? '#manual-business'
        : `#field-${path}`;

  return (
    <div className="assignments-page">
      <PageTitle title={t('ui.assignments.title')}>{t('ui.assignments.title')}</PageTitle>
      <p>{t('ui.assignments.intro')}</p>
      <nav aria-label={t('ui.assignments.on_this_page')}>
        <ul className="actions">
          <li>
            <a href="#proposal">{t('ui.assignments.proposal_title')}</a>
          </li>
          <li>
            <a href="#manual">{t('ui.assignments.manual_title')}</a>
          </li>
          <li>
            <Link to="/experts">{t('ui.assignments.to_experts')}</Link>
          </li>
        </ul>
      </nav>

      <ErrorSummary error={failed?.error} hrefFor={hrefFor} />
      {conflictRow ? (
        <p className="conflict-row">
          {/* The refusal's message is the summary's title; this takes the reader to the row it is about. */}
          <a href={`#field-expert-${conflictRow.applicationId}`} onClick={focusTarget}>
            {t('ui.assignments.conflict_row', { business: conflictRow.business })}
          </a>
        </p>
      ) : null}
      {done ? (
        <Notice kind="success">
          <p>
            {done.confirmed === 0
              ? t('ui.assignments.none_changed')
              : done.intent === 'manual' && chosen
                ? t('ui.assignments.manual_done', {
                    business: chosen.name,
                    expert: expertName.get('expertId' in done ? done.expertId : '') ?? '',
                  })
                : t('ui.assignments.confirmed', { count: done.confirmed })}
          </p>
          {done.confirmed > 0 ? (
            <p>
              {done.intent === 'manual' ? t('ui.assignments.manual_emailed') : t('ui.assignments.emailed')}
            </p>
          ) : null}
        </Notice>
      ) : null}

      <ProposalSection />
      <ManualSection />
    </div>
  );
}

/**
 * Moves the focus to the field a link names, as the error summary does: left to the browser, the jump
 * to `#field-…` would be a navigation for the router, which forgets the refused submission.
 */
function focusTarget(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(event.currentTarget.hash.slice(1));
  if (!target) return;
  event.preventDefault();
  target.closest('tr')?.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}
