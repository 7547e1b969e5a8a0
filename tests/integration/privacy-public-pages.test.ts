import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SiteFooter } from '../../app/root.tsx';
import { PRIVACY_POLICY_VERSION } from '../../src/kernel/privacy-policy.ts';
import * as accessibility from '../../src/modules/privacy/ui/accessibility.tsx';
import * as contact from '../../src/modules/privacy/ui/contact.tsx';
import * as privacyPolicy from '../../src/modules/privacy/ui/privacy-policy.tsx';
import type { Ctx } from '../../src/platform/context.ts';
import { createI18n } from '../../src/platform/i18n/i18n.ts';
import { resources } from '../../src/wiring/i18n-resources.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { renderPage } from '../support/render.ts';

let h: Harness;
let french: Ctx;
let english: Ctx;

beforeAll(async () => {
  h = await createHarness();
  french = await h.as({});
  english = await h.as({}, { locale: 'en' });
});
afterAll(() => h.close());

/** The context with the privacy officer and the program team's contacts an operator configured. */
const configured = (ctx: Ctx): Ctx => ({
  ...ctx,
  services: {
    ...ctx.services,
    config: {
      ...ctx.services.config,
      contacts: {
        privacyOfficer: {
          title: 'Directrice générale',
          email: 'vie-privee@cqcd.example',
          phone: '514 555-0199',
        },
        programEmail: 'virage@cqcd.example',
      },
    },
  },
});

describe(`the public pages (${engine})`, () => {
  it('publish the versioned privacy policy and the privacy officer’s title and contact, to anyone, in both languages', async () => {
    const fr = await renderPage(privacyPolicy, french, '/privacy-policy', '/privacy-policy');
    expect(fr.status).toBe(200);
    expect(fr.html).toContain('<h1>Politique de confidentialité</h1>');
    expect(fr.html).toContain(`Version ${PRIVACY_POLICY_VERSION}`);
    // Unconfigured, the title is the law's words and the address the default one.
    expect(fr.html).toContain('Responsable de la protection des renseignements personnels');
    expect(fr.html).toContain('mailto:confidentialite@virage.localhost');

    const en = await renderPage(privacyPolicy, configured(english), '/privacy-policy', '/privacy-policy');
    expect(en.html).toContain('<h1>Privacy policy</h1>');
    expect(en.html).toContain('Directrice générale');
    expect(en.html).toContain('mailto:vie-privee@cqcd.example');
    expect(en.html).toContain('Phone: 514 555-0199');
  });

  it('publish the accessibility statement and the program team’s contact', async () => {
    const statement = await renderPage(accessibility, configured(french), '/accessibility', '/accessibility');
    expect(statement.html).toContain('<h1>Déclaration d’accessibilité</h1>');
    expect(statement.html).toContain('WCAG) 2.2, niveau AA');
    expect(statement.html).toContain('mailto:virage@cqcd.example');
    const team = await renderPage(contact, configured(english), '/contact', '/contact');
    expect(team.html).toContain('<h1>Contact us</h1>');
    expect(team.html).toContain('mailto:virage@cqcd.example');
    expect(team.html).toContain('mailto:vie-privee@cqcd.example');
  });

  it('are linked from every page’s footer, in the reader’s language', async () => {
    for (const [locale, links] of [
      ['fr', ['Confidentialité', 'Accessibilité', 'Nous joindre']],
      ['en', ['Privacy', 'Accessibility', 'Contact us']],
    ] as const) {
      const i18n = createI18n(resources);
      await i18n.changeLanguage(locale);
      const footer = renderToString(createElement(I18nextProvider, { i18n }, createElement(SiteFooter)));
      expect(footer).toContain(`<a href="/privacy-policy">${links[0]}</a>`);
      expect(footer).toContain(`<a href="/accessibility">${links[1]}</a>`);
      expect(footer).toContain(`<a href="/contact">${links[2]}</a>`);
    }
  });
});
