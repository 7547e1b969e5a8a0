import { useTranslation } from 'react-i18next';
import { Form, Link, useLoaderData } from 'react-router';
import { isAppError } from '../../../platform/errors.ts';
import { localiseError } from '../../../platform/http/problem.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { ErrorSummary, SelectField, SubmitButton } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { listPrograms } from '../../programs/index.ts';
import { SIGNAL_KINDS } from '../domain/kinds.ts';
import { listSignals } from '../use-cases/list-signals.ts';
import { SignalFiles, signalCard } from './signal-parts.tsx';

const FILTERS = ['status', 'kind', 'programId'] as const;

export const loader = pageLoader(async ({ ctx, request }) => {
  const search = new URL(request.url).searchParams;
  // Open signals first: what waits for a decision.
  const filters = Object.fromEntries(
    FILTERS.map((name) => [name, search.get(name) ?? (name === 'status' ? 'open' : '')]),
  ) as Record<(typeof FILTERS)[number], string>;
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
  const programs = (await listPrograms(ctx)).map((p) => ({
    value: p.id,
    label: ctx.locale === 'fr' ? p.nameFr : p.nameEn,
  }));
  try {
    const cursor = search.get('cursor');
    const page = await listSignals(ctx, { ...query, ...(cursor ? { cursor } : {}) });
    return {
      filters,
      programs,
      error: null,
      items: page.items.map((s) => signalCard(s, ctx.locale)),
      next: page.nextCursor ? new URLSearchParams({ ...query, cursor: page.nextCursor }).toString() : null,
    };
  } catch (error) {
    if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    return {
      filters,
      programs,
      error: localiseError(error, ctx.services.i18n, ctx.locale),
      items: [],
      next: null,
    };
  }
});

/** The team's and finance's signals: each in words, with its files, to look at and decide on. */
export default function SignalsPage() {
  const { t } = useTranslation('signals');
  const { items, filters, programs, error, next } = useLoaderData<typeof loader>();
  const all = { value: '', label: t('page.any') };
  return (
    <div>
      <PageTitle title={t('page.title')}>{t('page.title')}</PageTitle>
      <p>{t('page.intro')}</p>
      <ErrorSummary error={error ?? undefined} hrefFor={(path) => `#filter-${path}`} />
      <Form method="get" className="filters" role="search" aria-label={t('page.filters')}>
        <SelectField
          id="filter-status"
          name="status"
          label={t('page.status')}
          defaultValue={filters.status}
          options={[
            all,
            ...(['open', 'resolved', 'dismissed', 'confirmed'] as const).map((s) => ({
              value: s,
              label: t(`statuses.${s}`),
            })),
          ]}
        />
        <SelectField
          id="filter-kind"
          name="kind"
          label={t('page.kind')}
          defaultValue={filters.kind}
          options={[all, ...SIGNAL_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
        />
        {programs.length > 1 ? (
          <SelectField
            id="filter-programId"
            name="programId"
            label={t('page.program')}
            defaultValue={filters.programId}
            options={[all, ...programs]}
          />
        ) : null}
        <SubmitButton variant="secondary">{t('page.apply')}</SubmitButton>
      </Form>
      {items.length === 0 ? (
        <p>{t('page.none')}</p>
      ) : (
        <DataTable
          caption={t('page.title')}
          className="stacked"
          columns={[t('page.kind'), t('page.files'), t('page.status'), t('page.resolve')]}
          next={next}
          nextLabel={t('page.more')}
        >
          {items.map((s) => (
            <tr key={s.id}>
              <th scope="row" data-label={t('page.kind')}>
                {t(`kinds.${s.kind}`)}
                <p>{s.explanation}</p>
                <p>{t('page.raised', { at: s.raisedAt })}</p>
              </th>
              <td data-label={t('page.files')}>
                <SignalFiles files={s.files} />
              </td>
              <td data-label={t('page.status')}>
                <span className="status-badge">{t(`statuses.${s.status}`)}</span>
              </td>
              <td data-label={t('page.resolve')}>
                <Link to={`/signals/${s.id}`} aria-label={`${t('page.resolve')} : ${t(`kinds.${s.kind}`)}`}>
                  {s.status === 'open' ? t('page.resolve') : t('page.details')}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
