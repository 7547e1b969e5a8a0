import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { createStaticHandler, createStaticRouter, data, StaticRouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ErrorBoundary } from '../../app/root.tsx';
import Account from '../../src/modules/identity/ui/account.tsx';
import { AppError } from '../../src/platform/errors.ts';
import { localiseError } from '../../src/platform/http/problem.ts';
import { createI18n } from '../../src/platform/i18n/i18n.ts';
import { resources } from '../../src/wiring/i18n-resources.ts';

const Nothing = () => null;
const user = { name: 'Zoé Tremblay', role: 'retailer' };

/** A page rendered on the server under a stand-in root (its signed-in person), as the text a reader gets. */
async function render(
  locale: 'fr' | 'en',
  page: { loader: () => unknown; Component: () => unknown },
): Promise<{ text: string; html: string }> {
  const i18n = createI18n(resources);
  await i18n.changeLanguage(locale);
  const routes = [
    {
      id: 'root',
      path: '/',
      loader: () => ({ user, locale, nav: [], csrfToken: 'csrf' }),
      ErrorBoundary,
      children: [{ path: 'page', ...page }],
    },
  ];
  const handler = createStaticHandler(routes as never);
  const context = await handler.query(new Request('http://virage.test/page'));
  if (context instanceof Response) throw new Error('unexpected redirect');
  const router = createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(
    createElement(I18nextProvider, { i18n }, createElement(StaticRouterProvider, { router, context })),
  ).replace(/<script[\s\S]*?<\/script>/g, '');
  return { html, text: html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

describe('the page of a refusal', () => {
  const refused = (locale: 'fr' | 'en') =>
    render(locale, {
      loader: () => {
        throw data(localiseError(new AppError('forbidden'), createI18n(resources), locale), { status: 403 });
      },
      Component: Nothing,
    });

  it('says why (the account and its role) and whom to ask, in the reader’s language', async () => {
    const fr = (await refused('fr')).text;
    expect(fr.match(/Accès refusé/g)?.length).toBe(2); // the tab's title and the heading, no more
    expect(fr).toContain('Votre compte (Zoé Tremblay) a le rôle « Détaillant »');
    expect(fr).toContain('demandez à un administrateur du programme');
    const en = (await refused('en')).text;
    expect(en).toContain('Your account (Zoé Tremblay) has the role “Retailer”');
    expect(en).toContain('ask a program administrator');
  });
});

describe('the account page', () => {
  const account = { email: 'zoe@example.ca', name: 'Zoé Tremblay', role: 'retailer', locale: 'fr' };
  const token = {
    id: 't1',
    name: 'Tableur',
    displayPrefix: 'vrg_ab',
    createdAt: '2027-01-15',
    lastUsedAt: null,
    revoked: false,
  };
  const page = (tokens: unknown[]) =>
    render('fr', {
      loader: () => ({ account: { ...account, totpEnabled: false }, tokens }),
      Component: Account,
    });

  it('keeps API tokens in a closed advanced section until the person has some', async () => {
    const { html, text } = await page([]);
    expect(text).toContain('Paramètres avancés');
    expect(html).toMatch(
      /<details class="account-advanced"><summary id="tokens-title">Jetons d&#x27;accès à l&#x27;API<\/summary>/,
    );
    expect(text).toContain("la plupart des détaillants n'en ont pas besoin".replace(/'/g, '&#x27;'));
    expect((await page([token])).html).toMatch(/<details class="account-advanced" open="">/);
  });
});
