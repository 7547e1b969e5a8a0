import { expect, test } from '@playwright/test';
import { createUser, PASSWORD, signIn, twoFactorText } from './support/accounts.ts';
import { checkPage, enrolSecondFactor, newPage, waitForMail } from './support/browser.ts';
import { accountWithToken, api, submittedApplication } from './support/diagnostic.ts';
import { pageWords } from './support/i18n.ts';

/**
 * Messages to segments, in French and in English, each against its own server: a coordinator writes a
 * newsletter to the businesses of one region, sees its size (one person reached, one left out for lack
 * of consent) as they tick the region, and sends it; the retailer who consented gets it in their
 * language with its unsubscribe link, opens it without signing in (nothing changes), then unsubscribes
 * with the page's button; the message's page counts the unsubscribe. Every page passes axe.
 */

const wordsOf = pageWords(
  {
    common: 'src/platform/i18n',
    app: 'app/i18n',
    identity: 'src/modules/identity/i18n',
    outreach: 'src/modules/outreach/i18n',
  },
  'outreach',
);

test.describe.configure({ mode: 'parallel' });

for (const locale of ['fr', 'en'] as const) {
  const w = wordsOf(locale);
  const reader = {
    email: `lectrice.outreach.${locale}@example.ca`,
    name: 'Rose Cloutier',
    role: 'retailer',
    locale,
  } as const;
  const other = { ...reader, email: `autre.outreach.${locale}@example.ca`, name: 'Paul Roy' };
  const coordinator = { email: `coordination.outreach.${locale}@example.ca`, name: 'Mélanie Roy' };
  const business = (email: string, tradeName: string) => ({
    legalName: `${tradeName} inc.`,
    tradeName,
    municipality: 'Gaspé',
    street: '12, rue de la Reine',
    postalCode: 'G4X 1T5',
    phone: '418 555-0142',
    email,
    naics: '453',
    employees: 3,
    contactName: 'Rose Cloutier',
  });
  const subject = locale === 'fr' ? 'Atelier en Gaspésie' : 'Workshop in Gaspésie';

  test.describe(`messages journey (${locale})`, () => {
    test('a newsletter to a region, its size first; the reader unsubscribes through its link', async ({
      browser,
    }) => {
      test.setTimeout(180_000);
      const problems: string[][] = [];

      await test.step('set-up: two retailers of Gaspé, one consenting to the newsletter; a coordinator (CLI, API)', async () => {
        const [readerToken, otherToken] = await Promise.all([
          accountWithToken(locale, reader, PASSWORD),
          accountWithToken(locale, other, PASSWORD),
          createUser(
            locale,
            { email: coordinator.email, role: 'coordinator', name: coordinator.name },
            PASSWORD,
          ),
        ]);
        const programs = await api<{ items: { id: string }[] }>(locale, 'GET', '/programs', readerToken);
        const programId = programs.items[0]!.id;
        await submittedApplication(locale, programId, readerToken, business(reader.email, 'Café Rose'), {
          research: false,
          surveys: false,
          publication: false,
          newsletter: true,
        });
        await submittedApplication(locale, programId, otherToken, business(other.email, 'Quincaillerie Roy'));
      });

      const staff = await newPage(browser, locale);
      problems.push(staff.problems);
      const page = staff.page;
      let messagePath = '';

      await test.step('the coordinator sees the messages, writes a newsletter to Gaspésie and sees its size', async () => {
        await page.goto('/messages');
        await signIn(page, locale, coordinator.email, PASSWORD);
        await enrolSecondFactor(page, locale, twoFactorText(locale), 'outreach-coordinator', {
          checkPages: false,
        });
        await page.goto('/messages');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w('ui.list_title'));
        await checkPage(page, locale, 'messages');
        await page.getByRole('link', { name: w('ui.new') }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w('ui.compose_title'));
        await checkPage(page, locale, 'message-compose');
        await page.getByRole('checkbox', { name: /^11 – / }).check();
        await expect(page.getByRole('status')).toHaveText(w('ui.size_excluded', { count: 1, excluded: 1 }));
        await page.getByLabel(w('fields.subject.fr'), { exact: true }).fill('Atelier en Gaspésie');
        await page
          .getByLabel(w('fields.body.fr'), { exact: true })
          .fill('Un atelier sur la vente en ligne, le 3 février à Gaspé.');
        await page.getByLabel(w('fields.subject.en'), { exact: true }).fill('Workshop in Gaspésie');
        await page
          .getByLabel(w('fields.body.en'), { exact: true })
          .fill('A workshop on online sales, February 3 in Gaspé.');
        await page.getByRole('button', { name: w('ui.send'), exact: true }).click();
        await expect(page.getByText(w('ui.sent_notice'))).toBeVisible();
        await checkPage(page, locale, 'message-sent', { switchLanguage: false });
        messagePath = new URL(page.url()).pathname;
      });

      const visitor = await newPage(browser, locale);
      problems.push(visitor.problems);
      const link =
        await test.step('the reader gets it in their language, with the sender and a link', async () => {
          const mail = await waitForMail(reader.email, { subject });
          expect(mail.text).toContain('Conseil québécois du commerce de détail');
          const url = /https?:\/\/\S+\/unsubscribe\/[0-9a-f]{32}[\w-]{43}/.exec(mail.text)?.[0];
          expect(url, mail.text).toBeTruthy();
          return new URL(url!).pathname;
        });

      await test.step('opening the link changes nothing; the button unsubscribes, without signing in', async () => {
        const v = visitor.page;
        await v.goto(link);
        await expect(v.getByRole('heading', { level: 1 })).toHaveText(w('unsubscribe.title'));
        await checkPage(v, locale, 'unsubscribe', { switchLanguage: false });
        await v.getByRole('button', { name: w('unsubscribe.button') }).click();
        await expect(v.getByRole('heading', { level: 1 })).toHaveText(w('unsubscribe.done_title'));
        await checkPage(v, locale, 'unsubscribed', { switchLanguage: false });
      });

      await test.step('the message’s page counts the unsubscribe', async () => {
        await page.goto(messagePath);
        const row = page
          .getByRole('table', { name: w('ui.progress_caption') })
          .getByRole('row')
          .nth(1);
        await expect(row.getByRole('cell').last()).toHaveText('1');
        await checkPage(page, locale, 'message-detail');
      });

      await staff.context.close();
      await visitor.context.close();
      for (const list of problems) expect(list).toEqual([]);
    });
  });
}
