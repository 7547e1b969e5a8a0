import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/kernel/csv.ts';
import { dataExports } from '../../src/modules/privacy/db/data-export-tables.ts';
import { PERSONAL_DATA_SOURCES } from '../../src/modules/privacy/db/personal-data-sources.ts';
import * as dataExportFile from '../../src/modules/privacy/ui/data-export-file.ts';
import * as myPrivacy from '../../src/modules/privacy/ui/my-privacy.tsx';
import { eraseExpiredDataExports } from '../../src/modules/privacy/use-cases/erase-expired-data-exports.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import { completedDiagnostic } from '../support/diagnostic.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId, verifiedRetailer } from '../support/intake.ts';
import { load, send } from '../support/pages.ts';

let h: Harness;
let programId: string;
let coordinator: string;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
});
afterAll(() => h.close());

/**
 * The zip read back by an independent reader (Python's zipfile): each file's name and text.
 */
function unzipWithPython(zip: Uint8Array): Record<string, string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'virage-copy-')), 'copy.zip');
  writeFileSync(file, zip);
  const script =
    'import json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n' +
    'print(json.dumps({n: z.read(n).decode("utf-8") for n in z.namelist()}))';
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

const ask = (token: string) => h.request('/api/v1/me/data-exports', { method: 'POST', token });

describe(`a copy of my data (${engine})`, () => {
  it('is asked for on the privacy page, which lists it and links its zip once ready', async () => {
    const app = await acceptedApplication(h, programId, coordinator);
    const ctx = await h.as({ bearerToken: app.token });
    const sent = (await send(myPrivacy.action, ctx, '/account/privacy', { intent: 'export' })) as Response;
    expect(sent.status).toBe(302);
    expect(sent.headers.get('Location')).toBe('/account/privacy?requested#data-copy');
    const asked = await load(myPrivacy.loader, ctx, '/account/privacy?requested');
    expect(asked.requested).toBe(true);
    expect(asked.copies).toEqual([expect.objectContaining({ status: 'queued' })]);
    await h.services.jobs.drain();
    const [ready] = (await load(myPrivacy.loader, ctx, '/account/privacy')).copies;
    expect(ready).toMatchObject({ status: 'ready', sizeKb: expect.any(Number) });
    const file = await load(dataExportFile.loader, ctx, `/account/privacy/data-exports/${ready!.id}/file`, {
      id: ready!.id,
    });
    expect(file.headers.get('Content-Type')).toBe('application/zip');
  });

  it('is built by a job, e-mailed, and holds everything about me and my business in JSON and CSV with a dictionary', async () => {
    const app = await acceptedApplication(h, programId, coordinator);
    const other = await acceptedApplication(h, programId, coordinator);
    const diagnosticId = await completedDiagnostic(h, app.id, app.token);

    const asked = await ask(app.token);
    expect(asked.status).toBe(202);
    const accepted = await asked.json();
    expect(accepted).toEqual({ id: expect.any(String), status: 'queued' });
    expect(asked.headers.get('Location')).toBe(`/api/v1/me/data-exports/${accepted.id}`);
    const queued = await (
      await h.request(`/api/v1/me/data-exports/${accepted.id}`, { token: app.token })
    ).json();
    expect(queued).toMatchObject({ id: accepted.id, status: 'queued', downloadUrl: null });

    expect(await h.services.jobs.drain()).toBeGreaterThan(0);
    const ready = await (
      await h.request(`/api/v1/me/data-exports/${accepted.id}`, { token: app.token })
    ).json();
    expect(ready).toMatchObject({
      status: 'ready',
      downloadUrl: `/api/v1/me/data-exports/${accepted.id}/file`,
    });
    expect(new Date(ready.expiresAt).getTime() - new Date(ready.readyAt).getTime()).toBe(7 * 86_400_000);
    const [mail] = await h.services.database.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.toAddress, app.retailer.email),
          eq(mailOutbox.template, 'privacy:mail.data_export_ready'),
        ),
      );
    expect(mail!.textBody).toContain('/account/privacy');
    expect(mail!.subject).toBe('La copie de vos données est prête');

    const download = await h.request(ready.downloadUrl, { token: app.token });
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Type')).toBe('application/zip');
    const zip = new Uint8Array(await download.arrayBuffer());
    expect(createHash('sha256').update(zip).digest('hex')).toBe(ready.sha256);
    const files = unzipWithPython(zip);

    // Every source is there twice, and the dictionary in both languages.
    const expected = PERSONAL_DATA_SOURCES.flatMap((s) => [`${s.name}.json`, `${s.name}.csv`]);
    expect(Object.keys(files).sort()).toEqual(
      [...expected, 'dictionary-en.txt', 'dictionnaire-fr.txt'].sort(),
    );
    const json = (name: string) => JSON.parse(files[`${name}.json`]!) as Record<string, unknown>[];

    expect(json('users')).toEqual([
      expect.objectContaining({ id: app.retailer.id, email: app.retailer.email }),
    ]);
    expect(files['users.json']).not.toContain('password_hash');
    const [application] = json('applications');
    expect(application).toMatchObject({
      id: app.id,
      legal_name: 'Boutique Zoé inc.',
      status: 'accepted',
    });
    expect(application).not.toHaveProperty('search_text');
    expect(json('consents').every((c) => c.application_id === app.id)).toBe(true);
    expect(json('consents').map((c) => c.purpose)).toContain('participation');
    const [diagnostic] = json('diagnostics');
    expect(diagnostic).toMatchObject({ id: diagnosticId, status: 'completed' });
    expect(Object.keys(diagnostic!.answers as object).length).toBeGreaterThan(5);
    expect(json('audit_events').map((a) => a.action)).toEqual(
      expect.arrayContaining(['application.submitted', 'data_export.requested']),
    );
    // Nothing of another business.
    expect(Object.values(files).some((text) => text.includes(other.id))).toBe(false);

    // The CSV says the same as the JSON.
    const csv = parseCsvRecords(files['applications.csv']!.replace(/^\uFEFF/, ''));
    expect(csv.records).toHaveLength(1);
    expect(csv.records[0]).toMatchObject({ id: app.id, legal_name: 'Boutique Zoé inc.' });
    expect(csv.header).not.toContain('search_text');

    expect(files['dictionnaire-fr.txt']).toContain('applications.json, applications.csv — Vos demandes');
    expect(files['dictionnaire-fr.txt']).toContain('Colonne « password_hash » non fournie');
    expect(files['dictionary-en.txt']).toContain(
      'diagnostics.json, diagnostics.csv — Your digital diagnostics',
    );

    // Each download is counted and audited.
    await h.request(ready.downloadUrl, { token: app.token });
    const downloads = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'data_export.downloaded'), eq(auditEvents.entityId, app.retailer.id)),
      );
    expect(downloads).toHaveLength(2);
    const after = await (
      await h.request(`/api/v1/me/data-exports/${accepted.id}`, { token: app.token })
    ).json();
    expect(after.downloads).toBe(2);
  });

  it('is the person’s and the privacy officer’s only; expires after 7 days, when its content is erased', async () => {
    const app = await acceptedApplication(h, programId, coordinator);
    const stranger = await acceptedApplication(h, programId, coordinator);
    const officer = await h.token((await h.user('privacy')).email);
    const { id } = await (await ask(app.token)).json();
    await h.services.jobs.drain();
    const at = (token: string, suffix = '') => h.request(`/api/v1/me/data-exports/${id}${suffix}`, { token });
    expect((await at(stranger.token)).status).toBe(404);
    expect((await at(stranger.token, '/file')).status).toBe(404);
    expect((await at(coordinator)).status).toBe(404);
    expect((await at(officer)).status).toBe(200);
    expect((await h.request('/api/v1/me/data-exports/not-an-id', { token: app.token })).status).toBe(404);

    // The page's download route serves the same zip to its owner.
    const page = await load(
      dataExportFile.loader,
      await h.as({ bearerToken: app.token }),
      `/account/privacy/data-exports/${id}/file`,
      { id },
    );
    expect(page.headers.get('Content-Disposition')).toMatch(/^attachment; filename="virage-/);

    const start = h.clock.now;
    h.clock.now = new Date(start.getTime() + 7 * 86_400_000 + 1000);
    try {
      expect((await (await at(app.token)).json()).status).toBe('expired');
      expect((await at(app.token, '/file')).status).toBe(404);
      expect(await eraseExpiredDataExports(h.system)).toBeGreaterThanOrEqual(1);
      const [row] = await h.services.database.db.select().from(dataExports).where(eq(dataExports.id, id));
      expect(row).toMatchObject({ status: 'expired', content: null });
    } finally {
      h.clock.now = start;
    }
  });

  it('is limited to one in preparation and three a day, refused with a 429 naming the limit (decision 42)', async () => {
    const me = await verifiedRetailer(h, { locale: 'en' });
    const first = await ask(me.token);
    expect(first.status).toBe(202);
    const pending = await ask(me.token);
    expect(pending.status).toBe(429);
    expect(pending.headers.get('Retry-After')).toBe('60');
    expect(await pending.json()).toMatchObject({
      status: 429,
      detail:
        'A copy of your data is already being prepared: you will get an e-mail as soon as it is ready (one at a time).',
      limit: 'pending',
      max: 1,
    });
    await h.services.jobs.drain();
    expect((await ask(me.token)).status).toBe(202);
    await h.services.jobs.drain();
    expect((await ask(me.token)).status).toBe(202);
    await h.services.jobs.drain();
    const perDay = await ask(me.token);
    expect(perDay.status).toBe(429);
    expect(await perDay.json()).toMatchObject({ limit: 'per_day', max: 3 });
    // The next copy may be asked for at Montréal's next midnight.
    const wait = Number(perDay.headers.get('Retry-After'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(25 * 3600);
    expect(await h.services.database.db.$count(dataExports, eq(dataExports.userId, me.id))).toBe(3);
    // Another person is not held back by it; the next Montréal day opens again.
    expect((await ask((await verifiedRetailer(h)).token)).status).toBe(202);
    h.clock.advance(wait - 1);
    expect((await ask(me.token)).status).toBe(429);
    h.clock.advance(1);
    expect((await ask(me.token)).status).toBe(202);
  });
});
