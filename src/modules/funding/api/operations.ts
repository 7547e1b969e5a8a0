import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import { budgetInput } from '../domain/budget.ts';
import {
  budget,
  ledgerPage,
  presentBudget,
  presentLedgerPage,
  presentYearEnd,
  yearEnd,
} from '../presenters/budget.ts';
import { closeFiscalYear, yearEndInput } from '../use-cases/close-fiscal-year.ts';
import { budgetQuery, getBudget } from '../use-cases/get-budget.ts';
import { listLedger, listLedgerInput } from '../use-cases/list-ledger.ts';
import { setBudget } from '../use-cases/set-budget.ts';

export const fundingOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'getBudget',
    method: 'get',
    path: '/programs/{id}/budget',
    summary:
      'The program’s budget per envelope and fiscal year: budget, committed, payable, paid, available, released, recovered (cents)',
    tag: 'funding',
    access: 'user',
    query: budgetQuery,
    response: budget,
    handle: async (ctx, { params, query }) => presentBudget(await getBudget(ctx, params.id!, query)),
  }),
  defineOperation({
    operationId: 'setBudget',
    method: 'put',
    path: '/programs/{id}/budget',
    summary:
      'Set the program’s envelopes (matched by key) and their budget per fiscal year (administrators); lowering a budget below what is engaged answers 409',
    tag: 'funding',
    access: 'user',
    body: budgetInput,
    response: budget,
    handle: async (ctx, { params, body }) => presentBudget(await setBudget(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'closeFiscalYear',
    method: 'post',
    path: '/programs/{id}/budget/year-end',
    summary:
      'Year end: release every open commitment of the fiscal year, carrying over those of the listed applications into the next year',
    tag: 'funding',
    access: 'user',
    body: yearEndInput,
    response: yearEnd,
    handle: async (ctx, { params, body }) => presentYearEnd(await closeFiscalYear(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'listLedger',
    method: 'get',
    path: '/ledger',
    summary: 'Ledger entries, newest first, by application, envelope and fiscal year (cursor pagination)',
    tag: 'funding',
    access: 'user',
    query: listLedgerInput,
    response: ledgerPage,
    handle: async (ctx, { query }) => presentLedgerPage(await listLedger(ctx, query)),
  }),
];
