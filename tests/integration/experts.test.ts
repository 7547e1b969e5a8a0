import { and, eq, isNotNull, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillApplications } from '../../bench/scale/fill.ts';
import { DEFAULT_QUESTIONNAIRE } from '../../src/modules/diagnostic/domain/default-questionnaire.ts';
import { assignments } from '../../src/modules/experts/db/tables.ts';
import { SPECIALTY_IDS } from '../../src/modules/experts/domain/specialties.ts';
import { findAssignableBusinesses } from '../../src/modules/experts/use-cases/find-assignable-businesses.ts';
import { getAssignableBusiness } from '../../src/modules/experts/use-cases/get-assignable-business.ts';
import { getAssignmentBoard } from '../../src/modules/experts/use-cases/get-assignment-board.ts';
import { getExpert } from '../../src/modules/experts/use-cases/get-expert.ts';
import { getExpertRoster } from '../../src/modules/experts/use-cases/get-expert-roster.ts';
import { getExpertToEdit } from '../../src/modules/experts/use-cases/get-expert-to-edit.ts';
import { applications } from '../../src/modules/intake/db/tables.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import { coachedBy, expert } from '../support/coaching.ts';
import { completedDiagnostic } from '../support/diagnostic.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId, submitted } from '../support/intake.ts';

let h: Harness;
let programId: string;
let coordinator: string;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
});
afterAll(() => h?.close());

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const mailTo = (email: string) =>
  h.services.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));

describe(`expert profiles (${engine})`, () => {
  it('creates a profile linked to the expert account with that e-mail, and reads it back', async () => {
    const { email, id: userId } = await h.user('expert', { name: 'Anne Expert' });
    const created = await json(
      await h.request('/api/v1/experts', {
        method: 'POST',
        token: coordinator,
        json: {
          email: email.toUpperCase(),
          name: 'Anne Lavoie',
          regions: ['06', '13'],
          languages: ['fr', 'en'],
          specialties: ['online_marketing_social', 'data_measurement'],
          capacity: 250,
        },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      userId,
      email,
      name: 'Anne Lavoie',
      regions: ['06', '13'],
      languages: ['fr', 'en'],
      capacity: 250,
      activeFiles: 0,
      status: 'active',
    });
    const list = await json(await h.request('/api/v1/experts', { token: coordinator }));
    expect(list.body.items.map((e: { id: string }) => e.id)).toContain(created.body.id);
    // The expert reads their own profile; another expert is told it does not exist.
    const own = await h.request(`/api/v1/experts/${created.body.id}`, { token: await h.token(email) });
    expect(own.status).toBe(200);
    const other = await expert(h, coordinator);
    expect((await h.request(`/api/v1/experts/${created.body.id}`, { token: other.token })).status).toBe(404);
  });

  it('refuses an address without an expert account, a second profile, and unknown values, naming the field', async () => {
    const { email: retailerEmail } = await h.user('retailer');
    const notExpert = await json(
      await h.request('/api/v1/experts', {
        method: 'POST',
        token: coordinator,
        json: { email: retailerEmail, regions: ['06'], languages: ['fr'], specialties: [], capacity: 5 },
      }),
    );
    expect(notExpert.status).toBe(422);
    expect(notExpert.body.errors[0]).toMatchObject({ path: 'email' });
    expect(notExpert.body.errors[0].message).toContain('experte ou expert');
    const existing = await expert(h, coordinator);
    const twice = await json(
      await h.request('/api/v1/experts', {
        method: 'POST',
        token: coordinator,
        json: { email: existing.email, regions: ['06'], languages: ['fr'], specialties: [], capacity: 5 },
      }),
    );
    expect(twice.status).toBe(422);
    expect(twice.body.errors[0].message).toContain('déjà');
    const bad = await json(
      await h.request('/api/v1/experts', {
        method: 'POST',
        token: coordinator,
        headers: { 'accept-language': 'en' },
        json: {
          email: 'x@example.ca',
          regions: ['99'],
          languages: ['de'],
          specialties: ['astrology'],
          capacity: -1,
        },
      }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'capacity',
      'languages.0',
      'regions.0',
      'specialties.0',
    ]);
    expect(bad.body.errors.find((e: { path: string }) => e.path === 'capacity').message).toContain(
      'Capacity',
    );
  });

  it('will not lower capacity below the files an expert holds', async () => {
    const coach = await expert(h, coordinator, { capacity: 3 });
    await coachedBy(h, programId, coordinator, coach);
    await coachedBy(h, programId, coordinator, coach);
    const res = await json(
      await h.request(`/api/v1/experts/${coach.id}`, {
        method: 'PATCH',
        token: coordinator,
        json: { capacity: 1 },
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'capacity' });
    expect(res.body.errors[0].message).toContain('2');
    const ok = await json(
      await h.request(`/api/v1/experts/${coach.id}`, {
        method: 'PATCH',
        token: coordinator,
        json: { capacity: 2, status: 'on_leave' },
      }),
    );
    expect(ok.body).toMatchObject({ capacity: 2, activeFiles: 2, status: 'on_leave' });
  });
});

describe(`the experts pages' use cases (${engine})`, () => {
  it('lets only the program team open a profile to edit and invite an expert', async () => {
    const coach = await expert(h, coordinator);
    const own = await h.as({ bearerToken: coach.token });
    // The expert reads their own profile, but may not open it to edit.
    expect((await getExpert(own, coach.id)).id).toBe(coach.id);
    await expect(getExpertToEdit(own, coach.id)).rejects.toMatchObject({ code: 'forbidden' });
    const team = await h.as({ bearerToken: coordinator });
    expect((await getExpertToEdit(team, coach.id)).id).toBe(coach.id);
    // Coordinators may invite experts (not staff above them).
    expect((await getExpertRoster(team)).can).toEqual({ invite: true });
    const admin = await h.as({ bearerToken: await h.token((await h.user('admin')).email) });
    expect((await getExpertRoster(admin)).can).toEqual({ invite: true });
    await expect(getExpertRoster(own)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe(`assignment (${engine})`, () => {
  it('proposes pairs with reasons, writes nothing, and confirms part of them with e-mails to both sides', async () => {
    const h2 = await createHarness();
    try {
      const program = await defaultProgramId(h2);
      const staff = await h2.token((await h2.user('coordinator')).email);
      const montreal = await expert(h2, staff, {
        regions: ['06'],
        languages: ['fr'],
        specialties: ['online_marketing_social'],
        capacity: 2,
      });
      const quebec = await expert(h2, staff, {
        regions: ['03'],
        languages: ['fr', 'en'],
        specialties: ['ecommerce_platforms'],
        capacity: 2,
      });
      const apps = [];
      for (let i = 0; i < 3; i++) apps.push(await acceptedApplication(h2, program, staff));
      const proposal = await json(
        await h2.request('/api/v1/assignments/proposal', {
          method: 'POST',
          token: staff,
          json: { programId: program },
        }),
      );
      expect(proposal.status).toBe(200);
      expect(proposal.body.assignments).toHaveLength(3);
      expect(proposal.body.unassigned).toEqual([]);
      // Montréal businesses go first to the Montréal expert (same region), up to capacity.
      const toMontreal = proposal.body.assignments.filter(
        (a: { expertId: string }) => a.expertId === montreal.id,
      );
      expect(toMontreal).toHaveLength(2);
      expect(toMontreal[0].reasons).toEqual(['même région (Montréal)', 'parle français']);
      expect(toMontreal[0].score).toBe(100);
      const count = async () => (await h2.services.database.db.select().from(assignments)).length;
      expect(await count()).toBe(0);

      const chosen = proposal.body.assignments
        .slice(0, 2)
        .map((a: { applicationId: string; expertId: string }) => ({
          applicationId: a.applicationId,
          expertId: a.expertId,
        }));
      const confirmed = await json(
        await h2.request('/api/v1/assignments', {
          method: 'POST',
          token: staff,
          json: { assignments: chosen },
        }),
      );
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.confirmed).toHaveLength(2);
      expect(await count()).toBe(2);
      const retailerMail = await h2.services.database.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.template, 'experts:mail.assigned_retailer'));
      const expertMail = await h2.services.database.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.template, 'experts:mail.assigned_expert'));
      expect(retailerMail).toHaveLength(2);
      expect(expertMail).toHaveLength(2);
      expect(retailerMail[0]!.subject).toBe('Votre experte ou expert en virage numérique');
      const audit = await h2.services.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'assignment.created'));
      expect(audit).toHaveLength(2);
      // What is left: one business for the remaining places.
      const rest = await json(
        await h2.request('/api/v1/assignments/proposal', {
          method: 'POST',
          token: staff,
          json: { programId: program },
        }),
      );
      expect(rest.body.assignments).toHaveLength(1);
      // An assigned expert now reads the file of their business.
      const mine = chosen.find((c: { expertId: string }) => c.expertId === montreal.id) ?? chosen[0];
      const coachToken = mine.expertId === montreal.id ? montreal.token : quebec.token;
      const otherToken = mine.expertId === montreal.id ? quebec.token : montreal.token;
      expect(
        (await h2.request(`/api/v1/applications/${mine.applicationId}`, { token: coachToken })).status,
      ).toBe(200);
      expect(
        (await h2.request(`/api/v1/applications/${mine.applicationId}`, { token: otherToken })).status,
      ).toBe(404);
    } finally {
      await h2.close();
    }
  });

  it('matches specialties with the two weakest dimensions of the entry diagnostic', async () => {
    const h2 = await createHarness();
    try {
      const program = await defaultProgramId(h2);
      const staff = await h2.token((await h2.user('coordinator')).email);
      // Every specialty: whatever the weakest dimensions are, the expert covers them.
      const generalist = await expert(h2, staff, { specialties: [...SPECIALTY_IDS] });
      const app = await acceptedApplication(h2, program, staff);
      const diagnosticId = await completedDiagnostic(h2, app.id, app.token, 'T0', 0.3);
      const { body: diagnostic } = await json(
        await h2.request(`/api/v1/diagnostics/${diagnosticId}`, { token: app.token }),
      );
      const [weakest, second] = Object.entries(diagnostic.scores.dimensions as Record<string, number>)
        .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
        .map(([id]) => id);
      const label = (id: string) => DEFAULT_QUESTIONNAIRE.dimensions.find((d) => d.id === id)!.label.fr;
      const proposal = await json(
        await h2.request('/api/v1/assignments/proposal', {
          method: 'POST',
          token: staff,
          json: { programId: program },
        }),
      );
      const [pair] = proposal.body.assignments;
      expect(pair).toMatchObject({ applicationId: app.id, expertId: generalist.id, score: 100 + 60 + 30 });
      expect(pair.reasons[2]).toContain(`= dimension la plus faible (${label(weakest!)})`);
      expect(pair.reasons[3]).toContain(`= deuxième dimension la plus faible (${label(second!)})`);
    } finally {
      await h2.close();
    }
  });

  it('refuses a manual assignment beyond capacity with 409 and the reason, and changes nothing', async () => {
    const coach = await expert(h, coordinator, { capacity: 1, name: 'Lucie Plein' });
    await coachedBy(h, programId, coordinator, coach);
    const another = await acceptedApplication(h, programId, coordinator);
    const res = await json(
      await h.request('/api/v1/assignments', {
        method: 'POST',
        token: coordinator,
        json: { assignments: [{ applicationId: another.id, expertId: coach.id }] },
      }),
    );
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe('Lucie Plein a déjà atteint sa capacité de 1 dossiers actifs.');
    expect(res.body).toMatchObject({
      applicationId: another.id,
      expertId: coach.id,
      capacity: 1,
      activeFiles: 1,
    });
    const rows = await h.services.database.db
      .select()
      .from(assignments)
      .where(eq(assignments.applicationId, another.id));
    expect(rows).toEqual([]);
  });

  it('reassigns only with a reason, ends the previous assignment, keeps both in history, tells both experts', async () => {
    const first = await expert(h, coordinator);
    const second = await expert(h, coordinator, { name: 'Samuel Relève' });
    const app = await coachedBy(h, programId, coordinator, first);
    const noReason = await json(
      await h.request('/api/v1/assignments', {
        method: 'POST',
        token: coordinator,
        json: { assignments: [{ applicationId: app.id, expertId: second.id }] },
      }),
    );
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0]).toMatchObject({ path: 'assignments.0.reason' });
    const moved = await h.request('/api/v1/assignments', {
      method: 'POST',
      token: coordinator,
      json: { assignments: [{ applicationId: app.id, expertId: second.id, reason: 'Congé de maladie' }] },
    });
    expect(moved.status).toBe(200);
    const history = await h.services.database.db
      .select()
      .from(assignments)
      .where(eq(assignments.applicationId, app.id));
    expect(history.map((a) => [a.expertId, a.status]).sort()).toEqual(
      [
        [first.id, 'ended'],
        [second.id, 'active'],
      ].sort(),
    );
    expect(history.find((a) => a.status === 'ended')!.endReason).toBe('Congé de maladie');
    expect((await h.request(`/api/v1/applications/${app.id}`, { token: first.token })).status).toBe(404);
    expect((await h.request(`/api/v1/applications/${app.id}`, { token: second.token })).status).toBe(200);
    const changed = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'assignment.changed'), eq(auditEvents.entityId, app.id)));
    expect(changed).toHaveLength(1);
    expect(await mailTo(second.email)).toHaveLength(1);
    // The previous expert is told where the file went, not why.
    const told = (await mailTo(first.email)).filter((m) => m.template === 'experts:mail.reassigned_expert');
    expect(told).toHaveLength(1);
    expect(told[0]!.textBody).toContain('Samuel Relève');
    expect(told[0]!.textBody).not.toContain('Congé de maladie');
  });

  it('refuses the same business twice in one confirmation, naming the second entry', async () => {
    const coach = await expert(h, coordinator);
    const app = await acceptedApplication(h, programId, coordinator);
    const pair = { applicationId: app.id, expertId: coach.id };
    const res = await json(
      await h.request('/api/v1/assignments', {
        method: 'POST',
        token: coordinator,
        json: { assignments: [pair, pair] },
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'assignments.1.applicationId' });
  });

  it('refuses an expert who does not speak the business’s language', async () => {
    const english = await expert(h, coordinator, { languages: ['en'] });
    const app = await acceptedApplication(h, programId, coordinator);
    const res = await json(
      await h.request('/api/v1/assignments', {
        method: 'POST',
        token: coordinator,
        json: { assignments: [{ applicationId: app.id, expertId: english.id }] },
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'assignments.0.expertId' });
  });
});

describe(`confirming a large batch (${engine})`, () => {
  it('confirms 300 pairs in chunks: all written, one audit event and two e-mails each, capacity kept exact', async () => {
    const h2 = await createHarness();
    try {
      const program = await defaultProgramId(h2);
      const staff = await h2.token((await h2.user('coordinator')).email);
      const db = h2.services.database.db;
      const big = await expert(h2, staff, { capacity: 200, languages: ['fr', 'en'] });
      const small = await expert(h2, staff, { capacity: 100, languages: ['fr', 'en'] });
      await fillApplications(db, program, 301, 'accepted');
      // Each business with its retailer's account, half of them in English.
      await db.execute(sql`
        with a as (select id, row_number() over (order by id) as i from applications where program_id = ${program}),
        made as (
          insert into users (id, email, name, role, locale, created_at, updated_at)
          select gen_random_uuid(), 'retailer' || i || '@batch.test', 'Retailer ' || i, 'retailer',
            case when i % 2 = 0 then 'en' else 'fr' end, now(), now()
          from a returning id, (regexp_match(email, '[0-9]+'))[1]::int as i
        )
        update applications set applicant_id = made.id from a join made using (i) where applications.id = a.id`);
      const ids = (
        await db.select({ id: applications.id }).from(applications).where(eq(applications.programId, program))
      )
        .map((a) => a.id)
        .sort();
      const pairs = ids.slice(0, 300).map((applicationId, i) => ({
        applicationId,
        expertId: i < 200 ? big.id : small.id,
      }));
      const confirm = (assignments: { applicationId: string; expertId: string }[]) =>
        h2.request('/api/v1/assignments', { method: 'POST', token: staff, json: { assignments } });

      // The 300th pair would be the big expert's 201st file: refused before anything is written.
      const over = await json(
        await confirm(pairs.map((p, i) => (i === 299 ? { ...p, expertId: big.id } : p))),
      );
      expect(over.status).toBe(409);
      expect(over.body).toMatchObject({ applicationId: pairs[299]!.applicationId, capacity: 200 });
      expect(await db.select().from(assignments)).toEqual([]);

      const res = await json(await confirm(pairs));
      expect(res.status).toBe(200);
      expect(res.body.confirmed).toHaveLength(300);
      const written = await db.select().from(assignments).where(eq(assignments.status, 'active'));
      expect(written).toHaveLength(300);
      expect(new Set(written.map((a) => a.applicationId))).toEqual(new Set(ids.slice(0, 300)));
      const assigned = await db
        .select({ id: applications.id })
        .from(applications)
        .where(isNotNull(applications.assignedExpertUserId));
      expect(assigned).toHaveLength(300);
      const audit = await db.select().from(auditEvents).where(eq(auditEvents.action, 'assignment.created'));
      expect(audit).toHaveLength(300);
      expect(new Set(audit.map((a) => a.entityId)).size).toBe(300);
      const mails = await db
        .select()
        .from(mailOutbox)
        .where(like(mailOutbox.template, 'experts:mail.assigned_%'));
      expect(mails.filter((m) => m.template === 'experts:mail.assigned_retailer')).toHaveLength(300);
      expect(mails.filter((m) => m.template === 'experts:mail.assigned_expert')).toHaveLength(300);
      // Each in its reader's language.
      expect(mails.filter((m) => m.locale === 'en' && m.template.endsWith('retailer'))).toHaveLength(150);
      const queued = (await db.execute(
        sql`select count(*)::int as n from pgboss.job where name = 'mail.send'`,
      )) as unknown as { rows: { n: number }[] };
      expect(queued.rows[0]?.n).toBeGreaterThanOrEqual(600);

      // Both experts are full now: one more is refused with 409 naming the expert.
      const full = await json(await confirm([{ applicationId: ids[300]!, expertId: small.id }]));
      expect(full.status).toBe(409);
      expect(full.body).toMatchObject({ expertId: small.id, capacity: 100, activeFiles: 100 });
    } finally {
      await h2.close();
    }
  });
});

describe(`the matching page's use cases (${engine})`, () => {
  it('finds accepted businesses with each one’s current expert, and tells whether one may be assigned', async () => {
    const ctx = await h.as({ bearerToken: coordinator });
    const coach = await expert(h, coordinator, { name: 'Rémi Trouvé' });
    const coached = await coachedBy(h, programId, coordinator, coach, {
      legalName: 'Quincaillerie Trouvée inc.',
    });
    const waiting = await acceptedApplication(h, programId, coordinator, {
      legalName: 'Quincaillerie Libre inc.',
    });
    const pending = await submitted(h, programId, { legalName: 'Quincaillerie En attente inc.' });

    const found = await findAssignableBusinesses(ctx, { programId, q: 'Quincaillerie' });
    const expertOf = new Map(found.items.map((f) => [f.id, f.expert]));
    expect(expertOf.get(coached.id)).toBe('Rémi Trouvé');
    expect(expertOf.get(waiting.id)).toBeNull();
    // Only accepted businesses are found.
    expect(expertOf.has(pending.id)).toBe(false);

    const one = (applicationId: string) => getAssignableBusiness(ctx, { programId, applicationId });
    expect(await one(coached.id)).toMatchObject({
      state: 'coachable',
      expert: { id: coach.id, name: 'Rémi Trouvé' },
    });
    expect(await one(waiting.id)).toMatchObject({ state: 'coachable', expert: null });
    expect(await one(pending.id)).toMatchObject({ state: 'not_accepted' });
    expect(await one('not-an-id')).toBeUndefined();
    expect((await getAssignmentBoard(ctx)).experts.find((e) => e.id === coach.id)).toMatchObject({
      name: 'Rémi Trouvé',
      active: true,
    });
  });

  it('refuses the page to anyone outside the program team', async () => {
    const outsider = await h.as({ bearerToken: (await expert(h, coordinator)).token });
    await expect(getAssignmentBoard(outsider)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(findAssignableBusinesses(outsider, { programId, q: 'Quincaillerie' })).rejects.toMatchObject(
      { code: 'forbidden' },
    );
    await expect(getAssignmentBoard(await h.as({}))).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
