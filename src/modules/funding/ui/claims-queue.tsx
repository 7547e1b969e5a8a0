import { useTranslation } from 'react-i18next';
import { Form, Link, useLoaderData } from 'react-router';
import { formatDate, formatMoney } from '../../../kernel/format.ts';
import { allowedBy } from '../../../platform/authorization.ts';
import { isAppError } from '../../../platform/errors.ts';
import { localiseError } from '../../../platform/http/problem.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { ExportLinks } from '../../../platform/ui/exports.tsx';
import { ErrorSummary, SelectField, SubmitButton } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { listPrograms } from '../../programs/index.ts';
import { CLAIM_STATUSES } from '../domain/claim-status.ts';
import { fundingPolicies } from '../domain/policies.ts';
import { REVIEW_STEPS } from '../domain/separation-of-duties.ts';
import { listClaims } from '../use-cases/list-claims.ts';
import { claimsQuery } from './funding-list-filters.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { filters, query } = claimsQuery(search);
  const programs = (await listPrograms(ctx)).map((p) => ({
    value: p.id,
    label: ctx.locale === 'fr' ? p.nameFr : p.nameEn,
  }));
  const exportSearch = `?${new URLSearchParams(query)}`;
  const canExport = allowedBy(fundingPolicies)(ctx.actor, 'funding.export');
  try {
    const page = await listClaims(ctx, { ...query, ...(search.cursor ? { cursor: search.cursor } : {}) });
    return {
      filters,
      programs,
      exportSearch,
      canExport,
      error: null,
      next: page.nextCursor ? new URLSearchParams({ ...filters, cursor: page.nextCursor }).toString() : null,
      items: page.items.map((c) => ({
        id: c.id,
        business: c.businessName ?? '—',
        number: c.number,
        status: c.status,
        reviewStep: c.reviewStep,
        claimable: c.claimableCents === null ? '—' : formatMoney(c.claimableCents, ctx.locale, true),
        submittedOn: c.submittedAt ? formatDate(c.submittedAt) : '—',
      })),
    };
  } catch (error) {
    if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    return {
      filters,
      programs,
      exportSearch,
      canExport: false,
      error: localiseError(error, ctx.services.i18n, ctx.locale),
      next: null,
      items: [],
    };
  }
});

/** The team's and finance's queue of claims, filtered by status, program, step due and what waits for them. */
export default function ClaimsQueue() {
  const { t } = useTranslation('funding');
  const { items, filters, programs, next, error, exportSearch, canExport } = useLoaderData<typeof loader>();
  const all = { value: '', label: t('claims.all') };
  return (
    <div>
      <PageTitle title={t('claims.queue_title')}>{t('claims.queue_title')}</PageTitle>
      <ErrorSummary error={error ?? undefined} hrefFor={(path) => `#filter-${path}`} />
      <Form method="get" className="filters" role="search" aria-label={t('claims.filters')}>
        <SelectField
          id="filter-mine"
          name="mine"
          label={t('claims.mine')}
          defaultValue={filters.mine}
          options={[
            { value: 'true', label: t('claims.mine_yes') },
            { value: 'false', label: t('claims.mine_no') },
          ]}
        />
        <SelectField
          id="filter-status"
          name="status"
          label={t('claims.status')}
          defaultValue={filters.status}
          options={[
            all,
            ...CLAIM_STATUSES.filter((s) => s !== 'draft').map((s) => ({
              value: s,
              label: t(`claimStatuses.${s}`),
            })),
          ]}
        />
        <SelectField
          id="filter-reviewStep"
          name="reviewStep"
          label={t('claims.step_due')}
          defaultValue={filters.reviewStep}
          options={[all, ...REVIEW_STEPS.map((s) => ({ value: s, label: t(`reviewSteps.${s}`) }))]}
        />
        {programs.length > 1 ? (
          <SelectField
            id="filter-programId"
            name="programId"
            label={t('claims.program')}
            defaultValue={filters.programId}
            options={[all, ...programs]}
          />
        ) : null}
        <SubmitButton variant="secondary">{t('claims.filter')}</SubmitButton>
      </Form>
      {items.length === 0 ? (
        <p>{t('claims.none_in_queue')}</p>
      ) : (
        <DataTable
          caption={t('claims.queue_title')}
          className="stacked"
          columns={[
            t('claims.business'),
            t('claims.number'),
            t('claims.status'),
            t('claims.step_due'),
            t('claims.claimable'),
            t('claims.submitted_on'),
          ]}
          next={next}
          nextLabel={t('claims.next_page')}
        >
          {items.map((c) => (
            <tr key={c.id}>
              <th scope="row" data-label={t('claims.business')}>
                <Link to={`/review/claims/${c.id}`}>{c.business}</Link>
              </th>
              <td data-label={t('claims.number')}>{c.number}</td>
              <td data-label={t('claims.status')}>{t(`claimStatuses.${c.status}`)}</td>
              <td data-label={t('claims.step_due')}>
                {c.reviewStep ? t(`reviewSteps.${c.reviewStep}`) : '—'}
              </td>
              <td data-label={t('claims.claimable')} className="numeric">
                {c.claimable}
              </td>
              <td data-label={t('claims.submitted_on')} className="date">
                {c.submittedOn}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {canExport ? <ExportLinks page="/review/claims" search={exportSearch} /> : null}
    </div>
  );
}
