import type { Ctx } from '../../../platform/context.ts';
import { completeDiagnostic, saveDiagnosticAnswers, startDiagnostic } from '../../diagnostic/index.ts';
import { type AnswerableQuestionnaire, diagnosticAnswers } from '../generators/diagnostic-answers.ts';
import type { IntakeJourney } from '../generators/intake-journeys.ts';
import { type Random, randomFor } from '../generators/random.ts';
import { actingAs, type Person } from './acting-as.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type DiagnosticTaken = { id: string; completedAt: Date | null; overall: number | null };

/**
 * The retailer takes a diagnostic of their accepted application: starts it, saves answers (the first
 * part in a first sitting when it takes several), and completes it when `completeAt` is given;
 * otherwise it stays in progress, part answered.
 */
export async function takeDiagnostic(
  ctx: Ctx,
  options: {
    retailer: Person;
    applicationId: string;
    phase: 'T0' | 'T1';
    questionnaire: AnswerableQuestionnaire;
    maturity: number;
    random: Random;
    startAt: Date;
    completeAt: Date | null;
  },
): Promise<DiagnosticTaken> {
  const { retailer, startAt, completeAt, random } = options;
  const at = (moment: Date) => actingAs(ctx, retailer, { at: moment });
  const { id } = await startDiagnostic(at(startAt), {
    applicationId: options.applicationId,
    phase: options.phase,
  });
  const answers = diagnosticAnswers(options.questionnaire, options.maturity, random);
  const save = (moment: Date, part: Record<string, unknown>) =>
    saveDiagnosticAnswers(at(moment), id, { answers: part });
  const entries = Object.entries(answers);
  const severalSittings = !completeAt || completeAt.getTime() - startAt.getTime() > HOUR;
  const firstPart = severalSittings ? Math.round(entries.length * random.between(0.3, 0.8)) : entries.length;
  await save(new Date(startAt.getTime() + 5 * MINUTE), Object.fromEntries(entries.slice(0, firstPart)));
  if (!completeAt) return { id, completedAt: null, overall: null };
  if (firstPart < entries.length)
    await save(new Date(completeAt.getTime() - MINUTE), Object.fromEntries(entries.slice(firstPart)));
  const { scores } = await completeDiagnostic(at(completeAt), id);
  return { id, completedAt: completeAt, overall: scores.overall };
}

/**
 * Accepted retailers take their entry diagnostic (T0) some days after their acceptance, most of them to
 * the end; keyed by the retailer's story key.
 */
export async function takeEntryDiagnostics(
  ctx: Ctx,
  options: {
    now: Date;
    seed: number;
    questionnaire: AnswerableQuestionnaire;
    accepted: {
      key: string;
      person: Person;
      applicationId: string | null;
      decidedAt: Date | null;
      journey: IntakeJourney;
    }[];
  },
): Promise<Map<string, DiagnosticTaken>> {
  const { now, seed } = options;
  const taken = new Map<string, DiagnosticTaken>();
  for (const a of options.accepted) {
    const plan = a.journey.diagnostic;
    if (!plan) continue;
    const startAt = new Date(a.decidedAt!.getTime() + plan.startsDaysAfterDecision * DAY);
    if (startAt.getTime() > now.getTime() - HOUR) continue;
    const completeAt = new Date(startAt.getTime() + plan.sittingDays * DAY);
    taken.set(
      a.key,
      await takeDiagnostic(ctx, {
        retailer: a.person,
        applicationId: a.applicationId!,
        phase: 'T0',
        questionnaire: options.questionnaire,
        maturity: a.journey.maturity,
        random: randomFor(seed, 'entry-diagnostic', a.key),
        startAt,
        completeAt: plan.completes && completeAt.getTime() < now.getTime() - HOUR ? completeAt : null,
      }),
    );
  }
  return taken;
}
