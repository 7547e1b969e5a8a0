import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { programDisclosureRulesInput } from '../domain/disclosure.ts';
import { extractDecisionInput, extractRequestInput } from '../domain/research.ts';
import {
  dashboard,
  disclosureRules,
  indicators,
  presentDashboard,
  presentDisclosureRules,
  presentIndicators,
} from '../presenters/reports.ts';
import { presentExtract, researchExtract, researchExtractList } from '../presenters/research-extracts.ts';
import { decideResearchExtract } from '../use-cases/decide-research-extract.ts';
import { downloadResearchExtract } from '../use-cases/download-research-extract.ts';
import { getDisclosureRules } from '../use-cases/get-disclosure-rules.ts';
import { getProgramDashboard } from '../use-cases/get-program-dashboard.ts';
import { getProgramIndicators, indicatorsQuery } from '../use-cases/get-program-indicators.ts';
import { listExtractsInput, listResearchExtracts } from '../use-cases/list-research-extracts.ts';
import { dashboardQuery } from '../use-cases/report-period.ts';
import { requestResearchExtract } from '../use-cases/request-research-extract.ts';
import { setDisclosureRules } from '../use-cases/set-disclosure-rules.ts';

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
  defineOperation({
    operationId: 'getDisclosureRules',
    method: 'get',
    path: '/programs/{id}/disclosure-rules',
    summary:
      'The program’s disclosure rules (minimum count, dominance share) that the indicators, quarterly reports and open data pass',
    tag: 'reporting',
    access: 'user',
    response: disclosureRules,
    handle: async (ctx, { params }) => presentDisclosureRules(await getDisclosureRules(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'setDisclosureRules',
    method: 'put',
    path: '/programs/{id}/disclosure-rules',
    summary:
      'Sets the program’s disclosure rules (administrators): minCount 3–100, dominance 0.5–0.95; audited, printed on what is produced after',
    tag: 'reporting',
    access: 'user',
    body: programDisclosureRulesInput,
    response: disclosureRules,
    handle: async (ctx, { params, body }) =>
      presentDisclosureRules(await setDisclosureRules(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'listResearchExtracts',
    method: 'get',
    path: '/research-extracts',
    summary: 'Research extracts: a researcher’s own, or every one for administrators (by status)',
    tag: 'reporting',
    access: 'user',
    query: listExtractsInput,
    response: researchExtractList,
    handle: async (ctx, { query }) => ({
      items: (await listResearchExtracts(ctx, query)).map(presentExtract),
    }),
  }),
  defineOperation({
    operationId: 'requestResearchExtract',
    method: 'post',
    path: '/research-extracts',
    summary:
      'Ask for an anonymised extract (researchers): purpose, variable groups and how coarse the quasi-identifiers are; an administrator decides',
    tag: 'reporting',
    access: 'user',
    body: extractRequestInput,
    response: researchExtract,
    successStatus: 201,
    handle: async (ctx, { body }) => presentExtract(await requestResearchExtract(ctx, body)),
  }),
  defineOperation({
    operationId: 'decideResearchExtract',
    method: 'post',
    path: '/research-extracts/{id}/approval',
    summary:
      'Approve (and extract) or refuse with a reason (administrators). An extract with a class of fewer than 5 businesses is refused with the failing classes and a suggested generalisation',
    tag: 'reporting',
    access: 'user',
    body: extractDecisionInput,
    response: researchExtract,
    handle: async (ctx, { params, body }) =>
      presentExtract(await decideResearchExtract(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'downloadResearchExtract',
    method: 'get',
    path: '/research-extracts/{id}/download',
    summary:
      'The approved extract as a zip: data.csv, data.xlsx, dictionary.csv and README.txt (each download is logged)',
    tag: 'reporting',
    access: 'user',
    produces: 'application/zip',
    handle: async (ctx, { params }) => {
      const { filename, stream } = await downloadResearchExtract(ctx, params.id!);
      return { status: 200, file: stream, contentType: 'application/zip', filename };
    },
  }),
];
