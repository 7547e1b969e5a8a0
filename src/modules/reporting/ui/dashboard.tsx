import { useTranslation } from 'react-i18next';
import { Form, Link, useLoaderData } from 'react-router';
import { formatMoney, formatNumber } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { Ctx } from '../../../platform/context.ts';
import { isAppError } from '../../../platform/errors.ts';
import { localiseError } from '../../../platform/http/problem.ts';
import { barChartSvg } from '../../../platform/ui/bar-chart.server.ts';
import { Chart } from '../../../platform/ui/chart.tsx';
import { regionOptions } from '../../../platform/ui/choices.tsx';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { ErrorSummary, SelectField, SubmitButton, TextField } from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { selectProgram } from '../../programs/index.ts';
import { getProgramDashboard, type ProgramDashboard } from '../use-cases/get-program-dashboard.ts';
import { GainsTable } from './gains-table.tsx';

const FILTERS = ['from', 'to', 'region', 'partner', 'expert'] as const;
const BREAKDOWNS = ['region', 'subsector', 'size_band'] as const;
const COLOURS = {
  count: '#1d3f6e',
  accepted: '#4a7a2c',
  others: '#d8e3ef',
  active: '#2f6fb0',
  free: '#ffffff',
};

const percent = (value: number, locale: Locale) => `${formatNumber(value, locale)} %`;

/** The dashboard's figures as the page prints them, in the reader's language and fr-CA formats. */
function present(d: ProgramDashboard, locale: Locale) {
  const n = (value: number) => formatNumber(value, locale);
  return {
    funnel: d.funnel.map((s) => {
      const conversion = d.conversions.find((c) => c.step === s.step);
      return {
        step: s.step,
        count: s.count,
        text: s.count === null ? '—' : n(s.count),
        conversion:
          conversion?.percent == null
            ? null
            : { percent: percent(conversion.percent, locale), from: conversion.from },
      };
    }),
    prechecksEligibleText: d.prechecksEligible === null ? null : n(d.prechecksEligible),
    precheckFailures: d.precheckFailures?.map((f) => ({ ...f, countText: n(f.count) })) ?? null,
    forecast: {
      ...d.forecast,
      achievedText: n(d.forecast.achieved),
      targetText: n(d.forecast.target),
      progressText: d.forecast.progressPercent === null ? '—' : n(d.forecast.progressPercent),
      paceText: n(Math.round(d.forecast.pacePerWeek * 10) / 10),
    },
    breakdowns: Object.fromEntries(
      BREAKDOWNS.map((b) => [
        b,
        d.breakdowns[b].map((g) => ({
          ...g,
          applicationsText: n(g.applications),
          acceptedText: n(g.accepted),
        })),
      ]),
    ) as Record<
      (typeof BREAKDOWNS)[number],
      (ProgramDashboard['breakdowns']['region'][number] & {
        applicationsText: string;
        acceptedText: string;
      })[]
    >,
    experts: d.experts.map((e) => ({
      ...e,
      hoursText: n(Math.round(e.hoursLogged * 10) / 10),
      hoursMonthText: n(Math.round(e.hoursLoggedThisMonth * 10) / 10),
    })),
    budget: d.budget.map((b) => ({
      key: `${b.envelopeKey}/${b.fiscalYear}`,
      envelope: b.envelope,
      fiscalYear: b.fiscalYear,
      money: {
        budget: formatMoney(b.budgetCents, locale, true),
        committed: formatMoney(b.committedCents + b.payableCents, locale, true),
        paid: formatMoney(b.paidCents, locale, true),
        available: formatMoney(b.availableCents, locale, true),
      },
    })),
    workshops: [
      ...d.workshops.items.map((w) => ({ ...w, key: w.id, day: w.startsAt.slice(0, 10) })),
      { ...d.workshops.total, key: 'total', title: null, day: '' },
    ].map(({ key, title, day, registered, present, attendanceRate, satisfaction }) => ({
      key,
      title,
      day,
      registered: n(registered),
      present: n(present),
      attendance: attendanceRate === null ? '—' : percent(attendanceRate, locale),
      satisfaction:
        satisfaction.mean === null ? '—' : `${n(satisfaction.mean)} / 5 (${n(satisfaction.answers)})`,
    })),
    alerts: d.alerts,
    impact: d.impact?.map((m) => ({
      ...m,
      pairs: n(m.pairs),
      estimate: m.estimate && {
        meanGain: n(m.estimate.meanGain),
        interval: `${n(m.estimate.low)} – ${n(m.estimate.high)}`,
        improved: percent(m.estimate.improvedPercent, locale),
      },
    })),
    expertQuality: d.expertQuality?.map((e) => {
      const figure = (value: number | null | undefined) => (value == null ? '—' : n(value));
      return {
        expertId: e.expertId,
        name: e.name,
        closedFiles: n(e.closedFiles),
        shown: e.figures !== null,
        pairs: figure(e.figures?.pairs),
        meanGain: figure(e.figures?.meanGain),
        gainBeyondExpected: figure(e.figures?.gainBeyondExpected),
        satisfaction: figure(e.figures?.satisfaction),
        planCompletion:
          e.figures?.planCompletionPercent == null ? '—' : percent(e.figures.planCompletionPercent, locale),
      };
    }),
  };
}

type Figures = ReturnType<typeof present>;

/** The dashboard's charts, drawn here on the server; the page prints the same figures in tables. */
async function drawCharts(figures: Figures, ctx: Pick<Ctx, 't' | 'locale'>) {
  const t = (key: string) => ctx.t(`reporting:${key}`);
  const stepLabel = (step: string) => t(`funnel.steps.${step}`);
  const chart = (spec: Omit<Parameters<typeof barChartSvg>[0], 'formatValue'>) =>
    barChartSvg({ ...spec, formatValue: (value) => formatNumber(value, ctx.locale) });
  const [funnel, breakdowns, experts] = await Promise.all([
    chart({
      id: 'funnel-chart',
      title: t('dashboard.funnel_title'),
      description: t('dashboard.funnel_desc'),
      legend: [{ key: 'count', label: t('dashboard.count'), colour: COLOURS.count }],
      rows: figures.funnel
        .filter((s) => s.count !== null)
        .map((s) => ({
          key: s.step,
          label: stepLabel(s.step),
          parts: [{ key: 'count', value: s.count ?? 0, text: `${stepLabel(s.step)} : ${s.text}` }],
        })),
    }),
    Promise.all(
      BREAKDOWNS.map((b) =>
        chart({
          id: `breakdown-${b}-chart`,
          title: t(`breakdowns.${b}`),
          description: t('dashboard.breakdown_desc'),
          legend: [
            { key: 'accepted', label: t('dashboard.accepted'), colour: COLOURS.accepted },
            { key: 'others', label: t('dashboard.others'), colour: COLOURS.others },
          ],
          rows: figures.breakdowns[b].map((g) => ({
            key: g.key ?? 'unknown',
            label: g.label ?? t('dashboard.unknown'),
            parts: [
              { key: 'accepted', value: g.accepted, text: `${t('dashboard.accepted')} : ${g.acceptedText}` },
              {
                key: 'others',
                value: g.applications - g.accepted,
                text: `${t('dashboard.applications')} : ${g.applicationsText}`,
              },
            ],
          })),
        }),
      ),
    ),
    figures.experts.length === 0
      ? null
      : chart({
          id: 'experts-chart',
          title: t('dashboard.experts_title'),
          description: t('dashboard.experts_desc'),
          legend: [
            { key: 'active', label: t('dashboard.active_files'), colour: COLOURS.active },
            { key: 'free', label: t('dashboard.free'), colour: COLOURS.free },
          ],
          rows: figures.experts.map((e) => ({
            key: e.expertId,
            label: e.name,
            parts: [
              {
                key: 'active',
                value: e.activeFiles,
                text: `${t('dashboard.active_files')} : ${formatNumber(e.activeFiles, ctx.locale)}`,
              },
              {
                key: 'free',
                value: Math.max(0, e.capacity - e.activeFiles),
                text: `${t('dashboard.capacity')} : ${formatNumber(e.capacity, ctx.locale)}`,
              },
            ],
          })),
        }),
  ]);
  return {
    funnel,
    breakdowns: Object.fromEntries(BREAKDOWNS.map((b, i) => [b, breakdowns[i] ?? ''])) as Record<
      (typeof BREAKDOWNS)[number],
      string
    >,
    experts,
  };
}

export const loader = pageLoader(async ({ ctx, request }) => {
  const search = new URL(request.url).searchParams;
  const program = await selectProgram(ctx, search.get('program'));
  const filters = Object.fromEntries(FILTERS.map((key) => [key, search.get(key)?.trim() ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
  const base = { programSlug: program.slug, filters };
  try {
    const dashboard = await getProgramDashboard(ctx, program.id, query);
    const figures = present(dashboard, ctx.locale);
    return {
      ...base,
      error: null,
      programName: dashboard.program.name,
      asOfDay: dashboard.asOfDay,
      choices: dashboard.choices,
      figures,
      charts: await drawCharts(figures, ctx),
    };
  } catch (error) {
    // Bad filters are shown on the page like any form error, with the filters kept.
    if (!isAppError(error) || error.code !== 'invalid_input') throw error;
    return {
      ...base,
      error: localiseError(error, ctx.services.i18n, ctx.locale),
      programName: ctx.locale === 'fr' ? program.nameFr : program.nameEn,
      asOfDay: null,
      choices: { partners: [], experts: [] },
      figures: null,
      charts: null,
    };
  }
});

export default function Dashboard() {
  const { t } = useTranslation('reporting');
  const { filters, error, programName, programSlug, asOfDay, choices, figures, charts } =
    useLoaderData<typeof loader>();
  const errors = Object.fromEntries((error?.errors ?? []).map((e) => [e.path, e.message]));
  const title = `${t('dashboard.title')} — ${programName}`;
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
      {asOfDay ? <p>{t('dashboard.intro', { day: asOfDay })}</p> : null}
      <ErrorSummary error={error ?? undefined} />
      <Form method="get" className="filters" role="search" aria-label={t('dashboard.filters_title')}>
        <input type="hidden" name="program" value={programSlug} />
        <TextField
          name="from"
          type="date"
          label={t('fields.from')}
          defaultValue={filters.from}
          error={errors.from}
        />
        <TextField name="to" type="date" label={t('fields.to')} defaultValue={filters.to} error={errors.to} />
        <SelectField
          name="region"
          label={t('fields.region')}
          options={[{ value: '', label: t('dashboard.all_regions') }, ...regionOptions()]}
          defaultValue={filters.region}
          error={errors.region}
        />
        <SelectField
          name="partner"
          label={t('fields.partner')}
          options={[
            { value: '', label: t('dashboard.all') },
            ...choices.partners.map((p) => ({ value: p.id, label: p.name })),
          ]}
          defaultValue={filters.partner}
          error={errors.partner}
        />
        <SelectField
          name="expert"
          label={t('fields.expert')}
          options={[
            { value: '', label: t('dashboard.all') },
            ...choices.experts.map((e) => ({ value: e.id, label: e.name })),
          ]}
          defaultValue={filters.expert}
          error={errors.expert}
        />
        <SubmitButton>{t('dashboard.apply')}</SubmitButton>
      </Form>
      {figures && charts ? <Figures figures={figures} charts={charts} /> : null}
    </div>
  );
}

function Figures({ figures, charts }: { figures: Figures; charts: Awaited<ReturnType<typeof drawCharts>> }) {
  const { t } = useTranslation('reporting');
  const stepLabel = (step: string) => t(`funnel.steps.${step}`);
  const { forecast } = figures;
  return (
    <>
      <section aria-labelledby="funnel-title">
        <h2 id="funnel-title">{t('dashboard.funnel_title')}</h2>
        <p>{t('funnel.cohort')}</p>
        <Chart svg={charts.funnel} />
        <DataTable
          caption={t('dashboard.funnel_title')}
          columns={[t('dashboard.step'), t('dashboard.count'), t('dashboard.conversion')]}
        >
          {figures.funnel.map((s) => (
            <tr key={s.step}>
              <th scope="row">{stepLabel(s.step)}</th>
              <td className="numeric">{s.text}</td>
              <td>
                {s.conversion
                  ? t('dashboard.conversion_from', {
                      percent: s.conversion.percent,
                      from: stepLabel(s.conversion.from),
                    })
                  : '—'}
              </td>
            </tr>
          ))}
        </DataTable>
        <p className="hint">
          {figures.prechecksEligibleText === null
            ? t('dashboard.prechecks_not_attributable')
            : t('dashboard.prechecks_counted', { eligible: figures.prechecksEligibleText })}{' '}
          {t('funnel.rounding')}
        </p>
        {figures.precheckFailures && figures.precheckFailures.length > 0 ? (
          <DataTable
            caption={t('dashboard.precheck_failures_title')}
            columns={[t('dashboard.criterion'), t('dashboard.failed_prechecks')]}
          >
            {figures.precheckFailures.map((f) => (
              <tr key={f.criterionId}>
                <th scope="row">{f.label}</th>
                <td className="numeric">{f.countText}</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
      </section>

      <section aria-labelledby="progress-title">
        <h2 id="progress-title">{t('dashboard.progress_title')}</h2>
        <p>
          {t('dashboard.progress', {
            achieved: forecast.achievedText,
            target: forecast.targetText,
            percent: forecast.progressText,
          })}
        </p>
        <p>{t('dashboard.pace', { pace: forecast.paceText, from: forecast.windowFrom })}</p>
        <p>
          {forecast.forecastDay
            ? t('dashboard.forecast_day', { day: forecast.forecastDay })
            : t(forecast.reasonKey ?? 'forecast.no_pace', { weeks: forecast.windowWeeks })}
        </p>
        <p className="hint">{t('forecast.method', { weeks: forecast.windowWeeks })}</p>
      </section>

      <section aria-labelledby="breakdowns-title">
        <h2 id="breakdowns-title">{t('dashboard.breakdowns_title')}</h2>
        {BREAKDOWNS.map((b) => (
          <section key={b} aria-labelledby={`breakdown-${b}`}>
            <h3 id={`breakdown-${b}`}>{t(`breakdowns.${b}`)}</h3>
            <Chart svg={charts.breakdowns[b]} />
            <DataTable
              caption={t(`breakdowns.${b}`)}
              columns={[t('dashboard.group'), t('dashboard.applications'), t('dashboard.accepted')]}
            >
              {figures.breakdowns[b].map((g) => (
                <tr key={g.key ?? 'unknown'}>
                  <th scope="row">{g.label ?? t('dashboard.unknown')}</th>
                  <td className="numeric">{g.applicationsText}</td>
                  <td className="numeric">{g.acceptedText}</td>
                </tr>
              ))}
            </DataTable>
          </section>
        ))}
      </section>

      <section aria-labelledby="experts-title">
        <h2 id="experts-title">{t('dashboard.experts_title')}</h2>
        {charts.experts === null ? (
          <p>{t('dashboard.no_experts')}</p>
        ) : (
          <>
            <Chart svg={charts.experts} />
            <DataTable
              caption={t('dashboard.experts_title')}
              columns={[
                t('fields.expert'),
                t('dashboard.active_files'),
                t('dashboard.capacity'),
                t('dashboard.hours'),
                t('dashboard.hours_month'),
              ]}
            >
              {figures.experts.map((e) => (
                <tr key={e.expertId}>
                  <th scope="row">{e.name}</th>
                  <td className="numeric">{e.activeFiles}</td>
                  <td className="numeric">{e.capacity}</td>
                  <td className="numeric">{e.hoursText}</td>
                  <td className="numeric">{e.hoursMonthText}</td>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </section>

      <section aria-labelledby="budget-title">
        <h2 id="budget-title">{t('dashboard.budget_title')}</h2>
        {figures.budget.length === 0 ? (
          <p>{t('dashboard.no_budget')}</p>
        ) : (
          <DataTable
            caption={t('dashboard.budget_title')}
            columns={[
              t('funding:fields.envelope'),
              t('funding:fields.fiscalYear'),
              t('funding:budget.budget'),
              t('funding:budget.committed'),
              t('funding:budget.paid'),
              t('funding:budget.available'),
            ]}
          >
            {figures.budget.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.envelope}</th>
                <td>{b.fiscalYear}</td>
                <td className="numeric">{b.money.budget}</td>
                <td className="numeric">{b.money.committed}</td>
                <td className="numeric">{b.money.paid}</td>
                <td className="numeric">{b.money.available}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="workshops-title">
        <h2 id="workshops-title">{t('dashboard.workshops_title')}</h2>
        {figures.workshops.length === 1 ? (
          <p>{t('dashboard.no_workshops')}</p>
        ) : (
          <DataTable
            caption={t('dashboard.workshops_caption')}
            columns={[
              t('dashboard.workshop'),
              t('dashboard.workshop_day'),
              t('dashboard.workshop_registered'),
              t('dashboard.workshop_present'),
              t('dashboard.workshop_attendance'),
              t('dashboard.workshop_satisfaction'),
            ]}
          >
            {figures.workshops.map((w) => (
              <tr key={w.key}>
                <th scope="row">{w.title ?? t('dashboard.workshops_total')}</th>
                <td>{w.day}</td>
                <td className="numeric">{w.registered}</td>
                <td className="numeric">{w.present}</td>
                <td className="numeric">{w.attendance}</td>
                <td className="numeric">{w.satisfaction}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="alerts-title">
        <h2 id="alerts-title">{t('dashboard.alerts_title')}</h2>
        {figures.alerts.map((a) => (
          <section key={a.kind} aria-labelledby={`alert-${a.kind}`}>
            <h3 id={`alert-${a.kind}`}>
              {t(`dashboard.alert_kinds.${a.kind}`)} — {t('dashboard.alert_count', { count: a.count })}
            </h3>
            {a.files.length === 0 ? (
              <p>{t('dashboard.no_alerts')}</p>
            ) : (
              <>
                <ul>
                  {a.files.map((f) => (
                    <li key={f.applicationId}>
                      <Link to={`/caseload/${f.applicationId}`}>{f.name}</Link> (
                      {t('dashboard.alert_since', { day: f.since })})
                    </li>
                  ))}
                </ul>
                {a.count > a.files.length ? (
                  <p className="hint">{t('dashboard.alert_more', { shown: a.files.length })}</p>
                ) : null}
              </>
            )}
          </section>
        ))}
      </section>

      {figures.impact ? (
        <section aria-labelledby="impact-title">
          <h2 id="impact-title">{t('dashboard.impact_title')}</h2>
          {figures.impact.length === 0 ? <p>{t('dashboard.no_pairs')}</p> : null}
          <GainsTable caption={t('dashboard.impact_title')} rows={figures.impact} />
          <p className="hint">{t('impact.method', { pairs: figures.impact[0]?.pairs ?? '0' })}</p>
        </section>
      ) : null}

      {figures.expertQuality ? (
        <section aria-labelledby="expert-quality-title">
          <h2 id="expert-quality-title">{t('expert_quality.title')}</h2>
          <DataTable
            caption={t('expert_quality.title')}
            columns={[
              t('expert_quality.expert'),
              t('expert_quality.closed_files'),
              t('expert_quality.pairs'),
              t('expert_quality.mean_gain'),
              t('expert_quality.gain_beyond_expected'),
              t('expert_quality.satisfaction'),
              t('expert_quality.plan_completion'),
            ]}
          >
            {figures.expertQuality.map((e) => (
              <tr key={e.expertId}>
                <th scope="row">{e.name}</th>
                <td className="numeric">{e.closedFiles}</td>
                {e.shown ? (
                  <>
                    <td className="numeric">{e.pairs}</td>
                    <td className="numeric">{e.meanGain}</td>
                    <td className="numeric">{e.gainBeyondExpected}</td>
                    <td className="numeric">{e.satisfaction}</td>
                    <td className="numeric">{e.planCompletion}</td>
                  </>
                ) : (
                  <td colSpan={5}>{t('expert_quality.too_few_files')}</td>
                )}
              </tr>
            ))}
          </DataTable>
          <p className="hint">{t('expert_quality.method')}</p>
        </section>
      ) : null}
    </>
  );
}
