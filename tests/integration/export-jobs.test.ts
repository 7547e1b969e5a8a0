import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/kernel/csv.ts';
import * as reviewExport from '../../src/modules/intake/ui/review-export.ts';
import * as myExports from '../../src/modules/reporting/ui/my-exports.tsx';
import { deleteExpiredExports } from '../../src/modules/reporting/use-cases/delete-expired-exports.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { exportJobs } from '../../src/platform/exports/jobs-table.ts';
import type { ExportFormat } from '../../src/platform/exports/table.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId, submitted } from '../support/intake.ts';
import { load } from '../support/pages.ts';
import { renderPage } from '../support/render.ts';
import { xlsxRows } from '../support/xlsx.ts';

/** So few rows that four applications make a long export. */
const LIMIT = 2;
const dataDir = mkdtempSync(path.join(tmpdir(), 'virage-export-jobs-'));

let h: Harness;
let programId: string;
let coordinator: { email: string; token: string; ctx: Ctx };
let otherToken: string;

beforeAll(async () => {
  h = await createHarness({ env: { EXPORT_ROW_LIMIT: String(LIMIT), DATA_DIR: dataDir } });
  programId = await defaultProgramId(h);
  const { email } = await h.user('coordinator', { locale: 'en' });
  const token = await h.token(email);
  coordinator = { email, token, ctx: await h.as({ bearerToken: token }, { locale: 'fr' }) };
  otherToken = await h.token((await h.user('coordinator')).email);
  for (const [i, legalName] of ['=HYPERLINK("http://x","y")', 'Alpha inc.', 'Bêta ltée', 'Gamma'].entries()) {
    await submitted(h, programId, { neq: `313131${i}31${i}`.slice(0, 9) + String(i), legalName });
  }
});
afterAll(async () => {
  await h?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const jobOf = async (id: string) =>
  (await h.services.database.db.select().from(exportJobs).where(eq(exportJobs.id, id)))[0]!;

/** The same export downloaded at once, the row limit lifted: what the job's file must equal. */
async function directExport(format: ExportFormat) {
  const unlimited = {
    ...coordinator.ctx,
    services: { ...h.services, config: { ...h.config, exportRowLimit: 1000 } },
  };
  return h.services.listExports.applications(unlimited, format, { programId });
}

describe(`exports too long for a download run as jobs (${engine})`, () => {
  let csvJob: string;

  it('takes the page’s export past the limit to « Mes exportations », which refreshes itself while it waits', async () => {
    const answer = (await load(
      reviewExport.loader,
      coordinator.ctx,
      '/review/export.csv?status=all',
    )) as Response;
    expect(answer.status).toBe(302);
    const location = answer.headers.get('location')!;
    expect(location).toMatch(/^\/exports\?started=[0-9a-f-]{36}$/);
    csvJob = location.split('=')[1]!;
    const queued = await jobOf(csvJob);
    expect(queued).toMatchObject({ status: 'queued', list: 'applications', format: 'csv', locale: 'fr' });
    // The use case's filters, as the page reads its address: « all » lifts the status filter.
    expect(queued.filters).toEqual({ programId });

    // Asked again before it ran: the same job, not a second one.
    const again = (await load(
      reviewExport.loader,
      coordinator.ctx,
      '/review/export.csv?status=all',
    )) as Response;
    expect(again.headers.get('location')).toBe(location);

    const page = await renderPage(myExports, coordinator.ctx, '/exports', location);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Mes exportations</h1>');
    expect(page.html).toContain('<meta http-equiv="refresh" content="5"/>');
    expect(page.html).toContain('elle est en préparation');
    expect(page.html).toMatch(/role="status">1 exportation en préparation\./);
  });

  it('writes the file the download would have been, with its progress reaching the total, and e-mails the asker', async () => {
    expect(await h.services.jobs.drain()).toBeGreaterThan(0);
    const done = await jobOf(csvJob);
    expect(done.status).toBe('done');
    expect(done.rowsTotal).toBe(4);
    expect(done.rowsDone).toBe(done.rowsTotal);
    expect(done.expiresAt!.getTime() - done.finishedAt!.getTime()).toBe(7 * 24 * 3_600_000);
    expect(existsSync(path.join(dataDir, 'exports', `${csvJob}.csv`))).toBe(true);

    const status = await h.request(`/api/v1/exports/${csvJob}`, { token: coordinator.token });
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({
      status: 'done',
      rowsDone: 4,
      rowsTotal: 4,
      fileUrl: `/api/v1/exports/${csvJob}/file`,
    });

    const file = await h.request(`/api/v1/exports/${csvJob}/file`, { token: coordinator.token });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="demandes-[\d-]+\.csv"$/);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.equals(Buffer.from((await directExport('csv')).body))).toBe(true);
    const text = bytes.toString('utf8');
    const [, ...rows] = parseCsv(text);
    expect(rows.map((r) => r[0])).toContain(`'=HYPERLINK("http://x","y")`);

    const mail = await h.services.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, coordinator.email));
    const ready = mail.find((m) => m.template === 'reporting:mail.export_ready')!;
    // In the asker's language (English), though the list was read in French.
    expect(ready.subject).toBe('Your export is ready: Applications (CSV)');
    expect(ready.textBody).toContain('http://virage.test/exports');

    const page = await renderPage(myExports, coordinator.ctx, '/exports', '/exports');
    expect(page.html).not.toContain('http-equiv="refresh"');
    expect(page.html).toContain(`href="/exports/${csvJob}/file"`);
  });

  it('starts an export from the API, XLSX equal to the direct export, and audits every download', async () => {
    const started = await h.request('/api/v1/exports', {
      method: 'POST',
      token: coordinator.token,
      headers: { 'Accept-Language': 'fr' },
      json: { list: 'applications', format: 'xlsx', filters: { programId } },
    });
    expect(started.status).toBe(202);
    const { id, status } = await started.json();
    expect(status).toBe('queued');
    expect(started.headers.get('location')).toBe(`/api/v1/exports/${id}`);
    const early = await h.request(`/api/v1/exports/${id}/file`, { token: coordinator.token });
    expect(early.status).toBe(409);
    await h.services.jobs.drain();
    const file = await h.request(`/api/v1/exports/${id}/file`, { token: coordinator.token });
    expect(file.headers.get('content-type')).toContain('spreadsheetml');
    const direct = await directExport('xlsx');
    expect(await xlsxRows(await file.arrayBuffer())).toEqual(await xlsxRows(direct.body as Uint8Array));
    const downloads = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'export.downloaded'), eq(auditEvents.entityId, id)));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.actorEmail).toBe(coordinator.email);
  });

  it('refuses before queueing: a caller who may not export the list, a filter the list refuses', async () => {
    const retailer = await h.token((await h.user('retailer')).email);
    const refused = await h.request('/api/v1/exports', {
      method: 'POST',
      token: retailer,
      json: { list: 'applications', format: 'csv', filters: {} },
    });
    expect(refused.status).toBe(403);
    const invalid = await h.request('/api/v1/exports', {
      method: 'POST',
      token: coordinator.token,
      json: { list: 'applications', format: 'csv', filters: { programId, status: 'nope' } },
    });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).errors.map((e: { path: string }) => e.path)).toEqual(['filters.status']);
    const unknown = await h.request('/api/v1/exports', {
      method: 'POST',
      token: coordinator.token,
      json: { list: 'payroll', format: 'csv' },
    });
    expect(unknown.status).toBe(422);
    const queued = await h.services.database.db.select().from(exportJobs);
    expect(queued).toHaveLength(2);
  });

  it('hides a job and its file from anyone but the asker', async () => {
    for (const address of [`/api/v1/exports/${csvJob}`, `/api/v1/exports/${csvJob}/file`]) {
      expect((await h.request(address, { token: otherToken })).status).toBe(404);
    }
    const other = await h.as({ bearerToken: otherToken });
    const page = await renderPage(myExports, other, '/exports', '/exports');
    expect(page.html).not.toContain(csvJob);
  });

  it('deletes files past their week, and the job then says so', async () => {
    h.clock.advance(6 * 24 * 3600);
    expect(await deleteExpiredExports(h.system)).toBe(0);
    h.clock.advance(2 * 24 * 3600);
    expect(await deleteExpiredExports(h.system)).toBe(2);
    expect(existsSync(path.join(dataDir, 'exports', `${csvJob}.csv`))).toBe(false);
    expect((await jobOf(csvJob)).status).toBe('expired');
    const gone = await h.request(`/api/v1/exports/${csvJob}/file`, { token: coordinator.token });
    expect(gone.status).toBe(404);
  });
});
