import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { syntheticExtract } from '../support/registry-extract.ts';
import { createUser, PASSWORD, signedInStaff, signIn } from './support/accounts.ts';
import { checkPage, newPage, runCliAsync, tabTo } from './support/browser.ts';
import { accountWithToken, api } from './support/diagnostic.ts';
import { pageWords } from './support/i18n.ts';

/**
 * The registry prefill journey, in French and in English, each against its own server: the synthetic
 * extract of the Registraire des entreprises is imported (CLI, as an operator does); a retailer's
 * application, its contact details and consents already given (API), gets its business from the NEQ
 * on the form's first step; the applicant corrects the prefilled legal name, chooses the store by
 * keyboard, and submits; the coordinator's review page shows the registry's value beside the declared
 * one, the correction marked, and the store chosen. Every page passes axe.
 */

const wordsOf = pageWords(
  { common: 'src/platform/i18n', app: 'app/i18n', intake: 'src/modules/intake/i18n' },
  'intake',
);

test.describe.configure({ mode: 'parallel' });

/** A business of the synthetic extract (tests/fixtures/registry), with two stores. */
const NEQ = '1111111111';
const REGISTRY_NAME = 'Boutique Zoé inc.';

for (const locale of ['fr', 'en'] as const) {
  const w = wordsOf(locale);
  // Other journeys run on this server at the same time: this one's people are its own.
  const unique = `${locale}.${Date.now().toString(36)}`;
  const retailer = { email: `zoe.registry.${unique}@example.ca`, name: 'Zoé Tremblay' };
  const coordinator = { email: `coordo.registry.${unique}@example.ca`, name: 'Hélène Gagnon' };
  const declaredName = locale === 'fr' ? 'Boutique Zoé Plateau inc.' : 'Zoé Plateau Shop inc.';

  test.describe(`registry journey (${locale})`, () => {
    test('a retailer’s form prefills from the NEQ, the applicant corrects a value, the coordinator sees both', async ({
      browser,
    }) => {
      test.setTimeout(150_000);
      let id = '';

      await test.step('set-up: the synthetic extract imported (CLI), a retailer’s draft (API), a coordinator', async () => {
        const file = path.join(mkdtempSync(path.join(tmpdir(), 'virage-registry-')), 'synthetic.zip');
        writeFileSync(file, syntheticExtract());
        // The same file twice changes nothing: a second run against this server finds it current.
        expect(await runCliAsync(locale, ['registry', 'import', '--file', file])).toMatch(
          /is current|Unchanged/,
        );
        const [token] = await Promise.all([
          accountWithToken(locale, { ...retailer, role: 'retailer', locale }, PASSWORD),
          createUser(locale, { ...coordinator, role: 'coordinator' }, PASSWORD),
        ]);
        const programs = await api<{ items: { id: string }[] }>(locale, 'GET', '/programs', token);
        ({ id } = await api<{ id: string }>(locale, 'POST', '/applications', token, {
          programId: programs.items[0]!.id,
          business: {
            tradeName: 'Boutique Zoé',
            street: '123, rue Principale',
            municipality: 'Montréal',
            postalCode: 'H2X 1Y4',
            phone: '514 555-0123',
            email: `boutique.${unique}@example.ca`,
            naics: '445',
            employees: 4,
            contactName: retailer.name,
          },
          consents: { participation: true, research: false, surveys: false, publication: false },
          attestation: true,
        }));
      });

      const { context, page, problems } = await newPage(browser, locale);

      await test.step('the applicant types the NEQ and the form fills in from the registry', async () => {
        await signIn(page, locale, retailer.email, PASSWORD);
        await expect(page).not.toHaveURL(/\/sign-in/);
        await page.goto(`/applications/${id}/steps/1`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w('ui.steps.business'));
        await page.getByLabel(w('fields.business.neq')).fill(NEQ);
        await page.getByRole('button', { name: w('ui.registry.lookup') }).click();
        const facts = page.getByRole('region', { name: w('ui.registry.title', { date: '2026-11-15' }) });
        await expect(facts).toBeVisible();
        await expect(facts.getByText('Immatriculée (IM)')).toBeVisible();
        await expect(page.getByLabel(w('fields.business.legalName'))).toHaveValue(REGISTRY_NAME);
        await expect(page.getByLabel(w('fields.business.foundedYear'))).toHaveValue('2019');
        await checkPage(page, locale, 'form-prefilled');
      });

      await test.step('the applicant corrects the legal name and chooses the store by keyboard', async () => {
        await page.getByLabel(w('fields.business.legalName')).fill(declaredName);
        const stores = page.getByRole('group', { name: w('ui.registry.establishment') });
        await expect(stores.getByRole('radio')).toHaveCount(3);
        await expect(stores.getByLabel(w('ui.registry.establishment_other'))).toBeVisible();
        const first = stores.getByRole('radio').first();
        await tabTo(page, first);
        // Arrow keys move within the group and choose: the second store, Saint-Joseph.
        await page.keyboard.press('ArrowDown');
        await expect(stores.getByLabel(/Saint-Joseph/)).toBeChecked();
        await page.getByRole('button', { name: w('ui.next') }).click();
        await expect(page).toHaveURL(new RegExp(`/applications/${id}/steps/2$`));
      });

      await test.step('the applicant reviews both values and submits', async () => {
        await page.goto(`/applications/${id}/steps/5`);
        const comparison = page.getByRole('table', { name: w('ui.registry.comparison') });
        const row = comparison.getByRole('row', { name: new RegExp(w('fields.business.legalName')) });
        await expect(row).toContainText(REGISTRY_NAME);
        await expect(row).toContainText(declaredName);
        await expect(row).toContainText(w('ui.registry.corrected'));
        await checkPage(page, locale, 'review-step');
        await page.getByRole('button', { name: w('ui.submit') }).click();
        await expect(page.getByText(w('ui.status_page.submitted'))).toBeVisible();
      });
      await context.close();

      await test.step('the coordinator’s review page shows the registry’s value beside the declared one', async () => {
        const staff = await signedInStaff(browser, locale, coordinator, PASSWORD, 'registry-coordinator');
        await staff.page.goto(`/review/applications/${id}`);
        await expect(staff.page.getByRole('heading', { level: 1 })).toHaveText(declaredName);
        const comparison = staff.page.getByRole('table', { name: w('ui.registry.comparison') });
        const name = comparison.getByRole('row', { name: new RegExp(w('fields.business.legalName')) });
        await expect(name.getByRole('cell')).toHaveText([
          REGISTRY_NAME,
          declaredName,
          w('ui.registry.corrected'),
        ]);
        const year = comparison.getByRole('row', { name: new RegExp(w('fields.business.foundedYear')) });
        await expect(year.getByRole('cell')).toHaveText(['2019', '2019', w('ui.registry.confirmed')]);
        await expect(
          staff.page.getByRole('definition').filter({ hasText: /^Boutique Zoé — Saint-Joseph/ }),
        ).toBeVisible();
        await checkPage(staff.page, locale, 'review-page');
        await staff.context.close();
        expect.soft(staff.problems, 'script or console errors (coordinator)').toEqual([]);
      });
      expect.soft(problems, 'script or console errors').toEqual([]);
    });
  });
}
