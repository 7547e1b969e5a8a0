import { randomUUID } from 'node:crypto';
import { coachedBy, type ExpertFixture } from './coaching.ts';
import type { Harness } from './harness.ts';

/**
 * A file ready for a visit: coached by `coach`, its T0 diagnostic started by the retailer with the
 * website question answered, a session that took place yesterday still to record, and an approved plan
 * of two actions. The clock is left a day after the session.
 */
export async function fileForVisit(h: Harness, programId: string, staffToken: string, coach: ExpertFixture) {
  const app = await coachedBy(h, programId, staffToken, coach);
  const call = async (path: string, method: string, token: string, json?: unknown) => {
    const res = await h.request(path, { method, token, ...(json === undefined ? {} : { json }) });
    if (res.status >= 300) throw new Error(`${method} ${path} failed: ${await res.text()}`);
    return res.json();
  };
  const diagnostic = await call('/api/v1/diagnostics', 'POST', app.token, {
    applicationId: app.id,
    phase: 'T0',
  });
  await call(`/api/v1/diagnostics/${diagnostic.id}/answers`, 'PUT', app.token, {
    answers: { presence_website: 'none' },
  });
  const startsAt = new Date(h.clock.now.getTime() + 3_600_000);
  const session = await call('/api/v1/sessions', 'POST', coach.token, {
    applicationId: app.id,
    startsAt: startsAt.toISOString(),
    durationMinutes: 90,
    mode: 'in_store',
  });
  const action = (objective: string) => ({
    objective,
    steps: 'Faire',
    owner: 'Zoé',
    dueDate: '2027-12-31',
    estimatedCostCents: 150_000,
    status: 'todo',
    supplierId: null,
  });
  const plan = await call(`/api/v1/plans/${app.id}`, 'PUT', coach.token, {
    currentState: 'Vitrine seulement',
    goals: 'Vendre en ligne',
    budgetCents: 420_000,
    timeline: 'Hiver',
    actions: [action('Boutique en ligne'), action('Fiche Google')],
    status: 'approved',
  });
  h.clock.now = new Date(startsAt.getTime() + 86_400_000);
  return {
    app,
    diagnosticId: diagnostic.id as string,
    sessionId: session.id as string,
    actionIds: (plan.actions as { id: string }[]).map((a) => a.id),
  };
}

/** A command as a device makes it: its own id, the record's version it was based on. */
export const command = (
  type: string,
  applicationId: string,
  baseVersion: string | null,
  payload: Record<string, unknown>,
) => ({ commandId: randomUUID(), type, applicationId, baseVersion, payload });
