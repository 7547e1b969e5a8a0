import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as importPage from '../../src/modules/intake/ui/import.tsx';
import * as reviewApplication from '../../src/modules/intake/ui/review-application.tsx';
import * as reviewQueue from '../../src/modules/intake/ui/review-queue.tsx';
import type { Ctx } from '../../src/platform/context.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId, submitted } from '../support/intake.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let programId: string;
let coordinator: Record<'fr' | 'en', Ctx>;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  const token = await h.token((await h.user('coordinator')).email);
  coordinator = {
    fr: await h.as({ bearerToken: token }, { locale: 'fr' }),
    en: await h.as({ bearerToken: token }, { locale: 'en' }),
  };
});
afterAll(() => h?.close());

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe(`the team's review page of an application (${engine})`, () => {
  it('explains eligibility about the business, not to the retailer, and shows the social links given', async () => {
    const { id } = await submitted(h, programId, {
      neq: '1414141416',
      employees: 80,
      socialLinks: ['https://www.facebook.com/chezzoe', 'https://www.instagram.com/chezzoe'],
    });
    const page = (locale: 'fr' | 'en') =>
      renderPage(
        reviewApplication,
        coordinator[locale],
        '/review/applications/:id',
        `/review/applications/${id}`,
      );
    const fr = await page('fr');
    expect(fr.status).toBe(200);
    expect(text(fr.html)).toContain(
      "L'entreprise compte 80 employés ; le programme s'adresse aux entreprises de 50 employés ou moins.",
    );
    expect(text(fr.html)).not.toMatch(/\b(Votre|votre|vous)\b/);
    expect(fr.html).toContain('Réseaux sociaux');
    expect(fr.html).toContain('<a href="https://www.instagram.com/chezzoe" rel="noopener noreferrer">');

    const en = await page('en');
    expect(text(en.html)).toContain(
      'The business has 80 employees; the program is for businesses with 50 employees or fewer.',
    );
    expect(text(en.html)).not.toMatch(/\b(Your|your)\b/);
    expect(en.html).toContain('Social media');
    expect(en.html).toContain('<a href="https://www.facebook.com/chezzoe" rel="noopener noreferrer">');
  });
});

describe(`the review queue (${engine})`, () => {
  it('opens on the applications that wait for a decision, with every status one click away', async () => {
    const coordinatorToken = await h.token((await h.user('coordinator')).email);
    const decide = (id: string, decision: string, reason?: string) =>
      h.request(`/api/v1/applications/${id}/decision`, {
        method: 'POST',
        token: coordinatorToken,
        json: { decision, ...(reason ? { reason } : {}) },
      });
    await submitted(h, programId, { neq: '2121212125', legalName: 'Fraîche inc.' });
    const accepted = await submitted(h, programId, { neq: '2323232327', legalName: 'Acceptée inc.' });
    expect((await decide(accepted.id, 'accepted')).status).toBe(200);
    const waiting = await submitted(h, programId, { neq: '2424242428', legalName: 'En attente inc.' });
    expect((await decide(waiting.id, 'info_requested', 'Votre site web ?')).status).toBe(200);
    // Asked for information, then asked a person to review the automated assessment: the team must act.
    const reviewed = await submitted(h, programId, {
      neq: '2525252521',
      legalName: 'Révision inc.',
      employees: 80,
    });
    expect((await decide(reviewed.id, 'info_requested', 'Vos employés ?')).status).toBe(200);
    const asked = await h.request(`/api/v1/applications/${reviewed.id}/review-request`, {
      method: 'POST',
      token: reviewed.token,
      json: {},
    });
    expect(asked.status).toBe(200);

    const queue = (locale: 'fr' | 'en', url: string) =>
      renderPage(reviewQueue, coordinator[locale], '/review', url);
    const byDefault = await queue('fr', '/review');
    expect(byDefault.status).toBe(200);
    expect(byDefault.html).toContain('<h1');
    expect(text(byDefault.html)).toContain('Demandes à traiter');
    expect(byDefault.html).toContain('<title>Demandes à traiter');
    for (const shown of ['Fraîche inc.', 'Révision inc.']) expect(byDefault.html).toContain(shown);
    for (const hidden of ['Acceptée inc.', 'En attente inc.']) expect(byDefault.html).not.toContain(hidden);
    expect(byDefault.html).toContain('href="/review?status=all"');

    const all = await queue('fr', '/review?status=all');
    for (const shown of ['Fraîche inc.', 'Révision inc.', 'Acceptée inc.', 'En attente inc.']) {
      expect(all.html).toContain(shown);
    }
    expect(all.html).toMatch(/<h1[^>]*>Demandes<\/h1>/);

    const english = await queue('en', '/review');
    expect(english.html).toMatch(/<h1[^>]*>Applications to process<\/h1>/);
    expect(text(english.html)).toContain('All applications, whatever their status');
    expect(english.html).not.toContain('Acceptée inc.');
  });

  it('keeps the program chosen in every link that changes the view', async () => {
    const admin = await h.token((await h.user('admin')).email);
    const created = await h.request('/api/v1/programs', {
      method: 'POST',
      token: admin,
      json: {
        nameFr: 'Deuxième',
        nameEn: 'Second',
        slug: 'deuxieme-vague',
        targetRetailers: 10,
        copyFrom: programId,
      },
    });
    expect(created.status).toBe(201);
    const page = await renderPage(reviewQueue, coordinator.fr, '/review', '/review?program=deuxieme-vague');
    expect(page.status).toBe(200);
    expect(page.html).toContain('href="/review?program=deuxieme-vague&amp;status=all"');
    expect(page.html).toContain('href="/review/import?program=deuxieme-vague"');
  });
});

describe(`the paper-import report (${engine})`, () => {
  const csv = [
    'legal_name,neq,street,municipality,postal_code,phone,email,naics,employees,founded_year,contact_name',
    'Quincaillerie Roy,1919191911,12 rue Principale,Rimouski,G5L 1A1,pas un numéro,roy@roy.ca,444,4,1999,Luc Roy',
    'Fleuriste Roy,2020202027,14 rue Principale,Rimouski,G5L 1A1,418 555-0102,fleurs@roy.ca,459,2,2005,Ana Roy',
  ].join('\n');
  const post = (locale: 'fr' | 'en', file: string) =>
    renderPage(importPage, coordinator[locale], '/review/import', '/review/import', {
      method: 'POST',
      body: new URLSearchParams({ csv: file }),
    });

  it('names the column in the reader’s language and counts lines in agreement with the number', async () => {
    const fr = text((await post('fr', csv)).html);
    expect(fr).toContain('1 demande créée, 0 ligne ignorée, 1 erreur.');
    expect(fr).toContain('Téléphone ( phone ) Le champ « Téléphone » doit compter 10 chiffres');
    const en = text((await post('en', csv)).html);
    // Imported already: the same file again creates nothing and skips both lines.
    expect(en).toContain('0 applications created, 1 line skipped, 1 error.');
    expect(en).toContain('Phone ( phone ) Phone must have 10 digits');
    expect(en).toContain('Québec enterprise number (NEQ) ( neq ) NEQ 2020202027 is already in the program');
  });
});
