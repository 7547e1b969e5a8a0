import { useTranslation } from 'react-i18next';
import { Link, redirect, useLoaderData } from 'react-router';
import { formatDate } from '../../../kernel/format.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { formatChange, formatOrdinal, formatScore, typicalCost } from '../domain/figures.ts';
import { getDiagnostic } from '../use-cases/get-diagnostic.ts';
import { RadarChart } from './radar-chart.tsx';

export const loader = pageLoader(async ({ ctx, params }) => {
  const d = await getDiagnostic(ctx, params.id ?? '');
  if (d.status !== 'completed' || !d.scores || !d.level) throw redirect(`/diagnostics/${d.id}`);
  const number = (n: number) => formatScore(n, ctx.locale);
  const rank = (percentile: number | null = null) =>
    percentile === null ? null : formatOrdinal(percentile, ctx.locale);
  const change = (delta: number) => formatChange(delta, ctx.locale);
  const dimensions = d.questionnaire.dimensions.map((x) => ({
    id: x.id,
    label: x.label,
    score: d.scores!.dimensions[x.id] ?? 0,
    shown: number(d.scores!.dimensions[x.id] ?? 0),
    percentile: rank(d.benchmark?.percentiles.dimensions[x.id]),
    before: d.comparison ? number(d.comparison.before.dimensions[x.id] ?? 0) : null,
    delta: d.comparison ? change(d.comparison.deltas.dimensions[x.id] ?? 0) : null,
  }));
  const labelOf = (id: string) => dimensions.find((x) => x.id === id)?.label ?? id;
  return {
    id: d.id,
    applicationId: d.applicationId,
    phase: d.phase,
    business: d.business.name,
    completedAt: d.completedAt ? formatDate(d.completedAt) : '',
    version: d.questionnaire.version,
    overall: number(d.scores.overall),
    overallPercentile: rank(d.benchmark?.percentiles.overall),
    level: d.level,
    dimensions,
    benchmark: d.benchmark
      ? { group: d.benchmark.group, size: d.benchmark.size, peers: d.benchmark.peers }
      : null,
    strengths: d.strengths.map((s) => ({ label: labelOf(s.id), score: number(s.score) })),
    gaps: d.gaps.map((s) => ({ label: labelOf(s.id), score: number(s.score) })),
    recommendations: d.recommendations.map((r) => ({
      ...r,
      dimension: labelOf(r.dimensionId),
      cost: typicalCost(r.costMin, r.costMax, ctx.locale),
    })),
    comparison: d.comparison
      ? {
          overallBefore: number(d.comparison.before.overall),
          overallDelta: change(d.comparison.deltas.overall),
          before: d.questionnaire.dimensions.map((x) => d.comparison!.before.dimensions[x.id] ?? 0),
        }
      : null,
  };
});

export default function DiagnosticResults() {
  const { t } = useTranslation('diagnostic');
  const r = useLoaderData<typeof loader>();
  const b = r.benchmark;
  return (
    <div>
      <PageTitle title={t('results.title', { phase: r.phase })}>
        {t('results.title', { phase: r.phase })}
      </PageTitle>
      <p>
        {r.business} · {t('report.completed_on', { date: r.completedAt })} ·{' '}
        {t('report.version', { version: r.version })}
      </p>
      <p className="actions">
        <a href={`/api/v1/diagnostics/${r.id}/report.pdf`} className="button button-primary" download>
          {t('results.download')}
        </a>
        <Link to={`/applications/${r.applicationId}`}>{t('take.back')}</Link>
      </p>

      <section aria-labelledby="overall-title" className="card">
        <h2 id="overall-title">{t('report.overall_title')}</h2>
        <p>
          <span className="score-big">{r.overall}</span> / 100 — <strong>{r.level.label}</strong>
          {r.overallPercentile !== null
            ? ` · ${t('results.percentile_value', { value: r.overallPercentile })}`
            : ''}
        </p>
        <p>{r.level.description}</p>
        {r.comparison ? (
          <p>
            {t('results.since_t0', {
              before: r.comparison.overallBefore,
              delta: r.comparison.overallDelta,
            })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="chart-title">
        <h2 id="chart-title">{t('report.scores_title')}</h2>
        <RadarChart
          title={t('report.chart_alt')}
          axes={r.dimensions.map((x) => x.label.split(/[,(]/)[0]!.trim())}
          series={[
            ...(r.comparison ? [{ label: 'T0', values: r.comparison.before, kind: 'before' as const }] : []),
            { label: r.phase, values: r.dimensions.map((x) => x.score), kind: 'current' as const },
          ]}
        />
        {r.comparison ? <p className="hint">{t('results.legend')}</p> : null}
        <p>
          {b
            ? t(`benchmark.group_${b.group}`, {
                count: b.size,
                naics: b.peers.naics ?? '',
                size: b.peers.sizeBand ?? '',
                region: b.peers.region ?? '',
              })
            : t('benchmark.too_few')}
        </p>
        <DataTable
          caption={t('report.scores_title')}
          columns={[
            t('results.dimension'),
            t('results.score'),
            t('results.percentile'),
            ...(r.comparison ? ['T0', t('results.change')] : []),
          ]}
        >
          {r.dimensions.map((x) => (
            <tr key={x.id}>
              <th scope="row">{x.label}</th>
              <td>{x.shown}</td>
              <td>{x.percentile === null ? '—' : t('results.percentile_value', { value: x.percentile })}</td>
              {r.comparison ? (
                <>
                  <td>{x.before}</td>
                  <td>{x.delta}</td>
                </>
              ) : null}
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="strengths-title">
        <h2 id="strengths-title">{t('results.strengths_title')}</h2>
        <ul className="bullets">
          {r.strengths.map((s) => (
            <li key={s.label}>{t('results.strength', { dimension: s.label, score: s.score })}</li>
          ))}
        </ul>
        <h2>{t('results.gaps_title')}</h2>
        <ul className="bullets">
          {r.gaps.map((s) => (
            <li key={s.label}>{t('results.gap', { dimension: s.label, score: s.score })}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="recommendations-title">
        <h2 id="recommendations-title">{t('results.recommendations_title')}</h2>
        {r.recommendations.length === 0 ? (
          <Notice>
            <p>{t('results.no_recommendations')}</p>
          </Notice>
        ) : (
          r.recommendations.map((rec) => (
            <article key={rec.id} className="card">
              <h3>{rec.title}</h3>
              <p>{rec.text}</p>
              <p className="hint">
                {t('results.cost')} {t(`cost.${rec.cost.kind}`, rec.cost)} · {t('results.effort')}{' '}
                {t(`results.effort_${rec.effort}`)} · {rec.dimension}
              </p>
            </article>
          ))
        )}
      </section>

      <section aria-labelledby="method-title">
        <h2 id="method-title">{t('results.method_title')}</h2>
        <p>{t('results.method')}</p>
      </section>
    </div>
  );
}
