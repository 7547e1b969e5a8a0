import type { AidRules } from './aid-rules.ts';

/**
 * The rules a new program starts with, modelled on the federal micro-grant Virage's position matches
 * (90 % of eligible costs, at most 2 400 $ per business), Québec's net non-recoverable taxes, and a
 * second finance approver above 5 000 $. Administrators change them; dates are an example year.
 */
export const DEFAULT_AID_RULES: AidRules = {
  kind: 'percentage',
  rateBasisPoints: 9000,
  capPerBusinessCents: 240_000,
  stackingLimitBasisPoints: 10_000,
  eligibleCategories: [
    'digital_advisor',
    'ecommerce_platform',
    'website',
    'software_subscription',
    'online_marketing',
    'training',
  ],
  ineligibleCategories: ['hardware', 'connectivity', 'shipping'],
  costsFrom: 'acceptance',
  projectWindow: { startsOn: '2027-04-01', endsOn: '2028-03-31' },
  claimDeadline: '2028-05-31',
  minimumUseDays: 30,
  taxPolicy: 'non_recoverable',
  approvalLevels: [{ aboveCents: 500_000, financeApprovers: 2 }],
};
