import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as reviewApplication from '../../src/modules/intake/ui/review-application.tsx';
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
