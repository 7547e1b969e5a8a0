import { DEFAULT_QUESTIONNAIRE } from '../../src/modules/diagnostic/domain/default-questionnaire.ts';
import {
  allQuestions,
  type QuestionnaireContent,
} from '../../src/modules/diagnostic/domain/questionnaire.ts';
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
