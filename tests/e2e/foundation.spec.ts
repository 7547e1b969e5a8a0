import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import {
  type Authenticator,
  checkPage,
  enrolSecondFactor as enrolStaffSecondFactor,
  expectLanguageSwitchWorks,
  expectNoAxeViolationsWithoutJs,
  expectReflowAt320,
  type Locale,
  screenshot,
  serverFor,
  waitForMail,
  watchConsole,
} from './support/browser.ts';

/**
 * The foundation journey, in French and in English, each against its own fresh server: the first
 * administrator sets up their account through the one-time link and a second factor, invites a
 * coordinator, who gets the e-mail, creates their account, signs out and back in with a code.
 */

const PASSWORD = 'une longue phrase de passe 2027';

const TEXT = {
  fr: {
    browserLocale: 'fr-CA',
    firstAdminTitle: "Créer le premier compte d'administration",
    invitationTitle: 'Créer votre compte',
    fields: { name: 'Nom', email: 'Courriel', password: 'Mot de passe', newPassword: 'Nouveau mot de passe' },
    code: 'Code de vérification',
    createAccount: 'Créer mon compte',
    twoFactorTitle: 'Configurer la vérification en deux étapes',
    turnOn: 'Activer',
    twoFactorDone: 'Vérification en deux étapes activée',
    continue: 'Continuer',
    welcome: (name: string) => `Bonjour ${name}`,
    adminIntro: 'Vous administrez la plateforme',
    coordinatorIntro:
      'Vous coordonnez le programme : demandes à traiter, assignations et suivi des dossiers.',
    users: 'Utilisateurs',
    account: 'Mon compte',
    audit: "Journal d'audit",
    outbox: 'Courriels',
    role: 'Rôle',
    coordinatorRole: 'Coordination du programme',
    invitationLanguage: "Langue de l'invitation",
    languageName: 'Français',
    invite: "Envoyer l'invitation",
    invited: (email: string) => `Invitation envoyée à ${email}.`,
    pendingInvitations: 'Invitations en attente',
    emailInvalid: 'doit être une adresse courriel valide',
    mailSubject: 'Invitation à rejoindre Virage',
    mailAction: 'Créer mon compte',
    signInTitle: 'Connexion',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    verifyTitle: 'Vérification en deux étapes',
    verify: 'Vérifier',
    wrongCredentials: 'Courriel ou mot de passe incorrect.',
    invitationUsed: 'Cette invitation a déjà été utilisée. Connectez-vous avec le compte créé.',
    invitationUnknown: "Ce lien d'invitation n'est pas valide. Vérifiez qu'il a été copié en entier.",
    skipLink: 'Aller au contenu',
  },
  en: {
    browserLocale: 'en-CA',
    firstAdminTitle: 'Create the first administrator account',
    invitationTitle: 'Create your account',
    fields: { name: 'Name', email: 'E-mail', password: 'Password', newPassword: 'New password' },
    code: 'Verification code',
    createAccount: 'Create my account',
    twoFactorTitle: 'Set up two-step verification',
    turnOn: 'Turn on',
    twoFactorDone: 'Two-step verification is on',
    continue: 'Continue',
    welcome: (name: string) => `Hello ${name}`,
    adminIntro: 'You administer the platform',
    coordinatorIntro:
      'You coordinate the program: applications to review, assignments and follow-up of files.',
    users: 'Users',
    account: 'My account',
    audit: 'Audit log',
    outbox: 'E-mails',
    role: 'Role',
    coordinatorRole: 'Program coordination',
    invitationLanguage: 'Language of the invitation',
    languageName: 'English',
    invite: 'Send the invitation',
    invited: (email: string) => `Invitation sent to ${email}.`,
    pendingInvitations: 'Pending invitations',
    emailInvalid: 'must be a valid e-mail address',
    mailSubject: 'Invitation to join Virage',
    mailAction: 'Create my account',
    signInTitle: 'Sign in',
    signIn: 'Sign in',
    signOut: 'Sign out',
    verifyTitle: 'Two-step verification',
    verify: 'Verify',
    wrongCredentials: 'Wrong e-mail or password.',
    invitationUsed: 'This invitation has already been used. Sign in with the account that was created.',
    invitationUnknown: 'This invitation link is not valid. Check that it was copied in full.',
    skipLink: 'Skip to content',
  },
} as const;

type Person = {
  name: string;
  email: string;
  authenticator?: Authenticator;
  recoveryCodes: string[];
  invitationLink?: string;
};

/** The second factor, set up at first sign-in (see support/browser.ts). */
async function enrolSecondFactor(page: Page, locale: Locale, person: Person, label: string) {
  Object.assign(person, await enrolStaffSecondFactor(page, locale, TEXT[locale], label));
}

async function expectHome(page: Page, locale: Locale, person: Person, intro: string) {
  const L = TEXT[locale];
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 2, name: L.welcome(person.name) })).toBeVisible();
  await expect(page.getByText(intro)).toBeVisible();
}

async function newContext(browser: Browser, locale: Locale, options: { javaScriptEnabled?: boolean } = {}) {
  return browser.newContext({
    baseURL: serverFor(locale).url,
    locale: TEXT[locale].browserLocale,
    viewport: { width: 1280, height: 800 },
    ...options,
  });
}

// The two languages run side by side (one worker each); the steps of one language run in order.
test.describe.configure({ mode: 'parallel' });

for (const locale of ['fr', 'en'] as const) {
  const L = TEXT[locale];
  const admin: Person = { name: 'Alice Tremblay', email: `alice.${locale}@example.ca`, recoveryCodes: [] };
  const coordinator: Person = {
    name: 'Benoît Gagnon',
    email: `benoit.${locale}@example.ca`,
    recoveryCodes: [],
  };

  test.describe(`foundation journey (${locale})`, () => {
    test.describe.configure({ mode: 'serial' });
    test.use({ locale: L.browserLocale, baseURL: serverFor(locale).url });

    let adminContext: BrowserContext | undefined;
    test.afterAll(async () => {
      await adminContext?.close();
    });

    test('first administrator, invitation by e-mail, coordinator signs in with a second factor', async ({
      browser,
    }) => {
      const { firstAdminLink } = serverFor(locale);
      expect(firstAdminLink, 'global setup read the first-administrator link').toMatch(/\/invitations\//);
      adminContext = await newContext(browser, locale);
      const page = await adminContext.newPage();
      const problems = watchConsole(page);

      await test.step('anonymous pages follow the browser language', async () => {
        await page.goto('/');
        await expect(page.getByRole('link', { name: L.signIn }).first()).toBeVisible();
        await checkPage(page, locale, 'home-anonymous');
        await page.goto('/sign-in');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.signInTitle);
        await checkPage(page, locale, 'sign-in');
        await expectReflowAt320(page, locale, 'sign-in');
      });

      await test.step('first administrator creates the account through the one-time link', async () => {
        await page.goto(firstAdminLink);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.firstAdminTitle);
        await checkPage(page, locale, 'first-admin');
        await page.getByLabel(L.fields.name, { exact: true }).fill(admin.name);
        await page.getByLabel(L.fields.email, { exact: true }).fill(admin.email);
        await page.getByLabel(L.fields.newPassword, { exact: true }).fill(PASSWORD);
        await page.getByRole('button', { name: L.createAccount }).click();
      });

      await test.step('the second factor is mandatory for the administrator', async () => {
        await enrolSecondFactor(page, locale, admin, 'admin');
        await expectHome(page, locale, admin, L.adminIntro);
        await checkPage(page, locale, 'home-admin');
      });

      await test.step('the administrator looks around: account, audit log', async () => {
        await page.getByRole('navigation').getByRole('link', { name: L.account }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.account);
        await checkPage(page, locale, 'account');
        await page.getByRole('navigation').getByRole('link', { name: L.audit }).click();
        await expect(page).toHaveURL(/\/admin\/audit/);
        await checkPage(page, locale, 'audit-log');
        await expectReflowAt320(page, locale, 'audit-log');
        // Long ids and changes wrap in their cells: the table does not scroll sideways in its box either.
        for (const width of [1280, 320]) {
          await page.setViewportSize({ width, height: 800 });
          const hidden = await page
            .locator('.table-wrap')
            .evaluate((box) => box.scrollWidth - box.clientWidth);
          expect(hidden, `the audit log scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
        }
        await page.setViewportSize({ width: 1280, height: 800 });
      });

      await test.step('the administrator invites a coordinator', async () => {
        await page.getByRole('navigation').getByRole('link', { name: L.users }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.users);
        await checkPage(page, locale, 'users');
        await expectReflowAt320(page, locale, 'users');

        const form = page.locator('section', { has: page.locator('#invite-title') });
        // A wrong address first: the form says which field to fix.
        await form.getByLabel(L.fields.email, { exact: true }).fill('pas-une-adresse');
        await form.getByRole('button', { name: L.invite }).click();
        await expect(page.getByRole('alert')).toContainText(L.emailInvalid);
        await expect(form.getByLabel(L.fields.email, { exact: true })).toHaveAttribute(
          'aria-invalid',
          'true',
        );
        await checkPage(page, locale, 'users-invite-error', { switchLanguage: false });

        await form.getByLabel(L.fields.email, { exact: true }).fill(coordinator.email);
        await form.getByLabel(L.role, { exact: true }).selectOption({ label: L.coordinatorRole });
        await form.getByLabel(L.invitationLanguage, { exact: true }).selectOption({ label: L.languageName });
        await form.getByRole('button', { name: L.invite }).click();
        await expect(page.getByRole('status')).toContainText(L.invited(coordinator.email));
        // The form is emptied for the next invitation, and the invitation waits in the list.
        await expect(form.getByLabel(L.fields.email, { exact: true })).toHaveValue('');
        await expect(page.getByRole('table', { name: L.pendingInvitations })).toContainText(
          coordinator.email,
        );
        await checkPage(page, locale, 'users-invited', { switchLanguage: false });
        await expectReflowAt320(page, locale, 'users-invited');
      });

      await test.step(`the invitation e-mail arrives by SMTP, in ${locale}`, async () => {
        const mail = await waitForMail(coordinator.email);
        expect(mail.subject).toBe(L.mailSubject);
        expect(mail.contentLanguage).toBe(locale);
        const link = mail.text.match(/https?:\/\/\S+\/invitations\/[\w-]+/)?.[0];
        expect(link, `the e-mail contains the invitation link:\n${mail.text}`).toBeTruthy();
        expect(link!.startsWith(serverFor(locale).url)).toBe(true);
        expect(mail.text).toContain(admin.name);
        expect(mail.html).toContain(link!);
        expect(mail.html).toContain(L.mailAction);
        coordinator.invitationLink = link!;
      });

      await test.step('the e-mail is listed in the outbox', async () => {
        await page.getByRole('navigation').getByRole('link', { name: L.outbox }).click();
        await expect(page.getByRole('link', { name: L.mailSubject })).toBeVisible();
        await checkPage(page, locale, 'outbox');
        await page.getByRole('link', { name: L.mailSubject }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.mailSubject);
        await checkPage(page, locale, 'outbox-message');
      });

      const coordinatorContext = await newContext(browser, locale);
      const other = await coordinatorContext.newPage();
      const otherProblems = watchConsole(other);

      await test.step('the coordinator creates the account from the e-mail link', async () => {
        await other.goto(coordinator.invitationLink!);
        await expect(other.getByRole('heading', { level: 1 })).toHaveText(L.invitationTitle);
        await expect(other.getByText(coordinator.email)).toBeVisible();
        await expect(other.getByText(L.coordinatorRole)).toBeVisible();
        await checkPage(other, locale, 'invitation-coordinator');
        await other.getByLabel(L.fields.name, { exact: true }).fill(coordinator.name);
        await other.getByLabel(L.fields.newPassword, { exact: true }).fill(PASSWORD);
        await other.getByRole('button', { name: L.createAccount }).click();
        await enrolSecondFactor(other, locale, coordinator, 'coordinator');
        await expectHome(other, locale, coordinator, L.coordinatorIntro);
        await checkPage(other, locale, 'home-coordinator');
      });

      await test.step('the coordinator signs out, then signs in with password and code', async () => {
        await other.getByRole('button', { name: L.signOut }).click();
        await expect(other.getByRole('button', { name: L.signOut })).toHaveCount(0);
        await other.getByRole('banner').getByRole('link', { name: L.signIn }).click();
        await expect(other).toHaveURL(/\/sign-in/);

        // A wrong password: the one generic message, nothing about which part was wrong.
        await other.getByLabel(L.fields.email, { exact: true }).fill(coordinator.email);
        await other.getByLabel(L.fields.password, { exact: true }).fill('not the password at all');
        await other.getByRole('button', { name: L.signIn }).click();
        await expect(other.getByRole('alert')).toHaveText(L.wrongCredentials);
        await expect(other.getByLabel(L.fields.email, { exact: true })).toHaveValue(coordinator.email);
        await checkPage(other, locale, 'sign-in-wrong-password', { switchLanguage: false });

        await other.getByLabel(L.fields.password, { exact: true }).fill(PASSWORD);
        await other.getByRole('button', { name: L.signIn }).click();
        await expect(other).toHaveURL(/\/sign-in\/verify/);
        await expect(other.getByRole('heading', { level: 1 })).toHaveText(L.verifyTitle);
        await checkPage(other, locale, 'verify');
        await other.getByLabel(L.code, { exact: true }).fill(await coordinator.authenticator!.code());
        await other.getByRole('button', { name: L.verify }).click();
        await expectHome(other, locale, coordinator, L.coordinatorIntro);
      });
      await coordinatorContext.close();

      expect.soft(problems, 'script or console errors (administrator)').toEqual([]);
      expect.soft(otherProblems, 'script or console errors (coordinator)').toEqual([]);
    });

    test('used and unknown invitation links explain why they cannot be used', async ({ page }) => {
      const problems = watchConsole(page);
      for (const [label, link, message] of [
        ['first-admin-link-used', serverFor(locale).firstAdminLink, L.invitationUsed],
        ['invitation-used', coordinator.invitationLink!, L.invitationUsed],
        ['invitation-unknown', '/invitations/this-token-does-not-exist-0123456789', L.invitationUnknown],
      ] as const) {
        await page.goto(link);
        await expect(page.getByText(message)).toBeVisible();
        await expect(page.getByRole('button', { name: L.createAccount })).toHaveCount(0);
        await checkPage(page, locale, label);
      }
      expect.soft(problems).toEqual([]);
    });

    test('the sign-in page works with the keyboard alone', async ({ page }) => {
      const problems = watchConsole(page);
      await page.goto('/sign-in');
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: L.skipLink });
      await expect(skip).toBeFocused();
      await expect(skip).toBeVisible(); // shown when focused
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await expect(page.getByLabel(L.fields.email, { exact: true })).toBeFocused();
      await page.keyboard.type(admin.email);
      await page.keyboard.press('Tab');
      await expect(page.getByLabel(L.fields.password, { exact: true })).toBeFocused();
      await page.keyboard.type(PASSWORD);
      await page.keyboard.press('Enter');

      await expect(page).toHaveURL(/\/sign-in\/verify/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.verifyTitle);
      // The new page puts the focus on its content: the next Tab reaches the code field.
      await expect(page.locator('main')).toBeFocused();
      await page.keyboard.press('Tab');
      await expect(page.getByLabel(L.code, { exact: true })).toBeFocused();
      await page.keyboard.type(await admin.authenticator!.code());
      await page.keyboard.press('Enter');
      await expectHome(page, locale, admin, L.adminIntro);
      expect.soft(problems).toEqual([]);
    });

    test('the sign-in form works without JavaScript', async ({ browser }) => {
      const context = await newContext(browser, locale, { javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.signInTitle);
      await expectLanguageSwitchWorks(page); // a plain form: it needs no script either

      // A known address with a wrong password and an unknown address get the very same answer.
      for (const email of [coordinator.email, `nobody.${locale}@example.ca`]) {
        await page.getByLabel(L.fields.email, { exact: true }).fill(email);
        await page.getByLabel(L.fields.password, { exact: true }).fill('wrong password, surely');
        await page.getByRole('button', { name: L.signIn }).click();
        await expect(page.getByRole('alert')).toHaveText(L.wrongCredentials);
        await expect(page.locator('.error-message')).toHaveCount(0);
        await expect(page.getByLabel(L.fields.email, { exact: true })).toHaveValue(email);
      }
      await expectNoAxeViolationsWithoutJs(page, 'sign-in without JavaScript, wrong password');
      await screenshot(page, locale, 'sign-in-no-js-wrong-password');

      // The whole sign-in, with a recovery code this time.
      await page.getByLabel(L.fields.email, { exact: true }).fill(coordinator.email);
      await page.getByLabel(L.fields.password, { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: L.signIn }).click();
      await expect(page).toHaveURL(/\/sign-in\/verify/);
      await page.getByLabel(L.code, { exact: true }).fill(coordinator.recoveryCodes[0]!);
      await page.getByRole('button', { name: L.verify }).click();
      await expectHome(page, locale, coordinator, L.coordinatorIntro);
      await context.close();
    });
  });
}
