import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { stopLink } from '../../src/modules/reminders/use-cases/stop-link.ts';
import type { Config } from '../../src/platform/config.ts';
import { createUser, PASSWORD, signIn, twoFactorText } from './support/accounts.ts';
import { checkPage, enrolSecondFactor, newPage, serverFor, tabTo } from './support/browser.ts';
import { accountWithToken, api } from './support/diagnostic.ts';
import { pageWords } from './support/i18n.ts';

/**
 * The reminders' pages, in French and in English, each against its own server: a retailer finds « Mes
 * rappels » from their account, stops the reminders (and reads which notices still go), then takes them
 * back; the link of a reminder, opened without signing in, stops them after a confirmation; a coordinator, at first sign-in with a second factor, opens the program's reminders from the
 * menu, is told which delay is wrong, goes to the field from the error summary, and saves. The sweep and
 * its e-mails are tested in tests/integration/reminders.test.ts. Every page passes axe.
 */

const wordsOf = pageWords(
  {
    common: 'src/platform/i18n',
    app: 'app/i18n',
    identity: 'src/modules/identity/i18n',
    reminders: 'src/modules/reminders/i18n',
  },
  'reminders',
);

test.describe.configure({ mode: 'parallel' });

for (const locale of ['fr', 'en'] as const) {
  const w = wordsOf(locale);
  const retailer = {
    email: `boutique.reminders.${locale}@example.ca`,
    name: locale === 'fr' ? 'Jeanne Lapointe' : 'Ruth Baker',
    role: 'retailer',
    locale,
  } as const;
  const coordinator = { email: `coordination.reminders.${locale}@example.ca`, name: 'Hélène Roy' };

  test.describe(`reminders journey (${locale})`, () => {
    test('a retailer stops and takes back reminders; a coordinator sets the program’s delays', async ({
      browser,
    }) => {
      test.setTimeout(120_000);
      const [token] = await Promise.all([
        accountWithToken(locale, retailer, PASSWORD),
        createUser(
          locale,
          { email: coordinator.email, role: 'coordinator', name: coordinator.name },
          PASSWORD,
        ),
      ]);

      const person = await newPage(browser, locale);
      const page = person.page;
      await test.step('the retailer stops reminders from the account page, then takes them back', async () => {
        await page.goto('/account');
        await signIn(page, locale, retailer.email, PASSWORD);
        await expect(page).not.toHaveURL(/\/sign-in/);
        await page.getByRole('link', { name: w('preference.link') }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w('preference.title'));
        await expect(page.getByText(w('preference.always'))).toBeVisible();
        await expect(page.getByText(w('preference.active'))).toBeVisible();
        await checkPage(page, locale, 'my-reminders');
        await page.getByRole('button', { name: w('preference.stop') }).click();
        await expect(page.getByText(w('preference.saved'))).toBeVisible();
        await expect(page.getByText(/\d{4}-\d{2}-\d{2}/)).toBeVisible();
        await checkPage(page, locale, 'my-reminders-stopped', { switchLanguage: false });
        await page.getByRole('button', { name: w('preference.resume') }).click();
        await expect(page.getByText(w('preference.active'))).toBeVisible();
      });

      const visitor = await newPage(browser, locale);
      await test.step('the link in a reminder stops them without signing in, after a confirmation', async () => {
        const me = await api<{ id: string }>(locale, 'GET', '/me', token);
        // The link as the server makes it, with the secret it keeps in its data folder.
        const secret = readFileSync(path.join(serverFor(locale).dataDir, 'session-secret'), 'utf8').trim();
        const link = new URL(stopLink({ sessionSecret: secret, publicUrl: '' } as Config, me.id), 'http://x');
        await visitor.page.goto(link.pathname);
        await expect(visitor.page.getByRole('heading', { level: 1 })).toHaveText(w('stop.title'));
        await checkPage(visitor.page, locale, 'stop-reminders');
        await visitor.page.getByRole('button', { name: w('preference.stop') }).click();
        await expect(visitor.page.getByText(w('stop.done'))).toBeVisible();
        await checkPage(visitor.page, locale, 'stop-reminders-done', { switchLanguage: false });
        await page.reload();
        await expect(page.getByRole('button', { name: w('preference.resume') })).toBeVisible();
      });

      const staff = await newPage(browser, locale);
      const admin = staff.page;
      await test.step('the coordinator is told which delay is wrong, reaches it from the summary, and saves', async () => {
        await signIn(admin, locale, coordinator.email, PASSWORD);
        await expect(admin).not.toHaveURL(/\/sign-in/);
        await enrolSecondFactor(admin, locale, twoFactorText(locale), 'reminders-coordinator', {
          checkPages: false,
        });
        await admin
          .getByRole('navigation', { name: w('app:shell.main_navigation') })
          .getByRole('link', { name: w('app:nav.reminders') })
          .click();
        await expect(admin.getByRole('heading', { level: 1 })).toHaveText(w('settings.title'));
        await checkPage(admin, locale, 'reminder-settings');
        const draft = admin.getByRole('group', { name: w('kind.draft-left-7-days.name') });
        const days = draft.getByLabel(w('settings.days'));
        await days.fill('0');
        await admin.getByRole('button', { name: w('settings.save') }).click();
        const summary = admin.getByRole('alert');
        await expect(summary).toBeFocused();
        await summary.getByRole('link', { name: w('validation.days') }).click();
        await expect(days).toBeFocused();
        await expect(days).toHaveAttribute('aria-invalid', 'true');
        await checkPage(admin, locale, 'reminder-settings-error', { switchLanguage: false });
        await days.fill('3');
        // Turning a reminder off by keyboard alone.
        const session = admin.getByRole('group', { name: w('kind.coaching-session-tomorrow.name') });
        const box = session.getByRole('checkbox', { name: w('settings.enabled') });
        await tabTo(admin, box, 40);
        await admin.keyboard.press('Space');
        await expect(box).not.toBeChecked();
        await admin.getByRole('button', { name: w('settings.save') }).click();
        await expect(admin.getByText(w('settings.saved'))).toBeVisible();
        await expect(days).toHaveValue('3');
        await expect(box).not.toBeChecked();
        await checkPage(admin, locale, 'reminder-settings-saved', { switchLanguage: false });
      });

      expect([...person.problems, ...visitor.problems, ...staff.problems]).toEqual([]);
    });
  });
}
