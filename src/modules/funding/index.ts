// What other modules and the next layers of funding (use cases, pages, API) use from its domain.
// The domain is pure; the payment files are the only part that imports a library (write-excel-file).

export {
  type FiscalYear,
  fiscalYearBounds,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearOfDay,
  parseFiscalYear,
} from '../../kernel/fiscal-year.ts';
// For the abuse signals' first run: the bank accounts entered before them get their matching key.
export { fillBankMatchKeys } from './db/bank-match-keys.ts';
// Its part of a person's copy of their data (the privacy module assembles every module's).
export { fundingPersonalData } from './db/personal-data.ts';
// Read models of the program's reports (the reporting module).
export { AID_FIGURES, type AidFigure, aidPerBusiness } from './db/reporting.ts';
// The retention run's writes (the privacy module finds what is due).
export { destroyBankAccounts, destroyClaimAttachments, heldFileHashes } from './db/retention.ts';
export {
  AGREEMENT_STATUSES,
  type AgreementStatus,
  COMMITTING_STATUSES,
  canMoveAgreement,
  needsAmendment,
} from './domain/agreement-status.ts';
export { type AidKind, type AidRules, aidRulesSchema, financeApproversFor } from './domain/aid-rules.ts';
export { type BankAccount, bankAccountSchema, maskedAccount } from './domain/bank-account.ts';
export { BATCH_STATUSES, type BatchStatus, canMoveBatch } from './domain/batch-status.ts';
export {
  CLAIM_STATUSES,
  type ClaimStatus,
  canMoveClaim,
  EDITABLE_CLAIM_STATUSES,
} from './domain/claim-status.ts';
export {
  type AgreementTerms,
  claimRefusals,
  type Duplicate,
  duplicatesOf,
  type InvoiceLine,
  invoiceEligibleCents,
  invoiceLineSchema,
  invoiceMatchKey,
  type KnownFile,
  type KnownInvoice,
  unusualTaxes,
} from './domain/claims.ts';
export { COST_CATEGORIES, type CostCategory } from './domain/cost-categories.ts';
export { DEFAULT_AID_RULES } from './domain/default-aid-rules.ts';
export {
  type BudgetLine,
  claimableAmount,
  type Grant,
  type GrantStep,
  grantArithmetic,
  grantOf,
  isEligibleCategory,
} from './domain/grant.ts';
export {
  ACCOUNTS,
  type Account,
  type BalanceRow,
  type Balances,
  balancesOf,
  checkBudgetChange,
  checkCommitment,
  checkEntries,
  checkEntry,
  ENGAGED_ACCOUNTS,
  type EntryCause,
  type EntryKind,
  entryOf,
  type LedgerEntry,
  type Limits,
  type Move,
  type Position,
  reversalOf,
  type Totals,
  totalsOf,
  withEntries,
  yearEndEntries,
} from './domain/ledger.ts';
export { type BasisPoints, type Cents, cents, centsSchema, decimalAmount, sumCents } from './domain/money.ts';
export { type Refusal, refusalMessage, type Verdict } from './domain/refusal.ts';
export {
  type Approval,
  checkApproval,
  checkBatchApproval,
  REVIEW_STEPS,
  type ReviewStep,
  requiredSteps,
} from './domain/separation-of-duties.ts';
export {
  DEFAULT_TAX_POLICY,
  eligibleAmount,
  TAX_POLICIES,
  type TaxPolicy,
  type TaxRegistration,
  taxesOf,
} from './domain/taxes.ts';
export { BATCH_CSV_COLUMNS, batchCsv } from './payments/batch-csv.ts';
export { type CreditTransfer, type CreditTransferBatch, pain001Xml } from './payments/pain001.ts';
// The agreement's and the claim's steps other modules drive (the demo's story of the program).
export { acceptAgreement } from './use-cases/accept-agreement.ts';
export { addClaimAttachment } from './use-cases/add-claim-attachment.ts';
// Payments: bank details, batches, recoveries.
export { approvePaymentBatch } from './use-cases/approve-payment-batch.ts';
export { buildPaymentBatch } from './use-cases/build-payment-batch.ts';
export { cancelPaymentBatch } from './use-cases/cancel-payment-batch.ts';
// Use cases.
export { closeFiscalYear } from './use-cases/close-fiscal-year.ts';
// Helpers that run inside another module's transaction (its own authorization covers them).
export { commitCoachingHours } from './use-cases/commit-coaching-hours.ts';
export { commitFunds, type FundsInput } from './use-cases/commit-funds.ts';
export { createClaim } from './use-cases/create-claim.ts';
export { createRecovery } from './use-cases/create-recovery.ts';
export { exportPaymentBatch } from './use-cases/export-payment-batch.ts';
export { getBankAccount } from './use-cases/get-bank-account.ts';
export { getBudget } from './use-cases/get-budget.ts';
export { getClaim } from './use-cases/get-claim.ts';
export { getPaymentBatch } from './use-cases/get-payment-batch.ts';
export { listAgreements } from './use-cases/list-agreements.ts';
export { listClaims } from './use-cases/list-claims.ts';
export { listLedger } from './use-cases/list-ledger.ts';
export { listPaymentBatches } from './use-cases/list-payment-batches.ts';
export { listRecoveries } from './use-cases/list-recoveries.ts';
export { markPaymentBatchPaid } from './use-cases/mark-payment-batch-paid.ts';
export { offerAgreement } from './use-cases/offer-agreement.ts';
export { prepareAgreement } from './use-cases/prepare-agreement.ts';
export { previewPaymentBatch } from './use-cases/preview-payment-batch.ts';
export { recordRepayment } from './use-cases/record-repayment.ts';
export { releaseFunds } from './use-cases/release-funds.ts';
export { removeBatchClaim } from './use-cases/remove-batch-claim.ts';
export { reviewClaim } from './use-cases/review-claim.ts';
export { setAidRules } from './use-cases/set-aid-rules.ts';
export { setBankAccount } from './use-cases/set-bank-account.ts';
export { setBudget } from './use-cases/set-budget.ts';
// Runs in the transaction of the change that closes a program's intake (wiring's reactions).
export { withdrawOffersOfProgram } from './use-cases/settle-offers.ts';
export { submitClaim } from './use-cases/submit-claim.ts';
export { updateClaim } from './use-cases/update-claim.ts';
export { verifyBankAccount } from './use-cases/verify-bank-account.ts';
