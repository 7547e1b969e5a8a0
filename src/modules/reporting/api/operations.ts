import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { dashboard, indicators, presentDashboard, presentIndicators } from '../presenters/reports.ts';
import { getProgramDashboard } from '../use-cases/get-program-dashboard.ts';
import { getProgramIndicators, indicatorsQuery } from '../use-cases/get-program-indicators.ts';
import { dashboardQuery } from '../use-cases/report-period.ts';

export const reportingOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'getProgramDashboard',
    method: 'get',
    path: '/programs/{id}/dashboard',
    summary:
      'The program’s dashboard (coordinators, administrators): funnel of the applications submitted in the period with conversions, forecast, breakdowns, workloads, budget, alerts; filters from, to (YYYY-MM-DD), region, partner, expert',
    tag: 'reporting',
    access: 'user',
    query: dashboardQuery,
    response: dashboard,
    handle: async (ctx, { params, query }) =>
      presentDashboard(await getProgramDashboard(ctx, params.id!, query)),
  }),
  defineOperation({
    operationId: 'getProgramIndicators',
    method: 'get',
    path: '/programs/{id}/indicators',
    summary:
      'The program’s indicators after disclosure control (the ministry): counts and sums by region, subsector and size band, means, maturity gains; suppressed cells carry their reason',
    tag: 'reporting',
    access: 'user',
    query: indicatorsQuery,
    response: indicators,
    handle: async (ctx, { params, query }) =>
      presentIndicators(await getProgramIndicators(ctx, params.id!, query)),
  }),
];
