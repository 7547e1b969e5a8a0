import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications } from '../../src/modules/intake/db/tables.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import {
  allConsents,
  business,
  defaultProgramId,
  submitted,
  unverify,
  verifiedRetailer,
} from '../support/intake.ts';

let h: Harness;
let programId: string;
let coordinator: string;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
});
afterAll(() => h?.close());

const applicationCount = async () =>
  (await h.services.database.db.select({ n: sql<number>`count(*)::int` }).from(applications))[0]!.n;
const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const paths = (body: { errors: { path: string }[] }) => body.errors.map((e) => e.path).sort();

describe(`public program page and pre-check (${engine})`, () => {
  it('lists the default program with live figures, criteria and consent texts', async () => {
    const { status, body } = await json(await h.request(`/api/v1/programs/${programId}`));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      name: 'Virage numérique des détaillants',
      targetRetailers: 3000,
      placesRemaining: 3000,
      intakeOpen: true,
      criteriaVersion: 1,
      full: false,
    });
    expect(body.criteria.map((c: { id: string }) => c.id)).toContain('small_business');
    expect(body.consentTexts.find((c: { purpose: string }) => c.purpose === 'participation')).toMatchObject({
      required: true,
      version: 1,
    });
    const en = await json(await h.request('/api/v1/programs', { headers: { 'accept-language': 'en' } }));
    expect(en.body.items[0].name).toBe('Digital Shift for Retailers');
  });

  it('answers the anonymous pre-check with each criterion explained, storing nothing', async () => {
    const before = await applicationCount();
    const facts = {
      neq: '1143920115',
      postalCode: 'H2X 1Y4',
      region: '06',
      naics: '458',
      employees: 72,
      foundedYear: 2010,
    };
    const fr = await json(
      await h.request(`/api/v1/programs/${programId}/eligibility-check`, { method: 'POST', json: facts }),
    );
    expect(fr.status).toBe(200);
    expect(fr.body.eligible).toBe(false);
    const size = fr.body.criteria.find((c: { id: string }) => c.id === 'small_business');
    expect(size).toMatchObject({
      passed: false,
      message:
        "Votre entreprise compte 72 employés ; le programme s'adresse aux entreprises de 50 employés ou moins.",
    });
    // Whether a NEQ is already in the program is never revealed to anonymous visitors.
    expect(fr.body.criteria.map((c: { id: string }) => c.id)).not.toContain('not_already_in_program');
    const ok = await json(
      await h.request(`/api/v1/programs/${programId}/eligibility-check`, {
        method: 'POST',
        headers: { 'accept-language': 'en' },
        json: { ...facts, employees: 8 },
      }),
    );
    expect(ok.body.eligible).toBe(true);
    expect(
      ok.body.criteria.every(
        (c: { message: string }) => /^[A-Z]/.test(c.message) && !c.message.includes('{{'),
      ),
    ).toBe(true);
    expect(await applicationCount()).toBe(before);
  });

  it('refuses a postal code or a region no Québec business can have as a field error, not a verdict', async () => {
    const outside = await json(
      await h.request(`/api/v1/programs/${programId}/eligibility-check`, {
        method: 'POST',
        headers: { 'accept-language': 'en' },
        json: {
          neq: '1143920115',
          postalCode: 'K1A 0B1',
          region: '99',
          naics: '458',
          employees: 8,
          foundedYear: 2010,
        },
      }),
    );
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toEqual([
      { path: 'region', message: "Region must be a code from 01 to 17 (one of Québec's 17 regions)." },
      { path: 'postalCode', message: 'Postal code must be a Québec postal code (starting with G, H or J).' },
    ]);
  });

  it('refuses malformed pre-check input with field-named errors', async () => {
    const res = await json(
      await h.request(`/api/v1/programs/${programId}/eligibility-check`, {
        method: 'POST',
        json: {
          neq: 1143920115,
          postalCode: 'H2X 1Y4',
          region: '06',
          naics: '458',
          employees: '12',
          foundedYear: 2010,
          extra: true,
        },
      }),
    );
    expect(res.status).toBe(422);
    expect(paths(res.body)).toEqual(['employees', 'extra', 'neq']);
  });

  it('asks for the facts left blank instead of judging them, and refuses a founding year to come', async () => {
    const check = (json: unknown) =>
      h.request(`/api/v1/programs/${programId}/eligibility-check`, { method: 'POST', json });
    const blank = await json(
      await check({ neq: '', postalCode: ' ', region: '', naics: '', employees: 8, foundedYear: 2015 }),
    );
    expect(blank.status).toBe(422);
    expect(paths(blank.body)).toEqual(['naics', 'neq', 'postalCode', 'region']);
    expect(blank.body.errors.find((e: { path: string }) => e.path === 'postalCode').message).toBe(
      'Le champ « Code postal » est obligatoire.',
    );
    const future = await json(
      await check({
        neq: '1143920115',
        postalCode: 'H2X 1Y4',
        region: '06',
        naics: '458',
        employees: 8,
        foundedYear: 2090,
      }),
    );
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([
      {
        path: 'foundedYear',
        message: expect.stringMatching(
          /^Le champ « Année de fondation » ne peut pas dépasser l'année en cours \(\d{4}\)\.$/,
        ),
      },
    ]);
  });
});

describe(`applying (${engine})`, () => {
  it('creates a draft, derives the region from the municipality, keeps text intact and inert', async () => {
    const retailer = await verifiedRetailer(h);
    const name = `<script>alert("x")</script> L'Épicerie d'à côté 🍎`;
    const res = await json(
      await h.request('/api/v1/applications', {
        method: 'POST',
        token: retailer.token,
        json: {
          programId,
          business: business({
            legalName: name,
            municipality: 'trois rivieres',
            postalCode: 'G9A 5H7',
            neq: '1143-920-116',
          }),
        },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', neqWarning: true });
    expect(res.body.business).toMatchObject({
      legalName: name,
      municipality: 'Trois-Rivières',
      region: '04',
      postalCode: 'G9A 5H7',
      neq: '1143920116',
      phone: '514 555-0123',
    });
    expect(res.body.consents).toEqual({
      participation: false,
      research: false,
      surveys: false,
      publication: false,
      newsletter: false,
    });
  });

  it('rejects bad input on every kind of field, naming each, and writes nothing', async () => {
    const retailer = await verifiedRetailer(h);
    const before = await applicationCount();
    const res = await json(
      await h.request('/api/v1/applications', {
        method: 'POST',
        token: retailer.token,
        headers: { 'accept-language': 'en' },
        json: {
          programId,
          business: business({
            neq: '123',
            postalCode: 'K1A 0B1',
            phone: '12',
            email: 'nope',
            website: 'javascript:alert(1)',
            employees: '12',
            foundedYear: 1700,
            goals: 'x'.repeat(10_000),
            color: 'blue',
          }),
        },
      }),
    );
    expect(res.status).toBe(422);
    expect(paths(res.body)).toEqual(
      [
        'business.color',
        'business.email',
        'business.employees',
        'business.foundedYear',
        'business.goals',
        'business.neq',
        'business.phone',
        'business.postalCode',
        'business.website',
      ].sort(),
    );
    const postal = res.body.errors.find((e: { path: string }) => e.path === 'business.postalCode');
    expect(postal.message).toBe('Postal code must be a Québec postal code (starting with G, H or J).');
    const message = (path: string) => res.body.errors.find((e: { path: string }) => e.path === path).message;
    // Numbers are written the reader's way; a year stays as typed.
    expect(message('business.goals')).toContain('at most 4,000 characters');
    expect(message('business.foundedYear')).toMatch(/at least 1800\.$/);
    expect(await applicationCount()).toBe(before);
  });

  it('refuses a founding year to come on the application, naming the field, and saves nothing of it', async () => {
    const retailer = await verifiedRetailer(h);
    const created = await json(
      await h.request('/api/v1/applications', {
        method: 'POST',
        token: retailer.token,
        json: { programId, business: business() },
      }),
    );
    const res = await json(
      await h.request(`/api/v1/applications/${created.body.id}`, {
        method: 'PATCH',
        token: retailer.token,
        headers: { 'accept-language': 'en' },
        json: { business: { foundedYear: 2090 } },
      }),
    );
    expect(res.status).toBe(422);
    expect(paths(res.body)).toEqual(['business.foundedYear']);
    expect(res.body.errors[0].message).toMatch(
      /^Year founded cannot be later than the current year \(\d{4}\)\.$/,
    );
    const [row] = await h.services.database.db
      .select({ foundedYear: applications.foundedYear })
      .from(applications)
      .where(eq(applications.id, created.body.id));
    expect(row?.foundedYear).toBe(business().foundedYear);
  });

  it('checks that a given region agrees with the municipality, and names ambiguous municipalities', async () => {
    const retailer = await verifiedRetailer(h);
    const mismatch = await json(
      await h.request('/api/v1/applications', {
        method: 'POST',
        token: retailer.token,
        json: { programId, business: business({ region: '03' }) },
      }),
    );
    expect(mismatch.status).toBe(422);
    expect(paths(mismatch.body)).toEqual(['business.region']);
    const unknown = await json(
      await h.request('/api/v1/applications', {
        method: 'POST',
        token: retailer.token,
        json: { programId, business: business({ municipality: 'Atlantis' }) },
      }),
    );
    expect(paths(unknown.body)).toEqual(['business.municipality']);
  });

  it('refuses a postal code or a region no Québec business can have, on creation and on change', async () => {
    const retailer = await verifiedRetailer(h);
    const created = await json(
      await h.request('/api/v1/applications', {
        method: 'POST',
        token: retailer.token,
        json: { programId, business: business({ postalCode: 'A1A 1A1', region: '99' }) },
      }),
    );
    expect(created.status).toBe(422);
    expect(paths(created.body)).toEqual(['business.postalCode', 'business.region']);
    const draft = await json(
      await h.request('/api/v1/applications', { method: 'POST', token: retailer.token, json: { programId } }),
    );
    const changed = await json(
      await h.request(`/api/v1/applications/${draft.body.id}`, {
        method: 'PATCH',
        token: retailer.token,
        headers: { 'accept-language': 'en' },
        json: { business: { postalCode: 'K1A 0B1', region: '00' } },
      }),
    );
    expect(changed.status).toBe(422);
    expect(changed.body.errors).toEqual([
      { path: 'business.postalCode', message: expect.stringContaining('Québec postal code') },
      {
        path: 'business.region',
        message: "Administrative region must be a code from 01 to 17 (one of Québec's 17 regions).",
      },
    ]);
  });

  it('saves as it goes, then submits with the eligibility explained, and sends a receipt', async () => {
    const retailer = await verifiedRetailer(h, { locale: 'en' });
    const created = await json(
      await h.request('/api/v1/applications', {
        method: 'POST',
        token: retailer.token,
        json: { programId, business: { legalName: 'Quincaillerie Gagnon' } },
      }),
    );
    const id = created.body.id;
    const early = await json(
      await h.request(`/api/v1/applications/${id}/submit`, { method: 'POST', token: retailer.token }),
    );
    expect(early.status).toBe(422);
    expect(paths(early.body)).toContain('business.neq');
    expect(paths(early.body)).toContain('consents.participation');
    expect(paths(early.body)).toContain('attestation');
    const saved = await json(
      await h.request(`/api/v1/applications/${id}`, {
        method: 'PATCH',
        token: retailer.token,
        json: {
          business: business({
            legalName: 'Quincaillerie Gagnon',
            neq: '2234567891',
            naics: '444',
            phone: '418 555-0199',
            email: 'info@gagnon.ca',
            street: '4 rue du Pont',
            postalCode: 'G1K 1A1',
            municipality: 'Québec',
          }),
          consents: allConsents,
          attestation: true,
          draftStep: 4,
        },
      }),
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ draftStep: 4, attestation: true, consents: allConsents });
    const done = await json(
      await h.request(`/api/v1/applications/${id}/submit`, { method: 'POST', token: retailer.token }),
    );
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('submitted');
    expect(done.body.eligibility).toMatchObject({ eligible: true, criteriaVersion: 1 });
    expect(done.body.eligibility.criteria).toHaveLength(6);
    const [receipt] = await h.services.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, retailer.email));
    expect(receipt).toMatchObject({ subject: 'We have received your application', locale: 'en' });
    expect(receipt!.textBody).toContain('✓ Your business has 12 employees');
    // Once submitted, it can no longer be edited, nor submitted again.
    const edit = await h.request(`/api/v1/applications/${id}`, {
      method: 'PATCH',
      token: retailer.token,
      json: { business: { tradeName: 'X' } },
    });
    expect(edit.status).toBe(409);
    expect(
      (await h.request(`/api/v1/applications/${id}/submit`, { method: 'POST', token: retailer.token }))
        .status,
    ).toBe(409);
  });

  it('asks a self-registered retailer to confirm their address before submitting', async () => {
    const retailer = await verifiedRetailer(h);
    await unverify(h, retailer.id);
    const created = await json(
      await h.request('/api/v1/applications', {
        method: 'POST',
        token: retailer.token,
        json: {
          programId,
          business: business({ neq: '3312345679' }),
          consents: allConsents,
          attestation: true,
        },
      }),
    );
    const res = await json(
      await h.request(`/api/v1/applications/${created.body.id}/submit`, {
        method: 'POST',
        token: retailer.token,
      }),
    );
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('Confirmez');
  });

  it('marks the second active application with the same NEQ as not eligible', async () => {
    await submitted(h, programId, { neq: '1122334455' });
    const second = await submitted(h, programId, { neq: '1122334455' });
    const view = await json(await h.request(`/api/v1/applications/${second.id}`, { token: second.token }));
    const duplicate = view.body.eligibility.criteria.find(
      (c: { id: string }) => c.id === 'not_already_in_program',
    );
    expect(duplicate.passed).toBe(false);
  });

  it('keeps each retailer to their own applications', async () => {
    const mine = await submitted(h, programId, { neq: '1199887766' });
    const other = await verifiedRetailer(h);
    expect((await h.request(`/api/v1/applications/${mine.id}`, { token: other.token })).status).toBe(404);
    expect(
      (await h.request(`/api/v1/applications/${mine.id}`, { method: 'PATCH', token: other.token, json: {} }))
        .status,
    ).toBe(404);
    expect(
      (await h.request(`/api/v1/applications/${mine.id}/withdraw`, { method: 'POST', token: other.token }))
        .status,
    ).toBe(404);
    const list = await json(await h.request('/api/v1/applications', { token: other.token }));
    expect(list.body.items).toEqual([]);
  });
});

describe(`review and decisions (${engine})`, () => {
  it('accepts, refuses with a reason, and answers 409 to impossible moves', async () => {
    const a = await submitted(h, programId, { neq: '2211334455' });
    const noReason = await json(
      await h.request(`/api/v1/applications/${a.id}/decision`, {
        method: 'POST',
        token: coordinator,
        json: { decision: 'refused' },
      }),
    );
    expect(noReason.status).toBe(422);
    expect(paths(noReason.body)).toEqual(['reason']);
    const accepted = await json(
      await h.request(`/api/v1/applications/${a.id}/decision`, {
        method: 'POST',
        token: coordinator,
        json: { decision: 'accepted' },
      }),
    );
    expect(accepted.body).toMatchObject({ status: 'accepted', capacityReached: false });
    const impossible = await h.request(`/api/v1/applications/${a.id}/decision`, {
      method: 'POST',
      token: coordinator,
      json: { decision: 'refused', reason: 'x' },
    });
    expect(impossible.status).toBe(409);
    const retailerTry = await h.request(`/api/v1/applications/${a.id}/decision`, {
      method: 'POST',
      token: a.token,
      json: { decision: 'accepted' },
    });
    expect(retailerTry.status).toBe(403);
  });

  it('asks for information; the retailer completes and resubmits', async () => {
    const a = await submitted(h, programId, { neq: '2233445566' });
    await h.request(`/api/v1/applications/${a.id}/decision`, {
      method: 'POST',
      token: coordinator,
      json: { decision: 'info_requested', reason: 'Ajoutez votre site Web.' },
    });
    const view = await json(await h.request(`/api/v1/applications/${a.id}`, { token: a.token }));
    expect(view.body).toMatchObject({ status: 'info_requested', infoRequest: 'Ajoutez votre site Web.' });
    await h.request(`/api/v1/applications/${a.id}`, {
      method: 'PATCH',
      token: a.token,
      json: { business: { website: 'https://nouveau.ca' } },
    });
    const again = await json(
      await h.request(`/api/v1/applications/${a.id}/submit`, { method: 'POST', token: a.token }),
    );
    expect(again.body).toMatchObject({ status: 'submitted', infoRequest: null });
    expect(again.body.history.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'submitted',
      'info_requested',
      'updated',
      'submitted',
    ]);
  });

  it('flags possible duplicates and keeps notes for the team only', async () => {
    const a = await submitted(h, programId, { neq: '3344556677', phone: '819 555-7777' });
    const b = await submitted(h, programId, { neq: '3344556688', phone: '(819) 555-7777' });
    await h.request(`/api/v1/applications/${b.id}/notes`, {
      method: 'POST',
      token: coordinator,
      json: { text: `Même téléphone que ${a.id}` },
    });
    const staffView = await json(await h.request(`/api/v1/applications/${b.id}`, { token: coordinator }));
    expect(staffView.body.duplicates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: a.id, matches: expect.arrayContaining(['phone']) }),
      ]),
    );
    expect(staffView.body.history.some((e: { kind: string }) => e.kind === 'note')).toBe(true);
    const retailerView = await json(await h.request(`/api/v1/applications/${b.id}`, { token: b.token }));
    expect(retailerView.body.duplicates).toBeUndefined();
    expect(retailerView.body.history.some((e: { kind: string }) => e.kind === 'note')).toBe(false);
  });

  it('filters, searches and pages the review queue', async () => {
    await submitted(h, programId, {
      neq: '4455667788',
      legalName: 'Fromagerie Côté',
      municipality: 'Sherbrooke',
      postalCode: 'J1H 1A1',
    });
    const byName = await json(
      await h.request('/api/v1/applications?q=fromagerie%20cote', { token: coordinator }),
    );
    expect(byName.body.items.map((i: { legalName: string }) => i.legalName)).toEqual(['Fromagerie Côté']);
    const byNeq = await json(await h.request('/api/v1/applications?q=4455-66', { token: coordinator }));
    expect(byNeq.body.items).toHaveLength(1);
    const estrie = await json(await h.request('/api/v1/applications?region=05', { token: coordinator }));
    expect(estrie.body.items.every((i: { region: string }) => i.region === '05')).toBe(true);
    const first = await json(
      await h.request('/api/v1/applications?limit=2&sort=oldest', { token: coordinator }),
    );
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBeGreaterThan(2);
    const second = await json(
      await h.request(`/api/v1/applications?limit=2&sort=oldest&cursor=${first.body.nextCursor}`, {
        token: coordinator,
      }),
    );
    expect(second.body.items[0].id).not.toBe(first.body.items[1].id);
    const bad = await json(
      await h.request('/api/v1/applications?region=99&status=maybe', { token: coordinator }),
    );
    expect(bad.status).toBe(422);
    expect(paths(bad.body)).toEqual(['region', 'status']);
  });

  it('decides a selection in bulk, reporting each one', async () => {
    const a = await submitted(h, programId, { neq: '5566778899' });
    const b = await submitted(h, programId, { neq: '5566778800' });
    await h.request(`/api/v1/applications/${b.id}/withdraw`, { method: 'POST', token: b.token });
    const res = await json(
      await h.request('/api/v1/applications/decisions', {
        method: 'POST',
        token: coordinator,
        json: {
          ids: [a.id, b.id],
          decision: 'info_requested',
          reason: 'Joindre le registre des entreprises.',
        },
      }),
    );
    expect(res.body.results).toEqual([
      expect.objectContaining({ id: a.id, ok: true, status: 'info_requested' }),
      expect.objectContaining({ id: b.id, ok: false }),
    ]);
  });
});

describe(`capacity and waitlist (${engine})`, () => {
  it('never accepts beyond the target: the next goes to the waitlist, and a freed place is proposed', async () => {
    const own = await createHarness();
    try {
      const pid = await defaultProgramId(own);
      const adminToken = await own.token((await own.user('admin')).email);
      const coordinatorAccount = await own.user('coordinator');
      const coordinatorToken = await own.token(coordinatorAccount.email);
      const setTarget = await own.request(`/api/v1/programs/${pid}`, {
        method: 'PATCH',
        token: adminToken,
        json: { targetRetailers: 1 },
      });
      expect(setTarget.status).toBe(204);
      const a = await submitted(own, pid, { neq: '6611223344' });
      const b = await submitted(own, pid, { neq: '6611223355' });
      const decide = (id: string) =>
        own.request(`/api/v1/applications/${id}/decision`, {
          method: 'POST',
          token: coordinatorToken,
          json: { decision: 'accepted' },
        });
      expect((await (await decide(a.id)).json()).status).toBe('accepted');
      const second = await (await decide(b.id)).json();
      expect(second).toMatchObject({ status: 'waitlisted', capacityReached: true, waitlistPosition: 1 });
      const page = await (await own.request(`/api/v1/programs/${pid}`)).json();
      expect(page).toMatchObject({ placesRemaining: 0, full: true, waitlistLength: 1 });
      // Accepting from the waitlist while full is refused plainly.
      expect((await decide(b.id)).status).toBe(409);

      await own.request(`/api/v1/applications/${a.id}/withdraw`, { method: 'POST', token: a.token });
      const summary = await (
        await own.request(`/api/v1/programs/${pid}/intake-summary`, { token: coordinatorToken })
      ).json();
      expect(summary).toMatchObject({ placesRemaining: 1, nextOnWaitlist: { id: b.id } });
      const [proposal] = await own.services.database.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.toAddress, coordinatorAccount.email));
      expect(proposal?.subject).toBe('Une place est libre dans le programme');
      expect((await (await decide(b.id)).json()).status).toBe('accepted');
    } finally {
      await own.close();
    }
  });

  it('waitlists only a full program, and serves the waitlist first come, first served once the target rises', async () => {
    const own = await createHarness();
    try {
      const pid = await defaultProgramId(own);
      const adminToken = await own.token((await own.user('admin')).email);
      const coordinatorToken = await own.token((await own.user('coordinator')).email);
      const setTarget = (targetRetailers: number) =>
        own.request(`/api/v1/programs/${pid}`, {
          method: 'PATCH',
          token: adminToken,
          json: { targetRetailers },
        });
      expect((await setTarget(2)).status).toBe(204);
      const apps = [];
      for (const neq of ['6622334411', '6622334422', '6622334433', '6622334444']) {
        apps.push(await submitted(own, pid, { neq }));
        own.clock.advance(60);
      }
      const decide = (id: string, json: Record<string, string>, locale = 'fr') =>
        own
          .request(`/api/v1/applications/${id}/decision`, {
            method: 'POST',
            token: coordinatorToken,
            headers: { 'accept-language': locale },
            json,
          })
          .then(async (res) => ({ status: res.status, body: await res.json() }));
      const [first, second, third, fourth] = apps.map((app) => app!) as [
        (typeof apps)[number],
        (typeof apps)[number],
        (typeof apps)[number],
        (typeof apps)[number],
      ];
      // Two places left: the waitlist is not for setting an application aside.
      const early = await decide(first.id, { decision: 'waitlisted' }, 'en');
      expect(early.status).toBe(409);
      expect(early.body.detail).toBe(
        '2 places remain in the program: the waitlist is for when the program is full. Accept the application, refuse it or ask for information.',
      );
      expect((await decide(first.id, { decision: 'accepted' })).body.status).toBe('accepted');
      expect((await decide(second.id, { decision: 'accepted' })).body.status).toBe('accepted');
      // Full: the next ones wait, in order.
      expect((await decide(third.id, { decision: 'accepted' })).body).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 1,
      });
      own.clock.advance(60);
      expect((await decide(fourth.id, { decision: 'waitlisted' })).body).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 2,
      });

      // The target rises: the newer one cannot silently take the place of the older one.
      expect((await setTarget(4)).status).toBe(204);
      const ahead = await decide(fourth.id, { decision: 'accepted' });
      expect(ahead.status).toBe(422);
      expect(ahead.body.errors).toEqual([
        {
          path: 'reason',
          message:
            "Indiquez le motif : une demande admissible plus ancienne attend sur la liste d'attente (premier arrivé, premier servi).",
        },
      ]);
      const inEnglish = await decide(fourth.id, { decision: 'accepted' }, 'en');
      expect(inEnglish.body.errors[0].message).toBe(
        'Give the reason: an older eligible application is waiting on the waitlist (first come, first served).',
      );
      // In bulk too, the row says why.
      const bulk = await own.request('/api/v1/applications/decisions', {
        method: 'POST',
        token: coordinatorToken,
        json: { ids: [fourth.id], decision: 'accepted' },
      });
      expect((await bulk.json()).results).toEqual([
        expect.objectContaining({
          id: fourth.id,
          ok: false,
          error: expect.stringContaining('Indiquez le motif'),
        }),
      ]);
      // The waitlist, in its order, for the team to propose.
      const line = await own.request('/api/v1/applications?sort=waitlist', { token: coordinatorToken });
      expect((await line.json()).items.map((i: { id: string }) => i.id)).toEqual([third.id, fourth.id]);
      // In order, no reason is needed; out of order, a reason is kept in the history.
      const outOfOrder = await decide(fourth.id, {
        decision: 'accepted',
        reason: 'Projet saisonnier urgent.',
      });
      expect(outOfOrder.body.status).toBe('accepted');
      const history = await own.request(`/api/v1/applications/${fourth.id}`, { token: coordinatorToken });
      expect((await history.json()).history.at(-1)).toMatchObject({
        kind: 'accepted',
        message: 'Projet saisonnier urgent.',
      });
      expect((await decide(third.id, { decision: 'accepted' })).body.status).toBe('accepted');
    } finally {
      await own.close();
    }
  });

  it.skipIf(engine !== 'postgres')(
    'gives the last place to exactly one of two coordinators accepting at the same moment',
    async () => {
      const own = await createHarness();
      try {
        const pid = await defaultProgramId(own);
        const adminToken = await own.token((await own.user('admin')).email);
        await own.request(`/api/v1/programs/${pid}`, {
          method: 'PATCH',
          token: adminToken,
          json: { targetRetailers: 1 },
        });
        const first = await own.token((await own.user('coordinator')).email);
        const secondCoordinator = await own.token((await own.user('coordinator')).email);
        for (let round = 0; round < 5; round++) {
          const a = await submitted(own, pid, { neq: `77112233${round}4` });
          const b = await submitted(own, pid, { neq: `77112233${round}5` });
          const results = await Promise.all([
            own.request(`/api/v1/applications/${a.id}/decision`, {
              method: 'POST',
              token: first,
              json: { decision: 'accepted' },
            }),
            own.request(`/api/v1/applications/${b.id}/decision`, {
              method: 'POST',
              token: secondCoordinator,
              json: { decision: 'accepted' },
            }),
          ]);
          const statuses = (await Promise.all(results.map((r) => r.json()))).map((r) => r.status).sort();
          expect(statuses).toEqual(['accepted', 'waitlisted']);
          const accepted = await own.services.database.db
            .select({ n: sql<number>`count(*)::int` })
            .from(applications)
            .where(eq(applications.status, 'accepted'));
          expect(accepted[0]!.n).toBe(1);
          // Free the place for the next round.
          const winner = (
            await Promise.all(
              [a, b].map(async (x) => ({
                x,
                s: (
                  await (await own.request(`/api/v1/applications/${x.id}`, { token: x.token })).json()
                ).status,
              })),
            )
          ).find((w) => w.s === 'accepted')!;
          await own.request(`/api/v1/applications/${winner.x.id}/withdraw`, {
            method: 'POST',
            token: winner.x.token,
          });
          const loser = winner.x === a ? b : a;
          await own.request(`/api/v1/applications/${loser.id}/withdraw`, {
            method: 'POST',
            token: loser.token,
          });
        }
      } finally {
        await own.close();
      }
    },
  );
});
