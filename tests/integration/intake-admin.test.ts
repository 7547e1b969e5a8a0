import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA } from '../../src/modules/intake/domain/eligibility.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { allConsents, business, defaultProgramId, submitted, verifiedRetailer } from '../support/intake.ts';

let h: Harness;
let programId: string;
let coordinator: string;
let admin: string;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
  admin = await h.token((await h.user('admin')).email);
});
afterAll(() => h?.close());

const json = async (res: Response) => ({ status: res.status, body: await res.json() });

describe(`program settings (${engine})`, () => {
  it('publishes a new criteria version; submitted applications keep the version they were judged by', async () => {
    const early = await submitted(h, programId, { neq: '1212121219', employees: 40 });
    const stricter = DEFAULT_CRITERIA.map((c) =>
      c.id === 'small_business'
        ? {
            ...c,
            test: { op: 'lte' as const, fact: 'employees', value: 20 },
            label: { fr: '20 employés ou moins', en: '20 employees or fewer' },
          }
        : c,
    );
    const published = await json(
      await h.request(`/api/v1/programs/${programId}/criteria`, {
        method: 'PUT',
        token: admin,
        json: { criteria: stricter },
      }),
    );
    expect(published).toEqual({ status: 200, body: { version: 2 } });
    const late = await submitted(h, programId, { neq: '1313131314', employees: 40 });
    const earlyView = (
      await json(await h.request(`/api/v1/applications/${early.id}`, { token: coordinator }))
    ).body;
    const lateView = (await json(await h.request(`/api/v1/applications/${late.id}`, { token: coordinator })))
      .body;
    expect(earlyView.eligibility).toMatchObject({ eligible: true, criteriaVersion: 1 });
    expect(lateView.eligibility).toMatchObject({ eligible: false, criteriaVersion: 2 });
    expect(lateView.eligibility.criteria.find((c: { id: string }) => c.id === 'small_business').message).toBe(
      "Votre entreprise compte 40 employés ; le programme s'adresse aux entreprises de 20 employés ou moins.",
    );
    // Restore for the other tests.
    await h.request(`/api/v1/programs/${programId}/criteria`, {
      method: 'PUT',
      token: admin,
      json: { criteria: DEFAULT_CRITERIA },
    });
  });

  it('refuses malformed criteria, naming the place of the error', async () => {
    const res = await json(
      await h.request(`/api/v1/programs/${programId}/criteria`, {
        method: 'PUT',
        token: admin,
        json: {
          criteria: [
            {
              ...DEFAULT_CRITERIA[0],
              id: 'Bad Id',
              test: { op: 'between', fact: 'employees', min: 10, max: 1 },
            },
          ],
        },
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['criteria.0.id']),
    );
  });

  it('versions consent texts and changes the intake window; both audited', async () => {
    const texts = await json(
      await h.request(`/api/v1/programs/${programId}/consent-texts`, {
        method: 'PUT',
        token: admin,
        json: {
          texts: {
            surveys: {
              fr: 'Nouveau texte du consentement aux sondages, plus précis.',
              en: 'New text of the survey consent, more precise.',
            },
          },
        },
      }),
    );
    expect(texts.body).toEqual({ versions: { surveys: 2 } });
    const closed = await h.request(`/api/v1/programs/${programId}`, {
      method: 'PATCH',
      token: admin,
      json: { intakeClosesAt: '2026-12-31T23:59:59-05:00' },
    });
    expect(closed.status).toBe(204);
    const page = (await json(await h.request(`/api/v1/programs/${programId}`))).body;
    expect(page.intakeOpen).toBe(false);
    expect(page.consentTexts.find((c: { purpose: string }) => c.purpose === 'surveys').version).toBe(2);
    const retailer = await verifiedRetailer(h);
    const created = await json(
      await h.request('/api/v1/applications', {
        method: 'POST',
        token: retailer.token,
        json: {
          programId,
          business: business({ neq: '1414141419' }),
          consents: allConsents,
          attestation: true,
        },
      }),
    );
    const refused = await json(
      await h.request(`/api/v1/applications/${created.body.id}/submit`, {
        method: 'POST',
        token: retailer.token,
      }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe('La période de dépôt des demandes est fermée.');
    await h.request(`/api/v1/programs/${programId}`, {
      method: 'PATCH',
      token: admin,
      json: { intakeClosesAt: null },
    });
    const audit = (await json(await h.request('/api/v1/audit-events?action=program.', { token: admin })))
      .body;
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'program.criteria_published',
        'program.consent_texts_published',
        'program.settings_changed',
      ]),
    );
    const bad = await json(
      await h.request(`/api/v1/programs/${programId}`, {
        method: 'PATCH',
        token: admin,
        json: { intakeOpensAt: 'demain', targetRetailers: -3 },
      }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'intakeOpensAt',
      'targetRetailers',
    ]);
  });
});

describe(`partners (${engine})`, () => {
  it('see the retailers they referred, with status only', async () => {
    const created = await json(
      await h.request('/api/v1/partners', {
        method: 'POST',
        token: coordinator,
        json: { programId, name: 'SDC du Plateau', referralCode: 'plateau-1' },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body.referralCode).toBe('PLATEAU-1');
    const partner = await h.user('partner');
    const partnerToken = await h.token(partner.email);
    expect(
      (
        await h.request(`/api/v1/partners/${created.body.id}/members`, {
          method: 'POST',
          token: coordinator,
          json: { email: partner.email },
        })
      ).status,
    ).toBe(204);

    const referred = await submitted(h, programId, {
      neq: '1515151517',
      legalName: 'Librairie Paquet',
      tradeName: 'Paquet Livres',
    });
    await h.request(`/api/v1/applications/${referred.id}/decision`, {
      method: 'POST',
      token: coordinator,
      json: { decision: 'info_requested', reason: 'Précisez' },
    });
    const patched = await h.request(`/api/v1/applications/${referred.id}`, {
      method: 'PATCH',
      token: referred.token,
      json: { referralCode: 'plateau-1' },
    });
    expect(patched.status).toBe(200);
    const notReferred = await submitted(h, programId, { neq: '1616161618' });

    const list = await json(await h.request('/api/v1/applications', { token: partnerToken }));
    expect(list.body.organization.name).toBe('SDC du Plateau');
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: referred.id, name: 'Paquet Livres', status: 'info_requested' }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain('zoe@chezzoe.ca');
    const one = await json(await h.request(`/api/v1/applications/${referred.id}`, { token: partnerToken }));
    expect(one.status).toBe(200);
    expect(one.body.business).toBeUndefined();
    expect(one.body).toMatchObject({ status: 'info_requested', tradeName: 'Paquet Livres' });
    expect((await h.request(`/api/v1/applications/${notReferred.id}`, { token: partnerToken })).status).toBe(
      404,
    );
    const badCode = await json(
      await h.request(`/api/v1/applications/${referred.id}`, {
        method: 'PATCH',
        token: referred.token,
        json: { referralCode: 'NOPE-00' },
      }),
    );
    expect(badCode.body.errors[0].path).toBe('referralCode');
  });
});

describe(`paper applications (${engine})`, () => {
  const header =
    'legal_name,trade_name,neq,street,municipality,postal_code,phone,email,naics,employees,founded_year,contact_name,consent_research';
  const file = [
    header,
    '"Boulangerie Roy, inc.",Chez Roy,1717171715,"12, rue Principale",Rimouski,G5L 1A1,418 555-0101,roy@roy.ca,445,4,1999,Luc Roy,oui',
    'Bijouterie Ste-Foy,,1818181813,3 av. Lavigueur,Québec,K1A 0B1,418 555-0102,bijoux@sf.ca,458,2,2005,Ana Ste-Foy,non',
    'Dépanneur Doublon,,1717171715,5 rue Test,Laval,H7N 1A1,450 555-0103,d@d.ca,455,3,2001,Ed Double,',
  ].join('\n');

  it('imports valid rows, reports bad ones by line and column, and is idempotent by NEQ', async () => {
    const first = await json(
      await h.request('/api/v1/applications/import', {
        method: 'POST',
        token: coordinator,
        json: { programId, csv: file },
      }),
    );
    expect(first.status).toBe(200);
    expect(first.body.created).toEqual([expect.objectContaining({ row: 2, neq: '1717171715' })]);
    expect(first.body.errors).toEqual([expect.objectContaining({ row: 3, path: 'postal_code' })]);
    expect(first.body.skipped).toEqual([{ row: 4, neq: '1717171715', reason: 'repeated_in_file' }]);
    const view = await json(
      await h.request(`/api/v1/applications/${first.body.created[0].id}`, { token: coordinator }),
    );
    expect(view.body).toMatchObject({
      status: 'submitted',
      attestation: true,
      consents: { participation: true, research: true, surveys: false, publication: false },
      business: { legalName: 'Boulangerie Roy, inc.', region: '01' },
    });
    const again = await json(
      await h.request('/api/v1/applications/import', {
        method: 'POST',
        token: coordinator,
        json: { programId, csv: file },
      }),
    );
    expect(again.body.created).toEqual([]);
    expect(again.body.skipped).toEqual(
      expect.arrayContaining([{ row: 2, neq: '1717171715', reason: 'already_in_program' }]),
    );
  });

  it('refuses a file without the required columns', async () => {
    const res = await json(
      await h.request('/api/v1/applications/import', {
        method: 'POST',
        token: coordinator,
        json: { programId, csv: 'name,phone\nA,1\n' },
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'csv' });
    expect(res.body.errors[0].message).toContain('legal_name');
  });
});
