import type { Random } from '../../src/modules/demo/generators/random.ts';
import { diagnostics } from '../../src/modules/diagnostic/db/tables.ts';
import { DEFAULT_QUESTIONNAIRE } from '../../src/modules/diagnostic/domain/default-questionnaire.ts';
import {
  allQuestions,
  type QuestionnaireContent,
} from '../../src/modules/diagnostic/domain/questionnaire.ts';
import type { Executor } from '../../src/platform/db/client.ts';
import { newId } from '../../src/platform/ids.ts';
import type { Harness } from './harness.ts';

/** Answers choosing, for every question, the choice at `pick` (0 = worst … 1 = best) of its range. */
export function answersAt(content: QuestionnaireContent, pick: number) {
  return Object.fromEntries(
    allQuestions(content).map((q) => {
      const sorted = [...q.choices].sort((a, b) => a.score - b.score);
      if (q.type === 'multiple')
        return [
          q.id,
          sorted
            .filter((c) => c.score > 0)
            .slice(0, Math.round(pick * sorted.length))
            .map((c) => c.id),
        ];
      return [q.id, sorted[Math.min(sorted.length - 1, Math.round(pick * (sorted.length - 1)))]!.id];
    }),
  );
}

/** Starts, answers (at `pick` of every range) and completes a diagnostic of an accepted application. */
export async function completedDiagnostic(
  h: Harness,
  applicationId: string,
  token: string,
  phase: 'T0' | 'T1' = 'T0',
  pick = 0.3,
) {
  const started = await h.request('/api/v1/diagnostics', {
    method: 'POST',
    token,
    json: { applicationId, phase },
  });
  if (started.status !== 201) throw new Error(`start failed: ${await started.text()}`);
  const { id } = await started.json();
  await h.request(`/api/v1/diagnostics/${id}/answers`, {
    method: 'PUT',
    token,
    json: { answers: answersAt(DEFAULT_QUESTIONNAIRE, pick) },
  });
  const done = await h.request(`/api/v1/diagnostics/${id}/complete`, { method: 'POST', token });
  if (done.status !== 200) throw new Error(`complete failed: ${await done.text()}`);
  return id as string;
}

/**
 * A T0 (chance `t0`) and a T1 (chance `t1`) of an application written straight to the table, four in
 * five completed on `completedAt` with the scores `scored` gives (the rest in progress, without).
 */
export async function randomDiagnostics(
  db: Executor,
  random: Random,
  file: { applicationId: string; programId: string; questionnaireId: string },
  chances: { t0: number; t1: number },
  completedAt: Date,
  scored: () => Pick<typeof diagnostics.$inferInsert, 'scores' | 'overall'>,
): Promise<void> {
  for (const phase of ['T0', 'T1'] as const)
    if (random.chance(phase === 'T0' ? chances.t0 : chances.t1)) {
      const completed = random.chance(0.8);
      await db.insert(diagnostics).values({
        id: newId(),
        ...file,
        phase,
        status: completed ? 'completed' : 'in_progress',
        completedAt: completed ? completedAt : null,
        ...(completed ? scored() : {}),
      });
    }
}
