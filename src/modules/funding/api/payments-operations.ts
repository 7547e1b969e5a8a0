import { type ApiOperation, defineOperation } from '../../../platform/http/api.ts';
import {
  bankAccountAnswer,
  batchPage,
  batchPreview,
  builtBatch,
  paymentBatch,
  presentBankAccount,
  presentBatchPage,
  presentBatchPreview,
  presentBuiltBatch,
  presentPaymentBatch,
  presentRecovery,
  presentRecoveryList,
  presentRegistryOverride,
  recovery,
  recoveryList,
  registryOverride,
} from '../presenters/payments.ts';
import { approvePaymentBatch } from '../use-cases/approve-payment-batch.ts';
import { batchInput, buildPaymentBatch } from '../use-cases/build-payment-batch.ts';
import { cancelPaymentBatch } from '../use-cases/cancel-payment-batch.ts';
import { createRecovery, recoveryInput } from '../use-cases/create-recovery.ts';
import { EXPORT_CONTENT_TYPES, exportInput, exportPaymentBatch } from '../use-cases/export-payment-batch.ts';
import { getBankAccount } from '../use-cases/get-bank-account.ts';
import { getPaymentBatch } from '../use-cases/get-payment-batch.ts';
import { listBatchesInput, listPaymentBatches } from '../use-cases/list-payment-batches.ts';
import { listRecoveries, listRecoveriesInput } from '../use-cases/list-recoveries.ts';
import { markPaidInput, markPaymentBatchPaid } from '../use-cases/mark-payment-batch-paid.ts';
import { previewPaymentBatch } from '../use-cases/preview-payment-batch.ts';
import { recordRegistryOverride, registryOverrideInput } from '../use-cases/record-registry-override.ts';
import { recordRepayment, repaymentInput } from '../use-cases/record-repayment.ts';
import { removeBatchClaim } from '../use-cases/remove-batch-claim.ts';
import { bankAccountInput, setBankAccount } from '../use-cases/set-bank-account.ts';
import { verifyBankAccount, verifyBankAccountInput } from '../use-cases/verify-bank-account.ts';

/** Bank details, payment batches and their files, recoveries (issue 9, payments). */
export const paymentOperations: ApiOperation[] = [
  defineOperation({
    operationId: 'getBankAccount',
    method: 'get',
    path: '/applications/{id}/bank-account',
    summary:
      'The business’s bank details, the account number masked (the retailer, finance); account null when none',
    tag: 'funding',
    access: 'user',
    response: bankAccountAnswer,
    handle: async (ctx, { params }) => presentBankAccount(await getBankAccount(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'setBankAccount',
    method: 'put',
    path: '/applications/{id}/bank-account',
    summary:
      'Enter or change the bank details (the retailer, with its password again); stored encrypted, verification cleared, an e-mail notice sent',
    tag: 'funding',
    access: 'user',
    body: bankAccountInput,
    response: bankAccountAnswer,
    handle: async (ctx, { params, body }) => presentBankAccount(await setBankAccount(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'verifyBankAccount',
    method: 'post',
    path: '/applications/{id}/bank-account/verification',
    summary:
      'Finance confirms the bank details (give the `updatedAt` seen: details changed since answer 409); only verified details are paid',
    tag: 'funding',
    access: 'user',
    body: verifyBankAccountInput,
    response: bankAccountAnswer,
    handle: async (ctx, { params, body }) =>
      presentBankAccount(await verifyBankAccount(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'recordRegistryOverride',
    method: 'post',
    path: '/applications/{id}/registry-override',
    summary:
      'Finance or an administrator decides, with a reason, to pay a business the registry shows struck off or bankrupt: batches include its claims again (audited; 409 when the registry does not block it)',
    tag: 'funding',
    access: 'user',
    body: registryOverrideInput,
    response: registryOverride,
    successStatus: 201,
    handle: async (ctx, { params, body }) =>
      presentRegistryOverride(await recordRegistryOverride(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'previewPaymentBatch',
    method: 'post',
    path: '/payment-batches/preview',
    summary:
      'What a batch built now would pay, and each approved claim it would leave out with the reason; nothing is written',
    tag: 'funding',
    access: 'user',
    body: batchInput,
    response: batchPreview,
    handle: async (ctx, { body }) => presentBatchPreview(await previewPaymentBatch(ctx, body)),
  }),
  defineOperation({
    operationId: 'buildPaymentBatch',
    method: 'post',
    path: '/payment-batches',
    summary:
      'Build a batch from the program’s claims approved for payment (verified bank details, within `limitCents` if given, oldest first); lists the claims left out with their reasons',
    tag: 'funding',
    access: 'user',
    body: batchInput,
    response: builtBatch,
    successStatus: 201,
    handle: async (ctx, { body }) => presentBuiltBatch(await buildPaymentBatch(ctx, body)),
  }),
  defineOperation({
    operationId: 'listPaymentBatches',
    method: 'get',
    path: '/payment-batches',
    summary: 'Payment batches, newest first, by program and status (cursor pagination)',
    tag: 'funding',
    access: 'user',
    query: listBatchesInput,
    response: batchPage,
    handle: async (ctx, { query }) => presentBatchPage(await listPaymentBatches(ctx, query)),
  }),
  defineOperation({
    operationId: 'getPaymentBatch',
    method: 'get',
    path: '/payment-batches/{id}',
    summary: 'A payment batch with its claims (accounts masked), total and history',
    tag: 'funding',
    access: 'user',
    response: paymentBatch,
    handle: async (ctx, { params }) => presentPaymentBatch(await getPaymentBatch(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'approvePaymentBatch',
    method: 'post',
    path: '/payment-batches/{id}/approval',
    summary: 'Approve a draft batch: a finance officer other than the one who built it (409 otherwise)',
    tag: 'funding',
    access: 'user',
    response: paymentBatch,
    handle: async (ctx, { params }) => presentPaymentBatch(await approvePaymentBatch(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'exportPaymentBatch',
    method: 'get',
    path: '/payment-batches/{id}/export',
    summary:
      'The batch’s file: `pain.001` (ISO 20022 credit transfers for the bank), `csv` or `xlsx` (accounting, accounts masked); the first export moves an approved batch to exported',
    tag: 'funding',
    access: 'user',
    query: exportInput,
    produces: EXPORT_CONTENT_TYPES,
    handle: async (ctx, { params, query }) => {
      const { body, contentType, filename } = await exportPaymentBatch(ctx, params.id!, query);
      return { status: 200, file: body, contentType, filename };
    },
  }),
  defineOperation({
    operationId: 'markPaymentBatchPaid',
    method: 'post',
    path: '/payment-batches/{id}/payment',
    summary:
      'Record that the bank paid an exported batch (its reference): claims paid, ledger payable → paid, each retailer told by e-mail',
    tag: 'funding',
    access: 'user',
    body: markPaidInput,
    response: paymentBatch,
    handle: async (ctx, { params, body }) =>
      presentPaymentBatch(await markPaymentBatchPaid(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'cancelPaymentBatch',
    method: 'post',
    path: '/payment-batches/{id}/cancellation',
    summary: 'Cancel a batch not yet exported: its claims go back to the queue, approved for payment',
    tag: 'funding',
    access: 'user',
    response: paymentBatch,
    handle: async (ctx, { params }) => presentPaymentBatch(await cancelPaymentBatch(ctx, params.id!)),
  }),
  defineOperation({
    operationId: 'removeBatchClaim',
    method: 'delete',
    path: '/payment-batches/{id}/claims/{claimId}',
    summary:
      'Take a claim out of a draft batch (back to the queue); the last one is not removed: cancel instead',
    tag: 'funding',
    access: 'user',
    response: paymentBatch,
    handle: async (ctx, { params }) =>
      presentPaymentBatch(await removeBatchClaim(ctx, params.id!, params.claimId!)),
  }),
  defineOperation({
    operationId: 'createRecovery',
    method: 'post',
    path: '/recoveries',
    summary:
      'A receivable against a business (finance): amount and reason, on the envelope and fiscal year of its agreement; never more than was paid there',
    tag: 'funding',
    access: 'user',
    body: recoveryInput,
    response: recovery,
    successStatus: 201,
    handle: async (ctx, { body }) => presentRecovery(await createRecovery(ctx, body)),
  }),
  defineOperation({
    operationId: 'recordRepayment',
    method: 'post',
    path: '/recoveries/{id}/repayments',
    summary: 'Money repaid against a recovery (amount, day received, reference): ledger paid → recovered',
    tag: 'funding',
    access: 'user',
    body: repaymentInput,
    response: recovery,
    successStatus: 201,
    handle: async (ctx, { params, body }) => presentRecovery(await recordRepayment(ctx, params.id!, body)),
  }),
  defineOperation({
    operationId: 'listRecoveries',
    method: 'get',
    path: '/recoveries',
    summary: 'A business’s recoveries with their repayments and what is still due',
    tag: 'funding',
    access: 'user',
    query: listRecoveriesInput,
    response: recoveryList,
    handle: async (ctx, { query }) => presentRecoveryList(await listRecoveries(ctx, query)),
  }),
];
