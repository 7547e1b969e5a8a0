import { z } from 'zod';
import { instantOrNull } from '../../../platform/http/present.ts';
import { APPLICATION_STATUSES } from '../domain/status.ts';
import type { EligibilityAnswer } from '../use-cases/check-eligibility.ts';
import type { createPartnerOrganization } from '../use-cases/create-partner-organization.ts';
import type { getIntakeSummary } from '../use-cases/get-intake-summary.ts';
import type { overviewOf } from '../use-cases/get-program-overview.ts';
import type { listPartnerOrganizations } from '../use-cases/list-partner-organizations.ts';
import { criterionResult } from './applications.ts';

export const programOverview = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  targetRetailers: z.number().int(),
  acceptedRetailers: z.number().int(),
  placesRemaining: z.number().int(),
  waitlistLength: z.number().int(),
  full: z.boolean(),
  intakeOpen: z.boolean(),
  intakeOpensAt: z.iso.datetime().nullable(),
  intakeClosesAt: z.iso.datetime().nullable(),
  automatedDecisionNotice: z.string(),
  criteriaVersion: z.number().int(),
  criteria: z.array(z.object({ id: z.string(), label: z.string() })),
  consentTexts: z.array(
    z.object({ purpose: z.string(), version: z.number().int(), required: z.boolean(), text: z.string() }),
  ),
});

type Overview = Awaited<ReturnType<typeof overviewOf>>;

export const presentProgramOverview = (overview: Overview): z.input<typeof programOverview> => ({
  ...overview,
  intakeOpensAt: instantOrNull(overview.intakeOpensAt),
  intakeClosesAt: instantOrNull(overview.intakeClosesAt),
});

export const programList = z.object({ items: z.array(programOverview) });

export const presentPrograms = (overviews: Overview[]): z.input<typeof programList> => ({
  items: overviews.map(presentProgramOverview),
});

export const eligibilityAnswer = z.object({ eligible: z.boolean(), criteria: z.array(criterionResult) });

export const presentEligibilityAnswer = (answer: EligibilityAnswer): z.input<typeof eligibilityAnswer> =>
  answer;

export const criteriaVersion = z.object({ version: z.number().int() });

export const consentTextVersions = z.object({
  versions: z.record(z.string(), z.number().int()).describe('The new version of each purpose published'),
});

export const intakeSummary = z.object({
  programId: z.uuid(),
  targetRetailers: z.number().int(),
  counts: z.record(z.enum(APPLICATION_STATUSES), z.number().int()),
  placesRemaining: z.number().int(),
  reviewRequested: z.number().int().describe('Applications whose applicant asked a person to review'),
  nextOnWaitlist: z
    .object({ id: z.uuid(), name: z.string().nullable() })
    .nullable()
    .describe('Proposed when a place is free and someone waits'),
});

export const presentIntakeSummary = (
  summary: Awaited<ReturnType<typeof getIntakeSummary>>,
): z.input<typeof intakeSummary> => summary;

const partner = z.object({ id: z.uuid(), name: z.string(), referralCode: z.string() });

export const partnerList = z.object({
  items: z.array(
    partner.extend({ programId: z.uuid(), referrals: z.number().int().describe('Retailers referred') }),
  ),
});

export const presentPartners = (
  list: Awaited<ReturnType<typeof listPartnerOrganizations>>,
): z.input<typeof partnerList> => list;

export const createdPartner = partner;

export const presentCreatedPartner = (
  created: Awaited<ReturnType<typeof createPartnerOrganization>>,
): z.input<typeof createdPartner> => created;
