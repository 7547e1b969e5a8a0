import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachingSessions, planActions } from '../../src/modules/coaching/db/tables.ts';
import { diagnostics } from '../../src/modules/diagnostic/db/tables.ts';
import { receivedCommands } from '../../src/modules/fieldmode/db/tables.ts';
import { signIn } from '../../src/modules/identity/use-cases/sign-in.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { sessionCookie } from '../../src/platform/http/cookies.ts';
import { coachedBy, type ExpertFixture, expert } from '../support/coaching.ts';
import { command, fileForVisit } from '../support/fieldmode.ts';
import { createHarness, engine, type Harness, PASSWORD } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';

let h: Harness;
let programId: string;
let coordinator: string;
let coach: ExpertFixture;
let otherCoach: ExpertFixture;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
  coach = await expert(h, coordinator, { name: 'Camille Expert' });
  otherCoach = await expert(h, coordinator);
});
afterAll(() => h?.close());

type Pack = {
  applicationId: string;
  diagnostic: { id: string; version: string; answers: Record<string, unknown>; questionnaire: unknown };
  plan: { actions: { id: string; version: string; status: string; note: string }[] } & Record<
    string,
    unknown
  >;
  sessions: { id: string; version: string; notes: string | null }[];
};
const packsOf = async (token: string, ids: string[], locale = 'fr') => {
  const res = await h.request(`/api/v1/visit-packs?applicationIds=${ids.join(',')}`, {
    token,
    headers: { 'accept-language': locale },
  });
  return { status: res.status, body: await res.json() };
};
const sync = async (token: string, body: unknown, locale = 'fr') => {
  const res = await h.request('/api/v1/sync/commands', {
    method: 'POST',
    token,
    json: body,
    headers: { 'accept-language': locale },
  });
  return { status: res.status, body: await res.json() };
};
const db = () => h.services.database.db;

describe(`field mode (${engine})`, () => {
  it('packs only the expert’s own files, with versions, conditional questions and no financial data', async () => {
    const visit = await fileForVisit(h, programId, coordinator, coach);
    const other = await coachedBy(h, programId, coordinator, otherCoach);
    const { status, body } = await packsOf(coach.token, [visit.app.id, other.id]);
    expect(status).toBe(200);
    expect(body.wipe).toEqual([other.id]);
    expect(body.packs).toHaveLength(1);
    const pack = body.packs[0];
    expect(pack.applicationId).toBe(visit.app.id);
    expect(pack.diagnostic.answers).toEqual({ presence_website: 'none' });
    const questions = pack.diagnostic.questionnaire.dimensions.flatMap(
      (d: { questions: unknown[] }) => d.questions,
    );
    expect(questions.find((q: { id: string }) => q.id === 'presence_website_features').condition).toEqual({
      questionId: 'presence_website',
      choiceIds: ['basic', 'updated', 'current'],
    });
    const [row] = await db().select().from(diagnostics).where(eq(diagnostics.id, visit.diagnosticId));
    expect(pack.diagnostic.version).toBe(row!.updatedAt.toISOString());
    expect(pack.sessions.map((s: { id: string }) => s.id)).toEqual([visit.sessionId]);
    expect(pack.plan.actions.map((a: { id: string }) => a.id)).toEqual(visit.actionIds);
    const text = JSON.stringify(body);
    expect(text).not.toContain('budgetCents');
    expect(text).not.toContain('estimatedCostCents');
    expect(text).not.toContain('420000');
    // The other expert's file is never described, only listed to wipe.
    expect(text.split(other.id)).toHaveLength(2);
  });

  it('applies each change once through the online use cases, with its audit, and replays the outcome', async () => {
    const visit = await fileForVisit(h, programId, coordinator, coach);
    const pack: Pack = (await packsOf(coach.token, [visit.app.id])).body.packs[0];
    const session = pack.sessions[0]!;
    const [first] = pack.plan.actions;
    const commands = [
      command('answer-diagnostic-question', visit.app.id, pack.diagnostic.version, {
        diagnosticId: visit.diagnosticId,
        questionId: 'presence_website',
        value: 'basic',
        baseValue: 'none',
      }),
      command('answer-diagnostic-question', visit.app.id, pack.diagnostic.version, {
        diagnosticId: visit.diagnosticId,
        questionId: 'presence_website_features',
        value: ['mobile'],
        baseValue: null,
      }),
      command('add-session-note', visit.app.id, session.version, {
        sessionId: session.id,
        text: 'Inventaire compté avec Zoé',
      }),
      command('record-session-held', visit.app.id, session.version, { sessionId: session.id, hours: 1.5 }),
      command('update-plan-action', visit.app.id, first!.version, {
        actionId: first!.id,
        status: 'in_progress',
        baseStatus: 'todo',
      }),
    ];
    const sent = await sync(coach.token, { commands, applicationIds: [visit.app.id] });
    expect(sent.status).toBe(200);
    expect(sent.body.results.map((r: { status: string }) => r.status)).toEqual(Array(5).fill('applied'));
    expect(sent.body.wipe).toEqual([]);

    // The device did not hear the answer and sends everything again, twice.
    const again = await sync(coach.token, { commands });
    await sync(coach.token, { commands: [...commands].reverse() });
    expect(again.body.results).toEqual(sent.body.results);

    const [d] = await db().select().from(diagnostics).where(eq(diagnostics.id, visit.diagnosticId));
    expect(d!.answers).toEqual({ presence_website: 'basic', presence_website_features: ['mobile'] });
    const [s] = await db().select().from(coachingSessions).where(eq(coachingSessions.id, session.id));
    expect(s!.status).toBe('held');
    expect(s!.minutesLogged).toBe(90);
    expect(s!.notes!.split('Inventaire compté avec Zoé')).toHaveLength(2);
    const [a] = await db().select().from(planActions).where(eq(planActions.id, first!.id));
    expect(a!.status).toBe('in_progress');
    expect(sent.body.results[4].version).toBe(a!.updatedAt.toISOString());

    const audit = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, visit.app.id), eq(auditEvents.actorId, coach.userId)));
    const actions = audit.map((e) => e.action);
    expect(actions.filter((x) => x === 'fieldmode.command')).toHaveLength(5);
    expect(actions.filter((x) => x === 'session.recorded')).toHaveLength(2);
    expect(actions.filter((x) => x === 'plan.action_progress')).toHaveLength(1);
    const stored = await db()
      .select()
      .from(receivedCommands)
      .where(eq(receivedCommands.applicationId, visit.app.id));
    expect(stored).toHaveLength(5);
    expect(JSON.stringify(stored)).not.toContain('Inventaire');
  });

  it('shows a field changed meanwhile as a conflict with both values; other fields and notes go through', async () => {
    const visit = await fileForVisit(h, programId, coordinator, coach);
    const pack: Pack = (await packsOf(coach.token, [visit.app.id])).body.packs[0];
    // Meanwhile, the retailer changes their answer and marks an action done.
    await h.request(`/api/v1/diagnostics/${visit.diagnosticId}/answers`, {
      method: 'PUT',
      token: visit.app.token,
      json: { answers: { presence_website: 'updated' } },
    });
    await h.request(`/api/v1/plans/${visit.app.id}/actions/${visit.actionIds[0]}`, {
      method: 'PATCH',
      token: visit.app.token,
      json: { status: 'done' },
    });
    const session = pack.sessions[0]!;
    const [first, second] = pack.plan.actions;
    const answer = command('answer-diagnostic-question', visit.app.id, pack.diagnostic.version, {
      diagnosticId: visit.diagnosticId,
      questionId: 'presence_website',
      value: 'basic',
      baseValue: 'none',
    });
    const { body } = await sync(coach.token, {
      commands: [
        answer,
        command('answer-diagnostic-question', visit.app.id, pack.diagnostic.version, {
          diagnosticId: visit.diagnosticId,
          questionId: 'presence_website_features',
          value: ['mobile'],
          baseValue: null,
        }),
        command('update-plan-action', visit.app.id, first!.version, {
          actionId: first!.id,
          status: 'dropped',
          baseStatus: 'todo',
        }),
        command('update-plan-action', visit.app.id, second!.version, {
          actionId: second!.id,
          status: 'in_progress',
          baseStatus: 'todo',
        }),
        command('add-session-note', visit.app.id, session.version, { sessionId: session.id, text: 'Note' }),
      ],
    });
    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      'conflict',
      'applied',
      'conflict',
      'applied',
      'applied',
    ]);
    expect(body.results[0]).toMatchObject({ server: 'updated', mine: 'basic' });
    expect(body.results[2]).toMatchObject({ server: 'done', mine: 'dropped' });
    const [d] = await db().select().from(diagnostics).where(eq(diagnostics.id, visit.diagnosticId));
    expect(d!.answers.presence_website).toBe('updated');

    // The expert keeps their value: a new change based on the server's version goes through.
    const { body: chosen } = await sync(coach.token, {
      commands: [
        command('answer-diagnostic-question', visit.app.id, body.results[0].version, {
          diagnosticId: visit.diagnosticId,
          questionId: 'presence_website',
          value: 'basic',
          baseValue: 'updated',
        }),
      ],
    });
    expect(chosen.results[0].status).toBe('applied');
    const [after] = await db().select().from(diagnostics).where(eq(diagnostics.id, visit.diagnosticId));
    expect(after!.answers.presence_website).toBe('basic');
  });

  it('keeps a note on a plan action: written online by the expert, offline applied once, a conflict with both texts', async () => {
    const visit = await fileForVisit(h, programId, coordinator, coach);
    const [first, second] = visit.actionIds;
    const patch = (token: string, actionId: string, json: unknown, locale = 'fr') =>
      h.request(`/api/v1/plans/${visit.app.id}/actions/${actionId}`, {
        method: 'PATCH',
        token,
        json,
        headers: { 'accept-language': locale },
      });
    // Online: the expert writes it; the retailer, who reads the plan, may not; too long is named.
    const online = await patch(coach.token, first!, { note: '  Devis demandé à deux agences  ' });
    expect(online.status).toBe(200);
    expect((await online.json()).actions[0].note).toBe('Devis demandé à deux agences');
    expect((await patch(visit.app.token, first!, { note: 'Non' })).status).toBe(403);
    const long = await patch(coach.token, first!, { note: 'x'.repeat(2001) }, 'en');
    expect(long.status).toBe(422);
    expect((await long.json()).errors[0]).toMatchObject({
      path: 'note',
      message: expect.stringMatching(/Progress note/),
    });
    // Saving the whole plan without notes keeps them.
    const plan = await (await h.request(`/api/v1/plans/${visit.app.id}`, { token: coach.token })).json();
    const resaved = await h.request(`/api/v1/plans/${visit.app.id}`, {
      method: 'PUT',
      token: coach.token,
      json: {
        ...Object.fromEntries(
          ['currentState', 'goals', 'budgetCents', 'timeline', 'status'].map((k) => [k, plan[k]]),
        ),
        actions: plan.actions.map(({ note: _, overdue: __, ...a }: Record<string, unknown>) => a),
      },
    });
    expect(resaved.status).toBe(200);
    expect((await resaved.json()).actions[0].note).toBe('Devis demandé à deux agences');

    const pack: Pack = (await packsOf(coach.token, [visit.app.id])).body.packs[0];
    const [a1, a2] = pack.plan.actions;
    expect(a1!.note).toBe('Devis demandé à deux agences');
    // Meanwhile the coordinator rewrites the first note.
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    expect((await patch(coordinator, first!, { note: 'Projet reporté' })).status).toBe(200);
    const commands = [
      command('update-plan-action', visit.app.id, a1!.version, {
        actionId: a1!.id,
        note: 'Devis signé avec Zoé',
        baseNote: 'Devis demandé à deux agences',
      }),
      command('update-plan-action', visit.app.id, a2!.version, {
        actionId: a2!.id,
        note: 'Photos prises',
        baseNote: '',
      }),
    ];
    const sent = await sync(coach.token, { commands });
    expect(sent.body.results.map((r: { status: string }) => r.status)).toEqual(['conflict', 'applied']);
    expect(sent.body.results[0]).toMatchObject({ server: 'Projet reporté', mine: 'Devis signé avec Zoé' });
    // A replay answers the same, the texts read again: they are not kept with the commands.
    const again = await sync(coach.token, { commands });
    expect(again.body.results).toEqual(sent.body.results);
    const stored = await db()
      .select()
      .from(receivedCommands)
      .where(eq(receivedCommands.applicationId, visit.app.id));
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toMatch(/Devis|Projet|Photos/);
    const rows = await db().select().from(planActions).where(eq(planActions.applicationId, visit.app.id));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.note]))).toEqual({
      [first!]: 'Projet reporté',
      [second!]: 'Photos prises',
    });
    const audit = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, visit.app.id), eq(auditEvents.action, 'plan.action_progress')));
    expect(audit).toHaveLength(3);
    expect(audit.every((e) => (e.changes as { noteChanged?: boolean }).noteChanged)).toBe(true);
    expect(JSON.stringify(audit)).not.toMatch(/Devis|Projet|Photos/);

    // The expert keeps theirs: a new command based on the server's version and text goes through.
    const { body: chosen } = await sync(coach.token, {
      commands: [
        command('update-plan-action', visit.app.id, sent.body.results[0].version, {
          actionId: a1!.id,
          note: 'Devis signé avec Zoé',
          baseNote: 'Projet reporté',
        }),
      ],
    });
    expect(chosen.results[0].status).toBe('applied');
    const [kept] = await db().select().from(planActions).where(eq(planActions.id, first!));
    expect(kept!.note).toBe('Devis signé avec Zoé');
  });

  it('refuses changes to a file reassigned meanwhile, with the reason, and says to wipe its pack', async () => {
    const visit = await fileForVisit(h, programId, coordinator, coach);
    const pack: Pack = (await packsOf(coach.token, [visit.app.id])).body.packs[0];
    const res = await h.request('/api/v1/assignments', {
      method: 'POST',
      token: coordinator,
      json: { assignments: [{ applicationId: visit.app.id, expertId: otherCoach.id, reason: 'Congé' }] },
    });
    expect(res.status).toBe(200);
    const note = command('add-session-note', visit.app.id, pack.sessions[0]!.version, {
      sessionId: pack.sessions[0]!.id,
      text: 'Écrit hors ligne',
    });
    const fr = await sync(coach.token, { commands: [note], applicationIds: [visit.app.id] });
    expect(fr.body.results[0]).toMatchObject({ status: 'refused', wipe: true });
    expect(fr.body.results[0].reason).toContain('ne vous est plus confié');
    expect(fr.body.wipe).toEqual([visit.app.id]);
    // Replayed from an English device: the same refusal, in English.
    const en = await sync(coach.token, { commands: [note] }, 'en');
    expect(en.body.results[0].reason).toContain('no longer assigned to you');
    const [s] = await db()
      .select()
      .from(coachingSessions)
      .where(eq(coachingSessions.id, pack.sessions[0]!.id));
    expect(s!.notes).toBeNull();
    expect((await packsOf(coach.token, [visit.app.id])).body).toMatchObject({
      packs: [],
      wipe: [visit.app.id],
    });
  });

  it('tells a deactivated expert’s device so, by session or token, and nobody else', async () => {
    const leaving = await expert(h, coordinator);
    const visit = await fileForVisit(h, programId, coordinator, leaving);
    const { sessionToken, expiresAt } = await signIn(await h.as({}), {
      email: leaving.email,
      password: PASSWORD,
    });
    const cookie = sessionCookie(sessionToken, expiresAt, h.config.sessionSecret, false, h.clock.now).split(
      ';',
    )[0]!;
    expect((await h.request('/api/v1/me', { headers: { cookie } })).status).toBe(200);
    expect((await packsOf(leaving.token, [visit.app.id])).status).toBe(200);
    const admin = await h.token((await h.user('admin')).email);
    const setActive = (active: boolean) =>
      h.request(`/api/v1/users/${leaving.userId}`, { method: 'PATCH', token: admin, json: { active } });
    expect((await setActive(false)).status).toBe(204);

    const byToken = await sync(leaving.token, { commands: [], applicationIds: [visit.app.id] }, 'en');
    expect(byToken.status).toBe(401);
    expect(byToken.body).toMatchObject({
      type: 'urn:virage:problem:account_deactivated',
      code: 'account_deactivated',
      title: 'Account deactivated',
    });
    const bySession = await h.request(`/api/v1/visit-packs?applicationIds=${visit.app.id}`, {
      headers: { cookie },
    });
    expect(bySession.status).toBe(401);
    expect(await bySession.json()).toMatchObject({
      code: 'account_deactivated',
      detail: expect.stringMatching(/désactivé/),
    });
    // Nothing of the file is answered, and anyone else gets the usual answers.
    expect(JSON.stringify(byToken.body)).not.toContain(visit.app.id);
    expect((await sync('not-a-token', { commands: [] })).body.code).toBe('unauthenticated');
    expect((await h.request('/api/v1/me')).status).toBe(401);
    expect((await packsOf(coach.token, [visit.app.id])).body.wipe).toEqual([visit.app.id]);
    // Reactivated: the old sessions are over (signed in again, not revived); the account works again.
    expect((await setActive(true)).status).toBe(204);
    const ended = await h.request('/api/v1/me', { headers: { cookie } });
    expect((await ended.json()).code).toBe('unauthenticated');
    expect((await packsOf(leaving.token, [visit.app.id])).status).toBe(200);
  });

  it('refuses a bad change with a localised reason naming the field, and keeps nothing of it', async () => {
    const visit = await fileForVisit(h, programId, coordinator, coach);
    const pack: Pack = (await packsOf(coach.token, [visit.app.id])).body.packs[0];
    const session = pack.sessions[0]!;
    const { status, body } = await sync(coach.token, {
      commands: [
        command('record-session-held', visit.app.id, session.version, { sessionId: session.id, hours: 1.1 }),
        command('answer-diagnostic-question', visit.app.id, pack.diagnostic.version, {
          diagnosticId: visit.diagnosticId,
          questionId: 'presence_website',
          value: 'nope',
          baseValue: 'none',
        }),
      ],
    });
    expect(status).toBe(200);
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(['refused', 'refused']);
    expect(body.results[0].errors[0].path).toBe('hours');
    expect(body.results[0].errors[0].message).toMatch(/quart/i);
    expect(body.results[1].errors[0].path).toBe('answers.presence_website');
    const [s] = await db().select().from(coachingSessions).where(eq(coachingSessions.id, session.id));
    expect(s!.status).toBe('scheduled');
  });

  it('answers bad input with a problem naming the field, never a 500', async () => {
    const bad = await sync(coach.token, { commands: [{ commandId: 'x', type: 'nope' }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.length).toBeGreaterThan(0);
    const packs = await packsOf(coach.token, ['not-an-id']);
    expect(packs.status).toBe(422);
    expect(packs.body.errors[0].path).toBe('applicationIds');
  });
});
