import { completedDiagnostic } from './diagnostic.ts';
import type { Harness } from './harness.ts';
import { acceptedApplication } from './intake.ts';

export type ExpertFixture = { id: string; userId: string; email: string; token: string };

/** An expert account with its profile; Montréal, French, online marketing by default. */
export async function expert(
  h: Harness,
  staffToken: string,
  profile: {
    regions?: string[];
    languages?: string[];
    specialties?: string[];
    capacity?: number;
    locale?: 'fr' | 'en';
    name?: string;
  } = {},
): Promise<ExpertFixture> {
  const { id: userId, email } = await h.user('expert', { locale: profile.locale, name: profile.name });
  const res = await h.request('/api/v1/experts', {
    method: 'POST',
    token: staffToken,
    json: {
      email,
      regions: profile.regions ?? ['06'],
      languages: profile.languages ?? ['fr'],
      specialties: profile.specialties ?? ['online_marketing_social'],
      capacity: profile.capacity ?? 250,
    },
  });
  if (res.status !== 201) throw new Error(`expert failed: ${await res.text()}`);
  const { id } = await res.json();
  return { id, userId, email, token: await h.token(email) };
}

/** An accepted business coached by this expert; returns the application and the retailer's token. */
export async function coachedBy(
  h: Harness,
  programId: string,
  staffToken: string,
  coach: ExpertFixture,
  overrides: Record<string, unknown> = {},
) {
  const app = await acceptedApplication(h, programId, staffToken, overrides);
  const res = await h.request('/api/v1/assignments', {
    method: 'POST',
    token: staffToken,
    json: { assignments: [{ applicationId: app.id, expertId: coach.id }] },
  });
  if (res.status !== 200) throw new Error(`assignment failed: ${await res.text()}`);
  return app;
}

let sessionDays = 0;

/**
 * A coached business taken through its file: T0 at `t0` (0 worst … 1 best), one session held in
 * `mode` for `hours`, a plan of two actions with `done` of them done, closed as completed, T1 at
 * `t1`, and the closure survey answered with `answers` (the sessions' clock moves past them).
 */
export async function closedFile(
  h: Harness,
  programId: string,
  staffToken: string,
  coach: ExpertFixture,
  file: {
    t0: number;
    t1: number;
    mode: 'in_store' | 'video' | 'phone';
    hours: number;
    done: 0 | 1 | 2;
    answers: Record<string, unknown>;
    overrides?: Record<string, unknown>;
  },
) {
  const app = await coachedBy(h, programId, staffToken, coach, file.overrides);
  await completedDiagnostic(h, app.id, app.token, 'T0', file.t0);
  const call = async (path: string, method: string, token: string, json: unknown) => {
    const res = await h.request(path, { method, token, json });
    if (res.status >= 300) throw new Error(`${method} ${path} failed: ${await res.text()}`);
    return res.json();
  };
  // A day of its own for each file's session, so that an expert's sessions never overlap.
  const startsAt = new Date(h.clock.now.getTime() + ++sessionDays * 86_400_000);
  const session = await call('/api/v1/sessions', 'POST', coach.token, {
    applicationId: app.id,
    startsAt: startsAt.toISOString(),
    durationMinutes: 60,
    mode: file.mode,
  });
  const now = h.clock.now;
  h.clock.now = new Date(startsAt.getTime() + 2 * 3_600_000);
  try {
    await call(`/api/v1/sessions/${session.id}`, 'PATCH', coach.token, { hours: file.hours });
  } finally {
    h.clock.now = now;
  }
  const action = (objective: string, status: string) => ({
    objective,
    steps: 'Faire',
    owner: 'Zoé',
    dueDate: '2027-12-31',
    estimatedCostCents: 0,
    status,
    supplierId: null,
  });
  await call(`/api/v1/plans/${app.id}`, 'PUT', coach.token, {
    currentState: 'Vitrine seulement',
    goals: 'Vendre en ligne',
    budgetCents: 100_000,
    timeline: 'Hiver',
    actions: [
      action('Boutique', file.done >= 1 ? 'done' : 'todo'),
      action('Fiche', file.done === 2 ? 'done' : 'todo'),
    ],
    status: 'approved',
  });
  const closed = await call(`/api/v1/applications/${app.id}/close`, 'POST', coach.token, {
    outcome: 'completed',
    reason: 'Dossier de test',
  });
  await completedDiagnostic(h, app.id, app.token, 'T1', file.t1);
  const [closure] = closed.surveys as { id: string; wave: string }[];
  await call(`/api/v1/surveys/${closure!.id}/answers`, 'POST', app.token, file.answers);
  return { ...app, surveys: closed.surveys as { id: string; wave: string }[] };
}
