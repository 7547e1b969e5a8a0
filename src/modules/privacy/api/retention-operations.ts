import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import {
  accountDeletion,
  fileReadList,
  legalHold,
  legalHoldList,
  presentDeletion,
  presentHold,
  presentRead,
  presentRule,
  presentRun,
  retentionRule,
  retentionRun,
  retentionRunList,
  retentionSchedule,
} from '../presenters/retention.ts';
import { deleteAccount, deletionInput } from '../use-cases/delete-account.ts';
import { getRetentionRun } from '../use-cases/get-retention-run.ts';
import { getRetentionSchedule } from '../use-cases/get-retention-schedule.ts';
import { listFileReads } from '../use-cases/list-file-reads.ts';
import { listLegalHolds } from '../use-cases/list-legal-holds.ts';
import { listRetentionRuns } from '../use-cases/list-retention-runs.ts';
import { holdInput, liftLegalHold, placeLegalHold } from '../use-cases/set-legal-hold.ts';
import { periodInput, setRetentionPeriod } from '../use-cases/set-retention-period.ts';
import { startRetentionRun, startRunInput } from '../use-cases/start-retention-run.ts';

/** The privacy officer's retention schedule, its runs, legal holds, who read what, account deletion. */
export const retentionOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'getRetentionSchedule',
    method: 'get',
    path: '/privacy/retention-schedule',
    summary: 'The retention schedule in force: per kind of record, its period, trigger and action',
    tag: 'privacy',
    access: 'user',
    response: retentionSchedule,
    handle: async (ctx) => ({ items: (await getRetentionSchedule(ctx)).map(presentRule) }),
  }),
  defineOperation({
    operationId: 'setRetentionPeriod',
    method: 'put',
    path: '/privacy/retention-schedule/{kind}',
    summary:
      'Change how many months a kind of record is kept after its trigger (the privacy officer; audited)',
    tag: 'privacy',
    access: 'user',
    body: periodInput,
    response: retentionRule,
    handle: async (ctx, { params, body }) => presentRule(await setRetentionPeriod(ctx, params.kind!, body)),
  }),
  defineOperation({
    operationId: 'listRetentionRuns',
    method: 'get',
    path: '/privacy/retention-runs',
    summary: 'The destruction log: retention runs, newest first, with their counts per kind (never content)',
    tag: 'privacy',
    access: 'user',
    response: retentionRunList,
    handle: async (ctx) => ({ items: (await listRetentionRuns(ctx)).map(presentRun) }),
  }),
  defineOperation({
    operationId: 'startRetentionRun',
    method: 'post',
    path: '/privacy/retention-runs',
    summary: 'Start a retention run, dry (counts only) or real; it runs in the background',
    tag: 'privacy',
    access: 'user',
    body: startRunInput,
    response: retentionRun,
    successStatus: 202,
    handle: async (ctx, { body }) => presentRun(await startRetentionRun(ctx, body)),
  }),
  defineOperation({
    operationId: 'getRetentionRun',
    method: 'get',
    path: '/privacy/retention-runs/{id}',
    summary: 'A retention run, its status and its counts per kind of record',
    tag: 'privacy',
    access: 'user',
    response: retentionRun,
    handle: async (ctx, { params }) => presentRun(await getRetentionRun(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'listLegalHolds',
    method: 'get',
    path: '/privacy/legal-holds',
    summary: 'The files under a legal hold, which the retention job leaves as they are',
    tag: 'privacy',
    access: 'user',
    response: legalHoldList,
    handle: async (ctx) => ({ items: (await listLegalHolds(ctx)).map(presentHold) }),
  }),
  defineOperation({
    operationId: 'placeLegalHold',
    method: 'put',
    path: '/privacy/legal-holds/{applicationId}',
    summary: 'Place (or restate) a legal hold on a file, with its reason',
    tag: 'privacy',
    access: 'user',
    body: holdInput,
    response: legalHold,
    handle: async (ctx, { params, body }) =>
      presentHold(await placeLegalHold(ctx, params.applicationId!, body)),
  }),
  defineOperation({
    operationId: 'liftLegalHold',
    method: 'delete',
    path: '/privacy/legal-holds/{applicationId}',
    summary: 'Lift a file’s legal hold: its retention resumes at the next run',
    tag: 'privacy',
    access: 'user',
    successStatus: 204,
    handle: async (ctx, { params }) => {
      await liftLegalHold(ctx, params.applicationId!);
    },
  }),
  defineOperation({
    operationId: 'listPersonFileReads',
    method: 'get',
    path: '/privacy/people/{userId}/file-reads',
    summary: 'Who on the staff read which part of a person’s file, and when (the privacy officer)',
    tag: 'privacy',
    access: 'user',
    response: fileReadList,
    handle: async (ctx, { params }) => ({
      items: (await listFileReads(ctx, params.userId!)).map(presentRead),
    }),
  }),
  defineOperation({
    operationId: 'listMyFileReads',
    method: 'get',
    path: '/me/file-reads',
    summary: 'Who on the staff read which part of my file, and when',
    tag: 'privacy',
    access: 'user',
    response: fileReadList,
    handle: async (ctx) => {
      const userId = ctx.actor.kind === 'user' ? ctx.actor.id : '';
      return { items: (await listFileReads(ctx, userId)).map(presentRead) };
    },
  }),
  defineOperation({
    operationId: 'deleteAccount',
    method: 'post',
    path: '/privacy/accounts/{userId}/deletion',
    summary:
      'Delete an account at the person’s request (the privacy officer confirms): refused while a file is in progress; identifiers removed in one transaction, agreements and payments kept under retention',
    tag: 'privacy',
    access: 'user',
    body: deletionInput,
    response: accountDeletion,
    handle: async (ctx, { params, body }) => presentDeletion(await deleteAccount(ctx, params.userId!, body)),
  }),
];
