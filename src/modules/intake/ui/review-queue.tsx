import { useTranslation } from 'react-i18next';
import { Form, Link, useActionData, useLoaderData } from 'react-router';
import { formatDate, formatNumber } from '../../../kernel/format.ts';
import { regionName } from '../../../kernel/quebec.ts';
import { isAppError } from '../../../platform/errors.ts';
import { localiseError } from '../../../platform/http/problem.ts';
import { regionOptions, TextArea } from '../../../platform/ui/choices.tsx';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { ExportLinks } from '../../../platform/ui/exports.tsx';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { listPrograms, selectProgram } from '../../programs/index.ts';
import { DECISIONS } from '../domain/status.ts';
import { decideApplicationsInBulk } from '../use-cases/decide-applications-in-bulk.ts';
import { getIntakeSummary } from '../use-cases/get-intake-summary.ts';
import { listApplications } from '../use-cases/list-applications.ts';
import { listPartnerOrganizations } from '../use-cases/list-partner-organizations.ts';
import { naicsOptions } from './options.ts';
import { REVIEW_FILTERS, reviewQuery } from './review-filters.ts';

const QUEUE_STATUSES = [
  'submitted',
  'info_requested',
  'waitlisted',
  'accepted',
  'refused',
  'withdrawn',
] as const;

const nonEmpty = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));

export const loader = pageLoader(async ({ ctx, request }) => {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { filters, query } = reviewQuery(search);
  // The queue is one program's (its places, its waitlist): the one named by ?program=, else the default.
  const program = await selectProgram(ctx, search.program);
  const programParam: Record<string, string> = search.program ? { program: program.slug } : {};
  const [summary, partners, programs] = await Promise.all([
    getIntakeSummary(ctx, program.id),
    listPartnerOrganizations(ctx, { programId: program.id }),
    listPrograms(ctx),
  ]);
  const base = {
    filters,
    locale: ctx.locale,
    summary: { ...summary, placesRemaining: formatNumber(summary.placesRemaining, ctx.locale) },
    partners: partners.items.map((p) => ({ value: p.id, label: p.name })),
    program: program.slug,
    reviewRequestedHref: `?${new URLSearchParams({ ...programParam, review: 'requested' })}`,
    programSearch: search.program ? `?${new URLSearchParams(programParam)}` : '',
    // The waitlist in its order: what to propose first when places free up (first come, first served).
    waitlistHref: `/review?${new URLSearchParams({ ...programParam, status: 'waitlisted', sort: 'waitlist' })}`,
    showAllHref: `?${new URLSearchParams({ ...programParam, status: 'all' })}`,
    exportSearch: `?${new URLSearchParams({ ...programParam, ...nonEmpty(filters) })}`,
    programs: programs.map((p) => ({ value: p.slug, label: ctx.locale === 'fr' ? p.nameFr : p.nameEn })),
  };
  try {
    const page = await listApplications(ctx, {
      programId: program.id,
      ...query,
      ...(search.cursor ? { cursor: search.cursor } : {}),
    });
    return {
      ...base,
      error: null,
      total: page.total,
      totalIsLowerBound: page.totalIsLowerBound,
      next: page.nextCursor
        ? new URLSearchParams({ ...programParam, ...filters, cursor: page.nextCursor }).toString()
        : null,
      items: page.items.map((i) => ({ ...i, submittedAt: i.submittedAt ? formatDate(i.submittedAt) : '' })),
    };
  } catch (error) {
    if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    return {
      ...base,
      error: localiseError(error, ctx.services.i18n, ctx.locale),
      total: 0,
      totalIsLowerBound: false,
      next: null,
      items: [],
    };
  }
});

export const action = formAction(async ({ ctx, form, all }) => {
  const { results } = await decideApplicationsInBulk(ctx, {
    ids: all('ids'),
    decision: form.decision,
    ...(form.reason ? { reason: form.reason } : {}),
  });
  return { results };
});

export default function ReviewQueue() {
  const { t } = useTranslation('intake');
  const {
    items,
    filters,
    next,
    total,
    totalIsLowerBound,
    summary,
    partners,
    error,
    locale,
    program,
    programs,
    reviewRequestedHref,
    programSearch,
    waitlistHref,
    showAllHref,
    exportSearch,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const done = result && 'results' in result ? result.results : undefined;
  const errors = Object.fromEntries((error?.errors ?? []).map((e) => [e.path, e.message]));
  const bulkErrors = fieldErrors(failed?.error);
  // The filters and the bulk form name their fields filter-… and bulk-…; a missing selection is the table's.
  const errorHref = (path: string) =>
    (REVIEW_FILTERS as readonly string[]).includes(path)
      ? `#filter-${path}`
      : path === 'ids'
        ? `#select-${items[0]?.id ?? ''}`
        : `#bulk-${path}`;
  const title = filters.status === '' ? t('ui.queue.title_to_decide') : t('ui.queue.title');
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
      <div className="figures">
        {(['submitted', 'info_requested', 'waitlisted', 'accepted'] as const).map((s) => (
          <p key={s} className="figure">
            <strong>{summary.counts[s]}</strong>
            {t(`ui.status.${s}`)}
          </p>
        ))}
        <p className="figure">
          <strong>{summary.placesRemaining}</strong>
          {t('ui.queue.places')}
        </p>
      </div>
      {summary.nextOnWaitlist ? (
        <Notice kind="warning">
          <p>
            {t('ui.queue.place_free')}{' '}
            <Link to={`/review/applications/${summary.nextOnWaitlist.id}`}>
              {summary.nextOnWaitlist.name}
            </Link>
          </p>
          <p>
            <Link to={waitlistHref}>{t('ui.queue.waitlist_in_order')}</Link>
          </p>
        </Notice>
      ) : null}
      {summary.reviewRequested > 0 ? (
        <p>
          <Link to={reviewRequestedHref}>
            {t('ui.queue.reviews_requested', { count: summary.reviewRequested })}
          </Link>
        </p>
      ) : null}
      <p className="actions">
        {filters.status === '' ? (
          <Link to={showAllHref}>{t('ui.queue.show_all')}</Link>
        ) : (
          <Link to={`/review${programSearch}`}>{t('ui.queue.title_to_decide')}</Link>
        )}
        <Link to={`/review/import${programSearch}`}>{t('ui.queue.import')}</Link>
        <Link to={`/partners${programSearch}`}>{t('ui.queue.partners')}</Link>
      </p>
      <ErrorSummary error={error ?? failed?.error} hrefFor={errorHref} />
      {done ? (
        <Notice kind="success">
          <ul className="bullets">
            {done.map((r) => (
              <li key={r.id}>
                {r.ok
                  ? t('ui.queue.bulk_ok', { status: t(`ui.status.${r.status}`) })
                  : `${t('ui.queue.bulk_failed')} ${r.error}`}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}

      <Form method="get" className="filters" role="search" aria-label={t('ui.queue.filters')}>
        {programs.length > 1 ? (
          <SelectField
            id="filter-program"
            name="program"
            label={t('fields.program')}
            defaultValue={program}
            options={programs}
          />
        ) : null}
        <TextField
          id="filter-q"
          name="q"
          type="search"
          label={t('fields.q')}
          defaultValue={filters.q}
          error={errors.q}
        />
        <SelectField
          id="filter-status"
          name="status"
          label={t('fields.status')}
          defaultValue={filters.status}
          options={[
            { value: '', label: t('ui.queue.to_decide') },
            { value: 'all', label: t('ui.all') },
            ...QUEUE_STATUSES.map((s) => ({ value: s, label: t(`ui.status.${s}`) })),
          ]}
          error={errors.status}
        />
        <SelectField
          id="filter-region"
          name="region"
          label={t('fields.region')}
          defaultValue={filters.region}
          options={[{ value: '', label: t('ui.all') }, ...regionOptions()]}
          error={errors.region}
        />
        <SelectField
          id="filter-naics"
          name="naics"
          label={t('fields.naics')}
          defaultValue={filters.naics}
          options={[{ value: '', label: t('ui.all') }, ...naicsOptions(locale)]}
          error={errors.naics}
        />
        <SelectField
          id="filter-partner"
          name="partner"
          label={t('fields.partner')}
          defaultValue={filters.partner}
          options={[{ value: '', label: t('ui.all') }, ...partners]}
          error={errors.partner}
        />
        <SelectField
          id="filter-eligible"
          name="eligible"
          label={t('fields.eligible')}
          defaultValue={filters.eligible}
          options={[
            { value: '', label: t('ui.all') },
            { value: 'true', label: t('ui.queue.eligible') },
            { value: 'false', label: t('ui.queue.not_eligible') },
          ]}
          error={errors.eligible}
        />
        <TextField
          id="filter-from"
          name="from"
          type="date"
          label={t('fields.from')}
          defaultValue={filters.from}
          error={errors.from}
        />
        <TextField
          id="filter-to"
          name="to"
          type="date"
          label={t('fields.to')}
          defaultValue={filters.to}
          error={errors.to}
        />
        <SelectField
          id="filter-sort"
          name="sort"
          label={t('fields.sort')}
          defaultValue={filters.sort}
          options={[
            { value: 'newest', label: t('ui.queue.newest') },
            { value: 'oldest', label: t('ui.queue.oldest') },
            { value: 'name', label: t('ui.queue.by_name') },
            { value: 'waitlist', label: t('ui.queue.by_waitlist') },
          ]}
        />
        <div className="field">
          <SubmitButton variant="secondary">{t('ui.queue.filter')}</SubmitButton>
        </div>
      </Form>

      <p role="status">
        {t(totalIsLowerBound ? 'ui.queue.total_more' : 'ui.queue.total', {
          count: total,
          formatted: formatNumber(total, locale),
        })}
      </p>
      {error ? null : <ExportLinks page="/review" search={exportSearch} />}
      {items.length === 0 ? (
        <p>{t('ui.queue.none')}</p>
      ) : (
        <PostForm>
          <DataTable
            className="review-queue"
            next={next}
            nextLabel={t('ui.queue.next_page')}
            caption={title}
            columns={[
              t('ui.queue.select'),
              t('ui.queue.name_neq'),
              t('fields.region'),
              t('fields.employees'),
              t('fields.eligible'),
              t('fields.status'),
              t('ui.queue.submitted_on'),
              t('fields.partner'),
            ]}
          >
            {items.map((i) => (
              <tr key={i.id}>
                <td>
                  <input
                    type="checkbox"
                    name="ids"
                    value={i.id}
                    id={`select-${i.id}`}
                    aria-label={t('ui.queue.select_one', { name: i.legalName })}
                  />
                </td>
                <td>
                  <Link to={`/review/applications/${i.id}`}>{i.legalName}</Link>
                  {i.tradeName ? <div className="hint">{i.tradeName}</div> : null}
                  {/* Under the name rather than in a column of its own: nine columns overflow 64rem. */}
                  <div className="hint mono">{i.neq}</div>
                  {i.reviewRequested ? <div className="hint">{t('ui.queue.review_flag')}</div> : null}
                </td>
                <td>{i.region ? regionName(i.region) : '—'}</td>
                <td>{i.employees}</td>
                <td>
                  {i.eligible === null
                    ? '—'
                    : i.eligible
                      ? t('ui.queue.eligible')
                      : t('ui.queue.not_eligible')}
                </td>
                <td>{t(`ui.status.${i.status}`)}</td>
                <td className="date">{i.submittedAt}</td>
                <td>{i.partner ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
          <fieldset className="field">
            <legend>{t('ui.queue.bulk')}</legend>
            <SelectField
              id="bulk-decision"
              name="decision"
              label={t('fields.decision')}
              required
              error={bulkErrors.decision}
              options={[
                // No decision is chosen in advance: applying one to a selection takes a deliberate choice.
                { value: '', label: t('ui.choose') },
                ...DECISIONS.map((d) => ({ value: d, label: t(`ui.decision.${d}`) })),
              ]}
            />
            <TextArea
              id="bulk-reason"
              name="reason"
              label={t('fields.reason')}
              hint={t('ui.queue.reason_hint')}
              rows={2}
              error={bulkErrors.reason}
            />
            <SubmitButton>{t('ui.queue.apply_bulk')}</SubmitButton>
          </fieldset>
        </PostForm>
      )}
    </div>
  );
}
