import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreements, bankAccounts, claimAttachments } from '../../src/modules/funding/db/tables.ts';
import { users } from '../../src/modules/identity/db/tables.ts';
import { researchExtractChunks, researchExtracts } from '../../src/modules/reporting/db/tables.ts';
import { DETAILED } from '../../src/modules/reporting/domain/research.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { fileStoreOf } from '../../src/platform/files/store.ts';
import { newId } from '../../src/platform/ids.ts';
import { coachedBy, expert } from '../support/coaching.ts';
import {
  attachmentForm,
  insertBankAccountForPayments,
  insertDraftClaim,
  SAMPLE_FILES,
} from '../support/funding.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';

// Decision 42: the retention run's sweeps of funding files and bank details, unused accounts and
// research extracts, with the clock moved past each period.

let h: Harness;
let programId: string;
let coordinator: string;
let officer: string;
const YEAR = 365.25 * 24 * 3600;

async function api(path: string, token: string, init: { method?: string; json?: unknown } = {}) {
  const res = await h.request(`/api/v1${path}`, { ...init, token });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function retentionRun(dryRun: boolean) {
  const started = await api('/privacy/retention-runs', officer, { method: 'POST', json: { dryRun } });
  expect(started.status).toBe(202);
  await h.services.jobs.drain();
  const run = await api(`/privacy/retention-runs/${started.body.id}`, officer);
  expect(run.body.status).toBe('done');
  return run.body as { id: string; counts: Record<string, number> };
}

/** A coached business with a claim under a closed agreement, a file uploaded to it, and bank details. */
async function fundedBusiness(coach: Awaited<ReturnType<typeof expert>>, file: Uint8Array, name: string) {
  const app = await coachedBy(h, programId, coordinator, coach);
  const { claimId, agreementId } = await insertDraftClaim(h, {
    programId,
    applicationId: app.id,
    retailerId: app.retailer.id,
  });
  const uploaded = await h.request(`/api/v1/claims/${claimId}/attachments`, {
    method: 'POST',
    token: app.token,
    body: attachmentForm(file, name, { kind: 'invoice' }),
  });
  expect(uploaded.status).toBe(201);
  const attachment = (await uploaded.json()) as { id: string; sha256: string };
  await insertBankAccountForPayments(h.system, { applicationId: app.id, updatedBy: app.retailer.id });
  return { app, claimId, agreementId, attachment };
}

const store = () => fileStoreOf(h.config);
const db = () => h.services.database.db;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
  officer = await h.token((await h.user('privacy')).email);
});
afterAll(() => h?.close());

describe(`retention sweeps (${engine})`, () => {
  it('erases funding files (rows and bytes), bank details, unused accounts and research extracts past their periods; holds respected, the run recorded', async () => {
    const coach = await expert(h, coordinator);
    const expired = await fundedBusiness(coach, SAMPLE_FILES.pdf, 'facture.pdf');
    const held = await fundedBusiness(coach, SAMPLE_FILES.jpeg, 'recu.jpg');
    // A file taken off a claim: its row goes at once, its bytes wait for the run.
    const removed = await h.request(`/api/v1/claims/${expired.claimId}/attachments`, {
      method: 'POST',
      token: expired.app.token,
      body: attachmentForm(SAMPLE_FILES.png, 'preuve.png', { kind: 'proof_of_payment' }),
    });
    const orphan = (await removed.json()) as { id: string; sha256: string };
    expect(
      (
        await h.request(`/api/v1/claims/${expired.claimId}/attachments/${orphan.id}`, {
          method: 'DELETE',
          token: expired.app.token,
        })
      ).status,
    ).toBe(204);
    expect(await store().has(orphan.sha256)).toBe(true);
    for (const { agreementId } of [expired, held])
      await db()
        .update(agreements)
        .set({ status: 'closed', closedAt: h.clock.now })
        .where(eq(agreements.id, agreementId));
    expect(
      (
        await api(`/privacy/legal-holds/${held.app.id}`, officer, {
          method: 'PUT',
          json: { reason: 'Vérification du ministère' },
        })
      ).status,
    ).toBe(200);

    // An account never used for an application, another signed in lately, and a delivered extract.
    const unused = await h.user('retailer', { name: 'Zoé Inutilisé' });
    const active = await h.user('retailer');
    const researcher = await h.user('researcher');
    const extractId = newId();
    await db()
      .insert(researchExtracts)
      .values({
        id: extractId,
        programId,
        requestedBy: researcher.id,
        purpose: 'Étude sur la maturité numérique',
        variableGroups: ['profile'],
        generalisation: DETAILED,
        status: 'approved',
        requestedAt: h.clock.now,
        extractedAt: h.clock.now,
        rowCount: 1,
      });
    await db()
      .insert(researchExtractChunks)
      .values({ extractId, position: 0, data: new Uint8Array([1, 2, 3]) });

    h.clock.advance(7 * YEAR);
    await db().update(users).set({ lastSignInAt: h.clock.now }).where(eq(users.id, active.id));

    const expected = {
      claim_files: 1,
      bank_details: 1,
      unreferenced_files: 1,
      unused_accounts: 1,
      research_extracts: 1,
    };
    const dry = await retentionRun(true);
    expect(dry.counts).toMatchObject(expected);
    expect(await store().has(orphan.sha256)).toBe(true);
    expect(await store().has(expired.attachment.sha256)).toBe(true);
    expect(await db().$count(bankAccounts)).toBe(2);

    const real = await retentionRun(false);
    expect(real.counts).toMatchObject(expected);
    // The expired business's file: row and bytes gone; the orphan's bytes gone; its bank details gone.
    expect(await db().$count(claimAttachments, eq(claimAttachments.claimId, expired.claimId))).toBe(0);
    expect(await store().has(expired.attachment.sha256)).toBe(false);
    expect(await store().has(orphan.sha256)).toBe(false);
    expect(await db().$count(bankAccounts, eq(bankAccounts.applicationId, expired.app.id))).toBe(0);
    // The business under a legal hold keeps its file, its bytes and its bank details.
    expect(await db().$count(claimAttachments, eq(claimAttachments.claimId, held.claimId))).toBe(1);
    expect(await store().has(held.attachment.sha256)).toBe(true);
    expect(await db().$count(bankAccounts, eq(bankAccounts.applicationId, held.app.id))).toBe(1);
    // The unused account loses its identifiers; the one signed in lately and the staff stay.
    const [erased] = await db().select().from(users).where(eq(users.id, unused.id));
    expect(erased).toMatchObject({ name: '', email: `erased-${unused.id}@invalid`, active: false });
    const [kept] = await db().select().from(users).where(eq(users.id, active.id));
    expect(kept).toMatchObject({ email: active.email, erasedAt: null });
    // The extract's rows are gone, its record stays; a download says why it cannot be had.
    expect(await db().$count(researchExtractChunks, eq(researchExtractChunks.extractId, extractId))).toBe(0);
    const [extract] = await db().select().from(researchExtracts).where(eq(researchExtracts.id, extractId));
    expect(extract).toMatchObject({ status: 'erased', erasedAt: h.clock.now, rowCount: 1 });
    const download = await h.request(`/api/v1/research-extracts/${extractId}/download`, {
      token: await h.token(researcher.email),
    });
    expect(download.status).toBe(409);
    expect((await download.json()).detail).toMatch(/effacées/);

    // The run is recorded with its counts, never content; the next run finds nothing left.
    const [logged] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'retention.run'), eq(auditEvents.entityId, real.id)));
    expect(logged!.changes).toEqual({ counts: real.counts });
    expect(JSON.stringify(logged)).not.toContain('Zoé');
    expect((await retentionRun(false)).counts).toMatchObject({
      claim_files: 0,
      bank_details: 0,
      unreferenced_files: 0,
      unused_accounts: 0,
      research_extracts: 0,
    });
  });
});
