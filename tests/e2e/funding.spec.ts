import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { createUser, PASSWORD, signedInStaff, signIn } from './support/accounts.ts';
import {
  browserLocale,
  checkPage,
  DESKTOP,
  newContext,
  PHONE,
  serverFor,
  tabTo,
  waitForMail,
  watchConsole,
} from './support/browser.ts';
import { acceptedApplication, accountWithToken, api } from './support/diagnostic.ts';
import { montrealDate, pageWords } from './support/i18n.ts';

/**
 * The funding journey, in French and in English, each against its own server: set up through the CLI
 * and the API (an administrator's budget and aid rules, a coordinator, an expert, two finance officers,
 * a retailer accepted, coached and with an approved action plan); then in the browser the coordinator
 * prepares the agreement from the coaching file and offers it; the retailer, on a phone, opens « Mon
 * aide » from the e-mail, downloads the letter, accepts with the keyboard alone, enters its bank details
 * (password again), makes a claim of one invoice and attaches the invoice and the proof of payment from
 * the claim's page, then submits it; the expert reviews its content, one finance officer the figures,
 * the other approves the payment; the first verifies the bank details, builds the batch, the second
 * approves it, the first exports it (CSV) and records it paid; the retailer sees the claim paid and has
 * the e-mail. Every page passes axe.
 */

const wordsOf = pageWords(
  {
    common: 'src/platform/i18n',
    app: 'app/i18n',
    funding: 'src/modules/funding/i18n',
    coaching: 'src/modules/coaching/i18n',
  },
  'funding',
);

/** The fiscal year of today (April to March), as budgets name it: `2026-2027`. */
function fiscalYear(): { label: string; lastDay: string } {
  const [year, month] = montrealDate().split('-').map(Number) as [number, number];
  const start = month >= 4 ? year : year - 1;
  return { label: `${start}-${start + 1}`, lastDay: `${start + 1}-03-31` };
}

/** Real receipts: a one-page PDF invoice and a PNG of the payment (the store checks their content). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test.describe.configure({ mode: 'parallel' });

for (const locale of ['fr', 'en'] as const) {
  const w = wordsOf(locale);
  const people = {
    admin: { email: `admin.funding.${locale}@example.ca`, name: 'Amélie Gagnon', role: 'admin', locale },
    coordinator: {
      email: `coord.funding.${locale}@example.ca`,
      name: 'Hélène Bouchard',
      role: 'coordinator',
      locale,
    },
    expert: { email: `expert.funding.${locale}@example.ca`, name: 'Mireille Côté', role: 'expert', locale },
    finance: { email: `finance.funding.${locale}@example.ca`, name: 'Francine Roy', role: 'finance', locale },
    approver: {
      email: `approver.funding.${locale}@example.ca`,
      name: 'Paul Lévesque',
      role: 'finance',
      locale,
    },
    retailer: {
      email: `fleuriste.funding.${locale}@example.ca`,
      name: locale === 'fr' ? 'Jasmine Roy' : 'Peter Hall',
      role: 'retailer',
      locale,
    },
  } as const;
  const business = {
    legalName: locale === 'fr' ? 'Fleurs de Jasmine inc.' : 'Hall Books Inc.',
    tradeName: locale === 'fr' ? 'Fleurs de Jasmine' : 'Hall Books',
    municipality: 'Montréal',
    street: '4500, rue Saint-Denis',
    postalCode: 'H2J 2L3',
    phone: '514 555-0142',
    email: people.retailer.email,
    naics: '459',
    employees: 6,
    contactName: people.retailer.name,
  };

  test.describe(`funding journey (${locale})`, () => {
    test.use({ locale: browserLocale(locale), baseURL: serverFor(locale).url });

    test('agreement offered and accepted, bank details, a claim with its receipts reviewed, approved, batched and paid', async ({
      browser,
    }) => {
      test.setTimeout(300_000);
      const ids = { application: '', agreement: '', claim: '', batch: '' };
      const problems: string[][] = [];

      await test.step('set-up: accounts by the CLI; budget, aid rules, an accepted business with an approved plan (API)', async () => {
        // One command at a time: each starts a process, and the two languages run side by side.
        const admin = await accountWithToken(locale, people.admin, PASSWORD);
        const coordinator = await accountWithToken(locale, people.coordinator, PASSWORD);
        const expert = await accountWithToken(locale, people.expert, PASSWORD);
        const retailer = await accountWithToken(locale, people.retailer, PASSWORD);
        for (const officer of [people.finance, people.approver])
          await createUser(locale, { email: officer.email, role: 'finance', name: officer.name }, PASSWORD);
        const programs = await api<{ items: { id: string }[] }>(locale, 'GET', '/programs', admin);
        const programId = programs.items[0]!.id;
        const year = fiscalYear();
        await api(locale, 'PUT', `/programs/${programId}/budget`, admin, {
          envelopes: [
            {
              key: 'subventions',
              nameFr: 'Subventions au virage numérique',
              nameEn: 'Digital shift grants',
              kind: 'grants',
              budgets: [{ fiscalYear: year.label, amountCents: 50_000_000 }],
            },
            {
              key: 'accompagnement',
              nameFr: "Heures d'accompagnement",
              nameEn: 'Coaching hours',
              kind: 'accompaniment',
              hourlyRateCents: 12_500,
              budgets: [{ fiscalYear: year.label, amountCents: 10_000_000 }],
            },
          ],
        });
        // 90 % up to 15 000 $; costs from the acceptance, claimed the same day (no period of use).
        const rules = await api<{ rules: Record<string, unknown> }>(
          locale,
          'GET',
          `/programs/${programId}/aid-rules`,
          admin,
        );
        await api(locale, 'PUT', `/programs/${programId}/aid-rules`, admin, {
          ...rules.rules,
          capPerBusinessCents: 1_500_000,
          minimumUseDays: 0,
          projectWindow: { startsOn: montrealDate(-30), endsOn: year.lastDay },
          claimDeadline: `${Number(year.lastDay.slice(0, 4))}-05-31`,
        });
        ids.application = await acceptedApplication(locale, programId, retailer, coordinator, business);
        const profile = await api<{ id: string }>(locale, 'POST', '/experts', coordinator, {
          email: people.expert.email,
          regions: ['06'],
          languages: [locale],
          specialties: ['web_presence'],
          capacity: 10,
        });
        await api(locale, 'POST', '/assignments', coordinator, {
          assignments: [{ applicationId: ids.application, expertId: profile.id }],
        });
        await api(locale, 'PUT', `/plans/${ids.application}`, expert, {
          currentState: 'Vente en boutique seulement',
          goals: 'Vendre en ligne',
          budgetCents: 1_200_000,
          timeline: 'Printemps 2027',
          actions: [
            {
              objective: 'Boutique en ligne',
              steps: 'Choisir une plateforme',
              owner: people.retailer.name,
              dueDate: montrealDate(60),
              estimatedCostCents: 1_000_000,
              status: 'todo',
              supplierId: null,
            },
          ],
          status: 'approved',
        });
      });

      // The coordinator -------------------------------------------------------------------------------
      const coordinator = await signedInStaff(browser, locale, people.coordinator, PASSWORD, 'coordinator', {
        acceptDownloads: true,
        ...DESKTOP,
      });
      problems.push(coordinator.problems);
      await test.step('the coordinator prepares the agreement from the coaching file and offers it', async () => {
        const page = coordinator.page;
        await page.goto(`/caseload/${ids.application}`);
        await page.getByRole('link', { name: w('coaching:ui.file.agreement_link'), exact: true }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          w('agreements.pages.prepare.title', { business: business.tradeName }),
        );
        await checkPage(page, locale, 'agreement-prepare');
        await page.locator('[name="lines.0.category"]').selectOption('website');
        await page
          .locator('[name="lines.0.description"]')
          .fill(locale === 'fr' ? 'Boutique en ligne' : 'Online store');
        await page.locator('[name="lines.0.amount"]').fill(locale === 'fr' ? '6 000' : '6,000');
        await page.getByRole('button', { name: w('agreements.pages.prepare.submit') }).click();
        await expect(page).toHaveURL(/\/agreements\/[0-9a-f-]{36}\?prepared/);
        ids.agreement = new URL(page.url()).pathname.split('/').at(-1)!;
        await checkPage(page, locale, 'agreement-prepared', { switchLanguage: false });
        await page.getByRole('button', { name: w('agreements.pages.detail.offer') }).click();
        await expect(page.getByText(w('agreements.pages.detail.done_offered'))).toBeVisible();
        await checkPage(page, locale, 'agreement-offered', { switchLanguage: false });
      });
      await coordinator.context.close();

      // The retailer, on a phone ----------------------------------------------------------------------
      const retailerContext = await newContext(browser, locale, { acceptDownloads: true, ...PHONE });
      const retailer = await retailerContext.newPage();
      problems.push(watchConsole(retailer));
      await test.step('the retailer opens « Mon aide » from the e-mail, reads the letter and accepts with the keyboard', async () => {
        const mail = await waitForMail(people.retailer.email, {
          subject: w('agreements.mail.offered.subject'),
        });
        const link = /https?:\/\/\S+\/applications\/[0-9a-f-]{36}\/aid/.exec(mail.text)?.[0];
        expect(link, `the offer's e-mail links to « Mon aide »:\n${mail.text}`).toBeTruthy();
        await retailer.goto(new URL(link!).pathname);
        await signIn(retailer, locale, people.retailer.email, PASSWORD);
        await expect(retailer).toHaveURL(new RegExp(`/applications/${ids.application}/aid`));
        await checkPage(retailer, locale, 'my-aid-offer');
        const download = retailer.waitForEvent('download');
        await retailer.getByRole('link', { name: w('agreements.pages.letter') }).click();
        expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

        // Only Tab, Space, typing and Enter from here.
        const attestation = retailer.getByRole('checkbox', { name: w('agreements.attestation') });
        await tabTo(retailer, attestation, 60);
        await retailer.keyboard.press('Space');
        await expect(attestation).toBeChecked();
        const name = retailer.getByLabel(w('agreements.pages.aid.signature'), { exact: true });
        await tabTo(retailer, name, 3);
        await retailer.keyboard.type(people.retailer.name);
        const accept = retailer.getByRole('button', { name: w('agreements.pages.aid.accept'), exact: true });
        await tabTo(retailer, accept, 3);
        await retailer.keyboard.press('Enter');
        await expect(retailer.getByText(w('agreements.pages.aid.done_accepted'))).toBeVisible();
        await checkPage(retailer, locale, 'my-aid-accepted', { switchLanguage: false });
      });

      await test.step('the retailer enters its bank details, giving its password again', async () => {
        await retailer.getByRole('link', { name: w('agreements.pages.aid.bank_link') }).click();
        await checkPage(retailer, locale, 'bank-account');
        await retailer.getByLabel(w('payments.fields.holderName'), { exact: true }).fill(business.legalName);
        await retailer.getByLabel(w('payments.fields.institution'), { exact: true }).fill('815');
        await retailer.getByLabel(w('payments.fields.transit'), { exact: true }).fill('30001');
        await retailer.getByLabel(w('payments.fields.account'), { exact: true }).fill('1234567');
        await retailer.getByLabel(w('payments.fields.password'), { exact: true }).fill(PASSWORD);
        await retailer.getByRole('button', { name: w('payments.bank.submit') }).click();
        // « Coordonnées enregistrées (compte …) »: the account shown masked.
        await expect(retailer.getByText(w('payments.bank.saved').split(' (')[0]!)).toBeVisible();
        await expect(retailer.getByText('1234567')).toHaveCount(0);
        await checkPage(retailer, locale, 'bank-account-saved', { switchLanguage: false });
      });

      await test.step('the retailer makes a claim of one invoice, attaches its receipts from the claim and submits it', async () => {
        await retailer.goto(`/agreements/${ids.agreement}/claims`);
        await checkPage(retailer, locale, 'claims-of-agreement');
        await retailer.getByRole('button', { name: w('claims.new_claim') }).click();
        await expect(retailer).toHaveURL(/\/claims\/[0-9a-f-]{36}$/);
        ids.claim = new URL(retailer.url()).pathname.split('/').at(-1)!;
        const field = (f: string) => retailer.locator(`[name="invoices.0.${f}"]`);
        await field('budgetLineId').selectOption({ index: 0 });
        await field('supplierName').fill('Atelier Web Boréal inc.');
        await field('invoiceNumber').fill('F-2027-001');
        await field('invoiceDate').fill(montrealDate());
        await field('subtotalCents').fill(locale === 'fr' ? '2 000,00' : '2,000.00');
        await field('gstCents').fill(locale === 'fr' ? '100,00' : '100.00');
        await field('qstCents').fill(locale === 'fr' ? '199,50' : '199.50');
        await field('gstNumber').fill('123456789 RT 0001');
        await field('qstNumber').fill('1234567890 TQ 0001');
        await retailer.getByRole('button', { name: w('claims.save_draft') }).click();
        await expect(retailer.getByText(w('claims.saved'))).toBeVisible();
        await checkPage(retailer, locale, 'claim-saved', { switchLanguage: false });

        for (const [kind, file] of [
          ['invoice', { name: 'facture-F-2027-001.pdf', mimeType: 'application/pdf', buffer: PDF }],
          ['proof_of_payment', { name: 'paiement.png', mimeType: 'image/png', buffer: PNG }],
        ] as const) {
          // Each invoice's link opens the receipts' form with that invoice chosen.
          await retailer
            .getByRole('link', { name: new RegExp(w('claims.attach_receipts')) })
            .first()
            .click();
          const receipts = retailer.locator('section[aria-labelledby="claim-attachments-title"]');
          await expect(receipts.getByLabel(w('files.invoice_label'))).not.toHaveValue('');
          await receipts.getByLabel(w('files.kind_label'), { exact: true }).selectOption(kind);
          await receipts.getByLabel(w('files.file_label'), { exact: true }).setInputFiles(file);
          await receipts.getByRole('button', { name: w('files.submit') }).click();
          await expect(retailer).toHaveURL(new RegExp(`/claims/${ids.claim}\\?files=added`));
          await expect(retailer.getByText(w('files.added'))).toBeVisible();
        }
        await checkPage(retailer, locale, 'claim-with-receipts', { switchLanguage: false });
        await retailer.getByRole('button', { name: w('claims.submit') }).click();
        await expect(retailer.getByText(w('claims.submitted'))).toBeVisible();
        await checkPage(retailer, locale, 'claim-submitted', { switchLanguage: false });
      });

      // The reviews ----------------------------------------------------------------------------------
      const decide = async (page: Page, label: string) => {
        await page
          .getByRole('navigation')
          .getByRole('link', { name: w('app:nav.claims'), exact: true })
          .click();
        await checkPage(page, locale, `${label}-queue`, { switchLanguage: false });
        // The queue names the business (its trade name within its legal one, whichever it shows).
        await page.getByRole('link', { name: business.tradeName }).first().click();
        await expect(page).toHaveURL(new RegExp(`/review/claims/${ids.claim}$`));
        await checkPage(page, locale, `${label}-claim`);
        await page.getByRole('radio', { name: w('claims.decisions.approved'), exact: true }).check();
        await page.getByRole('button', { name: w('claims.decide') }).click();
        await expect(
          page.getByText(w('claims.decided', { decision: w('claims.decisions.approved') })),
        ).toBeVisible();
        await checkPage(page, locale, `${label}-decided`, { switchLanguage: false });
      };
      await test.step('the expert approves the content', async () => {
        const expert = await signedInStaff(browser, locale, people.expert, PASSWORD, 'expert', {
          acceptDownloads: true,
          ...DESKTOP,
        });
        problems.push(expert.problems);
        await decide(expert.page, 'content-review');
        await expert.context.close();
      });
      const finance = await signedInStaff(browser, locale, people.finance, PASSWORD, 'finance', {
        acceptDownloads: true,
        ...DESKTOP,
      });
      problems.push(finance.problems);
      await test.step('a finance officer approves the figures', async () => {
        await decide(finance.page, 'financial-review');
      });
      const approver = await signedInStaff(browser, locale, people.approver, PASSWORD, 'approver', {
        acceptDownloads: true,
        ...DESKTOP,
      });
      problems.push(approver.problems);
      await test.step('the other finance officer approves the payment', async () => {
        await decide(approver.page, 'payment-approval');
      });

      // The payment ----------------------------------------------------------------------------------
      await test.step('finance verifies the bank details, then builds the batch', async () => {
        const page = finance.page;
        await page
          .getByRole('navigation')
          .getByRole('link', { name: w('app:nav.payment_batches'), exact: true })
          .click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w('payments.batches.title'));
        await checkPage(page, locale, 'batches-unverified');
        await page.getByRole('link', { name: business.tradeName }).click();
        await expect(page).toHaveURL(new RegExp(`/finance/files/${ids.application}$`));
        await checkPage(page, locale, 'finance-file');
        await page.getByRole('button', { name: w('payments.file.verify') }).click();
        await expect(page.getByText(w('payments.file.done.verify'))).toBeVisible();
        await checkPage(page, locale, 'finance-file-verified', { switchLanguage: false });
        await page.goto('/finance/batches');
        await page.getByRole('button', { name: w('payments.batches.submit') }).click();
        await expect(page).toHaveURL(/\/finance\/batches\/[0-9a-f-]{36}$/);
        ids.batch = new URL(page.url()).pathname.split('/').at(-1)!;
        await checkPage(page, locale, 'batch-draft');
      });

      await test.step('the other finance officer approves the batch', async () => {
        const page = approver.page;
        await page.goto(`/finance/batches/${ids.batch}`);
        await page.getByRole('button', { name: w('payments.batch.approve') }).click();
        await expect(page.getByText(w('payments.batch.done.approve'))).toBeVisible();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          w('payments.batch.title', { status: w('batchStatuses.approved') }),
        );
        await checkPage(page, locale, 'batch-approved', { switchLanguage: false });
      });
      await approver.context.close();

      await test.step('finance exports the batch (CSV) and records it paid', async () => {
        const page = finance.page;
        await page.goto(`/finance/batches/${ids.batch}`);
        const download = page.waitForEvent('download');
        await page.getByRole('link', { name: w('payments.batch.export.csv') }).click();
        const csv = await download;
        expect(csv.suggestedFilename()).toMatch(/\.csv$/);
        const text = readFileSync((await csv.path())!, 'utf8');
        expect(text).toContain(business.tradeName);
        await page.reload();
        await page.getByLabel(w('payments.fields.bankReference'), { exact: true }).fill('BNQ-2027-0042');
        await page.getByRole('button', { name: w('payments.batch.mark_paid') }).click();
        await expect(page.getByText(w('payments.batch.done.pay'))).toBeVisible();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          w('payments.batch.title', { status: w('batchStatuses.paid') }),
        );
        await checkPage(page, locale, 'batch-paid', { switchLanguage: false });
      });
      await finance.context.close();

      await test.step('the retailer sees the claim paid and got the e-mail', async () => {
        await retailer.goto(`/agreements/${ids.agreement}/claims`);
        await expect(
          retailer.getByRole('cell', { name: w('claimStatuses.paid'), exact: true }),
        ).toBeVisible();
        await checkPage(retailer, locale, 'claims-paid');
        const mail = await waitForMail(people.retailer.email, {
          subject: w('payments.mail.claim_paid.subject', { number: 1 }),
        });
        expect(mail.contentLanguage).toBe(locale);
        expect(mail.text).toContain('BNQ-2027-0042');
      });
      await retailerContext.close();

      for (const list of problems) expect.soft(list, 'script or console errors').toEqual([]);
    });
  });
}
