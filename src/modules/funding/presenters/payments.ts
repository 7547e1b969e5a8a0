import { z } from 'zod';
import { instant, instantOrNull, presentPage } from '../../../platform/http/present.ts';
import { BATCH_STATUSES } from '../domain/batch-status.ts';
import { CLAIM_STATUSES } from '../domain/claim-status.ts';
import { EXCLUSION_REASONS } from '../domain/payment-batch.ts';
import type { buildPaymentBatch } from '../use-cases/build-payment-batch.ts';
import type { getBankAccount } from '../use-cases/get-bank-account.ts';
import type { getPaymentBatch } from '../use-cases/get-payment-batch.ts';
import type { listPaymentBatches } from '../use-cases/list-payment-batches.ts';
import type { listRecoveries } from '../use-cases/list-recoveries.ts';
import type { previewPaymentBatch } from '../use-cases/preview-payment-batch.ts';
import type { recordRegistryOverride } from '../use-cases/record-registry-override.ts';

const money = z.number().int();
const at = z.iso.datetime();

/** Bank details as every answer shows them: the account number masked (`•••789`), never in full. */
export const bankAccountAnswer = z.object({
  applicationId: z.uuid(),
  businessName: z.string(),
  account: z
    .object({
      holderName: z.string(),
      institution: z.string(),
      transit: z.string(),
      accountMasked: z.string(),
      verified: z.boolean(),
      verifiedAt: at.nullable(),
      updatedAt: at,
    })
    .nullable(),
});

export const presentBankAccount = (
  b: Awaited<ReturnType<typeof getBankAccount>>,
): z.input<typeof bankAccountAnswer> => ({
  ...b,
  account: b.account && {
    ...b.account,
    verifiedAt: instantOrNull(b.account.verifiedAt),
    updatedAt: instant(b.account.updatedAt),
  },
});

/** Finance's recorded decision to pay a business the registry blocks. */
export const registryOverride = z.object({
  applicationId: z.uuid(),
  neq: z.string().describe('The NEQ the override was recorded under (a change of NEQ voids it)'),
  reason: z.string(),
  recordedBy: z.uuid(),
  recordedAt: at,
});

export const presentRegistryOverride = (
  o: Awaited<ReturnType<typeof recordRegistryOverride>>,
): z.input<typeof registryOverride> => ({ ...o, recordedAt: instant(o.recordedAt) });

const batchLine = z.object({
  claimId: z.uuid(),
  claimNumber: z.number().int(),
  applicationId: z.uuid(),
  businessName: z.string(),
  amountCents: money,
});
const exclusion = batchLine.extend({ reason: z.enum(EXCLUSION_REASONS) });

export const batchPreview = z.object({
  programId: z.uuid(),
  limitCents: money.nullable(),
  totalCents: money,
  claims: z.array(batchLine),
  excluded: z.array(exclusion),
});

export const presentBatchPreview = (
  p: Awaited<ReturnType<typeof previewPaymentBatch>>,
): z.input<typeof batchPreview> => p;

export const paymentBatch = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  status: z.enum(BATCH_STATUSES),
  totalCents: money,
  claimCount: z.number().int(),
  createdBy: z.uuid(),
  createdAt: at,
  approvedBy: z.uuid().nullable(),
  approvedAt: at.nullable(),
  exportedAt: at.nullable(),
  paidBy: z.uuid().nullable(),
  paidAt: at.nullable(),
  bankReference: z.string().nullable(),
  claims: z.array(
    batchLine.extend({
      claimStatus: z.enum(CLAIM_STATUSES),
      holderName: z.string().nullable(),
      accountMasked: z.string().nullable(),
    }),
  ),
});

type Batch = Awaited<ReturnType<typeof getPaymentBatch>>;

export const presentPaymentBatch = (b: Batch): z.input<typeof paymentBatch> => ({
  ...b,
  createdAt: instant(b.createdAt),
  approvedAt: instantOrNull(b.approvedAt),
  exportedAt: instantOrNull(b.exportedAt),
  paidAt: instantOrNull(b.paidAt),
  claims: b.claims.map((c) => ({ ...c })),
});

export const builtBatch = paymentBatch.extend({ excluded: z.array(exclusion) });

export const presentBuiltBatch = (
  b: Awaited<ReturnType<typeof buildPaymentBatch>>,
): z.input<typeof builtBatch> => ({ ...presentPaymentBatch(b), excluded: b.excluded });

export const batchPage = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      programId: z.uuid(),
      status: z.enum(BATCH_STATUSES),
      totalCents: money,
      claimCount: z.number().int(),
      createdAt: at,
      paidAt: at.nullable(),
      bankReference: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const presentBatchPage = (
  page: Awaited<ReturnType<typeof listPaymentBatches>>,
): z.input<typeof batchPage> =>
  presentPage(page, (b) => ({ ...b, createdAt: instant(b.createdAt), paidAt: instantOrNull(b.paidAt) }));

export const recovery = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  agreementId: z.uuid().nullable(),
  envelopeId: z.uuid(),
  fiscalYear: z.string(),
  amountCents: money,
  repaidCents: money,
  outstandingCents: money,
  reason: z.string(),
  createdAt: at,
  repayments: z.array(
    z.object({
      id: z.uuid(),
      amountCents: money,
      receivedOn: z.iso.date(),
      reference: z.string(),
      createdAt: at,
    }),
  ),
});

type Recovery = Awaited<ReturnType<typeof listRecoveries>>['items'][number];

export const presentRecovery = (r: Recovery): z.input<typeof recovery> => ({
  ...r,
  createdAt: instant(r.createdAt),
  repayments: r.repayments.map((p) => ({ ...p, createdAt: instant(p.createdAt) })),
});

export const recoveryList = z.object({
  items: z.array(recovery),
  agreements: z.array(z.object({ id: z.uuid(), fiscalYear: z.string(), grantCents: money.nullable() })),
});

export const presentRecoveryList = (
  list: Awaited<ReturnType<typeof listRecoveries>>,
): z.input<typeof recoveryList> => ({
  items: list.items.map(presentRecovery),
  agreements: list.agreements.map((a) => ({ ...a })),
});
