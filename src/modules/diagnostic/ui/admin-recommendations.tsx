import { useTranslation } from 'react-i18next';
import { Form, Link, useLoaderData } from 'react-router';
import { formatNumber } from '../../../kernel/format.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { SelectField, SubmitButton } from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { programQuery } from '../../programs/index.ts';
import { typicalCost } from '../domain/figures.ts';
import { getCurrentQuestionnaire } from '../use-cases/get-current-questionnaire.ts';
import { listRecommendations } from '../use-cases/list-recommendations.ts';
import { programFor } from './admin-editing.server.ts';
import { DiagnosticAdminLinks } from './admin-shared.tsx';

export const loader = pageLoader(async ({ ctx, request }) => {
  const program = await programFor(ctx, 'recommendation.manage', request);
  const [{ items }, questionnaire] = await Promise.all([
    listRecommendations(ctx, { programId: program.id }),
    getCurrentQuestionnaire(ctx, { programId: program.id }),
  ]);
  const url = new URL(request.url);
  const dimensions = questionnaire.dimensions.map((d) => ({ id: d.id, label: d.label }));
  // Recommendations for a dimension the questionnaire no longer has are listed too, under their id.
  for (const r of items)
    if (!dimensions.some((d) => d.id === r.dimensionId))
      dimensions.push({ id: r.dimensionId, label: r.dimensionId });
  const asked = url.searchParams.get('dimension') ?? '';
  const filter = dimensions.some((d) => d.id === asked) ? asked : '';
  return {
    program: program.slug,
    filter,
    total: items.length,
    dimensions: dimensions.map((d) => ({ value: d.id, label: d.label })),
    groups: dimensions
      .filter((d) => filter === '' || d.id === filter)
      .map((d) => ({
        id: d.id,
        label: d.label,
        known: questionnaire.dimensions.some((x) => x.id === d.id),
        items: items
          .filter((r) => r.dimensionId === d.id)
          .map((r) => ({
            id: r.id,
            key: r.key,
            title: ctx.locale === 'fr' ? r.titleFr : r.titleEn,
            scores: { min: formatNumber(r.minScore, ctx.locale), max: formatNumber(r.maxScore, ctx.locale) },
            cost: typicalCost(r.costMin, r.costMax, ctx.locale),
            effort: r.effort,
            priority: formatNumber(r.priority, ctx.locale),
            active: r.active,
          })),
      })),
    saved: (() => {
      const r = items.find((x) => x.id === url.searchParams.get('saved'));
      return r ? (ctx.locale === 'fr' ? r.titleFr : r.titleEn) : null;
    })(),
  };
});

export default function RecommendationsLibrary() {
  const { t } = useTranslation('diagnostic');
  const { filter, total, dimensions, groups, saved, program } = useLoaderData<typeof loader>();
  const title = t('admin.recommendations.title');
  return (
    <div className="admin-page">
      <PageTitle title={title}>{title}</PageTitle>
      <DiagnosticAdminLinks here="recommendations" />
      {saved ? (
        <Notice kind="success">
          <p>{t('admin.recommendations.saved', { title: saved })}</p>
        </Notice>
      ) : null}
      <p>{t('admin.recommendations.intro')}</p>
      <p>
        <Link
          to={`/admin/diagnostic/recommendations/new${programQuery(program)}`}
          className="button button-primary"
        >
          {t('admin.recommendations.add')}
        </Link>
      </p>
      <Form
        method="get"
        className="filters"
        role="search"
        aria-label={t('admin.recommendations.filter_label')}
      >
        <SelectField
          id="filter-dimension"
          name="dimension"
          label={t('admin.recommendations.dimension')}
          defaultValue={filter}
          options={[{ value: '', label: t('admin.recommendations.all') }, ...dimensions]}
        />
        <div className="field">
          <SubmitButton variant="secondary">{t('admin.recommendations.filter')}</SubmitButton>
        </div>
      </Form>
      <p role="status">{t('admin.recommendations.total', { count: total })}</p>
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`dimension-${g.id}`}>
          <h2 id={`dimension-${g.id}`}>{g.label}</h2>
          {g.known ? null : <p className="hint">{t('admin.recommendations.unknown_dimension')}</p>}
          {g.items.length === 0 ? (
            <p>{t('admin.recommendations.none')}</p>
          ) : (
            <DataTable
              caption={t('admin.recommendations.caption', { dimension: g.label })}
              className="stacked admin-table admin-recommendations"
              columns={[
                t('admin.recommendations.title_col'),
                t('admin.recommendations.scores_col'),
                t('admin.recommendations.cost_col'),
                t('admin.recommendations.effort_col'),
                t('admin.recommendations.priority_col'),
                t('admin.recommendations.active_col'),
              ]}
            >
              {g.items.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/admin/diagnostic/recommendations/${r.id}${programQuery(program)}`}>
                      {r.title}
                    </Link>
                    <div className="hint mono">{r.key}</div>
                  </th>
                  <td data-label={t('admin.recommendations.scores_col')}>
                    {t('admin.recommendations.scores', r.scores)}
                  </td>
                  <td data-label={t('admin.recommendations.cost_col')}>{t(`cost.${r.cost.kind}`, r.cost)}</td>
                  <td data-label={t('admin.recommendations.effort_col')}>{t(`admin.effort.${r.effort}`)}</td>
                  <td data-label={t('admin.recommendations.priority_col')}>{r.priority}</td>
                  <td data-label={t('admin.recommendations.active_col')}>
                    {r.active ? t('admin.recommendations.active') : t('admin.recommendations.inactive')}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      ))}
    </div>
  );
}
