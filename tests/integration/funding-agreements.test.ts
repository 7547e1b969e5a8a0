import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreements, ledgerEntries } from '../../src/modules/funding/db/tables.ts';
import { settleOffers } from '../../src/modules/funding/use-cases/settle-offers.ts';
import { programs } from '../../src/modules/programs/db/tables.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import {
  acceptedAgreementFor,
  businessWithApprovedPlan,
  grantsEnvelope,
  offeredAgreementFor,
} from '../support/funding.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId } from '../support/intake.ts';

let h: Harness;
let programId: string;
let admin: string;
let coordinator: string;
let finance: string;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  admin = await h.token((await h.user('admin')).email);
  coordinator = await h.token((await h.user('coordinator')).email);
  finance = await h.token((await h.user('finance')).email);
});
afterAll(() => h?.close());

const json = async (res: Response) => ({ status: res.status, body: await res.json() });
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const post = (path: string, token: string, body: unknown) =>
  h.request(`/api/v1${path}`, { method: 'POST', token, json: body });
const accept = (id: string, token: string) =>
  post(`/agreements/${id}/acceptance`, token, { attestation: true, name: 'Zoé Tremblay' });
const entriesOf = (id: string) =>
  h.services.database.db
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.source, `agreement:${id}`))
    .orderBy(ledgerEntries.createdAt, ledgerEntries.id);
const openCommitment = async (id: string) =>
  (await entriesOf(id)).reduce(
    (sum, e) =>
      sum +
      (e.toAccount === 'committed' ? e.amountCents : 0) -
      (e.fromAccount === 'committed' ? e.amountCents : 0),
    0,
  );

describe(`funding agreements (${engine})`, () => {
  it('keeps aid rules as versioned data: defaults first, each change a new audited version, field-named errors', async () => {
    const first = await json(await h.request(`/api/v1/programs/${programId}/aid-rules`, { token: finance }));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 0, rules: { kind: 'percentage', rateBasisPoints: 9000 } });
    const put = (rules: unknown, token = admin) =>
      h.request(`/api/v1/programs/${programId}/aid-rules`, { method: 'PUT', token, json: rules });
    const saved = await json(await put({ ...first.body.rules, capPerBusinessCents: 500_000 }));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, rules: { capPerBusinessCents: 500_000 } });
    expect((await put(first.body.rules, coordinator)).status).toBe(403);
    const bad = await json(
      await put({ ...first.body.rules, projectWindow: { startsOn: '2028-01-01', endsOn: '2027-01-01' } }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('projectWindow.endsOn');
    const [audit] = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'aid_rules.set'), eq(auditEvents.entityId, programId)));
    expect(audit?.changes).toMatchObject({ version: 1, capPerBusinessCents: [240_000, 500_000] });
  });

  it('prepares from an approved plan, offers, and acceptance commits exactly the grant', async () => {
    const envelopeId = await grantsEnvelope(h, admin, programId, 'agr-a', [['2026-2027', 10_000_000]]);
    // No approved plan: no agreement.
    const unplanned = await acceptedApplication(h, programId, coordinator);
    const refused = await json(
      await post('/agreements', coordinator, {
        applicationId: unplanned.id,
        envelopeId,
        lines: [{ category: 'website', description: 'Site', amountCents: 100_000 }],
      }),
    );
    expect(refused.status).toBe(409);

    const app = await businessWithApprovedPlan(h, programId, coordinator);
    const draft = await json(
      await post('/agreements', coordinator, {
        applicationId: app.id,
        envelopeId,
        lines: [
          {
            category: 'ecommerce_platform',
            description: 'Boutique',
            amountCents: 300_000,
            plannedSupplier: 'Shopify',
          },
          { category: 'hardware', description: 'Tablette', amountCents: 80_000 },
        ],
        otherPublicAidCents: 0,
        gstRegistered: true,
        qstRegistered: true,
      }),
    );
    expect(draft.status).toBe(201);
    // 90 % of the 3 000 $ eligible (the tablet is not), capped at 5 000 $ by the rules set above.
    expect(draft.body).toMatchObject({
      status: 'draft',
      grantCents: 270_000,
      eligibleCents: 300_000,
      version: 1,
    });
    expect(draft.body.arithmetic.map(nbsp)).toEqual([
      'Coûts admissibles : 3 000,00 $ (800,00 $ non admissibles exclus)',
      '90 % × 3 000,00 $ = 2 700,00 $',
      'plafond par entreprise 5 000,00 $ → 2 700,00 $',
      "cumul des aides publiques : 100 % × 3 000,00 $ − 0,00 $ d'autres aides = 3 000,00 $ → 2 700,00 $",
    ]);
    // Edits check the version read.
    const edit = (version: number) =>
      h.request(`/api/v1/agreements/${draft.body.id}`, {
        method: 'PUT',
        token: coordinator,
        json: {
          version,
          lines: [{ category: 'ecommerce_platform', description: 'Boutique', amountCents: 400_000 }],
        },
      });
    expect((await json(await edit(1))).body).toMatchObject({ version: 2, grantCents: 360_000 });
    expect((await edit(1)).status).toBe(409);
    // The retailer cannot accept a draft; another retailer does not see it.
    expect((await accept(draft.body.id, app.token)).status).toBe(409);
    const stranger = await acceptedApplication(h, programId, coordinator);
    expect((await h.request(`/api/v1/agreements/${draft.body.id}`, { token: stranger.token })).status).toBe(
      404,
    );
    expect(
      (await post(`/agreements/${draft.body.id}/offer`, app.token, { acceptBy: '2027-02-15' })).status,
    ).toBe(403);
    expect(
      (await post(`/agreements/${draft.body.id}/offer`, coordinator, { acceptBy: '2027-01-01' })).status,
    ).toBe(422);

    const offered = await json(
      await post(`/agreements/${draft.body.id}/offer`, coordinator, { acceptBy: '2027-02-15' }),
    );
    expect(offered.status).toBe(200);
    expect(offered.body).toMatchObject({
      status: 'offered',
      acceptBy: '2027-02-15',
      canAccept: true,
      rulesVersion: 1,
    });
    const [mail] = await h.services.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.subject, "Votre offre d'aide financière"))
      .orderBy(mailOutbox.createdAt);
    expect(nbsp(mail!.textBody)).toContain('3 600,00 $');
    expect(mail!.textBody).toContain(`/applications/${app.id}/aid`);
    expect(await entriesOf(draft.body.id)).toEqual([]);

    const missing = await json(
      await post(`/agreements/${draft.body.id}/acceptance`, app.token, { name: 'Z' }),
    );
    expect(missing.status).toBe(422);
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['attestation', 'name']);
    const accepted = await json(
      await h.request(`/api/v1/agreements/${draft.body.id}/acceptance`, {
        method: 'POST',
        token: app.token,
        ip: '203.0.113.7',
        json: { attestation: true, name: 'Zoé Tremblay' },
      }),
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      acceptedName: 'Zoé Tremblay',
      leftCents: 360_000,
    });
    const [row] = await h.services.database.db
      .select()
      .from(agreements)
      .where(eq(agreements.id, draft.body.id));
    expect(row).toMatchObject({ acceptedAddress: '203.0.113.7', acceptedBy: app.retailer.id });
    expect((await entriesOf(draft.body.id)).map((e) => [e.kind, e.amountCents, e.cause])).toEqual([
      ['commit', 360_000, 'agreement'],
    ]);
    expect((await accept(draft.body.id, app.token)).status).toBe(409);
    // A second agreement for the same business waits for this one to end.
    expect(
      (
        await post('/agreements', coordinator, {
          applicationId: app.id,
          envelopeId,
          lines: [{ category: 'website', description: 'Site', amountCents: 1 }],
        })
      ).status,
    ).toBe(409);

    const list = await json(
      await h.request(`/api/v1/agreements?programId=${programId}&status=accepted`, { token: finance }),
    );
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(draft.body.id);
    const own = await json(await h.request('/api/v1/agreements', { token: stranger.token }));
    expect(own.body.items).toEqual([]);
  });

  it('refuses acceptance after the deadline, and the sweep expires such offers', async () => {
    const envelopeId = await grantsEnvelope(h, admin, programId, 'agr-b', [['2026-2027', 10_000_000]]);
    const { agreement, app } = await offeredAgreementFor(h, {
      programId,
      coordinatorToken: coordinator,
      envelopeId,
      acceptBy: '2027-01-20',
    });
    const other = await offeredAgreementFor(h, {
      programId,
      coordinatorToken: coordinator,
      envelopeId,
      acceptBy: '2027-01-20',
    });
    const saved = h.clock.now;
    h.clock.now = new Date('2027-01-21T15:00:00Z');
    try {
      const late = await json(await accept(agreement.id, app.token));
      expect(late.status).toBe(409);
      expect(late.body.detail).toContain('2027-01-20');
      expect(
        (await json(await h.request(`/api/v1/agreements/${agreement.id}`, { token: app.token }))).body.status,
      ).toBe('expired');
      expect(await settleOffers(h.system)).toMatchObject({ expired: 1 });
      expect(
        (await json(await h.request(`/api/v1/agreements/${other.agreement.id}`, { token: coordinator })))
          .body,
      ).toMatchObject({
        status: 'expired',
        canAccept: false,
      });
      expect(await entriesOf(agreement.id)).toEqual([]);
      const expiredMail = await h.services.database.db
        .select()
        .from(mailOutbox)
        .where(
          and(
            eq(mailOutbox.template, 'funding:agreements.mail.expired'),
            inArray(mailOutbox.toAddress, [app.retailer.email, other.app.retailer.email]),
          ),
        );
      expect(expiredMail.map((m) => m.subject)).toEqual([
        "Votre offre d'aide financière est expirée",
        "Votre offre d'aide financière est expirée",
      ]);
      expect(expiredMail.find((m) => m.toAddress === app.retailer.email)?.textBody).toContain(
        `/applications/${app.id}/aid`,
      );
    } finally {
      h.clock.now = saved;
    }
  });

  it('answers 409 naming the envelope and what is left when it cannot cover the grant, changing nothing', async () => {
    const envelopeId = await grantsEnvelope(h, admin, programId, 'agr-c', [['2026-2027', 200_000]]);
    const { agreement, app } = await offeredAgreementFor(h, {
      programId,
      coordinatorToken: coordinator,
      envelopeId,
      lines: [{ category: 'website', description: 'Site', amountCents: 250_000 }],
    });
    expect(agreement.grantCents).toBe(225_000);
    const refused = await json(await accept(agreement.id, app.token));
    expect(refused.status).toBe(409);
    expect(nbsp(refused.body.detail)).toContain('Subventions agr-c');
    expect(nbsp(refused.body.detail)).toContain('2 000,00 $');
    expect(refused.body).toMatchObject({ refusal: 'envelope_exhausted', leftCents: 200_000 });
    const after = await json(await h.request(`/api/v1/agreements/${agreement.id}`, { token: app.token }));
    expect(after.body).toMatchObject({ status: 'offered', acceptedAt: null, canAccept: true });
    expect(await entriesOf(agreement.id)).toEqual([]);
  });

  it('holds a grant under the cap per business, and closure frees the unused commitment for the next one', async () => {
    const envelopeId = await grantsEnvelope(h, admin, programId, 'agr-d', [['2026-2027', 10_000_000]]);
    const { agreement, app } = await acceptedAgreementFor(h, {
      programId,
      coordinatorToken: coordinator,
      envelopeId,
      lines: [{ category: 'website', description: 'Site', amountCents: 500_000 }],
    });
    expect(agreement.grantCents).toBe(450_000);
    expect(
      (await post(`/agreements/${agreement.id}/closure`, coordinator, { reason: 'Projet terminé' })).status,
    ).toBe(200);
    // Closure released nothing claimed: the whole grant goes back, so the cap is free again.
    expect(await openCommitment(agreement.id)).toBe(0);
    const second = await json(
      await post('/agreements', coordinator, {
        applicationId: app.id,
        envelopeId,
        lines: [{ category: 'website', description: 'Refonte', amountCents: 800_000 }],
      }),
    );
    expect(second.body.grantCents).toBe(500_000);
  });

  it('withdraws every outgoing offer when the program closes, and a closed program never accepts', async () => {
    const envelopeId = await grantsEnvelope(h, admin, programId, 'agr-e', [['2026-2027', 10_000_000]]);
    const first = await offeredAgreementFor(h, { programId, coordinatorToken: coordinator, envelopeId });
    const second = await offeredAgreementFor(h, { programId, coordinatorToken: coordinator, envelopeId });
    const { db } = h.services.database;
    const [before] = await db.select().from(programs).where(eq(programs.id, programId));
    await db
      .update(programs)
      .set({ intakeClosesAt: new Date(h.clock.now.getTime() - 1000) })
      .where(eq(programs.id, programId));
    try {
      const refused = await json(await accept(first.agreement.id, first.app.token));
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toContain('fermées');
      expect(await entriesOf(first.agreement.id)).toEqual([]);
      // The sweep withdraws the second (and any other offer of the program still out).
      expect((await settleOffers(h.system)).withdrawn).toBeGreaterThanOrEqual(1);
      for (const { agreement } of [first, second])
        expect(
          (await json(await h.request(`/api/v1/agreements/${agreement.id}`, { token: coordinator }))).body
            .status,
        ).toBe('withdrawn');
      expect((await accept(second.agreement.id, second.app.token)).status).toBe(409);
      const withdrawnMail = await db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.subject, "Votre offre d'aide financière est retirée"));
      expect(withdrawnMail.length).toBeGreaterThanOrEqual(2);
    } finally {
      await db
        .update(programs)
        .set({ intakeClosesAt: before!.intakeClosesAt })
        .where(eq(programs.id, programId));
    }
  });

  it('withdraws every outgoing offer in the same change that closes the intake, leaving accepted agreements', async () => {
    const envelopeId = await grantsEnvelope(h, admin, programId, 'agr-close', [['2026-2027', 10_000_000]]);
    const offered = await offeredAgreementFor(h, { programId, coordinatorToken: coordinator, envelopeId });
    const accepted = await acceptedAgreementFor(h, { programId, coordinatorToken: coordinator, envelopeId });
    const { db } = h.services.database;
    const [before] = await db.select().from(programs).where(eq(programs.id, programId));
    const setClosing = (at: Date | null) =>
      h.request(`/api/v1/programs/${programId}`, {
        method: 'PATCH',
        token: admin,
        json: { intakeClosesAt: at?.toISOString() ?? null },
      });
    const statusOf = async (id: string) =>
      (await json(await h.request(`/api/v1/agreements/${id}`, { token: coordinator }))).body.status;
    try {
      // A closing time still ahead withdraws nothing yet.
      expect((await setClosing(new Date(h.clock.now.getTime() + 86_400_000))).status).toBe(204);
      expect(await statusOf(offered.agreement.id)).toBe('offered');
      expect((await setClosing(h.clock.now)).status).toBe(204);
      // No sweep ran: the change itself withdrew the offer, and told the retailer.
      expect(await statusOf(offered.agreement.id)).toBe('withdrawn');
      expect(await statusOf(accepted.agreement.id)).toBe('accepted');
      const [mail] = await db
        .select()
        .from(mailOutbox)
        .where(
          and(
            eq(mailOutbox.template, 'funding:agreements.mail.withdrawn'),
            eq(mailOutbox.toAddress, offered.app.retailer.email),
          ),
        );
      expect(mail?.subject).toBe("Votre offre d'aide financière est retirée");
      const [audit] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'agreement.withdrawn'), eq(auditEvents.entityId, offered.app.id)));
      expect(audit?.changes).toMatchObject({ agreementId: offered.agreement.id });
    } finally {
      await setClosing(before!.intakeClosesAt);
    }
  });

  it('applies a change of 20 % or less at once, and holds a larger one for the team, re-checked against the envelope', async () => {
    const envelopeId = await grantsEnvelope(h, admin, programId, 'agr-f', [['2026-2027', 1_000_000]]);
    const { agreement, app } = await acceptedAgreementFor(h, {
      programId,
      coordinatorToken: coordinator,
      envelopeId,
      lines: [{ category: 'website', description: 'Site', amountCents: 200_000 }],
    });
    const lineId = agreement.lines[0].id;
    // 10 % less: applied, and the commitment follows the smaller grant.
    const small = await json(
      await h.request(`/api/v1/agreements/${agreement.id}/amendments`, {
        method: 'POST',
        token: app.token,
        json: {
          reason: 'Soumission révisée',
          lines: [{ id: lineId, category: 'website', description: 'Site', amountCents: 180_000 }],
        },
      }),
    );
    expect(small.status).toBe(201);
    expect(small.body).toMatchObject({
      applied: true,
      agreement: { status: 'accepted', grantCents: 162_000 },
    });
    expect(await openCommitment(agreement.id)).toBe(162_000);

    // Up by 39 %: waits for approval, the commitment unchanged.
    const large = await json(
      await h.request(`/api/v1/agreements/${agreement.id}/amendments`, {
        method: 'POST',
        token: app.token,
        json: {
          reason: 'Plus de pages',
          lines: [{ id: lineId, category: 'website', description: 'Site', amountCents: 250_000 }],
        },
      }),
    );
    expect(large.body).toMatchObject({ applied: false, agreement: { status: 'amendment_requested' } });
    expect(large.body.reasons).toEqual(expect.arrayContaining(['large_change', 'grant_increase']));
    expect(await openCommitment(agreement.id)).toBe(162_000);
    const decide = (body: unknown, token = coordinator) =>
      post(`/agreements/${agreement.id}/amendments/${large.body.amendmentId}/decision`, token, body);
    expect((await decide({ decision: 'approved' }, app.token)).status).toBe(403);
    expect((await json(await decide({ decision: 'refused' }))).body.errors[0].path).toBe('reason');

    // Lower the envelope so the larger grant no longer fits: 409, the amendment keeps waiting.
    await grantsEnvelope(h, admin, programId, 'agr-f', [['2026-2027', 200_000]]);
    const tooMuch = await json(await decide({ decision: 'approved' }));
    expect(tooMuch.status).toBe(409);
    expect(nbsp(tooMuch.body.detail)).toContain('Subventions agr-f');
    expect(
      (await json(await h.request(`/api/v1/agreements/${agreement.id}`, { token: coordinator }))).body.status,
    ).toBe('amendment_requested');
    await grantsEnvelope(h, admin, programId, 'agr-f', [['2026-2027', 1_000_000]]);
    const approved = await json(await decide({ decision: 'approved' }));
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'accepted', grantCents: 225_000 });
    expect(await openCommitment(agreement.id)).toBe(225_000);

    // Closure releases what was never claimed.
    const closed = await json(
      await post(`/agreements/${agreement.id}/closure`, coordinator, { reason: 'Fin' }),
    );
    expect(closed.body.status).toBe('closed');
    expect((await entriesOf(agreement.id)).at(-1)).toMatchObject({ kind: 'release', amountCents: 225_000 });
  });

  it('prints the letter of offer in the retailer’s language, read back with pdftotext', async () => {
    const envelopeId = await grantsEnvelope(h, admin, programId, 'agr-g', [['2026-2027', 10_000_000]]);
    const dir = mkdtempSync(path.join(tmpdir(), 'letter-'));
    const read = async (id: string, token: string, name: string) => {
      const res = await h.request(`/api/v1/agreements/${id}/letter.pdf`, { token });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/pdf');
      writeFileSync(path.join(dir, name), Buffer.from(await res.arrayBuffer()));
      return nbsp(spawnSync('pdftotext', [path.join(dir, name), '-'], { encoding: 'utf8' }).stdout).replace(
        /\s+/g,
        ' ',
      );
    };
    const fr = await offeredAgreementFor(h, { programId, coordinatorToken: coordinator, envelopeId });
    const text = await read(fr.agreement.id, coordinator, 'fr.pdf');
    expect(text).toContain("Lettre d'offre");
    expect(text).toContain('Subvention offerte : 1 800,00 $');
    expect(text).toContain('90 % × 2 000,00 $ = 1 800,00 $');
    expect(text).toContain('Boutique en ligne');
    expect(text).toContain('du 2027-04-01 au 2028-03-31');
    expect(text).toContain('2027-02-15');

    const en = await offeredAgreementFor(h, { programId, coordinatorToken: coordinator, envelopeId });
    await h.services.database.db.execute(
      `update users set locale = 'en' where id = '${en.app.retailer.id}'` as never,
    );
    const english = await read(en.agreement.id, en.app.token, 'en.pdf');
    expect(english).toContain('Letter of offer');
    expect(english).toContain('Grant offered: $1,800.00');
    expect(english).toContain('Costs must be incurred from 2027-04-01 to 2028-03-31.');
    expect(english).toContain('no later than 2027-02-15');
  });
});
