import type { PersonalDataSource } from '../../../platform/personal-data.ts';
import {
  agreementAmendments,
  agreementLines,
  agreements,
  bankAccounts,
  claimAttachments,
  claimInvoices,
  claims,
  ledgerEntries,
  recoveries,
  registryPaymentOverrides,
} from './tables.ts';

const ofAgreement = { id: agreements.id, key: agreements.applicationId };
const ofClaim = { id: claims.id, key: claims.applicationId };

/** Funding's part of a business's copy: agreements, claims with their invoices and receipts' metadata, money. */
export const fundingPersonalData: PersonalDataSource[] = [
  {
    table: agreements,
    name: 'funding_agreements',
    keys: [{ column: agreements.applicationId, of: 'application' }],
  },
  {
    table: agreementLines,
    name: 'agreement_lines',
    keys: [{ column: agreementLines.agreementId, of: 'application', through: ofAgreement }],
  },
  {
    table: agreementAmendments,
    name: 'agreement_amendments',
    keys: [{ column: agreementAmendments.agreementId, of: 'application', through: ofAgreement }],
  },
  { table: claims, name: 'funding_claims', keys: [{ column: claims.applicationId, of: 'application' }] },
  {
    table: claimInvoices,
    name: 'claim_invoices',
    keys: [{ column: claimInvoices.claimId, of: 'application', through: ofClaim }],
  },
  {
    table: claimAttachments,
    name: 'claim_attachments',
    keys: [{ column: claimAttachments.claimId, of: 'application', through: ofClaim }],
  },
  {
    table: bankAccounts,
    name: 'bank_accounts',
    keys: [{ column: bankAccounts.applicationId, of: 'application' }],
    withheld: {
      encrypted: 'bank_account',
      match_key: 'derived',
    },
  },
  {
    table: registryPaymentOverrides,
    name: 'registry_payment_overrides',
    keys: [{ column: registryPaymentOverrides.applicationId, of: 'application' }],
  },
  {
    table: ledgerEntries,
    name: 'ledger_entries',
    keys: [{ column: ledgerEntries.applicationId, of: 'application' }],
  },
  {
    table: recoveries,
    name: 'funding_recoveries',
    keys: [{ column: recoveries.applicationId, of: 'application' }],
  },
];
