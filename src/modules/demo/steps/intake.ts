import type { Ctx } from '../../../platform/context.ts';
import type { ApplicationStatus } from '../../intake/index.ts';
import {
  addPartnerMember,
  createApplication,
  createPartnerOrganization,
  decideApplication,
  decideApplicationsInBulk,
  requestHumanReview,
  submitApplication,
  withdrawApplication,
} from '../../intake/index.ts';
import { applicationFacts, applicationIdentity, type DemoBusiness } from '../generators/businesses.ts';
import { type IntakeJourney, ineligibleReason, REVIEW_REQUEST } from '../generators/intake-journeys.ts';
import { daysAgo, morningOf } from '../generators/moments.ts';
import { actingAs, type Person } from './acting-as.ts';

const HOUR = 3_600_000;

export type Applicant = { person: Person; business: DemoBusiness; journey: IntakeJourney };
export type IntakeResult = {
  applicationId: string | null;
  status: ApplicationStatus | 'none';
  decidedAt: Date | null;
  /** Found ineligible, the retailer asked a person to review the assessment. */
  reviewRequested: boolean;
};

/** The partner's referral code on the demo (fixed, so that it can be tried at /apply?ref=…). */
export const DEMO_REFERRAL_CODE = 'VIEUXQC';

/**
 * UUIDv7 ids are ordered by the millisecond only, and the assignment proposal takes candidates in id
 * order: two applications created within the same millisecond could trade places from one run to the
 * next. Starting each one in a later millisecond than the last keeps the same seed's story the same.
 */
async function afterMillisecondOf(id: string): Promise<void> {
  const created = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
  while (Date.now() <= created) await new Promise((resolve) => setImmediate(resolve));
}

function applicationInput(programId: string, applicant: Applicant) {
  const { business: b, journey: j } = applicant;
  if (j.application === 'draft') return { programId, business: applicationIdentity(b), draftStep: 2 };
  return {
    programId,
    business: {
      ...applicationFacts(b),
      languagesServed: j.languagesServed,
      onlinePresence: j.onlinePresence,
      goals: j.goals,
      challenges: j.challenges,
    },
    consents: j.consents,
    attestation: true,
    ...(j.referred ? { referralCode: DEMO_REFERRAL_CODE } : {}),
    draftStep: 5,
  };
}

type Decision = {
  at: Date;
  index: number;
  decision: 'accepted' | 'refused' | 'info_requested';
  reason: string | null;
};

/**
 * Intake as it happened over the past weeks: the partner organisation is set up at the launch; retailers
 * apply (a few keep a draft) and the eligibility rules judge them at submission; some ask for a review
 * of a negative assessment, a few withdraw; then the coordinator works through the queue morning after
 * morning, accepting in bulk (the program's target still applies), refusing with a reason, asking for
 * information, and leaving the latest applications for later.
 */
export async function runIntake(
  ctx: Ctx,
  options: {
    now: Date;
    launchAt: Date;
    programId: string;
    coordinator: Person;
    partner: Person;
    applicants: Applicant[];
  },
): Promise<IntakeResult[]> {
  const { now, programId, coordinator, applicants } = options;
  const asCoordinator = (at: Date) => actingAs(ctx, coordinator, { at });
  const partner = await createPartnerOrganization(asCoordinator(options.launchAt), {
    programId,
    name: options.partner.name,
    referralCode: DEMO_REFERRAL_CODE,
  });
  await addPartnerMember(asCoordinator(options.launchAt), partner.id, { email: options.partner.email });

  const results: IntakeResult[] = applicants.map(() => ({
    applicationId: null,
    status: 'none',
    decidedAt: null,
    reviewRequested: false,
  }));
  const decisions: Decision[] = [];
  let lastId: string | undefined;
  for (const [index, applicant] of applicants.entries()) {
    const { person, journey } = applicant;
    if (journey.application === 'none') continue;
    if (lastId) await afterMillisecondOf(lastId);
    const created = await createApplication(
      actingAs(ctx, person, { at: daysAgo(now, journey.startedDaysAgo) }),
      applicationInput(programId, applicant),
    );
    lastId = created.id;
    const result = results[index]!;
    result.applicationId = created.id;
    result.status = 'draft';
    if (journey.application === 'draft') continue;

    const submittedAt = daysAgo(now, journey.submittedDaysAgo);
    const submitted = await submitApplication(actingAs(ctx, person, { at: submittedAt }), created.id);
    result.status = 'submitted';
    const eligible = submitted.eligibility?.eligible ?? false;
    if (!eligible && journey.asksForReview) {
      await requestHumanReview(
        actingAs(ctx, person, { at: new Date(submittedAt.getTime() + HOUR) }),
        created.id,
        {
          message: REVIEW_REQUEST[person.locale],
        },
      );
      result.reviewRequested = true;
      continue;
    }
    if (journey.withdrawsDaysAgo !== null) {
      await withdrawApplication(
        actingAs(ctx, person, { at: daysAgo(now, journey.withdrawsDaysAgo) }),
        created.id,
      );
      result.status = 'withdrawn';
      continue;
    }
    if (journey.decidedDaysAgo < 1) continue; // not reviewed yet
    const at = morningOf(now, journey.decidedDaysAgo);
    if (!eligible) {
      const failures = (submitted.eligibility?.criteria ?? []).filter((c) => !c.passed).map((c) => c.message);
      decisions.push({ at, index, decision: 'refused', reason: ineligibleReason(person.locale, failures) });
    } else if (journey.stance === 'accept') decisions.push({ at, index, decision: 'accepted', reason: null });
    else if (journey.stance === 'refuse')
      decisions.push({ at, index, decision: 'refused', reason: journey.reason });
    else if (journey.stance === 'ask_information')
      decisions.push({ at, index, decision: 'info_requested', reason: journey.reason });
  }

  // Morning by morning, in order: the accepted ones of the morning in one go, the others one by one.
  const mornings = new Map<number, Decision[]>();
  for (const d of decisions) mornings.set(d.at.getTime(), [...(mornings.get(d.at.getTime()) ?? []), d]);
  for (const [time, morning] of [...mornings.entries()].sort((a, b) => a[0] - b[0])) {
    const asThen = asCoordinator(new Date(time));
    const accepted = morning.filter((d) => d.decision === 'accepted');
    for (let start = 0; start < accepted.length; start += 500) {
      const chunk = accepted.slice(start, start + 500);
      const { results: decided } = await decideApplicationsInBulk(asThen, {
        ids: chunk.map((d) => results[d.index]!.applicationId!),
        decision: 'accepted',
      });
      decided.forEach((outcome, i) => {
        if (!outcome.ok) throw new Error(`demo: accepting failed: ${outcome.error}`);
        Object.assign(results[chunk[i]!.index]!, { status: outcome.status, decidedAt: asThen.now() });
      });
    }
    for (const d of morning.filter((d) => d.decision !== 'accepted')) {
      const outcome = await decideApplication(asThen, results[d.index]!.applicationId!, {
        decision: d.decision,
        reason: d.reason ?? undefined,
      });
      Object.assign(results[d.index]!, { status: outcome.status, decidedAt: asThen.now() });
    }
  }
  return results;
}
