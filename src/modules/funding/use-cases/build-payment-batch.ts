import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { insertMany } from '../../../platform/db/bulk.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { blockedNeqs } from '../../registry/index.ts';
import { moveClaims, type PayableClaim, paymentApprovedClaims, registryOverridesOf } from '../db/payments.ts';
import { paymentBatchClaims, paymentBatches } from '../db/tables.ts';
import { centsSchema } from '../domain/money.ts';
import { batchSelection } from '../domain/payment-batch.ts';
import { batchView } from './get-payment-batch.ts';

export const batchInput = z.strictObject({
  programId: z.uuid({ error: 'funding:payments.errors.program' }),
  /** The most this batch may pay in total (the bank's or the treasury's limit per file); none when absent. */
  limitCents: centsSchema.optional(),
});

const line = (c: PayableClaim) => ({
  claimId: c.claimId,
  claimNumber: c.number,
  applicationId: c.applicationId,
  businessName: c.legalName ?? c.tradeName ?? '',
  amountCents: c.amountCents,
});

/** The program's approved claims split into what a batch would pay and what it leaves out, with why. */
export function selectionOf(
  rows: readonly PayableClaim[],
  limitCents: number | null,
  blocked: ReadonlySet<string> = new Set(),
) {
  const candidates = rows.map((c) => ({
    ...c,
    registryBlocked: blocked.has(c.applicationId),
    bankDetails: !c.encrypted
      ? ('missing' as const)
      : c.verified
        ? ('verified' as const)
        : ('unverified' as const),
  }));
  const { included, excluded, totalCents } = batchSelection(candidates, limitCents);
  return {
    included,
    excluded,
    totalCents,
    lines: included.map(line),
    exclusions: excluded.map((c) => ({ ...line(c), reason: c.reason })),
  };
}

/**
 * The approved claims' applications whose business the registry shows struck off or bankrupt, re-checked
 * before paying, unless finance recorded an override for that business (its NEQ of now).
 */
export async function blockedOf(db: Executor, rows: readonly PayableClaim[]): Promise<Set<string>> {
  const neqs = await blockedNeqs(db, [...new Set(rows.flatMap((r) => (r.neq ? [r.neq] : [])))]);
  const suspect = rows.filter((r) => r.neq !== null && neqs.has(r.neq));
  const overridden = await registryOverridesOf(
    db,
    suspect.map((r) => r.applicationId),
  );
  return new Set(
    suspect.filter((r) => overridden.get(r.applicationId) !== r.neq).map((r) => r.applicationId),
  );
}

export async function batchRequest(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'payment_batch.manage');
  const request = parseInput(batchInput, input, 'funding');
  await getProgram(ctx, request.programId);
  return request;
}

/**
 * Finance builds a payment batch from the program's claims approved for payment: those with verified
 * bank details, within the limit, oldest approval first. The claims are locked and move to
 * `in_batch` in the same transaction, so two officers building at once never put a claim in two
 * batches. The answer lists each claim left out with its reason; with nothing to pay, nothing is written.
 */
export async function buildPaymentBatch(ctx: Ctx, input: unknown) {
  const { programId, limitCents } = await batchRequest(ctx, input);
  const actor = signedInActor(ctx.actor);
  return transaction(ctx, async (tx) => {
    const approved = await paymentApprovedClaims(tx, programId, true);
    const selection = selectionOf(approved, limitCents ?? null, await blockedOf(tx, approved));
    if (selection.included.length === 0)
      throw new AppError('conflict', {
        key: 'funding:payments.errors.nothing_to_pay',
        extra: { excluded: selection.exclusions },
      });
    const id = newId();
    const now = ctx.now();
    const [batch] = await tx
      .insert(paymentBatches)
      .values({
        id,
        programId,
        totalCents: selection.totalCents,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await insertMany(
      tx,
      paymentBatchClaims,
      selection.included.map((c) => ({ batchId: id, claimId: c.claimId, amountCents: c.amountCents })),
    );
    await moveClaims(
      tx,
      selection.included.map((c) => c.claimId),
      'in_batch',
      now,
    );
    await appendAudit(tx, ctx, {
      action: 'payment_batch.built',
      entityType: 'payment_batch',
      entityId: id,
      changes: {
        programId,
        limitCents: limitCents ?? null,
        totalCents: selection.totalCents,
        claims: selection.included.length,
        excluded: selection.exclusions.map((e) => ({ claimId: e.claimId, reason: e.reason })),
      },
    });
    // The batch as `getPaymentBatch` shows it, without reading thousands of claims back: they all
    // moved at the same instant, so its order (last move, then id) is the ids' order.
    const claims = selection.included
      .map((c) => ({ ...c, status: 'in_batch' as const }))
      .sort((a, b) => (a.claimId < b.claimId ? -1 : 1));
    return { ...batchView(batch!, claims), excluded: selection.exclusions };
  });
}
