import { useTranslation } from 'react-i18next';
import { Form, Link, useLoaderData } from 'react-router';
import { formatNumber } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import { isAppError } from '../../../platform/errors.ts';
import { localiseError } from '../../../platform/http/problem.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { ErrorSummary, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { selectProgram } from '../../programs/index.ts';
import { PUBLISHED_BREAKDOWNS } from '../domain/indicators.ts';
import { printedFigure } from '../domain/printed-figure.ts';
import {
  type Cell,
  getProgramIndicators,
  type ProgramIndicators,
} from '../use-cases/get-program-indicators.ts';
import { GainsTable } from './gains-table.tsx';

/** One table per breakdown, a column per indicator broken down that way; means and gains apart. */
function present(r: ProgramIndicators, locale: Locale) {
  const additive = r.indicators.filter((i) => i.control !== 'mean');
  const tables = PUBLISHED_BREAKDOWNS.map((breakdown) => {
    const columns = additive.filter((i) => i.breakdowns.some((b) => b.breakdown === breakdown));
    const groups = new Map<string, string | null>();
    for (const indicator of columns)
      for (const g of indicator.breakdowns.find((b) => b.breakdown === breakdown)!.groups)
        groups.set(g.key ?? '', g.label);
    return {
      breakdown,
      columns: columns.map((i) => i.id),
      rows: [...groups].map(([key, label]) => ({
        key,
        label,
        cells: columns.map((i) => {
          const cell = i.breakdowns
            .find((b) => b.breakdown === breakdown)!
            .groups.find((g) => (g.key ?? '') === key)?.cell;
          // A group absent from an indicator counts no business: an exact zero, shown.
          return printedFigure(cell ?? { shown: true, value: 0 }, i.unit, locale);
        }),
      })),
      totals: columns.map((i) => printedFigure(i.total, i.unit, locale)),
    };
  });
  const reasons = new Set<string>();
  const visit = (cell: Cell) => {
    if (!cell.shown) reasons.add(cell.reason);
  };
  for (const i of r.indicators) {
    visit(i.total);
    for (const b of i.breakdowns) for (const g of b.groups) visit(g.cell);
  }
  for (const m of r.maturity) visit(m.pairs);
  return {
    tables,
    means: r.indicators
      .filter((i) => i.control === 'mean')
      .map((i) => ({ id: i.id, unit: i.unit, value: printedFigure(i.total, i.unit, locale) })),
    maturity: r.maturity.map((m) => ({
      measure: m.measure,
      label: m.label,
      pairs: printedFigure(m.pairs, 'businesses', locale),
      estimate: m.estimate && {
        meanGain: formatNumber(m.estimate.meanGain, locale),
        interval: `${formatNumber(m.estimate.low, locale)} – ${formatNumber(m.estimate.high, locale)}`,
        improved: `${formatNumber(m.estimate.improvedPercent, locale)} %`,
      },
    })),
    reasons: [...reasons],
    rules: {
      version: r.rulesVersion,
      minCount: r.rules.minCount,
      dominance: Math.round(r.rules.dominance * 100),
    },
  };
}

export const loader = pageLoader(async ({ ctx, request }) => {
  const search = new URL(request.url).searchParams;
  const program = await selectProgram(ctx, search.get('program'));
  const filters = { from: search.get('from')?.trim() ?? '', to: search.get('to')?.trim() ?? '' };
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
  const base = {
    programSlug: program.slug,
    programName: ctx.locale === 'fr' ? program.nameFr : program.nameEn,
    filters,
  };
  try {
    return {
      ...base,
      error: null,
      figures: present(await getProgramIndicators(ctx, program.id, query), ctx.locale),
    };
  } catch (error) {
    // A bad period is shown on the page like any form error, with the dates kept.
    if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    return { ...base, error: localiseError(error, ctx.services.i18n, ctx.locale), figures: null };
  }
});

export default function Indicators() {
  const { t } = useTranslation('reporting');
  const { filters, error, programName, programSlug, figures } = useLoaderData<typeof loader>();
  const errors = Object.fromEntries((error?.errors ?? []).map((e) => [e.path, e.message]));
  const title = `${t('indicators_page.title')} — ${programName}`;
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
      <p>{t('indicators_page.intro')}</p>
      <p>
        <Link to={`/quarterly-reports?program=${programSlug}`}>{t('quarterly.page.link')}</Link>
      </p>
      <ErrorSummary error={error ?? undefined} />
      <Form method="get" className="filters" role="search" aria-label={t('indicators_page.filters_title')}>
        <input type="hidden" name="program" value={programSlug} />
        <TextField
          name="from"
          type="date"
          label={t('fields.from')}
          defaultValue={filters.from}
          error={errors.from}
        />
        <TextField name="to" type="date" label={t('fields.to')} defaultValue={filters.to} error={errors.to} />
        <SubmitButton>{t('indicators_page.apply')}</SubmitButton>
      </Form>
      {figures ? (
        <>
          <p>{t('disclosure.rules_version', { version: figures.rules.version })}</p>
          {figures.tables.map((table) => (
            <section key={table.breakdown} aria-labelledby={`by-${table.breakdown}`}>
              <h2 id={`by-${table.breakdown}`}>
                {t('indicators_page.by', { breakdown: t(`breakdowns.${table.breakdown}`) })}
              </h2>
              <DataTable
                caption={t('indicators_page.by', { breakdown: t(`breakdowns.${table.breakdown}`) })}
                columns={[
                  t(`breakdowns.${table.breakdown}`),
                  ...table.columns.map((id) => t(`indicators.${id}.label`)),
                ]}
              >
                {table.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label ?? t('dashboard.unknown')}</th>
                    {row.cells.map((cell, i) => (
                      <td key={table.columns[i]} className="numeric">
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('indicators_page.total')}</th>
                  {table.totals.map((cell, i) => (
                    <td key={table.columns[i]} className="numeric">
                      {cell}
                    </td>
                  ))}
                </tr>
              </DataTable>
            </section>
          ))}
          <section aria-labelledby="means-title">
            <h2 id="means-title">{t('indicators_page.means_title')}</h2>
            <dl>
              {figures.means.map((m) => (
                <div key={m.id}>
                  <dt>{t(`indicators.${m.id}.label`)}</dt>
                  <dd>
                    {m.value} <span className="hint">{t(`indicators.${m.id}.definition`)}</span>
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="maturity-title">
            <h2 id="maturity-title">{t('indicators_page.maturity_title')}</h2>
            <GainsTable caption={t('indicators_page.maturity_title')} rows={figures.maturity} />
          </section>
          <section aria-labelledby="notes-title">
            <h2 id="notes-title">{t('indicators_page.notes_title')}</h2>
            <ul>
              {figures.reasons.map((reason) => (
                <li key={reason}>
                  {t(`disclosure.reason.${reason}`, {
                    minCount: figures.rules.minCount,
                    dominance: figures.rules.dominance,
                  })}
                </li>
              ))}
              {figures.maturity.some((m) => !m.estimate) ? (
                <li>{t('impact.too_few_pairs', { minPairs: 10 })}</li>
              ) : null}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  );
}
