import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { createUser, PASSWORD, signIn, twoFactorText } from './support/accounts.ts';
import { checkPage, enrolSecondFactor, newPage, tabTo, waitForMail } from './support/browser.ts';
import { accountWithToken, api, submittedApplication } from './support/diagnostic.ts';
import { montrealDate, pageWords } from './support/i18n.ts';

/**
 * The privacy journey (Law 25), in French and in English, each against its own server: a retailer with
 * a submitted application (API) reads what Virage keeps, withdraws the research consent after reading
 * its effect, asks for a copy of their data, downloads the zip when the e-mail says it is ready (read by
 * Python's zipfile, not by the library that wrote it) and files a correction request; the privacy
 * officer, at first sign-in with a second factor, answers it from the queue and records an incident with
 * the regulation's eight contents, part of the form by keyboard alone; the retailer gets the answer by
 * e-mail. The footer's three public pages are reached from a page's footer. Every page passes axe.
 */

const wordsOf = pageWords(
  {
    common: 'src/platform/i18n',
    app: 'app/i18n',
    identity: 'src/modules/identity/i18n',
    privacy: 'src/modules/privacy/i18n',
  },
  'privacy',
);

type Rows = Record<string, unknown>[];

/** A copy's entries and the rows of two of its tables, read by Python's own zipfile module. */
function readZip(file: string): { names: string[]; applications: Rows; consents: Rows } {
  const script = [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    "rows = lambda name: json.loads(z.read(name + '.json'))",
    "print(json.dumps({'names': z.namelist(), 'applications': rows('applications'), 'consents': rows('consents')}))",
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

test.describe.configure({ mode: 'parallel' });

for (const locale of ['fr', 'en'] as const) {
  const w = wordsOf(locale);
  const retailer = {
    email: `boutique.privacy.${locale}@example.ca`,
    name: locale === 'fr' ? 'Lucie Tremblay' : 'Grace Miller',
    role: 'retailer',
    locale,
  } as const;
  const officer = { email: `officer.privacy.${locale}@example.ca`, name: 'Nadia Bélanger' };
  const business = {
    legalName: locale === 'fr' ? 'Chaussures Lucie inc.' : 'Miller Hardware Inc.',
    tradeName: locale === 'fr' ? 'Chaussures Lucie' : 'Miller Hardware',
    municipality: 'Québec',
    street: '820, rue Saint-Jean',
    postalCode: 'G1R 1R5',
    phone: '418 555-0188',
    email: retailer.email,
    naics: '448',
    employees: 4,
    contactName: retailer.name,
  };
  const correction =
    locale === 'fr'
      ? 'Le nombre d’employés est 5, pas 4 : merci de le corriger.'
      : 'We have 5 employees, not 4: please correct it.';
  const answer =
    locale === 'fr'
      ? 'C’est corrigé : votre dossier indique 5 employés.'
      : 'Corrected: your file says 5 employees.';

  test.describe(`privacy journey (${locale})`, () => {
    test('consent withdrawn, a copy of one’s data, a correction answered, an incident recorded', async ({
      browser,
    }) => {
      test.setTimeout(180_000);
      const problems: string[][] = [];

      await test.step('set-up: a retailer with a submitted application giving the research consent, an officer (CLI, API)', async () => {
        const [token] = await Promise.all([
          accountWithToken(locale, retailer, PASSWORD),
          createUser(locale, { email: officer.email, role: 'privacy', name: officer.name }, PASSWORD),
        ]);
        const programs = await api<{ items: { id: string }[] }>(locale, 'GET', '/programs', token);
        await submittedApplication(locale, programs.items[0]!.id, token, business, {
          research: true,
          surveys: true,
          publication: false,
        });
      });

      const person = await newPage(browser, locale, { acceptDownloads: true });
      problems.push(person.problems);
      const page = person.page;
      const research = w('purposes.research');

      await test.step('the footer reaches the privacy policy, the accessibility statement and the contact page', async () => {
        await page.goto('/sign-in');
        const footer = page.getByRole('navigation', { name: w('app:shell.footer_navigation') });
        for (const [link, title, label] of [
          ['app:shell.privacy', 'public.policy.title', 'privacy-policy'],
          ['app:shell.accessibility', 'public.accessibility.title', 'accessibility'],
          ['app:shell.contact', 'public.contact.title', 'contact'],
        ] as const) {
          await footer.getByRole('link', { name: w(link), exact: true }).click();
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(w(title));
          await checkPage(page, locale, label, { switchLanguage: false });
        }
      });

      await test.step('the retailer reads what Virage keeps and withdraws the research consent after reading its effect', async () => {
        await page.goto('/account/privacy');
        await signIn(page, locale, retailer.email, PASSWORD);
        await expect(page).toHaveURL(/\/account\/privacy$/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w('account.title'));
        await checkPage(page, locale, 'my-privacy');
        await page
          .getByRole('link', {
            name: w('account.withdraw_label', { purpose: research, business: business.tradeName }),
          })
          .click();
        const confirmation = page.getByRole('region', {
          name: w('account.confirm_title', { purpose: research }),
        });
        await expect(confirmation).toContainText(w('effects.research'));
        await checkPage(page, locale, 'withdraw-research-confirm', { switchLanguage: false });
        await confirmation.getByRole('button', { name: w('account.confirm') }).click();
        await expect(page.getByText(w('account.withdrawn_notice', { purpose: research }))).toBeVisible();
        const row = page
          .getByRole('table', { name: w('account.consents_caption', { business: business.tradeName }) })
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: research, exact: true }) });
        await expect(row.getByRole('cell').first()).toHaveText(w('states.withdrawn'));
      });

      await test.step('the retailer asks for a copy of their data and downloads the zip the e-mail announces', async () => {
        await page.getByRole('button', { name: w('account.copy_request') }).click();
        await expect(page.getByText(w('account.copy_requested'))).toBeVisible();
        const mail = await waitForMail(retailer.email, { subject: w('mail.data_export_ready.subject') });
        expect(mail.contentLanguage).toBe(locale);
        const link = /https?:\/\/\S+\/account\/privacy#data-copy/.exec(mail.text)?.[0];
        expect(link, `the e-mail links to the copies:\n${mail.text}`).toBeTruthy();
        const { pathname, hash } = new URL(link!);
        await page.goto(pathname + hash);
        await checkPage(page, locale, 'my-privacy-copy-ready', { switchLanguage: false });
        const download = page.waitForEvent('download');
        // « Télécharger la copie du 2026-12-07 (ZIP, 9 Ko) »: the words before the date and size.
        await page
          .getByRole('link', { name: w('account.copy_download', { date: '|', size: 0 }).split(' |')[0]! })
          .click();
        const zip = await download;
        expect(zip.suggestedFilename()).toMatch(/\.zip$/);
        const { names, applications, consents } = readZip((await zip.path())!);
        expect(names).toEqual(
          expect.arrayContaining(['applications.json', 'applications.csv', 'consents.json']),
        );
        expect(applications.map((a) => a.trade_name)).toEqual([business.tradeName]);
        // The research consent as given with the application, then its withdrawal.
        const researchChoices = consents
          .filter((c) => c.purpose === 'research')
          .sort((a, b) => String(a.recorded_at).localeCompare(String(b.recorded_at)));
        expect(researchChoices.map((c) => c.granted)).toEqual([true, false]);
      });

      await test.step('the retailer files a correction request', async () => {
        await page.goto('/account');
        await page.getByRole('link', { name: w('identity:account.privacy_requests_link') }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w('requests.ui.title'));
        await checkPage(page, locale, 'my-privacy-requests', { switchLanguage: false });
        await page.getByLabel(w('requests.fields.kind'), { exact: true }).selectOption('correction');
        await page.getByLabel(w('requests.fields.details'), { exact: true }).fill(correction);
        await page.getByRole('button', { name: w('requests.ui.submit') }).click();
        await expect(page.getByText(w('requests.ui.filed', { date: montrealDate(30) }))).toBeVisible();
        await checkPage(page, locale, 'my-privacy-request-filed', { switchLanguage: false });
      });

      // The privacy officer ----------------------------------------------------------------------------
      const staff = await newPage(browser, locale, { acceptDownloads: true });
      problems.push(staff.problems);
      const queue = staff.page;
      await test.step('the privacy officer signs in with a second factor and answers the request from the queue', async () => {
        await queue.goto('/sign-in');
        await signIn(queue, locale, officer.email, PASSWORD);
        await enrolSecondFactor(queue, locale, twoFactorText(locale), 'privacy-officer', {
          checkPages: false,
        });
        await queue.goto('/privacy');
        await expect(queue.getByRole('heading', { level: 1 })).toHaveText(w('queue.title'));
        await checkPage(queue, locale, 'privacy-queue');
        const request = queue.getByRole('article').filter({ hasText: retailer.email });
        await expect(request).toContainText(correction);
        await request.getByLabel(w('requests.fields.answer'), { exact: false }).fill(answer);
        await request.getByRole('button', { name: w('queue.answer'), exact: true }).click();
        await expect(
          queue.getByText(w('queue.answered_notice', { status: w('requests.statuses.answered') })),
        ).toBeVisible();
        await checkPage(queue, locale, 'privacy-queue-answered', { switchLanguage: false });
      });

      await test.step('the officer records an incident with its eight contents, part of it by keyboard alone', async () => {
        await queue.getByRole('link', { name: w('incidents.ui.new') }).click();
        await expect(queue.getByRole('heading', { level: 1 })).toHaveText(w('incidents.ui.title'));
        await checkPage(queue, locale, 'record-incident', { switchLanguage: false });
        const field = (name: string) => queue.getByLabel(w(`incidents.fields.${name}`), { exact: false });
        const involved =
          locale === 'fr' ? 'Noms et courriels de 12 détaillants' : 'Names and e-mails of 12 retailers';
        await field('informationInvolved').fill(involved);
        await field('circumstances').fill(
          locale === 'fr'
            ? 'Un courriel groupé envoyé sans copie conforme invisible.'
            : 'A group e-mail sent without blind copies.',
        );
        await field('occurredFrom').fill(montrealDate(-3));
        await field('learnedOn').fill(montrealDate(-2));

        // From here to the risk's answer: only Tab, typing and Space.
        const persons = field('personsAffected').first();
        await tabTo(queue, persons, 8);
        await queue.keyboard.type('12');
        await tabTo(queue, field('riskAssessment'), 4);
        await queue.keyboard.type(
          locale === 'fr'
            ? 'Des adresses exposées à d’autres détaillants : risque d’hameçonnage.'
            : 'Addresses shown to other retailers: a risk of phishing.',
        );
        const serious = queue.getByRole('radio', { name: w('incidents.ui.serious_yes'), exact: true });
        await tabTo(queue, serious, 3);
        await queue.keyboard.press('Space');
        await expect(serious).toBeChecked();

        await field('commissionNotifiedOn').fill(montrealDate(-1));
        await field('personsNotifiedOn').fill(montrealDate(-1));
        await field('measures').fill(
          locale === 'fr'
            ? 'Rappel du message ; envoi individuel désormais imposé.'
            : 'Message recalled; individual sending now enforced.',
        );
        await field('adviceToPersons').fill(
          locale === 'fr' ? 'Méfiez-vous des courriels inattendus.' : 'Beware of unexpected e-mails.',
        );
        const submit = queue.getByRole('button', { name: w('incidents.ui.submit') });
        await tabTo(queue, submit, 3);
        await queue.keyboard.press('Enter');
        await expect(queue).toHaveURL(/\/privacy\?recorded$/);
        await expect(queue.getByText(w('incidents.ui.recorded'))).toBeVisible();
        await expect(
          queue.getByRole('table', { name: w('queue.incidents') }).getByRole('rowheader', { name: involved }),
        ).toBeVisible();
        await checkPage(queue, locale, 'privacy-queue-incident', { switchLanguage: false });
      });
      await staff.context.close();

      await test.step('the retailer has the answer by e-mail and on their requests page', async () => {
        const mail = await waitForMail(retailer.email, { subject: w('mail.request_answered.subject') });
        expect(mail.contentLanguage).toBe(locale);
        expect(mail.text).toContain(answer);
        await page.reload();
        await expect(page.getByRole('cell', { name: answer })).toBeVisible();
      });
      await person.context.close();

      for (const list of problems) expect.soft(list, 'script or console errors').toEqual([]);
    });
  });
}
