import { readdirSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { RouterContextProvider } from 'react-router';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimAttachments } from '../../src/modules/funding/db/tables.ts';
import * as attachmentsPage from '../../src/modules/funding/ui/claim-attachments-page.tsx';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { requestScope } from '../../src/platform/http/request-scope.ts';
import { coachedBy, type ExpertFixture, expert } from '../support/coaching.ts';
import { attachmentForm, insertDraftClaim, SAMPLE_FILES, setClaimStatus } from '../support/funding.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId, verifiedRetailer } from '../support/intake.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let programId: string;
let coordinator: string;
const tokens: Record<string, string> = {};
let coach: ExpertFixture;
let retailer: { id: string; token: string };
let applicationId: string;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
  for (const role of ['admin', 'finance', 'ministry', 'partner'] as const) {
    tokens[role] = await h.token((await h.user(role)).email);
  }
  coach = await expert(h, coordinator);
  const app = await coachedBy(h, programId, coordinator, coach);
  applicationId = app.id;
  retailer = { id: app.retailer.id, token: app.token };
});
afterAll(() => h?.close());

let claimId: string;
let invoiceId: string;
beforeEach(async () => {
  ({ claimId, invoiceId } = await insertDraftClaim(h, { programId, applicationId, retailerId: retailer.id }));
});

const upload = (form: FormData | string, token = retailer.token, id = claimId) =>
  h.request(`/api/v1/claims/${id}/attachments`, { method: 'POST', token, body: form });
const download = (attachmentId: string, token = retailer.token, id = claimId) =>
  h.request(`/api/v1/claims/${id}/attachments/${attachmentId}`, { token });

/** Every file the store holds (kept or half-received), relative to its folder. */
const storedFiles = () =>
  readdirSync(h.config.filesDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(h.config.filesDir, path.join(e.parentPath, e.name)));
const rowsOf = (id: string) =>
  h.services.database.db.select().from(claimAttachments).where(eq(claimAttachments.claimId, id));

describe(`claim attachments (${engine})`, () => {
  it('accepts a PDF, a JPEG and a PNG, and stores the same content once', async () => {
    const answers: {
      id: string;
      kind: string;
      fileName: string;
      mediaType: string;
      sizeBytes: number;
      sha256: string;
      invoiceId: string | null;
    }[] = [];
    for (const [bytes, name, kind] of [
      [SAMPLE_FILES.pdf, 'Facture F-1001.pdf', 'invoice'],
      [SAMPLE_FILES.jpeg, 'reçu.JPG', 'proof_of_payment'],
      [SAMPLE_FILES.png, 'virement', 'proof_of_payment'],
      [SAMPLE_FILES.pdf, 'même facture.pdf', 'proof_of_payment'],
    ] as const) {
      const res = await upload(attachmentForm(bytes, name, { kind, invoiceId }));
      expect(res.status, await res.clone().text()).toBe(201);
      answers.push(await res.json());
    }
    expect(answers.map((a) => [a.kind, a.fileName, a.mediaType, a.sizeBytes])).toEqual([
      ['invoice', 'Facture F-1001.pdf', 'application/pdf', SAMPLE_FILES.pdf.length],
      ['proof_of_payment', 'reçu.jpg', 'image/jpeg', SAMPLE_FILES.jpeg.length],
      ['proof_of_payment', 'virement.png', 'image/png', SAMPLE_FILES.png.length],
      ['proof_of_payment', 'même facture.pdf', 'application/pdf', SAMPLE_FILES.pdf.length],
    ]);
    expect(answers[0]?.invoiceId).toBe(invoiceId);
    expect(answers[0]?.sha256).toBe(answers[3]?.sha256);
    const kept = storedFiles().filter((f) => !f.startsWith('tmp'));
    for (const a of answers)
      expect(kept).toContain(path.join(a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256));
    expect(new Set(kept.filter((f) => answers.some((a) => f.endsWith(a.sha256)))).size).toBe(3);
    expect(storedFiles().filter((f) => f.startsWith('tmp'))).toEqual([]);
    const listed = await h.request(`/api/v1/claims/${claimId}/attachments`, { token: retailer.token });
    expect((await listed.json()).items.map((a: { id: string }) => a.id)).toEqual(answers.map((a) => a.id));
    const [audit] = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'claim.attachment_added'), eq(auditEvents.entityId, claimId)));
    expect(audit?.changes).toMatchObject({ kind: 'invoice', fileName: 'Facture F-1001.pdf' });
  });

  it('refuses a renamed executable, naming the file field, and stores nothing', async () => {
    const before = storedFiles();
    const res = await upload(attachmentForm(SAMPLE_FILES.executable, 'invoice.pdf', { kind: 'invoice' }));
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.errors).toEqual([
      {
        path: 'file',
        message:
          'Fichier doit être un fichier PDF, JPEG ou PNG : le contenu de ce fichier n’est rien de cela.',
      },
    ]);
    expect(await rowsOf(claimId)).toEqual([]);
    expect(storedFiles()).toEqual(before);
  });

  it('refuses a PDF named as a PNG, saying what it really is, in the caller’s language', async () => {
    const res = await h.request(`/api/v1/claims/${claimId}/attachments`, {
      method: 'POST',
      token: retailer.token,
      headers: { 'accept-language': 'en' },
      body: attachmentForm(SAMPLE_FILES.pdf, 'scan.png', { kind: 'invoice' }),
    });
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([
      {
        path: 'file',
        message: 'File contains a PDF, but its name ends in .png. Rename it or choose the right file.',
      },
    ]);
    expect(await rowsOf(claimId)).toEqual([]);
  });

  it('refuses a 50 MB upload with 413 after reading little more than 10 MB, and writes nothing', async () => {
    const before = storedFiles();
    const boundary = 'virage-test-boundary';
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ninvoice\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
    );
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const total = 50 * 1024 * 1024;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(head);
        if (sent >= total) {
          controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
          return controller.close();
        }
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await h.request(`/api/v1/claims/${claimId}/attachments`, {
      method: 'POST',
      token: retailer.token,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).errors).toEqual([
      { path: 'file', message: 'Fichier dépasse la taille permise de 10 Mo.' },
    ]);
    expect(sent).toBeLessThan(11 * 1024 * 1024);
    expect(await rowsOf(claimId)).toEqual([]);
    expect(storedFiles()).toEqual(before);
  });

  it('refuses a file above 10 MB announced by its length before reading it', async () => {
    const res = await upload(
      attachmentForm(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25), 'big.pdf', { kind: 'invoice' }),
    );
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].path).toBe('file');
  });

  it('names the field of a missing file, a wrong kind, an invoice of another claim; a JSON body is refused', async () => {
    const missing = new FormData();
    missing.set('kind', 'invoice');
    let res = await upload(missing);
    expect(res.status).toBe(422);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toEqual(['file']);
    res = await upload(attachmentForm(SAMPLE_FILES.pdf, 'a.pdf', { kind: 'receipt' }));
    expect(res.status).toBe(422);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toEqual(['kind']);
    const other = await insertDraftClaim(h, { programId, applicationId, retailerId: retailer.id });
    const before = storedFiles();
    res = await upload(
      attachmentForm(new Uint8Array([...SAMPLE_FILES.pdf, 1, 2, 3]), 'a.pdf', {
        kind: 'invoice',
        invoiceId: other.invoiceId,
      }),
    );
    expect(res.status).toBe(422);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toEqual(['invoiceId']);
    expect(storedFiles()).toEqual(before);
    res = await h.request(`/api/v1/claims/${claimId}/attachments`, {
      method: 'POST',
      token: retailer.token,
      json: { kind: 'invoice' },
    });
    expect(res.status).toBe(400);
  });

  it('serves a file only as a download, with headers that forbid running it, and audits each download', async () => {
    const added = await (
      await upload(attachmentForm(SAMPLE_FILES.pdf, 'Reçu «mars».pdf', { kind: 'invoice' }))
    ).json();
    const res = await download(added.id, tokens.finance);
    expect(res.status).toBe(200);
    expect(
      Object.fromEntries(
        [
          'content-type',
          'content-disposition',
          'x-content-type-options',
          'content-security-policy',
          'cache-control',
        ].map((n) => [n, res.headers.get(n)]),
      ),
    ).toEqual({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Recu _mars_.pdf"; filename*=UTF-8''Re%C3%A7u%20%C2%ABmars%C2%BB.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'private, no-store',
    });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(SAMPLE_FILES.pdf);
    const downloads = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'claim.attachment_downloaded'), eq(auditEvents.entityId, claimId)));
    expect(downloads.map((d) => [d.actorRole, d.changes])).toEqual([
      ['finance', { attachmentId: added.id, fileName: 'Reçu «mars».pdf' }],
    ]);
  });

  it('lets the retailer, the business’s expert, coordinators, administrators and finance download; nobody else', async () => {
    const added = await (
      await upload(attachmentForm(SAMPLE_FILES.png, 'preuve.png', { kind: 'proof_of_payment' }))
    ).json();
    const otherRetailer = await verifiedRetailer(h);
    const otherExpert = await expert(h, coordinator);
    const expected: [string | undefined, number][] = [
      [retailer.token, 200],
      [coach.token, 200],
      [coordinator, 200],
      [tokens.admin, 200],
      [tokens.finance, 200],
      [otherRetailer.token, 404],
      [otherExpert.token, 404],
      [tokens.ministry, 404],
      [tokens.partner, 404],
    ];
    for (const [token, status] of expected) expect((await download(added.id, token)).status).toBe(status);
    expect((await h.request(`/api/v1/claims/${claimId}/attachments/${added.id}`)).status).toBe(401);
    // Neither can anyone else upload to the claim, or remove its files.
    expect(
      (await upload(attachmentForm(SAMPLE_FILES.pdf, 'x.pdf', { kind: 'invoice' }), otherRetailer.token))
        .status,
    ).toBe(404);
    expect(
      (await upload(attachmentForm(SAMPLE_FILES.pdf, 'x.pdf', { kind: 'invoice' }), coordinator)).status,
    ).toBe(403);
    const remove = (token: string) =>
      h.request(`/api/v1/claims/${claimId}/attachments/${added.id}`, { method: 'DELETE', token });
    expect((await remove(coach.token)).status).toBe(403);
    expect((await remove(otherRetailer.token)).status).toBe(404);
    // An attachment of another claim is not found through this one.
    const other = await insertDraftClaim(h, { programId, applicationId, retailerId: retailer.id });
    expect((await download(added.id, retailer.token, other.claimId)).status).toBe(404);
  });

  it('lets the retailer remove a file while the claim is editable, and neither add nor remove once submitted', async () => {
    const first = await (await upload(attachmentForm(SAMPLE_FILES.pdf, 'a.pdf', { kind: 'invoice' }))).json();
    const second = await (
      await upload(attachmentForm(SAMPLE_FILES.jpeg, 'b.jpg', { kind: 'invoice' }))
    ).json();
    const removed = await h.request(`/api/v1/claims/${claimId}/attachments/${first.id}`, {
      method: 'DELETE',
      token: retailer.token,
    });
    expect(removed.status).toBe(204);
    expect((await download(first.id)).status).toBe(404);
    await setClaimStatus(h, claimId, 'submitted');
    const late = await upload(attachmentForm(SAMPLE_FILES.png, 'c.png', { kind: 'invoice' }));
    expect(late.status).toBe(409);
    expect((await late.json()).detail).toContain('ne peut plus être modifiée');
    const lateRemoval = await h.request(`/api/v1/claims/${claimId}/attachments/${second.id}`, {
      method: 'DELETE',
      token: retailer.token,
    });
    expect(lateRemoval.status).toBe(409);
    expect((await rowsOf(claimId)).map((r) => r.id)).toEqual([second.id]);
    expect((await download(second.id)).status).toBe(200);
    const listed = await (
      await h.request(`/api/v1/claims/${claimId}/attachments`, { token: retailer.token })
    ).json();
    expect(listed.editable).toBe(false);
    await setClaimStatus(h, claimId, 'corrections_requested');
    expect((await upload(attachmentForm(SAMPLE_FILES.png, 'c.png', { kind: 'invoice' }))).status).toBe(201);
  });
});

describe(`the claim's attachments page (${engine})`, () => {
  const pattern = '/my-aid/claims/:claimId/attachments';
  const pageCtx = (locale: 'fr' | 'en' = 'fr') => h.as({ bearerToken: retailer.token }, { locale });

  /** The page's form sent as the retailer: multipart, as the browser sends it. */
  async function post(form: FormData) {
    form.set('_csrf', 'csrf');
    const context = new RouterContextProvider();
    context.set(requestScope, { ctx: await pageCtx(), nonce: 'n', csrfToken: 'csrf', secureCookies: false });
    const request = new Request(`http://virage.test/my-aid/claims/${claimId}/attachments`, {
      method: 'POST',
      body: form,
    });
    return attachmentsPage.action({ request, params: { claimId }, context } as never);
  }

  it('adds a file and comes back to the page given, or shows the refusal at the file field', async () => {
    const added = await post(
      attachmentForm(SAMPLE_FILES.pdf, 'facture.pdf', {
        kind: 'invoice',
        returnTo: `/my-aid/claims/${claimId}`,
      }),
    );
    expect(added).toBeInstanceOf(Response);
    expect((added as Response).headers.get('location')).toBe(`/my-aid/claims/${claimId}?files=added`);
    const refused = (await post(
      attachmentForm(SAMPLE_FILES.executable, 'facture.pdf', { kind: 'invoice' }),
    )) as {
      init: { status: number };
      data: { error: { errors: { path: string }[] }; values: Record<string, string> };
    };
    expect(refused.init.status).toBe(422);
    expect(refused.data.error.errors.map((e) => e.path)).toEqual(['file']);
    expect(refused.data.values.kind).toBe('invoice');
    expect((await rowsOf(claimId)).length).toBe(1);
  });

  it('refuses a form whose file is above 10 MB at the file field, and keeps nothing', async () => {
    const before = storedFiles();
    const refused = (await post(
      attachmentForm(new Uint8Array(11 * 1024 * 1024).fill(0x25), 'grosse facture.pdf', { kind: 'invoice' }),
    )) as { init: { status: number }; data: { error: { errors: { path: string; message: string }[] } } };
    expect(refused.init.status).toBe(413);
    expect(refused.data.error.errors).toEqual([
      { path: 'file', message: 'Fichier dépasse la taille permise de 10 Mo.' },
    ]);
    expect(storedFiles()).toEqual(before);
  });

  it('lists the files with their download links and an upload form stating the accepted types, in both languages', async () => {
    await upload(attachmentForm(SAMPLE_FILES.pdf, 'facture.pdf', { kind: 'invoice', invoiceId }));
    const fr = await renderPage(
      attachmentsPage,
      await pageCtx('fr'),
      pattern,
      `/my-aid/claims/${claimId}/attachments`,
    );
    expect(fr.status).toBe(200);
    expect(fr.html).toContain('Demande de versement no 1 : pièces justificatives');
    expect(fr.html).toMatch(
      new RegExp(`href="/api/v1/claims/${claimId}/attachments/[0-9a-f-]+" download="facture.pdf"`),
    );
    expect(fr.html).toContain('Agence Web inc. — F-1001');
    expect(fr.html).toContain('<label for="field-file">Fichier</label>');
    expect(fr.html).toContain('PDF, JPEG ou PNG, 10 Mo au plus');
    const en = await renderPage(
      attachmentsPage,
      await pageCtx('en'),
      pattern,
      `/my-aid/claims/${claimId}/attachments`,
    );
    expect(en.html).toContain('Claim no. 1: supporting documents');
    expect(en.html).toContain('PDF, JPEG or PNG, 10 MB at most');
    // Once submitted, the files are listed without a form to change them.
    await setClaimStatus(h, claimId, 'submitted');
    const locked = await renderPage(
      attachmentsPage,
      await pageCtx('fr'),
      pattern,
      `/my-aid/claims/${claimId}/attachments`,
    );
    expect(locked.html).toContain('facture.pdf');
    expect(locked.html).not.toContain('field-file');
  });
});

describe(`page uploads through the HTTP app (${engine})`, () => {
  it('lets a page form with a file be as large as a file, and no larger; other forms keep the usual limit', async () => {
    const withPages = await createHarness({ ui: { handle: async () => new Response('page') } });
    try {
      const post = (body: BodyInit) =>
        withPages.app.request('/my-aid/claims/x/attachments', { method: 'POST', body });
      const form = (size: number) => attachmentForm(new Uint8Array(size).fill(0x25), 'facture.pdf');
      // 2 MB passes the limit (above the 1 MiB of other bodies) and meets the anti-forgery check.
      expect((await post(form(2 * 1024 * 1024))).status).toBe(403);
      const tooLarge = await post(form(11 * 1024 * 1024));
      expect(tooLarge.status).toBe(413);
      expect((await tooLarge.json()).errors).toEqual([
        { path: 'file', message: 'Fichier dépasse la taille permise de 10 Mo.' },
      ]);
      expect((await post(new URLSearchParams({ notes: 'x'.repeat(2 * 1024 * 1024) }))).status).toBe(413);
    } finally {
      await withPages.close();
    }
  });
});
