import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signalsRecompute } from '../../src/cli/commands/signals-recompute.ts';
import * as reviewClaim from '../../src/modules/funding/ui/review-claim.tsx';
import { applications } from '../../src/modules/intake/db/tables.ts';
import * as reviewApplication from '../../src/modules/intake/ui/review-application.tsx';
import { recomputeSignals } from '../../src/modules/signals/index.ts';
import * as signalPage from '../../src/modules/signals/ui/signal.tsx';
import * as signalsPage from '../../src/modules/signals/ui/signals.tsx';
import { auditEvents } from '../../src/platform/audit/table.ts';
import type { FormFailure } from '../../src/platform/ui/route.server.ts';
import {
  acceptedAgreementFor,
  attachClaimReceipts,
  CLAIM_TEST_RULES,
  grantsEnvelopeForClaims,
  insertBankAccountForPayments,
} from '../support/funding.ts';
import { createHarness, engine, type Harness, PASSWORD } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId, submitted } from '../support/intake.ts';
import { send } from '../support/pages.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let programId: string;
let envelopeId: string;
let coordinator: { id: string; token: string };
let admin: { id: string; token: string };

const account = async (role: 'coordinator' | 'finance' | 'admin' | 'retailer' | 'expert') => {
  const { id, email } = await h.user(role);
  return { id, token: await h.token(email) };
};

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  admin = await account('admin');
  coordinator = await account('coordinator');
  envelopeId = await grantsEnvelopeForClaims(h, programId, admin.token);
  const rules = await h.request(`/api/v1/programs/${programId}/aid-rules`, {
    method: 'PUT',
    token: admin.token,
    json: CLAIM_TEST_RULES,
  });
  if (rules.status !== 200) throw new Error(`aid rules failed: ${await rules.text()}`);
});
afterAll(() => h?.close());

let n = 0;
/** A business of its own: a NEQ, e-mail, phone and street nobody else has (the same name as everyone). */
function own(overrides: Record<string, unknown> = {}) {
  n++;
  return {
    neq: `44${String(n).padStart(8, '0')}`,
    email: `boutique${n}@exemple.ca`,
    phone: `514-666-${String(1000 + n)}`,
    street: `${100 + n}, rue Principale`,
    ...overrides,
  };
}

type SignalBody = {
  id: string;
  kind: string;
  status: string;
  explanation: string;
  files: { applicationId: string; claimId: string | null; businessName: string | null }[];
  resolution: { outcome: string; reason: string; resolvedBy: string } | null;
};

async function signalsOf(query: Record<string, string>, token = coordinator.token, locale = 'fr') {
  const res = await h.request(`/api/v1/signals?${new URLSearchParams(query)}`, {
    token,
    headers: { 'accept-language': locale },
  });
  expect(res.status).toBe(200);
  return (await res.json()).items as SignalBody[];
}

const kindsOf = async (applicationId: string) =>
  (await signalsOf({ applicationId })).map((s) => s.kind).filter((k) => k !== 'many_from_network');

const resolve = (id: string, json: unknown, token = coordinator.token) =>
  h.request(`/api/v1/signals/${id}/resolution`, { method: 'POST', token, json });

describe(`abuse signals (${engine})`, () => {
  it('raises a signal per shared NEQ, e-mail, phone and address, and none for the same name alone', async () => {
    const mine = own();
    const first = await submitted(h, programId, mine);
    const shared = own();
    const sameNeq = await submitted(h, programId, own({ neq: shared.neq }));
    await submitted(h, programId, own({ neq: shared.neq }));
    const sameEmail = await submitted(h, programId, own({ email: mine.email.toUpperCase() }));
    const samePhone = await submitted(h, programId, own({ phone: `(514) ${mine.phone.slice(4)}` }));
    const sameAddress = await submitted(h, programId, own({ street: mine.street.replace(', rue', '') }));
    // Near miss: the same business name, but another NEQ, address, e-mail and phone.
    const nearMiss = await submitted(h, programId, own({ legalName: 'Boutique Zoé inc.' }));

    expect(await kindsOf(nearMiss.id)).toEqual([]);
    expect((await kindsOf(first.id)).sort()).toEqual(['same_address', 'same_email', 'same_phone']);
    expect(await kindsOf(sameEmail.id)).toEqual(['same_email']);
    expect(await kindsOf(samePhone.id)).toEqual(['same_phone']);
    expect(await kindsOf(sameAddress.id)).toEqual(['same_address']);

    const [neq] = await signalsOf({ applicationId: sameNeq.id, kind: 'same_neq' });
    expect(neq!.files).toHaveLength(2);
    expect(neq!.explanation).toMatch(/^Le même NEQ \(44\d{8}\) figure dans 2 demandes\.$/);
    const [english] = await signalsOf(
      { applicationId: sameNeq.id, kind: 'same_neq' },
      coordinator.token,
      'en',
    );
    expect(english!.explanation).toMatch(/^The same NEQ \(44\d{8}\) appears in 2 applications\.$/);
  });

  it('raises many applications from one network address on one day, not two', async () => {
    const from = async (ip: string) => {
      const app = await submitted(h, programId, own());
      await h.services.database.db
        .update(applications)
        .set({ submittedFrom: ip })
        .where(eq(applications.id, app.id));
      return app;
    };
    // Submitted through the API from the harness's address: recorded by intake's own use case.
    const recorded = await submitted(h, programId, own());
    const [row] = await h.services.database.db
      .select({ ip: applications.submittedFrom })
      .from(applications)
      .where(eq(applications.id, recorded.id));
    expect(row!.ip).toBe('203.0.113.7');

    const two = [await from('192.0.2.10'), await from('192.0.2.10')];
    const three = [await from('192.0.2.20'), await from('192.0.2.20'), await from('192.0.2.20')];
    await recomputeSignals(await systemAdmin());
    expect(await signalsOf({ applicationId: two[0]!.id, kind: 'many_from_network' })).toEqual([]);
    const [network] = await signalsOf({ applicationId: three[0]!.id, kind: 'many_from_network' });
    expect(network!.files.map((f) => f.applicationId).sort()).toEqual(three.map((a) => a.id).sort());
    expect(network!.explanation).toContain('3 demandes ont été soumises le même jour');
  });

  it('matches a bank account on its keyed hash, never showing the number', async () => {
    const withAccount = async (accountNumber: string) => {
      const app = await submitted(h, programId, own());
      const res = await h.request(`/api/v1/applications/${app.id}/bank-account`, {
        method: 'PUT',
        token: app.token,
        json: {
          institution: '815',
          transit: '30000',
          account: accountNumber,
          holderName: 'Boutique Zoé inc.',
          password: PASSWORD,
        },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return app;
    };
    const a = await withAccount('1234567');
    const b = await withAccount('123-4567');
    const other = await withAccount('1234568');
    expect(await kindsOf(other.id)).toEqual([]);
    const [bank] = await signalsOf({ applicationId: a.id, kind: 'same_bank_account' });
    expect(bank!.files.map((f) => f.applicationId).sort()).toEqual([a.id, b.id].sort());
    expect(bank!.explanation).toBe(
      'Le même compte bancaire (se terminant par 567) est inscrit pour 2 entreprises.',
    );
    expect(JSON.stringify(bank)).not.toContain('1234567');
  });

  it('gives the accounts entered before signals their key on the first run (virage signals recompute)', async () => {
    const a = await submitted(h, programId, own());
    const b = await submitted(h, programId, own());
    for (const app of [a, b])
      await insertBankAccountForPayments(h.system, {
        applicationId: app.id,
        updatedBy: app.retailer.id,
        account: '99887766',
      });
    expect(await signalsOf({ applicationId: a.id, kind: 'same_bank_account' })).toEqual([]);
    const out: string[] = [];
    const code = await signalsRecompute.run(
      {},
      { out: (line) => out.push(line), err: () => {}, stdin: undefined },
      { config: h.config, services: h.services },
    );
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/^raised\s+[1-9]/);
    const [bank] = await signalsOf({ applicationId: a.id, kind: 'same_bank_account' });
    expect(bank!.files.map((f) => f.applicationId).sort()).toEqual([a.id, b.id].sort());
  });

  it('raises the same invoice or the same receipt in two claims, not another invoice number', async () => {
    const agreementOf = async () => {
      const { agreement, app } = await acceptedAgreementFor(h, {
        programId,
        coordinatorToken: coordinator.token,
        envelopeId,
        lines: [{ category: 'website', description: 'Site', amountCents: 800_000 }],
      });
      return { id: agreement.id as string, lineId: agreement.lines[0].id as string, retailer: app.retailer };
    };
    const claimOf = async (
      a: Awaited<ReturnType<typeof agreementOf>>,
      supplierName: string,
      invoiceNumber: string,
      receipt?: string,
    ) => {
      const created = await h.request('/api/v1/claims', {
        method: 'POST',
        token: a.retailer.token,
        json: {
          agreementId: a.id,
          invoices: [
            {
              budgetLineId: a.lineId,
              supplierName,
              invoiceNumber,
              invoiceDate: '2027-01-15',
              subtotalCents: 100_000,
              gstCents: 5_000,
              qstCents: 9_975,
              gstNumber: '123456789 RT 0001',
              qstNumber: '1234567890 TQ 0001',
            },
          ],
        },
      });
      const claim = await created.json();
      expect(created.status, JSON.stringify(claim)).toBe(201);
      await attachClaimReceipts(h, {
        claimId: claim.id,
        invoiceId: claim.invoices[0].id,
        uploadedBy: a.retailer.id,
        invoiceSha256: receipt,
      });
      const sent = await h.request(`/api/v1/claims/${claim.id}/submission`, {
        method: 'POST',
        token: a.retailer.token,
      });
      expect(sent.status, await sent.clone().text()).toBe(200);
      return claim.id as string;
    };
    const [x, y, z] = [await agreementOf(), await agreementOf(), await agreementOf()];
    const first = await claimOf(x, 'Agence Web inc.', 'F-00123');
    const second = await claimOf(y, 'AGENCE WEB INC', 'f 00123');
    const nearMiss = await claimOf(z, 'Agence Web inc.', 'F-00124');
    const [invoice] = await signalsOf({ claimId: first, kind: 'same_invoice' });
    expect(invoice!.files.map((f) => f.claimId).sort()).toEqual([first, second].sort());
    expect(invoice!.explanation).toMatch(
      /La même facture \(.+00123\) est réclamée dans 2 demandes de versement\./,
    );
    expect(await signalsOf({ claimId: nearMiss })).toEqual([]);
    // The claim's review page shows it first, with a link to the other claim.
    const team = await h.as({ bearerToken: coordinator.token }, { locale: 'fr' });
    const page = await renderPage(reviewClaim, team, '/review/claims/:id', `/review/claims/${first}`);
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain('Signaux ouverts (1)');
    expect(page.html).toContain(`href="/review/claims/${second}"`);

    const hash = 'ab'.repeat(32);
    const r1 = await claimOf(await agreementOf(), 'Imprimerie A', 'A-1', hash);
    const r2 = await claimOf(await agreementOf(), 'Imprimerie B', 'B-1', hash);
    const [receipt] = await signalsOf({ claimId: r1, kind: 'same_receipt' });
    expect(receipt!.files.map((f) => f.claimId).sort()).toEqual([r1, r2].sort());
  });

  it('raises the same long plan text written for two retailers, not a short common one', async () => {
    const planOf = async (goals: string, timeline: string) => {
      const app = await acceptedApplication(h, programId, coordinator.token, own());
      const res = await h.request(`/api/v1/plans/${app.id}`, {
        method: 'PUT',
        token: coordinator.token,
        json: { currentState: 'Boutique', goals, budgetCents: null, timeline, actions: [], status: 'draft' },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      return app;
    };
    const long = 'Vendre nos produits du terroir en ligne partout au Québec grâce à une boutique Shopify.';
    const a = await planOf(long, 'Printemps 2027');
    const b = await planOf(`  ${long.toUpperCase()} `, 'Printemps 2027');
    const [text] = await signalsOf({ applicationId: a.id, kind: 'same_text' });
    expect(text!.files.map((f) => f.applicationId).sort()).toEqual([a.id, b.id].sort());
    expect(text!.explanation).toContain('Le même texte de plan d’action (« Vendre nos produits');
    // « Printemps 2027 » is the same in both, and too short to mean anything.
    expect(await signalsOf({ applicationId: a.id, kind: 'same_text' })).toHaveLength(1);
  });

  it('raises a supplier whose domain is a retailer’s e-mail or website, when either changes', async () => {
    const retailerApp = await submitted(h, programId, own({ email: 'info@agence-fictive.ca' }));
    const other = await submitted(h, programId, own({ email: 'info@autre-agence.ca' }));
    expect(await signalsOf({ applicationId: retailerApp.id, kind: 'supplier_domain' })).toEqual([]);
    const created = await h.request('/api/v1/suppliers', {
      method: 'POST',
      token: coordinator.token,
      json: {
        name: 'Agence Fictive',
        categories: ['web_agency'],
        regions: ['06'],
        languages: ['fr'],
        website: 'https://www.Agence-Fictive.ca/services',
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const [supplier] = await signalsOf({ applicationId: retailerApp.id, kind: 'supplier_domain' });
    expect(supplier!.explanation).toBe(
      'Le domaine du fournisseur Agence Fictive (agence-fictive.ca) est celui du courriel ou du site de 1 demande(s).',
    );
    expect(await signalsOf({ applicationId: other.id, kind: 'supplier_domain' })).toEqual([]);
  });

  it('recomputes without duplicating, keeps a resolution, and reopens when the evidence changes', async () => {
    const { neq } = own();
    const a = await submitted(h, programId, own({ neq }));
    await submitted(h, programId, own({ neq }));
    const [signal] = await signalsOf({ applicationId: a.id, kind: 'same_neq' });

    const missing = await resolve(signal!.id, { outcome: 'dismissed' });
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors.map((e: { path: string }) => e.path)).toEqual(['reason']);
    const retailer = await account('retailer');
    expect((await resolve(signal!.id, { outcome: 'dismissed', reason: 'x' }, retailer.token)).status).toBe(
      403,
    );

    const resolved = await resolve(signal!.id, {
      outcome: 'dismissed',
      reason: 'Deux magasins du même propriétaire',
    });
    expect(resolved.status).toBe(200);
    expect((await resolved.json()).resolution).toMatchObject({
      outcome: 'dismissed',
      reason: 'Deux magasins du même propriétaire',
    });
    expect((await resolve(signal!.id, { outcome: 'confirmed', reason: 'encore' })).status).toBe(409);
    const audit = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'signal.resolved'), eq(auditEvents.entityId, signal!.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(coordinator.id);
    expect(audit[0]!.changes).toMatchObject({ status: ['open', 'dismissed'] });

    const ctx = await systemAdmin();
    await recomputeSignals(ctx);
    expect(await recomputeSignals(ctx)).toEqual({ raised: 0, changed: 0, reopened: 0, dropped: 0 });
    const again = await signalsOf({ applicationId: a.id, kind: 'same_neq' });
    expect(again.map((s) => [s.id, s.status])).toEqual([[signal!.id, 'dismissed']]);
    expect(await signalsOf({ status: 'open', applicationId: a.id, kind: 'same_neq' })).toEqual([]);

    // A third file with the same NEQ is new evidence: the signal opens again for someone to decide.
    await submitted(h, programId, own({ neq }));
    const [reopened] = await signalsOf({ applicationId: a.id, kind: 'same_neq' });
    expect(reopened).toMatchObject({ id: signal!.id, status: 'open', resolution: null });
    expect(reopened!.files).toHaveLength(3);
  });

  it('is read by the team and finance only, and filtered by status and kind', async () => {
    for (const role of ['retailer', 'expert'] as const) {
      const other = await account(role);
      const res = await h.request('/api/v1/signals', { token: other.token });
      expect(res.status).toBe(403);
    }
    const finance = await account('finance');
    const open = await signalsOf({ status: 'open', kind: 'same_email' }, finance.token);
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((s) => s.status === 'open' && s.kind === 'same_email')).toBe(true);
    const bad = await h.request('/api/v1/signals?kind=same_name', { token: coordinator.token });
    expect(bad.status).toBe(422);
  });
});

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');

describe(`signal pages (${engine})`, () => {
  it('lists open signals in words, shows them on the review page, and resolves one with a reason', async () => {
    const { phone } = own();
    const a = await submitted(h, programId, own({ phone }));
    const b = await submitted(h, programId, own({ phone }));
    const team = await h.as({ bearerToken: coordinator.token }, { locale: 'fr' });
    const [signal] = await signalsOf({ applicationId: a.id, kind: 'same_phone' });

    const list = await renderPage(signalsPage, team, '/signals', '/signals?kind=same_phone');
    expect(list.status).toBe(200);
    expect(text(list.html)).toContain(signal!.explanation);
    expect(list.html).toContain(`href="/review/applications/${b.id}"`);
    expect(list.html).toContain(`href="/signals/${signal!.id}"`);

    const review = await renderPage(
      reviewApplication,
      team,
      '/review/applications/:id',
      `/review/applications/${a.id}`,
    );
    expect(text(review.html)).toContain('Signaux ouverts');
    expect(text(review.html)).toContain(signal!.explanation);

    const path = `/signals/${signal!.id}`;
    const bad = (await send(
      signalPage.action,
      team,
      path,
      { outcome: 'dismissed', reason: '' },
      { id: signal!.id },
    )) as {
      data: FormFailure;
    };
    expect(bad.data.error.errors.map((e) => e.path)).toEqual(['reason']);
    await send(
      signalPage.action,
      team,
      path,
      { outcome: 'confirmed', reason: 'Même personne, deux demandes' },
      {
        id: signal!.id,
      },
    );
    const shown = await renderPage(
      signalPage,
      await h.as({ bearerToken: coordinator.token }, { locale: 'en' }),
      '/signals/:id',
      path,
    );
    expect(text(shown.html)).toContain('Confirmed by');
    expect(text(shown.html)).toContain('Même personne, deux demandes');
    const after = await renderPage(
      reviewApplication,
      team,
      '/review/applications/:id',
      `/review/applications/${a.id}`,
    );
    expect(text(after.html)).not.toContain(signal!.explanation);
  });
});

/** An administrator's context, as the command line would act (the first-run recomputation). */
async function systemAdmin() {
  return { ...h.system, actor: { kind: 'system' as const, label: 'test' } };
}
