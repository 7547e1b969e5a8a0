import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as financeFilePage from '../../src/modules/funding/ui/finance-file.tsx';
import { auditEvents } from '../../src/platform/audit/table.ts';
import {
  grantsEnvelope,
  insertBankAccountForPayments,
  insertPaymentApprovedClaim,
} from '../support/funding.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId } from '../support/intake.ts';
import { importExtract, syntheticExtract } from '../support/registry.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let programId: string;
let envelopeId: string;
let coordinator: string;
let admin: string;
let finance: { id: string; token: string };

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  admin = await h.token((await h.user('admin')).email);
  coordinator = await h.token((await h.user('coordinator')).email);
  const officer = await h.user('finance');
  finance = { id: officer.id, token: await h.token(officer.email) };
  envelopeId = await grantsEnvelope(h, admin, programId, 'grants', [['2026-2027', 100_000_000]]);
});
afterAll(() => h?.close());

/** An accepted business of this NEQ with a claim approved for payment and verified bank details. */
async function approvedClaim(neq: string, legalName: string) {
  const app = await acceptedApplication(h, programId, coordinator, { neq, legalName });
  const { claimId } = await insertPaymentApprovedClaim(h.system, {
    programId,
    envelopeId,
    fiscalYear: 2026,
    applicationId: app.id,
    amountCents: 150_000,
    authorId: app.retailer.id,
  });
  await insertBankAccountForPayments(h.system, {
    applicationId: app.id,
    updatedBy: app.retailer.id,
    verifiedBy: finance.id,
  });
  return { ...app, claimId };
}

const preview = async () => {
  const res = await h.request('/api/v1/payment-batches/preview', {
    method: 'POST',
    token: finance.token,
    json: { programId },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    claims: { claimId: string }[];
    excluded: { claimId: string; reason: string }[];
  };
};
const post = (fields: Record<string, string>) => ({
  method: 'POST',
  body: new URLSearchParams({ _csrf: 'csrf', ...fields }),
});
const override = (applicationId: string, json: unknown, token = finance.token, locale = 'fr') =>
  h.request(`/api/v1/applications/${applicationId}/registry-override`, {
    method: 'POST',
    token,
    json,
    headers: { 'accept-language': locale },
  });

describe(`paying a business the registry blocks (${engine})`, () => {
  /** A bankrupt business, its override recorded from the page. */
  let later: Awaited<ReturnType<typeof approvedClaim>>;

  it('is left out of batches until finance records an override with a reason, audited', async () => {
    const struckOff = await approvedClaim('2222222222', 'Quincaillerie Fermée ltée');
    const open = await approvedClaim('1111111111', 'Boutique Zoé inc.');
    later = await approvedClaim('4444444444', 'Mode en Faillite inc.');
    // The extract that shows them struck off or bankrupt lands after their acceptance.
    await importExtract(h, admin, syntheticExtract());
    const before = await preview();
    expect(before.excluded).toContainEqual(
      expect.objectContaining({ claimId: struckOff.claimId, reason: 'registry_status' }),
    );
    expect(before.claims.map((c) => c.claimId)).toContain(open.claimId);

    // Neither the retailer nor a coordinator may decide it; a reason is required, in the reader's language.
    expect((await override(struckOff.id, { reason: 'Je paie' }, struckOff.token)).status).toBe(403);
    expect((await override(struckOff.id, { reason: 'Je paie' }, coordinator)).status).toBe(403);
    const blank = await override(struckOff.id, { reason: ' ' }, finance.token, 'en');
    expect(blank.status).toBe(422);
    expect((await blank.json()).errors).toEqual([
      { path: 'reason', message: 'Give the reason to pay despite the registry (at least 3 characters).' },
    ]);
    // A business the registry does not block needs none.
    expect((await override(open.id, { reason: 'Par prudence' })).status).toBe(409);
    expect((await preview()).excluded.map((e) => e.claimId)).toContain(struckOff.claimId);

    const recorded = await override(struckOff.id, {
      reason: 'Radiation révoquée le 2026-11-30, lettre au dossier',
    });
    expect(recorded.status).toBe(201);
    expect(await recorded.json()).toMatchObject({
      applicationId: struckOff.id,
      neq: '2222222222',
      reason: 'Radiation révoquée le 2026-11-30, lettre au dossier',
      recordedBy: finance.id,
    });
    const after = await preview();
    expect(after.claims.map((c) => c.claimId)).toEqual(
      expect.arrayContaining([struckOff.claimId, open.claimId]),
    );
    expect(after.excluded.map((e) => e.claimId)).not.toContain(struckOff.claimId);
    const audits = await h.services.database.db
      .select({ changes: auditEvents.changes, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'payment.registry_override_recorded'),
          eq(auditEvents.entityId, struckOff.id),
        ),
      );
    expect(audits).toEqual([
      {
        changes: { neq: '2222222222', reason: 'Radiation révoquée le 2026-11-30, lettre au dossier' },
        actorId: finance.id,
      },
    ]);
    // An administrator may record it too (a new reason replaces the old, audited again).
    expect((await override(struckOff.id, { reason: 'Confirmé par la direction' }, admin)).status).toBe(201);
  });

  it('is recorded from finance’s view of the file, with the reason asked for by name', async () => {
    const asFinance = await h.as({ bearerToken: finance.token });
    const url = `/finance/files/${later.id}`;
    const view = await renderPage(financeFilePage, asFinance, '/finance/files/:id', url);
    expect(view.html).toContain('cette entreprise est radiée ou en faillite');
    const blank = await renderPage(
      financeFilePage,
      asFinance,
      '/finance/files/:id',
      url,
      post({ intent: 'override', overrideReason: '' }),
    );
    expect(blank.status).toBe(422);
    expect(blank.html).toContain('href="#field-overrideReason"');
    const done = await renderPage(
      financeFilePage,
      asFinance,
      '/finance/files/:id',
      url,
      post({ intent: 'override', overrideReason: 'Faillite libérée, jugement au dossier' }),
    );
    expect(done.html).toContain('La dérogation est enregistrée');
    expect(done.html).toContain('Faillite libérée, jugement au dossier');
    expect((await preview()).claims.map((c) => c.claimId)).toContain(later.claimId);
    // The override replaced, the page says it was recorded, and asks no more.
    const after = await renderPage(financeFilePage, asFinance, '/finance/files/:id', url);
    expect(after.html).toContain('Dérogation enregistrée le');
    expect(after.html).not.toContain('Payer malgré le registre');
  });
});
