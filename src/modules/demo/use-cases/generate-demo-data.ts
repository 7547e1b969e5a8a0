import { z } from 'zod';
import type { Role } from '../../../kernel/roles.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { ensureDiagnosticDefaults, getCurrentQuestionnaire } from '../../diagnostic/index.ts';
import { APPLICATION_STATUSES, type ApplicationStatus, ensureIntakeDefaults } from '../../intake/index.ts';
import { defaultProgram, ensureDefaultProgram } from '../../programs/index.ts';
import { DEMO_PAYMENT_APPROVER_EMAIL } from '../generators/accounts.ts';
import { DEMO_RETAILER_BUSINESS, type DemoBusiness, generateBusinesses } from '../generators/businesses.ts';
import { demoExperts, expertCapacity } from '../generators/experts.ts';
import { DEMO_RETAILER_JOURNEY, intakeJourneys, PROGRAM_AGE_DAYS } from '../generators/intake-journeys.ts';
import { daysAgo } from '../generators/moments.ts';
import {
  createDemoAccounts,
  createExpertAccounts,
  createRetailerAccounts,
  type DemoSignIn,
} from '../steps/accounts.ts';
import { actingAs, type Person } from '../steps/acting-as.ts';
import { type CoachingTally, type FileInCoaching, runCoaching } from '../steps/coaching.ts';
import { takeEntryDiagnostics } from '../steps/diagnostics.ts';
import { type EngagementTally, runEngagement } from '../steps/engagement.ts';
import { assignExperts, staffExperts } from '../steps/experts.ts';
import { type FundingTally, runFunding, setUpFunding } from '../steps/funding.ts';
import { type Applicant, runIntake } from '../steps/intake.ts';

export const generateDemoDataInput = z.strictObject({
  retailers: z.number().int().min(0).max(300_000),
  seed: z.number().int().min(0),
  /** Only the accounts, without the program's story (applications, diagnostics, coaching). */
  accountsOnly: z.boolean().default(false),
});

export type DemoSummary = {
  applications: Record<ApplicationStatus, number>;
  reviewRequested: number;
  entryDiagnostics: {
    completed: number;
    inProgress: number;
    lowest: number;
    median: number;
    highest: number;
  };
  experts: { count: number; capacity: number; filesAssigned: number; acceptedAwaitingExpert: number };
  coaching: CoachingTally;
  funding: FundingTally;
  engagement: EngagementTally;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Fills an empty database with a deterministic demo: one account per role (staff with their second
 * factor already set up), `retailers` realistic Québec retailers and, unless `accountsOnly`, a living
 * program built the way people build it — every step goes through the use case the interface calls,
 * acting as the person who does it, at the moment it happened over the past weeks (so every rule
 * applies: eligibility, the program's target, experts' capacity, no overlapping sessions…). The same
 * seed tells the same story; only ids and the dates, relative to now, differ.
 */
export async function generateDemoData(
  ctx: Ctx,
  input: unknown,
): Promise<{ signIns: DemoSignIn[]; retailers: number; summary: DemoSummary | null }> {
  authorize(ctx.actor, 'demo.generate');
  const { retailers, seed, accountsOnly } = parseInput(generateDemoDataInput, input);
  const { signIns, people, others } = await createDemoAccounts(ctx);
  const businesses = generateBusinesses(retailers, seed);
  const retailerAccounts = await createRetailerAccounts(ctx, businesses);
  if (accountsOnly) return { signIns, retailers: businesses.length, summary: null };
  const approver = others.find((p) => p.email === DEMO_PAYMENT_APPROVER_EMAIL)!;
  const summary = await simulateProgram(ctx, { seed, businesses, retailerAccounts, people, approver });
  return { signIns, retailers: businesses.length, summary };
}

async function simulateProgram(
  ctx: Ctx,
  options: {
    seed: number;
    businesses: DemoBusiness[];
    retailerAccounts: Person[];
    people: Map<Role, Person>;
    approver: Person;
  },
): Promise<DemoSummary> {
  const { seed, people } = options;
  const now = ctx.now();
  const launchAt = daysAgo(now, PROGRAM_AGE_DAYS);
  const coordinator = people.get('coordinator')!;
  // The program with its intake and diagnostic settings, as the first start-up creates them (the command
  // line may run before any start-up).
  await ensureDefaultProgram(ctx);
  const programId = (await defaultProgram(ctx)).id;
  await ensureIntakeDefaults(ctx, programId);
  await ensureDiagnosticDefaults(ctx, programId);
  // The program's budget and aid rules from its launch: coaching hours draw on them.
  const envelopeId = await setUpFunding(ctx, {
    admin: people.get('admin')!,
    programId,
    launchAt,
    now,
    retailers: options.businesses.length,
  });

  // Intake: the demo retailer first, then the generated businesses.
  const journeys = intakeJourneys(options.businesses, seed);
  const applicants: (Applicant & { key: string })[] = [
    {
      key: 'demo',
      person: people.get('retailer')!,
      business: DEMO_RETAILER_BUSINESS,
      journey: DEMO_RETAILER_JOURNEY,
    },
    ...options.businesses.map((business, i) => ({
      key: String(i),
      person: options.retailerAccounts[i]!,
      business,
      journey: journeys[i]!,
    })),
  ];
  const intake = await runIntake(ctx, {
    now,
    launchAt,
    programId,
    coordinator,
    partner: people.get('partner')!,
    applicants,
  });
  const accepted = applicants
    .map((applicant, i) => ({ ...applicant, ...intake[i]! }))
    .filter((a) => a.status === 'accepted');

  // Entry diagnostics, by the retailers, after their acceptance.
  const questionnaire = await getCurrentQuestionnaire(actingAs(ctx, coordinator), { programId });
  const entry = await takeEntryDiagnostics(ctx, { now, seed, questionnaire, accepted });

  // The experts, then the assignment of the accepted businesses.
  const profiles = demoExperts(seed);
  const generatedExperts = await createExpertAccounts(ctx, profiles);
  const capacity = expertCapacity(accepted.length, profiles.length);
  const experts = await staffExperts(ctx, {
    launchAt,
    programId,
    coordinator,
    experts: profiles.map((profile) => ({
      profile,
      person: profile.account
        ? generatedExperts.find((p) => p.email === profile.account!.email)!
        : people.get('expert')!,
    })),
    capacity,
  });
  const demoExpert = experts.find((e) => !e.profile.account)!;
  const assigned = await assignExperts(ctx, {
    now,
    programId,
    coordinator,
    demoExpertId: demoExpert.id,
    files: accepted.map((a) => {
      // Two days after the acceptance, or half a day after the entry diagnostic when it came later.
      const completedAt = entry.get(a.key)?.completedAt;
      const acceptedAt = a.decidedAt!.getTime() + 2 * DAY;
      return {
        applicationId: a.applicationId!,
        readyAt: new Date(completedAt ? Math.max(acceptedAt, completedAt.getTime() + 12 * HOUR) : acceptedAt),
        language: a.person.locale,
        demoRetailer: a.key === 'demo',
      };
    }),
  });

  // Coaching of the assigned files.
  const files: FileInCoaching[] = accepted.flatMap((a) => {
    const assignment = assigned.get(a.applicationId!);
    if (!assignment) return [];
    const expertIndex = experts.findIndex((e) => e.id === assignment.expertId);
    const expert = experts[expertIndex]!;
    return [
      {
        key: a.key,
        applicationId: a.applicationId!,
        retailer: a.person,
        expertPerson: expert.person,
        expert: expertIndex,
        expertLanguage: expert.person.locale,
        demoExpert: expert === demoExpert,
        demoRetailer: a.key === 'demo',
        assignedAt: assignment.assignedAt,
        diagnosed: Boolean(entry.get(a.key)?.completedAt),
        language: a.person.locale,
        remote: !expert.profile.regions.some((r) => r === a.business.region),
        region: a.business.region,
        employees: a.business.employees,
        maturity: a.journey.maturity,
      },
    ];
  });
  const { tally: coaching, approvedPlans } = await runCoaching(ctx, {
    now,
    seed,
    launchAt,
    programId,
    coordinator,
    questionnaire,
    files,
  });

  // Agreements from the approved plans, claims along their review, one batch paid.
  const funding = await runFunding(ctx, {
    now,
    programId,
    envelopeId,
    coordinator,
    finance: people.get('finance')!,
    approver: options.approver,
    plans: approvedPlans,
  });

  // Workshops, reminders' settings and a newsletter, once the files have moved along.
  const engagement = await runEngagement(ctx, {
    now,
    launchAt,
    programId,
    coordinator,
    facilitator: demoExpert.person,
    accepted: accepted.map((a) => ({
      person: a.person,
      applicationId: a.applicationId!,
      decidedAt: a.decidedAt!,
    })),
  });

  const scores = [...entry.values()]
    .flatMap((d) => (d.overall === null ? [] : [d.overall]))
    .sort((a, b) => a - b);
  return {
    applications: Object.fromEntries(
      APPLICATION_STATUSES.map((s) => [s, intake.filter((r) => r.status === s).length]),
    ) as Record<ApplicationStatus, number>,
    reviewRequested: intake.filter((r) => r.reviewRequested).length,
    entryDiagnostics: {
      completed: scores.length,
      inProgress: entry.size - scores.length,
      lowest: scores[0] ?? 0,
      median: scores[Math.floor(scores.length / 2)] ?? 0,
      highest: scores.at(-1) ?? 0,
    },
    experts: {
      count: experts.length,
      capacity,
      filesAssigned: assigned.size,
      acceptedAwaitingExpert: accepted.length - assigned.size,
    },
    coaching,
    funding,
    engagement,
  };
}
