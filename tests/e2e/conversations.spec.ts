import { expect, test } from '@playwright/test';
import {
  csrfOf,
  PASSWORD,
  registeredRetailer,
  sessionApi,
  signIn,
  twoFactorText,
} from './support/accounts.ts';
import {
  browserLocale,
  checkPage,
  DESKTOP,
  enrolSecondFactor,
  newContext,
  newPage,
  runCliAsync,
  serverFor,
  waitForMail,
} from './support/browser.ts';

/**
 * The conversation of a file, in French and in English, each against its own server: a retailer applies
 * (API), the coordinator accepts the application and assigns an expert (API, once signed in); in the
 * browser the retailer writes from their file, the expert is told by an e-mail without the message and
 * follows its link to the thread, answers; the retailer sees the unread count in the navigation, the
 * answer, and « read by » under their own message. Every page visited passes axe.
 */

const TEXT = {
  fr: {
    signOut: 'Se déconnecter',
    messages: 'Messages',
    body: 'Votre message',
    bodyStaff: 'Message à l’entreprise',
    send: 'Envoyer',
    sent: 'Votre message est envoyé.',
    notRead: 'Pas encore lu',
    readBy: (name: string) => `Lu par ${name} le `,
    unreadNav: 'Messages (1 non lu)',
    noticeSubject: (business: string) => `Nouveau message au sujet du dossier de ${business}`,
    question: 'Bonjour, pouvons-nous nous voir un mardi matin ?',
    answer: 'Oui, mardi prochain à 10 h, en magasin.',
    empty: 'Le champ « Message » est obligatoire.',
  },
  en: {
    signOut: 'Sign out',
    messages: 'Messages',
    body: 'Your message',
    bodyStaff: 'Message to the business',
    send: 'Send',
    sent: 'Your message was sent.',
    notRead: 'Not read yet',
    readBy: (name: string) => `Read by ${name} on `,
    unreadNav: 'Messages (1 unread)',
    noticeSubject: (business: string) => `New message about the file of ${business}`,
    question: 'Hello, could we meet on a Tuesday morning?',
    answer: 'Yes, next Tuesday at 10, in the store.',
    empty: 'Message is required.',
  },
} as const;

test.describe.configure({ mode: 'parallel' });

for (const locale of ['fr', 'en'] as const) {
  const L = TEXT[locale];
  const retailer = { name: 'Nadia Gauthier', email: `nadia.conv.${locale}@example.ca`, locale };
  const expertPerson = { name: 'Samuel Ouellet', email: `samuel.conv.${locale}@example.ca` };
  const coordinator = { name: 'Rose Tremblay', email: `rose.conv.${locale}@example.ca` };
  const business = locale === 'fr' ? 'Papeterie Gauthier' : 'Gauthier Stationery';

  test.describe(`conversations journey (${locale})`, () => {
    test.use({ locale: browserLocale(locale), baseURL: serverFor(locale).url });

    test('retailer and expert write to each other, notices carry no message, receipts show', async ({
      browser,
    }) => {
      test.setTimeout(180_000);
      // Set-up: staff by the CLI, the retailer's application by the API.
      const cli = (email: string, role: string, name: string) =>
        runCliAsync(
          locale,
          ['users', 'create', '--email', email, '--role', role, '--name', name, '--locale', locale],
          `${PASSWORD}\n`,
        );
      const [{ as: asRetailer }] = await Promise.all([
        registeredRetailer(locale, retailer, PASSWORD),
        cli(coordinator.email, 'coordinator', coordinator.name),
        cli(expertPerson.email, 'expert', expertPerson.name),
      ]);
      const programs = await asRetailer<{ items: { id: string }[] }>('GET', '/programs');
      const application = await asRetailer<{ id: string }>('POST', '/applications', {
        programId: programs.items[0]!.id,
        business: {
          legalName: `${business} inc.`,
          tradeName: business,
          neq: `33${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
          street: '77, rue Racine Est',
          municipality: 'Saguenay',
          postalCode: 'G7H 1R9',
          phone: '418 555-0160',
          email: retailer.email,
          naics: '459',
          employees: 5,
          foundedYear: 2010,
          contactName: retailer.name,
          goals: 'Vendre en ligne.',
        },
        consents: { participation: true, research: false, surveys: true, publication: false },
        attestation: true,
      });
      await asRetailer('POST', `/applications/${application.id}/submit`);
      const thread = `/applications/${application.id}/messages`;

      const staffContext = await newContext(browser, locale, DESKTOP);
      const staff = await staffContext.newPage();
      await test.step('set-up: the coordinator accepts the application and assigns the expert', async () => {
        await signIn(staff, locale, coordinator.email, PASSWORD);
        await enrolSecondFactor(staff, locale, twoFactorText(locale), 'coordinator', { checkPages: false });
        await expect(staff.getByRole('button', { name: L.signOut })).toBeVisible();
        const asCoordinator = sessionApi(staff.request, await csrfOf(staff), locale);
        const expert = await asCoordinator<{ id: string }>('POST', '/experts', {
          email: expertPerson.email,
          regions: ['02'],
          languages: ['fr', 'en'],
          specialties: ['online_marketing_social'],
          capacity: 5,
        });
        await asCoordinator('POST', `/applications/${application.id}/decision`, { decision: 'accepted' });
        await asCoordinator('POST', '/assignments', {
          assignments: [{ applicationId: application.id, expertId: expert.id }],
        });
      });

      const {
        context: retailerContext,
        page: shop,
        problems: shopProblems,
      } = await newPage(browser, locale, DESKTOP);
      await test.step('the retailer writes from their file; an empty message is refused', async () => {
        await signIn(shop, locale, retailer.email, PASSWORD);
        await expect(shop.getByRole('button', { name: L.signOut })).toBeVisible();
        await shop.goto(`/applications/${application.id}`);
        const conversation = shop.getByRole('region', { name: L.messages });
        await expect(conversation).toBeVisible();
        await checkPage(shop, locale, 'file-with-thread');
        await conversation.getByRole('button', { name: L.send }).click();
        await expect(shop.getByRole('alert')).toContainText(L.empty);
        await conversation.getByLabel(L.body).fill(L.question);
        await conversation.getByRole('button', { name: L.send }).click();
        await expect(conversation.getByRole('status')).toHaveText(L.sent);
        await expect(conversation.locator('.message').last()).toContainText(L.question);
        await expect(conversation.locator('.message').last()).toContainText(L.notRead);
        await expect(conversation.getByLabel(L.body)).toHaveValue('');
        await checkPage(shop, locale, 'file-message-sent', { switchLanguage: false });
      });

      let link = '';
      await test.step('the expert is told by e-mail, without the message, with a link to the thread', async () => {
        const notice = await waitForMail(expertPerson.email, { subject: L.noticeSubject(business) });
        expect(notice.text).not.toContain(L.question.slice(0, 20));
        link = new RegExp(`https?://[^\\s]+${thread}`).exec(notice.text)?.[0] ?? '';
        expect(link, notice.text).not.toBe('');
      });

      const expertContext = await newContext(browser, locale, DESKTOP);
      const coach = await expertContext.newPage();
      await test.step('the expert follows the link, reads and answers', async () => {
        await coach.goto(new URL(link).pathname);
        await signIn(coach, locale, expertPerson.email, PASSWORD);
        await enrolSecondFactor(coach, locale, twoFactorText(locale), 'expert', { checkPages: false });
        await expect(coach.getByRole('button', { name: L.signOut })).toBeVisible();
        await coach.goto(thread);
        const conversation = coach.getByRole('region', { name: L.messages });
        await expect(conversation.locator('.message').first()).toContainText(L.question);
        await checkPage(coach, locale, 'thread-expert');
        await conversation.getByLabel(L.bodyStaff).fill(L.answer);
        await conversation.getByRole('button', { name: L.send }).click();
        await expect(conversation.getByRole('status')).toHaveText(L.sent);
        await expect(conversation.locator('.message').last()).toContainText(L.answer);
      });

      await test.step('the retailer sees the unread answer, and that the expert read theirs', async () => {
        await waitForMail(retailer.email, { subject: L.noticeSubject(business) });
        await shop.goto('/');
        const nav = shop.getByRole('navigation').getByRole('link', { name: L.unreadNav });
        await expect(nav).toBeVisible();
        await nav.click();
        await expect(shop).toHaveURL(new RegExp(`${thread}$`));
        const conversation = shop.getByRole('region', { name: L.messages });
        await expect(conversation.locator('.message').last()).toContainText(L.answer);
        await expect(conversation.locator('.message').first()).toContainText(L.readBy(expertPerson.name));
        await checkPage(shop, locale, 'thread-retailer');
        expect(shopProblems).toEqual([]);
      });
      await Promise.all([staffContext.close(), retailerContext.close(), expertContext.close()]);
    });
  });
}
