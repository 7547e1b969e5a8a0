import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import { formatNumber } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, fieldError, isAppError } from '../../../platform/errors.ts';
import { localiseError } from '../../../platform/http/problem.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { FocusOn } from '../../../platform/ui/focus-on.tsx';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle, TableWrap } from '../../../platform/ui/page.tsx';
import { type FormFailure, formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { isAllowed } from '../../../wiring/authorize.ts';
// The review queue's search (accepted businesses by name or NEQ), reused as is for the one-business form.
import { applicationProfile, listApplications } from '../../intake/index.ts';
import { selectProgram } from '../../programs/index.ts';
import { activeExpertOf } from '../db/queries.ts';
import { FIT_POINTS } from '../domain/fit.ts';
import { confirmAssignments } from '../use-cases/confirm-assignments.ts';
import { listExperts } from '../use-cases/list-experts.ts';
import { proposeAssignments } from '../use-cases/propose-assignments.ts';
import { checkedPairs, manualFieldOf, PAGE_SIZE, pageNumber, pageOf, rowFieldOf } from './assignment-form.ts';

/** Names the address keeps from one view of the page to the next (proposal shown, its page, the search). */
const KEPT = ['program', 'propose', 'expert', 'page', 'upage', 'q', 'business'] as const;
type Kept = Partial<Record<(typeof KEPT)[number], string>>;

export const loader = pageLoader(async ({ ctx, request }) => {
  if (!isAllowed(ctx.actor, 'assignment.manage'))
    throw new AppError(ctx.actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const search = new URL(request.url).searchParams;
  const kept: Kept = Object.fromEntries(
    KEPT.flatMap((k) => (search.get(k) ? [[k, search.get(k) ?? '']] : [])),
  );
  const program = await selectProgram(ctx, kept.program);
  const { items } = await listExperts(ctx, { programId: program.id });
  const number = (n: number) => formatNumber(n, ctx.locale);
  const experts = items.map((e) => ({
    id: e.id,
    name: e.name,
    active: e.status === 'active',
    free: Math.max(0, e.capacity - e.activeFiles),
    freeShown: number(Math.max(0, e.capacity - e.activeFiles)),
  }));
  return {
    kept,
    // A new proposal (after a confirmation, a new search…) resets the choices of the form.
    version: String(ctx.now().getTime()),
    experts,
    scoring: Object.fromEntries(Object.entries(FIT_POINTS).map(([k, v]) => [k, number(v)])),
    proposal: kept.propose ? await proposal(ctx, program.id, kept, experts) : null,
    ...(await manual(ctx, program.id, kept)),
  };
});

/** The proposal, sorted by expert then business, one page (and one expert, if asked) at a time. */
async function proposal(ctx: Ctx, programId: string, kept: Kept, experts: { id: string; name: string }[]) {
  const result = await proposeAssignments(ctx, { programId });
  const collator = new Intl.Collator(ctx.locale === 'fr' ? 'fr-CA' : 'en-CA');
  const order = new Map(experts.map((e, i) => [e.id, i]));
  const perExpert = new Map<string, number>();
  for (const a of result.assignments) perExpert.set(a.expertId, (perExpert.get(a.expertId) ?? 0) + 1);
  const expert = kept.expert && order.has(kept.expert) ? kept.expert : '';
  const rows = result.assignments
    .filter((a) => !expert || a.expertId === expert)
    .sort(
      (a, b) =>
        (order.get(a.expertId) ?? 0) - (order.get(b.expertId) ?? 0) ||
        collator.compare(a.business ?? '', b.business ?? ''),
    )
    .map((a) => ({ ...a, business: a.business ?? '—', scoreShown: formatNumber(a.score, ctx.locale) }));
  const unassigned = result.unassigned
    .map((u) => ({ ...u, business: u.business ?? '—' }))
    .sort((a, b) => collator.compare(a.business, b.business));
  return {
    expert,
    waiting: result.assignments.length + result.unassigned.length,
    shown: {
      waiting: formatNumber(result.assignments.length + result.unassigned.length, ctx.locale),
      proposed: formatNumber(result.assignments.length, ctx.locale),
      unassigned: formatNumber(result.unassigned.length, ctx.locale),
    },
    perExpert: Object.fromEntries(
      [...perExpert].map(([id, count]) => [id, { count, shown: formatNumber(count, ctx.locale) }]),
    ),
    rows: withShown(pageOf(rows, pageNumber(kept.page)), ctx),
    unassigned: withShown(pageOf(unassigned, pageNumber(kept.upage)), ctx),
  };
}

/** A page with its position written the reader's way (`1 201 à 1 300 sur 2 950`). */
function withShown<T extends ReturnType<typeof pageOf>>(page: T, ctx: Ctx) {
  const n = (value: number) => formatNumber(value, ctx.locale);
  return {
    ...page,
    shown: {
      first: n(page.first),
      last: n(page.last),
      total: n(page.total),
      page: n(page.page),
      pages: n(page.pages),
    },
  };
}

/** The one-business form: accepted businesses found by name or NEQ, and the one chosen with its expert. */
async function manual(ctx: Ctx, programId: string, kept: Kept) {
  let found: {
    total: number;
    items: {
      id: string;
      name: string;
      neq: string | null;
      municipality: string | null;
      expert: string | null;
    }[];
  } | null = null;
  let searchError = null;
  if (kept.q) {
    try {
      const page = await listApplications(ctx, {
        programId,
        status: 'accepted',
        q: kept.q,
        sort: 'name',
        limit: 20,
      });
      found = {
        total: page.total,
        items: await Promise.all(
          page.items.map(async (a) => ({
            id: a.id,
            name: a.tradeName ? `${a.legalName} (${a.tradeName})` : (a.legalName ?? '—'),
            neq: a.neq,
            municipality: a.municipality,
            expert: (await activeExpertOf(ctx.db, a.id))?.name ?? null,
          })),
        ),
      };
    } catch (error) {
      if (!isAppError(error) || error.code !== 'invalid_input') throw error;
      searchError = localiseError(error, ctx.services.i18n, ctx.locale);
    }
  }
  let chosen: {
    id: string;
    name: string;
    municipality: string | null;
    state: 'coachable' | 'not_accepted' | 'closed';
    expert: { id: string; name: string } | null;
  } | null = null;
  const profile =
    kept.business && UUID_PATTERN.test(kept.business)
      ? await applicationProfile(ctx.db, kept.business)
      : undefined;
  if (profile && profile.programId === programId && profile.status !== 'draft') {
    const current = await activeExpertOf(ctx.db, profile.id);
    chosen = {
      id: profile.id,
      name: profile.tradeName ? `${profile.legalName} (${profile.tradeName})` : (profile.legalName ?? '—'),
      municipality: profile.municipality,
      state:
        profile.status !== 'accepted' ? 'not_accepted' : profile.coachingClosedAt ? 'closed' : 'coachable',
      expert: current ? { id: current.expertId, name: current.name } : null,
    };
  }
  return { found, searchError, chosen, businessMissing: Boolean(kept.business) && !chosen };
}

/** A refused confirmation, sent back to the page with the coordinator's choices kept. */
type Refusal = FormFailure & { intent: 'confirm' | 'manual'; conflictRow: string | null };

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
  const page = useLoaderData<typeof loader>();
  const { kept, experts, proposal: p, found, chosen } = page;
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const done = result && 'confirmed' in result ? result : undefined;
  // TypeScript folds data(Refusal) into formAction's data(FormFailure) (a subtype): tell them apart here.
  const refused = failed && 'conflictRow' in failed ? (failed as unknown as Refusal) : undefined;
  const rowsFailed = refused?.intent === 'confirm' ? refused : undefined;
  const manualFailed = refused?.intent === 'manual' ? refused : undefined;
  const errors = fieldErrors(failed?.error);
  const conflictRow = p?.rows.items.find((a) => a.applicationId === rowsFailed?.conflictRow);
  const firstRow = p?.rows.items[0]?.applicationId ?? '';
  const href = (changes: Kept, hash = '') => {
    const params = new URLSearchParams({ ...kept, ...changes } as Record<string, string>);
    for (const [k, v] of [...params]) if (!v) params.delete(k);
    return `?${params.toString()}${hash}`;
  };
  const expertName = new Map(experts.map((e) => [e.id, e.name]));
  const options = (exclude?: string) =>
    experts
      .filter((e) => e.active && e.id !== exclude)
      .map((e) => ({
        value: e.id,
        label:
          e.free === 0
            ? t('ui.assignments.option_full', { name: e.name })
            : t('ui.assignments.option', { name: e.name, free: e.freeShown, count: e.free }),
      }));
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

      <section aria-labelledby="proposal">
        <h2 id="proposal" tabIndex={-1}>
          {t('ui.assignments.proposal_title')}
        </h2>
        <p>{t('ui.assignments.proposal_intro')}</p>
        <Form method="get">
          <input type="hidden" name="propose" value="1" />
          {kept.q ? <input type="hidden" name="q" value={kept.q} /> : null}
          {kept.business ? <input type="hidden" name="business" value={kept.business} /> : null}
          <SubmitButton variant={p ? 'secondary' : 'primary'}>
            {p ? t('ui.assignments.rerun') : t('ui.assignments.run')}
          </SubmitButton>
        </Form>

        {p ? (
          p.waiting === 0 ? (
            <Notice>
              <p>{t('ui.assignments.nobody_waiting')}</p>
            </Notice>
          ) : (
            <>
              <p role="status">{t('ui.assignments.summary', p.shown)}</p>
              <TableWrap label={t('ui.assignments.by_expert')}>
                <table className="data stacked by-expert">
                  <caption>{t('ui.assignments.by_expert')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('fields.expertId')}</th>
                      <th scope="col">{t('ui.assignments.free_now')}</th>
                      <th scope="col">{t('ui.assignments.proposed_count')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {experts.map((e) => {
                      const count = p.perExpert[e.id]?.count ?? 0;
                      const shown = p.perExpert[e.id]?.shown ?? '0';
                      return (
                        <tr key={e.id} aria-current={p.expert === e.id ? 'true' : undefined}>
                          <th scope="row" data-label={t('fields.expertId')}>
                            {e.name}
                            {e.active ? null : <div className="hint">{t('status.on_leave')}</div>}
                          </th>
                          <td data-label={t('ui.assignments.free_now')}>{e.freeShown}</td>
                          <td data-label={t('ui.assignments.proposed_count')}>
                            {count === 0 || p.expert === e.id ? (
                              shown
                            ) : (
                              <Link to={href({ expert: e.id, page: '' }, '#proposed')}>
                                {t('ui.assignments.show_expert', { count, shown, name: e.name })}
                              </Link>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableWrap>
              {p.expert ? (
                <p>
                  {t('ui.assignments.filtered', { name: expertName.get(p.expert) ?? '' })}{' '}
                  <Link to={href({ expert: '', page: '' }, '#proposed')}>{t('ui.assignments.show_all')}</Link>
                </p>
              ) : null}

              <h3 id="proposed" tabIndex={-1}>
                {t('ui.assignments.proposed_title')}
              </h3>
              <p className="hint">
                {t('ui.assignments.scoring', {
                  region: page.scoring.region,
                  continuity: page.scoring.continuity,
                  weakest: page.scoring.weakest,
                  second: page.scoring.secondWeakest,
                })}
              </p>
              {p.rows.total === 0 ? (
                <p>{t('ui.assignments.no_rows')}</p>
              ) : (
                <PostForm key={page.version} aria-labelledby="proposed">
                  <input type="hidden" name="intent" value="confirm" />
                  {/* The same button above the table: a keyboard user confirms without crossing every row. */}
                  <p className="confirm-top">
                    <SubmitButton>{t('ui.assignments.confirm_submit')}</SubmitButton>
                  </p>
                  <TableWrap label={t('ui.assignments.proposed_title')}>
                    <table className="data stacked proposal">
                      <caption>{t('ui.assignments.proposed_caption', p.rows.shown)}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('ui.assignments.confirm_col')}</th>
                          <th scope="col">{t('fields.applicationId')}</th>
                          <th scope="col">{t('ui.assignments.expert_col')}</th>
                          <th scope="col">{t('ui.assignments.score_col')}</th>
                          <th scope="col">{t('ui.assignments.reasons_col')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {p.rows.items.map((a) => {
                          const field = `expert-${a.applicationId}`;
                          const conflict = rowsFailed?.conflictRow === a.applicationId;
                          const message = errors[field] ?? (conflict ? rowsFailed?.error.detail : undefined);
                          const checked = rowsFailed
                            ? (rowsFailed.allValues.confirm ?? []).includes(a.applicationId)
                            : true;
                          const chosenExpert = rowsFailed?.values[field] ?? a.expertId;
                          return (
                            <tr key={a.applicationId} className={message ? 'row-error' : undefined}>
                              <td data-label={t('ui.assignments.confirm_col')}>
                                <input
                                  type="checkbox"
                                  name="confirm"
                                  value={a.applicationId}
                                  id={`field-confirm-${a.applicationId}`}
                                  defaultChecked={checked}
                                  aria-label={t('ui.assignments.confirm_one', { business: a.business })}
                                />
                              </td>
                              <th scope="row" data-label={t('fields.applicationId')}>
                                <Link to={`/review/applications/${a.applicationId}`}>{a.business}</Link>
                              </th>
                              <td data-label={t('ui.assignments.expert_col')}>
                                <label htmlFor={`field-${field}`} className="sr-only">
                                  {t('ui.assignments.expert_for', { business: a.business })}
                                </label>
                                {message ? (
                                  <p id={`error-${field}`} className="error-message">
                                    {message}
                                  </p>
                                ) : null}
                                <select
                                  id={`field-${field}`}
                                  name={field}
                                  defaultValue={chosenExpert}
                                  aria-invalid={message ? true : undefined}
                                  aria-describedby={message ? `error-${field}` : undefined}
                                >
                                  {options().map((o) => (
                                    <option key={o.value} value={o.value}>
                                      {o.label}
                                    </option>
                                  ))}
                                </select>
                                {a.expertId !== chosenExpert ? (
                                  <div className="hint">
                                    {t('ui.assignments.was_proposed', {
                                      name: expertName.get(a.expertId) ?? '',
                                    })}
                                  </div>
                                ) : null}
                              </td>
                              <td data-label={t('ui.assignments.score_col')} className="number">
                                {a.scoreShown}
                              </td>
                              <td data-label={t('ui.assignments.reasons_col')}>
                                <ul className="reasons">
                                  {a.reasons.map((r) => (
                                    <li key={r}>{r}</li>
                                  ))}
                                </ul>
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </TableWrap>
                  <p className="hint">{t('ui.assignments.confirm_hint', { size: PAGE_SIZE })}</p>
                  <SubmitButton>{t('ui.assignments.confirm_submit')}</SubmitButton>
                </PostForm>
              )}
              <Pager
                label={t('ui.assignments.proposed_pages')}
                page={p.rows.page}
                pages={p.rows.pages}
                shown={p.rows.shown}
                to={(n) => href({ page: String(n) }, '#proposed')}
              />

              {p.unassigned.total > 0 ? (
                <>
                  <h3 id="unassigned" tabIndex={-1}>
                    {t('ui.assignments.unassigned_title', {
                      count: p.unassigned.total,
                      shown: p.unassigned.shown.total,
                    })}
                  </h3>
                  <TableWrap label={t('ui.assignments.unassigned_caption')}>
                    <table className="data stacked unassigned">
                      <caption>{t('ui.assignments.unassigned_rows', p.unassigned.shown)}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('fields.applicationId')}</th>
                          <th scope="col">{t('ui.assignments.why_col')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {p.unassigned.items.map((u) => (
                          <tr key={u.applicationId}>
                            <th scope="row" data-label={t('fields.applicationId')}>
                              <Link to={`/review/applications/${u.applicationId}`}>{u.business}</Link>
                            </th>
                            <td data-label={t('ui.assignments.why_col')}>{u.reason}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableWrap>
                  <Pager
                    label={t('ui.assignments.unassigned_pages')}
                    page={p.unassigned.page}
                    pages={p.unassigned.pages}
                    shown={p.unassigned.shown}
                    to={(n) => href({ upage: String(n) }, '#unassigned')}
                  />
                </>
              ) : null}
            </>
          )
        ) : null}
      </section>

      <section aria-labelledby="manual">
        <h2 id="manual" tabIndex={-1}>
          {t('ui.assignments.manual_title')}
        </h2>
        <p>{t('ui.assignments.manual_intro')}</p>
        <ErrorSummary error={page.searchError ?? undefined} />
        {/* A plain form: the browser keeps the #manual of its address, so the results show without
            scrolling past the proposal. */}
        <form method="get" action="/assignments#manual" className="filters">
          {(['propose', 'expert', 'page', 'upage'] as const).map((k) =>
            kept[k] ? <input key={k} type="hidden" name={k} value={kept[k]} /> : null,
          )}
          <TextField
            name="q"
            type="search"
            label={t('ui.assignments.search_label')}
            hint={t('ui.assignments.search_hint')}
            required
            defaultValue={kept.q ?? ''}
            error={page.searchError ? fieldErrors(page.searchError).q : undefined}
          />
          <div className="field">
            <SubmitButton variant="secondary">{t('ui.assignments.search_submit')}</SubmitButton>
          </div>
        </form>

        {found ? (
          found.total === 0 ? (
            <p role="status">{t('ui.assignments.found_none')}</p>
          ) : (
            <>
              <p role="status">
                {t('ui.assignments.found', { count: found.total, shown: found.items.length })}
              </p>
              <TableWrap label={t('ui.assignments.found_caption')}>
                <table className="data stacked found">
                  <caption className="sr-only">{t('ui.assignments.found_caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('fields.applicationId')}</th>
                      <th scope="col">{t('ui.assignments.neq_col')}</th>
                      <th scope="col">{t('ui.assignments.municipality_col')}</th>
                      <th scope="col">{t('ui.assignments.current_col')}</th>
                      <th scope="col">{t('ui.assignments.choose_col')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {found.items.map((f) => (
                      <tr key={f.id} aria-current={chosen?.id === f.id ? 'true' : undefined}>
                        <th scope="row" data-label={t('fields.applicationId')}>
                          {f.name}
                        </th>
                        <td data-label={t('ui.assignments.neq_col')} className="mono">
                          {f.neq ?? '—'}
                        </td>
                        <td data-label={t('ui.assignments.municipality_col')}>{f.municipality ?? '—'}</td>
                        <td data-label={t('ui.assignments.current_col')}>
                          {f.expert ?? t('ui.assignments.no_expert')}
                        </td>
                        <td data-label={t('ui.assignments.choose_col')}>
                          {chosen?.id === f.id ? (
                            t('ui.assignments.chosen')
                          ) : (
                            <Link to={href({ business: f.id }, '#manual-business')}>
                              {t('ui.assignments.choose')}
                              <span className="sr-only"> {f.name}</span>
                            </Link>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )
        ) : null}

        {page.businessMissing ? (
          <Notice kind="warning">
            <p>{t('ui.assignments.business_missing')}</p>
          </Notice>
        ) : null}
        {/* The business just chosen takes the focus (and the screen), below the search results. */}
        <FocusOn when={chosen?.id} id="manual-business" className="card manual-business">
          {chosen ? (
            <>
              <h3>{chosen.name}</h3>
              <p>
                {chosen.municipality ? `${chosen.municipality} — ` : ''}
                {chosen.expert
                  ? t('ui.assignments.current', { name: chosen.expert.name })
                  : t('ui.assignments.no_expert_yet')}
              </p>
              {chosen.state !== 'coachable' ? (
                <Notice kind="warning">
                  <p>{t(`ui.assignments.${chosen.state}`)}</p>
                </Notice>
              ) : (
                <PostForm className="stack" key={`${page.version}-${chosen.id}`}>
                  <input type="hidden" name="intent" value="manual" />
                  <input type="hidden" name="applicationId" value={chosen.id} />
                  <SelectField
                    name="expertId"
                    label={chosen.expert ? t('ui.assignments.new_expert') : t('fields.expertId')}
                    hint={t('ui.assignments.places_hint')}
                    required
                    defaultValue={manualFailed?.values.expertId ?? ''}
                    error={manualFailed ? errors.expertId : undefined}
                    options={[
                      { value: '', label: t('ui.assignments.choose_expert') },
                      ...options(chosen.expert?.id),
                    ]}
                  />
                  <TextArea
                    name="reason"
                    label={chosen.expert ? t('fields.reason') : t('ui.assignments.reason_new')}
                    hint={
                      chosen.expert
                        ? t('ui.assignments.reason_required')
                        : t('ui.assignments.reason_optional')
                    }
                    required={Boolean(chosen.expert)}
                    rows={3}
                    maxLength={1000}
                    defaultValue={manualFailed?.values.reason ?? ''}
                    error={manualFailed ? errors.reason : undefined}
                  />
                  <SubmitButton>
                    {chosen.expert ? t('ui.assignments.reassign') : t('ui.assignments.assign')}
                  </SubmitButton>
                </PostForm>
              )}
            </>
          ) : null}
        </FocusOn>
      </section>
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

/** Previous and next pages of a long table, with where the reader is. */
function Pager({
  label,
  page,
  pages,
  shown,
  to,
}: {
  label: string;
  page: number;
  pages: number;
  shown: { page: string; pages: string };
  to: (page: number) => string;
}) {
  const { t } = useTranslation('experts');
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="pager">
      <p>{t('ui.pager.position', { page: shown.page, pages: shown.pages })}</p>
      <ul className="actions">
        {page > 1 ? (
          <li>
            <Link to={to(page - 1)}>{t('ui.pager.previous')}</Link>
          </li>
        ) : null}
        {page < pages ? (
          <li>
            <Link to={to(page + 1)}>{t('ui.pager.next')}</Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
