import { expect, test } from '@playwright/test';
import { createUser, PASSWORD, signIn, twoFactorText } from './support/accounts.ts';
import { checkPage, enrolSecondFactor, newPage, tabTo } from './support/browser.ts';
import { accountWithToken, api, type BusinessFacts, submittedApplication } from './support/diagnostic.ts';
import { pageWords } from './support/i18n.ts';

/**
 * The abuse-signals journey, in French and in English, each against its own server: two retailers
 * submit applications with the same phone number (API); a coordinator, at first sign-in with a second
 * factor, finds the signal in the signals list, sees it on the review page of one of the files, follows
 * it to the signal and dismisses it as legitimate with a reason (first forgotten, then typed by
 * keyboard); the review page then shows no open signal. Every page passes axe.
 */

const wordsOf = pageWords(
  {
    common: 'src/platform/i18n',
    app: 'app/i18n',
    identity: 'src/modules/identity/i18n',
    signals: 'src/modules/signals/i18n',
  },
  'signals',
);

test.describe.configure({ mode: 'parallel' });

for (const locale of ['fr', 'en'] as const) {
  const w = wordsOf(locale);
  const phone = locale === 'fr' ? '819 555-0141' : '819 555-0142';
  const coordinator = { email: `coordo.signals.${locale}@example.ca`, name: 'Mathieu Roy' };
  const shop = (n: number): BusinessFacts & { email: string } => ({
    legalName: `${locale === 'fr' ? 'Fromagerie' : 'Cheese Shop'} ${n} inc.`,
    tradeName: `${locale === 'fr' ? 'Fromagerie' : 'Cheese Shop'} ${n}`,
    municipality: 'Sherbrooke',
    street: `${40 + n}, rue King Ouest`,
    postalCode: 'J1H 1N9',
    phone,
    email: `fromagerie${n}.signals.${locale}@example.ca`,
    naics: '445',
    employees: 3,
    contactName: 'Julie Côté',
  });

  test.describe(`signals journey (${locale})`, () => {
    test('a coordinator finds a signal, sees it on the review page and dismisses it with a reason', async ({
      browser,
    }) => {
      test.setTimeout(150_000);
      const ids: string[] = [];

      await test.step('set-up: two retailers submit with one phone number (API), a coordinator (CLI)', async () => {
        const [tokens] = await Promise.all([
          Promise.all(
            [1, 2].map((n) =>
              accountWithToken(
                locale,
                { email: shop(n).email, name: 'Julie Côté', role: 'retailer', locale },
                PASSWORD,
              ),
            ),
          ),
          createUser(
            locale,
            { email: coordinator.email, role: 'coordinator', name: coordinator.name },
            PASSWORD,
          ),
        ]);
        const programs = await api<{ items: { id: string }[] }>(locale, 'GET', '/programs', tokens[0]!);
        for (const [i, token] of tokens.entries())
          ids.push(await submittedApplication(locale, programs.items[0]!.id, token, shop(i + 1)));
      });

      const { context, page, problems } = await newPage(browser, locale);
      const explanation = w('explanations.same_phone', { value: phone, count: 2 });

      await test.step('the coordinator signs in and finds the signal in the list, in words', async () => {
        await signIn(page, locale, coordinator.email, PASSWORD);
        await enrolSecondFactor(page, locale, twoFactorText(locale), 'signals-coordinator', {
          checkPages: false,
        });
        await page.getByRole('link', { name: w('app:nav.signals'), exact: true }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w('page.title'));
        await page.getByLabel(w('page.kind')).selectOption('same_phone');
        await page.getByRole('button', { name: w('page.apply') }).click();
        await expect(page).toHaveURL(/kind=same_phone/);
        await expect(page.getByText(explanation)).toBeVisible();
        await checkPage(page, locale, 'signals-list');
      });

      await test.step('the review page of one file shows the open signal prominently', async () => {
        const row = page.getByRole('row').filter({ hasText: explanation });
        await row.getByRole('link', { name: shop(1).legalName }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(shop(1).legalName);
        // Other journeys' files may add signals of their own (every browser test submits from one address).
        const openSignals = w('panel.title', { count: 1 }).replace(/\s*\(1\)$/, '');
        const panel = page.getByRole('region', { name: new RegExp(`^${openSignals}`) });
        const signal = panel.getByRole('listitem').filter({ hasText: explanation });
        await expect(signal).toBeVisible();
        await expect(signal.getByRole('link', { name: shop(2).legalName })).toBeVisible();
        await checkPage(page, locale, 'signals-on-review-page');
        await signal.getByRole('link', { name: w('page.resolve'), exact: true }).click();
      });

      await test.step('the coordinator dismisses it, with the reason first forgotten then typed by keyboard', async () => {
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w('kinds.same_phone'));
        await checkPage(page, locale, 'signal');
        await page.getByLabel(w('page.dismiss')).check();
        await page.getByRole('button', { name: w('page.submit') }).click();
        await expect(page.getByRole('link', { name: w('errors.reason') })).toBeVisible();
        await checkPage(page, locale, 'signal-reason-missing', { switchLanguage: false });
        const reason = page.getByLabel(w('page.reason'), { exact: false });
        await tabTo(page, reason);
        const said =
          locale === 'fr'
            ? 'Deux fromageries d’une même famille partagent la ligne du comptoir.'
            : 'Two shops of one family share the counter’s line.';
        await page.keyboard.type(said);
        await page.getByRole('button', { name: w('page.submit') }).click();
        await expect(page.getByText(w('page.saved'))).toBeVisible();
        await expect(page.getByText(said)).toBeVisible();
        await checkPage(page, locale, 'signal-dismissed', { switchLanguage: false });
      });

      await test.step('the review page no longer shows it as open', async () => {
        await page.goto(`/review/applications/${ids[0]}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(shop(1).legalName);
        await expect(page.getByText(explanation)).toHaveCount(0);
      });
      await context.close();
      expect.soft(problems, 'script or console errors').toEqual([]);
    });
  });
}
