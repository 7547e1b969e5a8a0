import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as readsPage from '../../src/modules/privacy/ui/file-reads.tsx';
import * as retentionPage from '../../src/modules/privacy/ui/retention.tsx';
import { createHarness, type Harness } from '../support/harness.ts';
import { defaultProgramId, submitted } from '../support/intake.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let officer: string;
let admin: string;
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  body: new URLSearchParams({ _csrf: 'csrf', ...fields }),
});

beforeAll(async () => {
  h = await createHarness();
  officer = await h.token((await h.user('privacy')).email);
  admin = await h.token((await h.user('admin')).email);
});
afterAll(() => h?.close());

describe('retention pages', () => {
  it('shows the schedule in both languages; only the officer edits periods and starts runs', async () => {
    const fr = await renderPage(
      retentionPage,
      await h.as({ bearerToken: officer }),
      '/privacy/retention',
      '/privacy/retention',
    );
    expect(fr.status).toBe(200);
    expect(fr.html).toContain('Calendrier de conservation');
    expect(fr.html).toContain('Dossier fermé (accompagnement)');
    expect(fr.html).toContain('Simuler (compter seulement)');
    expect(fr.html).toMatch(/<label for="period-closed_file">/);
    const en = await renderPage(
      retentionPage,
      await h.as({ bearerToken: officer }, { locale: 'en' }),
      '/privacy/retention',
      '/privacy/retention',
    );
    expect(en.html).toContain('Retention schedule');
    expect(en.html).toContain('after the file is closed');
    const asAdmin = await renderPage(
      retentionPage,
      await h.as({ bearerToken: admin }),
      '/privacy/retention',
      '/privacy/retention',
    );
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.html).not.toContain('Simuler');
    expect(asAdmin.html).not.toContain('id="period-closed_file"');
  });

  it('refuses a period below its floor next to its field, and starts a dry run', async () => {
    const ctx = await h.as({ bearerToken: officer });
    const refused = await renderPage(
      retentionPage,
      ctx,
      '/privacy/retention',
      '/privacy/retention',
      form({ kind: 'closed_file', periodMonths: '3' }),
    );
    expect(refused.status).toBe(422);
    expect(refused.html).toContain('La durée ne peut être inférieure à 24 mois.');
    expect(refused.html).toContain('href="#period-closed_file"');
    const started = await renderPage(
      retentionPage,
      ctx,
      '/privacy/retention',
      '/privacy/retention',
      form({ intent: 'run', dryRun: 'true' }),
    );
    expect(started.status).toBe(302);
    await h.services.jobs.drain();
    const after = await renderPage(
      retentionPage,
      ctx,
      '/privacy/retention',
      '/privacy/retention?started=dry',
    );
    expect(after.html).toContain('La simulation est lancée');
    expect(after.html).toContain('Terminée');
  });

  it('lists who read a person’s file', async () => {
    const coordinator = await h.token((await h.user('coordinator')).email);
    const app = await submitted(h, await defaultProgramId(h));
    await h.request(`/api/v1/applications/${app.id}`, { token: coordinator });
    const page = await renderPage(
      readsPage,
      await h.as({ bearerToken: officer }),
      '/privacy/people/:userId/reads',
      `/privacy/people/${app.retailer.id}/reads`,
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain('Consultations du dossier');
    expect(page.html).toMatch(/coordinator \d+ \(Coordination du programme\)/);
    expect(page.html).toContain('<td>Demande</td>');
  });
});
