import { desc, eq } from 'drizzle-orm';
import { appendEntries } from '../../src/modules/funding/db/append-entries.ts';
import { sealBankAccount } from '../../src/modules/funding/db/bank-details-cipher.ts';
import {
  agreementLines,
  agreements,
  aidRulesVersions,
  bankAccounts,
  claims,
} from '../../src/modules/funding/db/tables.ts';
import { DEFAULT_AID_RULES } from '../../src/modules/funding/domain/default-aid-rules.ts';
import { entryOf } from '../../src/modules/funding/domain/ledger.ts';
import { commitFunds } from '../../src/modules/funding/index.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { newId } from '../../src/platform/ids.ts';

/** The program's latest aid rules version, made (without a cap per business) when it has none. */
async function rulesVersionForPayments(ctx: Ctx, programId: string): Promise<string> {
  const [latest] = await ctx.db
    .select({ id: aidRulesVersions.id })
    .from(aidRulesVersions)
    .where(eq(aidRulesVersions.programId, programId))
    .orderBy(desc(aidRulesVersions.version))
    .limit(1);
  if (latest) return latest.id;
  const id = newId();
  await ctx.db
    .insert(aidRulesVersions)
    .values({ id, programId, version: 1, rules: { ...DEFAULT_AID_RULES, capPerBusinessCents: null } });
  return id;
}

/**
 * A claim approved for payment, as the agreements and claims work will leave it: an accepted agreement
 * with one line (its money committed), a claim in `payment_approved` with its amount payable in the
 * ledger. Written straight to the tables until those use cases exist.
 */
export async function insertPaymentApprovedClaim(
  ctx: Ctx,
  input: {
    programId: string;
    envelopeId: string;
    fiscalYear: number;
    applicationId: string;
    amountCents: number;
    authorId: string;
  },
): Promise<{ agreementId: string; claimId: string }> {
  const rulesVersionId = await rulesVersionForPayments(ctx, input.programId);
  const agreementId = newId();
  const claimId = newId();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(agreements).values({
      id: agreementId,
      programId: input.programId,
      applicationId: input.applicationId,
      envelopeId: input.envelopeId,
      fiscalYear: input.fiscalYear,
      rulesVersionId,
      status: 'accepted',
      grantCents: input.amountCents,
      eligibleCents: input.amountCents,
      acceptedAt: now,
    });
    const lineId = newId();
    await tx.insert(agreementLines).values({
      id: lineId,
      agreementId,
      position: 0,
      category: 'website',
      description: 'Site transactionnel',
      amountCents: input.amountCents,
    });
    await commitFunds(tx, ctx, {
      envelopeId: input.envelopeId,
      fiscalYear: input.fiscalYear,
      applicationId: input.applicationId,
      amountCents: input.amountCents,
      reason: 'agreement accepted',
      source: `agreement:${agreementId}`,
    });
    await tx.insert(claims).values({
      id: claimId,
      agreementId,
      applicationId: input.applicationId,
      number: 1,
      status: 'payment_approved',
      eligibleCents: input.amountCents,
      claimableCents: input.amountCents,
      createdBy: input.authorId,
      submittedAt: now,
      // The test clock's time, like every later move of the claim, so the queue's order is theirs.
      createdAt: now,
      updatedAt: now,
    });
    await appendEntries(
      tx,
      ctx,
      [
        entryOf('approve', {
          id: newId(),
          envelopeId: input.envelopeId,
          fiscalYear: input.fiscalYear,
          businessId: input.applicationId,
          amountCents: input.amountCents,
          cause: 'claim',
        }),
      ],
      { reason: 'claim approved', source: `claim:${claimId}` },
    );
  });
  return { agreementId, claimId };
}

/** Bank details as the retailer's form leaves them (encrypted), verified by finance when `verifiedBy` is given. */
export async function insertBankAccountForPayments(
  ctx: Ctx,
  input: { applicationId: string; updatedBy: string; verifiedBy?: string; account?: string },
) {
  const account = { institution: '815', transit: '30000', account: input.account ?? '123456789' };
  await ctx.db.insert(bankAccounts).values({
    applicationId: input.applicationId,
    holderName: 'Boutique Zoé inc.',
    encrypted: sealBankAccount(ctx, input.applicationId, account),
    accountLastDigits: account.account.slice(-3),
    updatedBy: input.updatedBy,
    verifiedBy: input.verifiedBy ?? null,
    verifiedAt: input.verifiedBy ? ctx.now() : null,
  });
}
