import { eq } from 'drizzle-orm';
import { fiscalYearLabel } from '../../../kernel/fiscal-year.ts';
import { formatDate } from '../../../kernel/format.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { getProgram } from '../../programs/index.ts';
import {
  type AgreementLineRow,
  type AgreementRow,
  aidRulesVersionOf,
  amendmentsOf,
  claimTotalsOf,
  linesOf,
  otherGrantsOf,
} from '../db/agreements.ts';
import { envelopeName } from '../db/append-entries.ts';
import { fundingEnvelopes } from '../db/tables.ts';
import { programOpenForOffers } from '../domain/agreements.ts';
import type { AidRules } from '../domain/aid-rules.ts';
import { grantArithmetic, grantOf } from '../domain/grant.ts';
import type { AgreementFile } from './load-agreement.ts';

/** The grant of these lines under these rules, the cap counting what the business already has from the envelope. */
export async function grantFor(
  db: Executor,
  agreement: AgreementRow,
  rules: AidRules,
  lines: readonly Pick<AgreementLineRow, 'id' | 'category' | 'amountCents'>[],
  otherPublicAidCents = agreement.otherPublicAidCents,
) {
  return grantOf({
    rules,
    lines,
    otherPublicAidCents,
    previousGrantsCents: await otherGrantsOf(db, agreement),
  });
}

/** Whether the retailer may still accept: offered, before the deadline (Montréal day), the program still open. */
export function acceptable(agreement: AgreementRow, program: { intakeClosesAt: Date | null }, now: Date) {
  return (
    agreement.status === 'offered' &&
    agreement.acceptBy !== null &&
    formatDate(now) <= agreement.acceptBy &&
    programOpenForOffers(program, now)
  );
}

/**
 * An agreement as the API, the pages and the letter show it: its lines, the grant with its arithmetic
 * in the reader's words, the rules version's conditions, what was claimed and paid, its amendments.
 */
export async function agreementView(ctx: Ctx, agreement: AgreementRow, file: AgreementFile) {
  const program = await getProgram(ctx, agreement.programId);
  const rulesVersion = await aidRulesVersionOf(ctx.db, agreement.rulesVersionId);
  const lines = await linesOf(ctx.db, agreement.id);
  const [envelope] = await ctx.db
    .select()
    .from(fundingEnvelopes)
    .where(eq(fundingEnvelopes.id, agreement.envelopeId));
  const grant = await grantFor(ctx.db, agreement, rulesVersion.rules, lines);
  // Once offered, the grant is the one frozen then; the arithmetic is shown as it was computed.
  const grantCents = agreement.status === 'draft' ? grant.amountCents : (agreement.grantCents ?? 0);
  const claims = await claimTotalsOf(ctx.db, agreement.id);
  return {
    id: agreement.id,
    programId: agreement.programId,
    programName: ctx.locale === 'fr' ? program.nameFr : program.nameEn,
    applicationId: agreement.applicationId,
    businessName: file.tradeName || file.legalName || '',
    applicantId: file.applicantId,
    envelopeId: agreement.envelopeId,
    envelopeName: envelope ? envelopeName(ctx, envelope) : '',
    fiscalYear: fiscalYearLabel(agreement.fiscalYear),
    status: agreement.status,
    version: agreement.version,
    rulesVersion: rulesVersion.version,
    rules: rulesVersion.rules,
    lines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      category: l.category,
      description: l.description,
      amountCents: l.amountCents,
      plannedSupplier: l.plannedSupplier,
      quotation: l.quotation,
    })),
    otherPublicAidCents: agreement.otherPublicAidCents,
    gstRegistered: agreement.gstRegistered,
    qstRegistered: agreement.qstRegistered,
    grantCents,
    eligibleCents: agreement.status === 'draft' ? grant.eligibleCents : (agreement.eligibleCents ?? 0),
    arithmetic: grantArithmetic(grant.steps, (key, values) => ctx.t(key, values ?? {}), ctx.locale),
    acceptBy: agreement.acceptBy,
    offeredAt: agreement.offeredAt,
    acceptedAt: agreement.acceptedAt,
    acceptedName: agreement.acceptedName,
    declinedAt: agreement.declinedAt,
    endReason: agreement.endReason,
    closedAt: agreement.closedAt,
    canAccept: acceptable(agreement, program, ctx.now()),
    ...claims,
    leftCents: Math.max(0, grantCents - claims.claimedCents),
    amendments: (await amendmentsOf(ctx.db, agreement.id)).map((a) => ({
      id: a.id,
      reason: a.reason,
      lines: a.proposedLines,
      requestedAt: a.requestedAt,
      decision: a.decision,
      decisionReason: a.decisionReason,
      decidedAt: a.decidedAt,
    })),
  };
}

export type AgreementView = Awaited<ReturnType<typeof agreementView>>;
