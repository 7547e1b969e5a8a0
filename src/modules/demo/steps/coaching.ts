import { formatDate, montrealIso } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { Ctx } from '../../../platform/context.ts';
import {
  answerSurvey,
  closeFile,
  createSupplier,
  getPlan,
  isOverdue,
  rateSupplier,
  savePlan,
  scheduleSession,
  updateActionProgress,
  updateSession,
} from '../../coaching/index.ts';
import { type CoachingJourney, coachingJourneys, type FileToCoach } from '../generators/coaching-journeys.ts';
import type { AnswerableQuestionnaire } from '../generators/diagnostic-answers.ts';
import { surveyAnswers } from '../generators/outcomes.ts';
import { actionProgress, demoRetailerProgress, planToSave } from '../generators/plans.ts';
import { type Random, randomFor } from '../generators/random.ts';
import { DEMO_SUPPLIERS, supplierForAction, supplierRating } from '../generators/suppliers.ts';
import { actingAs, type Person } from './acting-as.ts';
import { takeDiagnostic } from './diagnostics.ts';

const DAY = 86_400_000;

export type FileInCoaching = FileToCoach & {
  /** Where the story of this file draws from: the same for the same seed. */
  key: string;
  applicationId: string;
  retailer: Person;
  expertPerson: Person;
  region: string;
  employees: number;
  maturity: number;
};

export type CoachingTally = {
  suppliers: number;
  sessionsHeld: number;
  sessionsAhead: number;
  sessionsCancelled: number;
  demoExpertSessionsThisWeek: number;
  plansDraft: number;
  plansApproved: number;
  plansWithOverdueAction: number;
  ratings: number;
  closedCompleted: number;
  closedAbandoned: number;
  surveysAnswered: number;
  closingDiagnostics: number;
};

/** A file whose action plan is approved: what a funding agreement is prepared from. */
export type ApprovedPlan = { file: FileInCoaching; approvedAt: Date; closed: boolean };

type PlanView = Awaited<ReturnType<typeof getPlan>>;
/**
 * A plan as the use cases return it: its actions carry their id and recommendation key, which the
 * view's declared type leaves out (the plan page reads them the same way).
 */
type PlanWithIds = Omit<PlanView, 'actions'> & {
  actions: (PlanView['actions'][number] & { id: string | null; recommendationKey: string | null })[];
};
const withIds = (plan: PlanView) => plan as PlanWithIds;

/** The program team fills the supplier directory at the launch. */
async function createSuppliers(ctx: Ctx, coordinator: Person, launchAt: Date, programId: string) {
  const asCoordinator = actingAs(ctx, coordinator, { at: launchAt });
  const created = [];
  for (const supplier of DEMO_SUPPLIERS) {
    const { id } = await createSupplier(asCoordinator, { ...supplier, programId });
    created.push({ ...supplier, id });
  }
  return created;
}

/**
 * Coaching since the first assignments, file by file, each step by the person who does it: the expert
 * books and records sessions, saves the action plan from the suggested one (approved once complete); the
 * retailer marks progress, rates a supplier; the expert closes a few files, and their retailers answer
 * the closing survey and take the closing diagnostic (T1).
 */
export async function runCoaching(
  ctx: Ctx,
  options: {
    now: Date;
    seed: number;
    launchAt: Date;
    programId: string;
    coordinator: Person;
    questionnaire: AnswerableQuestionnaire;
    files: FileInCoaching[];
  },
): Promise<{ tally: CoachingTally; approvedPlans: ApprovedPlan[] }> {
  const { now, seed } = options;
  const approvedPlans: ApprovedPlan[] = [];
  const suppliers = await createSuppliers(ctx, options.coordinator, options.launchAt, options.programId);
  const journeys = coachingJourneys(options.files, now, seed);
  const tally: CoachingTally = {
    suppliers: suppliers.length,
    sessionsHeld: 0,
    sessionsAhead: 0,
    sessionsCancelled: 0,
    demoExpertSessionsThisWeek: 0,
    plansDraft: 0,
    plansApproved: 0,
    plansWithOverdueAction: 0,
    ratings: 0,
    closedCompleted: 0,
    closedAbandoned: 0,
    surveysAnswered: 0,
    closingDiagnostics: 0,
  };
  for (const [i, file] of options.files.entries()) {
    const journey = journeys[i]!;
    const random = randomFor(seed, 'coaching-work', file.key);
    const asExpert = (at: Date, locale?: Locale) => actingAs(ctx, file.expertPerson, { at, locale });
    const asRetailer = (at: Date) => actingAs(ctx, file.retailer, { at });

    for (const planned of journey.sessions) {
      const session = await scheduleSession(asExpert(planned.scheduledAt), {
        applicationId: file.applicationId,
        startsAt: montrealIso(planned.startsAt),
        durationMinutes: planned.durationMinutes,
        mode: planned.mode,
      });
      if (planned.record) {
        const { at, ...record } = planned.record;
        await updateSession(asExpert(at), session.id, { status: 'held', ...record });
        tally.sessionsHeld++;
      } else if (planned.cancelledAt) {
        await updateSession(asExpert(planned.cancelledAt), session.id, { status: 'cancelled' });
        tally.sessionsCancelled++;
      } else {
        tally.sessionsAhead++;
        if (file.demoExpert && planned.startsAt.getTime() - now.getTime() < 7 * DAY)
          tally.demoExpertSessionsThisWeek++;
      }
    }

    if (journey.plan) {
      const approvedAt = await workOnPlan(ctx, file, journey, { now, random, suppliers, tally });
      if (approvedAt) approvedPlans.push({ file, approvedAt, closed: Boolean(journey.closure) });
    }

    const closure = journey.closure;
    if (!closure) continue;
    const closed = await closeFile(asExpert(closure.at), file.applicationId, {
      outcome: closure.outcome,
      ...(closure.reason ? { reason: closure.reason } : {}),
    });
    tally[closure.outcome === 'completed' ? 'closedCompleted' : 'closedAbandoned']++;
    if (closure.surveyAnsweredAt) {
      const survey = closed.surveys.find((s) => s.wave === 'closure')!;
      await answerSurvey(
        asRetailer(closure.surveyAnsweredAt),
        survey.id,
        surveyAnswers(closure.outcome, file.employees, file.language, random),
      );
      tally.surveysAnswered++;
    }
    if (closure.closingDiagnosticAt) {
      await takeDiagnostic(ctx, {
        retailer: file.retailer,
        applicationId: file.applicationId,
        phase: 'T1',
        questionnaire: options.questionnaire,
        // The coaching shows: the closing diagnostic scores higher than the entry one.
        maturity: Math.min(0.97, file.maturity + random.between(0.12, 0.3)),
        random: randomFor(seed, 'closing-diagnostic', file.key),
        startAt: closure.closingDiagnosticAt,
        completeAt: new Date(closure.closingDiagnosticAt.getTime() + 40 * 60_000),
      });
      tally.closingDiagnostics++;
    }
  }
  return { tally, approvedPlans };
}

/**
 * The expert saves the suggested plan, as a draft after the first session or approved, complete, after
 * the second; the retailer then marks progress and may rate a supplier of the plan. Returns when the
 * plan was approved (null for a draft).
 */
async function workOnPlan(
  ctx: Ctx,
  file: FileInCoaching,
  journey: CoachingJourney,
  context: {
    now: Date;
    random: Random;
    suppliers: Awaited<ReturnType<typeof createSuppliers>>;
    tally: CoachingTally;
  },
) {
  const { now, random, suppliers, tally } = context;
  const plan = journey.plan!;
  // The expert writes the plan with the retailer, in the retailer's language.
  const asExpert = (at: Date) => actingAs(ctx, file.expertPerson, { at, locale: file.language });
  const asRetailer = (at: Date) => actingAs(ctx, file.retailer, { at });
  const owners =
    file.language === 'fr'
      ? { retailer: file.retailer.name, together: `${file.retailer.name} et ${file.expertPerson.name}` }
      : { retailer: file.retailer.name, together: `${file.retailer.name} and ${file.expertPerson.name}` };
  const planOptions = {
    language: file.language,
    owners,
    supplierFor: (key: string | null) =>
      supplierForAction(suppliers, key, { region: file.region, language: file.language }, random),
    random,
  };
  const suggested = withIds(await getPlan(asExpert(plan.savedAt), file.applicationId));
  let saved = withIds(
    await savePlan(
      asExpert(plan.savedAt),
      file.applicationId,
      planToSave(suggested, { ...planOptions, approve: plan.approved, at: plan.savedAt }),
    ),
  );
  if (!plan.approved) {
    tally.plansDraft++;
    return null;
  }
  tally.plansApproved++;
  const updates = file.demoRetailer
    ? demoRetailerProgress(plan.savedAt, now)
    : actionProgress(saved.actions, {
        approvedAt: plan.savedAt,
        now,
        closure: journey.closure,
        random,
      });
  for (const update of updates) {
    saved = withIds(
      await updateActionProgress(
        asRetailer(update.at),
        file.applicationId,
        saved.actions[update.action]!.id!,
        { status: update.status },
      ),
    );
  }
  const today = formatDate(now);
  if (!journey.closure && saved.actions.some((a) => isOverdue(a, today))) tally.plansWithOverdueAction++;
  const used = saved.actions.find((a) => a.supplierId);
  const ratedAt = new Date(plan.savedAt.getTime() + random.between(7, 40) * DAY);
  if (used && random.chance(0.4) && ratedAt < now) {
    await rateSupplier(asRetailer(ratedAt), used.supplierId!, {
      applicationId: file.applicationId,
      ...supplierRating(file.language, random),
    });
    tally.ratings++;
  }
  return plan.savedAt;
}
