import type { Cents } from './money.ts';

/**
 * Why an approved claim stays out of a batch: no bank details, details not verified by finance, the
 * business struck off or bankrupt according to the business registry's current extract, or over the
 * batch's limit.
 */
export const EXCLUSION_REASONS = [
  'no_bank_account',
  'bank_account_unverified',
  'registry_status',
  'batch_limit',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** The files a batch exports to: the bank's pain.001, and CSV and XLSX for accounting. */
export const EXPORT_FORMATS = ['pain.001', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type BankDetailsState = 'verified' | 'unverified' | 'missing';

export type BatchCandidate = {
  claimId: string;
  amountCents: Cents;
  bankDetails: BankDetailsState;
  /** The registry shows the business struck off or bankrupt: it is not paid (issue 13). */
  registryBlocked?: boolean;
};

/**
 * Which approved claims a batch pays, oldest approval first (the caller's order). A claim needs
 * verified bank details. With a limit (the most the bank file may carry), claims join in order until
 * the next one would pass it; from there every later claim waits for the next batch too, so a large
 * old claim is never overtaken by smaller new ones.
 */
export function batchSelection<C extends BatchCandidate>(
  candidates: readonly C[],
  limitCents: Cents | null,
): { included: C[]; excluded: (C & { reason: ExclusionReason })[]; totalCents: Cents } {
  const included: C[] = [];
  const excluded: (C & { reason: ExclusionReason })[] = [];
  let totalCents = 0;
  let full = false;
  for (const candidate of candidates) {
    if (candidate.registryBlocked) {
      excluded.push({ ...candidate, reason: 'registry_status' });
      continue;
    }
    if (candidate.bankDetails !== 'verified') {
      excluded.push({
        ...candidate,
        reason: candidate.bankDetails === 'missing' ? 'no_bank_account' : 'bank_account_unverified',
      });
      continue;
    }
    full ||= limitCents !== null && totalCents + candidate.amountCents > limitCents;
    if (full) {
      excluded.push({ ...candidate, reason: 'batch_limit' });
      continue;
    }
    included.push(candidate);
    totalCents += candidate.amountCents;
  }
  return { included, excluded, totalCents };
}
