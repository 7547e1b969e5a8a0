import { expect, test } from '@playwright/test';
import { TEST_CLOCK_HEADER } from '../../src/platform/http/test-clock.ts';
import { PASSWORD, signIn, twoFactorText } from './support/accounts.ts';
import { checkPage, enrolSecondFactor, newPage, waitForMail } from './support/browser.ts';
import { acceptedApplication, accountWithToken, api } from './support/diagnostic.ts';
import { pageWords } from './support/i18n.ts';

/**
 * The workshops journey, in French and in English, each against its own server: the coordinator creates
 * a one-place workshop in the browser, starting in half an hour, and publishes it; a first retailer takes
 * the place (API); the followed retailer registers in the browser and is waitlisted in position 1; the
 * first cancels (API), the followed retailer gets the offer by e-mail and accepts it on « Ateliers »,
 * its invitation (.ics) arriving by e-mail; once the workshop has started (the facilitator's requests
 * move their clock past the start: E2E_TEST_CLOCK) the facilitator (an expert) records attendance; the
 * retailer downloads the attendance certificate. Every page passes axe.
 */

const wordsOf = pageWords(
  {
    common: 'src/platform/i18n',
    app: 'app/i18n',
    identity: 'src/modules/identity/i18n',
    workshops: 'src/modules/workshops/i18n',
  },
  'workshops',
);

/** Montréal's date and time (HH:MM) some minutes from now, on a whole minute. */
function montrealSoon(minutes: number) {
  const at = new Date(Math.ceil((Date.now() + minutes * 60_000) / 60_000) * 60_000);
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Montreal', ...options }).format(at);
  return {
    at,
    date: part({ year: 'numeric', month: '2-digit', day: '2-digit' }),
    time: part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  };
}

test.describe.configure({ mode: 'parallel' });

for (const locale of ['fr', 'en'] as const) {
  const w = wordsOf(locale);
  const coordinator = {
    email: `coord.workshops.${locale}@example.ca`,
    name: 'Sophie Gagnon',
    role: 'coordinator',
    locale,
  } as const;
  const facilitator = {
    email: `expert.workshops.${locale}@example.ca`,
    name: 'Marc Lavoie',
    role: 'expert',
    locale,
  } as const;
  const holder = {
    email: `holder.workshops.${locale}@example.ca`,
    name: 'Paul Roy',
    role: 'retailer',
    locale,
  } as const;
  const retailer = {
    email: `waiting.workshops.${locale}@example.ca`,
    name: locale === 'fr' ? 'Julie Côté' : 'Anna Smith',
    role: 'retailer',
    locale,
  } as const;
  const business = (email: string, name: string, n: number) => ({
    legalName: `${name} inc.`,
    tradeName: `${name} ${n}`,
    municipality: 'Montréal',
    street: '4200, boulevard Saint-Laurent',
    postalCode: 'H2W 2R2',
    phone: '514 555-0142',
    email,
    naics: '448',
    employees: 5,
    contactName: name,
  });
  const title = locale === 'fr' ? 'Vendre sur Instagram' : 'Selling on Instagram';
  const twoFactor = twoFactorText(locale);

  test.describe(`workshops journey (${locale})`, () => {
    test('a full workshop: waitlisted, promoted by e-mail, attendance recorded, certificate downloaded', async ({
      browser,
    }) => {
      test.setTimeout(240_000);
      const problems: string[][] = [];
      // Far enough ahead for the steps before attendance, however slow the machine: the journey does not
      // wait for the start, the facilitator's requests move their clock past it (E2E_TEST_CLOCK).
      const start = montrealSoon(30);
      let holderToken = '';
      let workshopId = '';

      await test.step('set-up: staff and two retailers with accepted businesses (CLI, API)', async () => {
        const [coordinatorToken, , holderTok, retailerToken] = await Promise.all([
          accountWithToken(locale, coordinator, PASSWORD),
          accountWithToken(locale, facilitator, PASSWORD),
          accountWithToken(locale, holder, PASSWORD),
          accountWithToken(locale, retailer, PASSWORD),
        ]);
        holderToken = holderTok;
        const programs = await api<{ items: { id: string }[] }>(locale, 'GET', '/programs', coordinatorToken);
        const programId = programs.items[0]!.id;
        await acceptedApplication(
          locale,
          programId,
          holderToken,
          coordinatorToken,
          business(holder.email, 'Boutique Roy', 1),
        );
        await acceptedApplication(
          locale,
          programId,
          retailerToken,
          coordinatorToken,
          business(retailer.email, 'Mode Côté', 2),
        );
      });

      const staff = await newPage(browser, locale, { acceptDownloads: true });
      problems.push(staff.problems);
      await test.step('the coordinator creates a one-place workshop led by the expert, and publishes it', async () => {
        const page = staff.page;
        await signIn(page, locale, coordinator.email, PASSWORD);
        await enrolSecondFactor(page, locale, twoFactor, 'coordinator', { checkPages: false });
        await page.getByRole('link', { name: w('app:nav.workshops'), exact: true }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w('ui.staff_title'));
        await checkPage(page, locale, 'workshops-staff');
        await page.getByRole('link', { name: w('ui.new') }).click();
        await checkPage(page, locale, 'workshop-new');
        await page.getByLabel(w('fields.titleFr'), { exact: true }).fill('Vendre sur Instagram');
        await page.getByLabel(w('fields.titleEn'), { exact: true }).fill('Selling on Instagram');
        await page.getByLabel(w('fields.descriptionFr'), { exact: true }).fill('Publier, mesurer, vendre.');
        await page.getByLabel(w('fields.descriptionEn'), { exact: true }).fill('Post, measure, sell.');
        await page
          .getByLabel(`${w('fields.place')} (${w('app:form.optional')})`, { exact: true })
          .fill('4200, boulevard Saint-Laurent, Montréal');
        await page.getByLabel(w('fields.date'), { exact: true }).fill(start.date);
        await page.getByLabel(w('fields.time'), { exact: true }).fill(start.time);
        await page.getByLabel(w('fields.durationMinutes'), { exact: true }).fill('60');
        await page.getByLabel(w('fields.capacity'), { exact: true }).fill('1');
        await page
          .getByLabel(`${w('fields.facilitatorUserId')} (${w('app:form.optional')})`, { exact: true })
          .selectOption({ label: facilitator.name });
        await page.getByRole('button', { name: w('ui.create') }).click();
        await expect(page.getByText(w('ui.created'))).toBeVisible();
        workshopId = /\/workshops\/([\w-]+)/.exec(page.url())![1]!;
        await checkPage(page, locale, 'workshop-draft', { switchLanguage: false });
        await page.getByRole('button', { name: w('ui.publish') }).click();
        await expect(page.getByText(w('ui.published'))).toBeVisible();
      });

      await test.step('another retailer takes the only place (API)', async () => {
        const taken = await api<{ status: string }>(
          locale,
          'POST',
          `/workshops/${workshopId}/registrations`,
          holderToken,
        );
        expect(taken.status).toBe('registered');
      });

      const person = await newPage(browser, locale, { acceptDownloads: true });
      problems.push(person.problems);
      const card = () =>
        person.page.getByRole('listitem').filter({ has: person.page.getByRole('heading', { name: title }) });
      await test.step('the retailer registers for the full workshop and is waitlisted in position 1', async () => {
        const page = person.page;
        await signIn(page, locale, retailer.email, PASSWORD);
        await page.getByRole('link', { name: w('app:nav.workshops'), exact: true }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w('ui.my_title'));
        await expect(card()).toContainText(w('ui.full', { waiting: 0 }));
        await checkPage(page, locale, 'workshops-retailer');
        await card()
          .getByRole('button', { name: w('ui.register') })
          .click();
        await expect(page.getByText(w('ui.waitlisted_done', { position: 1 }))).toBeVisible();
        await expect(card()).toContainText(w('ui.position', { position: 1 }));
        await checkPage(page, locale, 'workshops-waitlisted', { switchLanguage: false });
        await waitForMail(retailer.email, { subject: w('mail.waitlisted.subject', { title }) });
      });

      await test.step('the place frees up (API); the offer arrives by e-mail and the retailer accepts it', async () => {
        const mine = await api<{ items: { id: string; registration: { id: string } | null }[] }>(
          locale,
          'GET',
          '/workshops',
          holderToken,
        );
        const registration = mine.items.find((i) => i.id === workshopId)!.registration!;
        await api(
          locale,
          'POST',
          `/workshops/${workshopId}/registrations/${registration.id}/cancel`,
          holderToken,
        );
        const offer = await waitForMail(retailer.email, { subject: w('mail.offered.subject', { title }) });
        expect(offer.text).toContain(title);
        const page = person.page;
        await page.goto('/workshops');
        await expect(card()).toContainText(w('registration_statuses.offered'));
        await checkPage(page, locale, 'workshops-offered');
        await card()
          .getByRole('button', { name: w('ui.accept') })
          .click();
        await expect(page.getByText(w('ui.accepted_done'))).toBeVisible();
        await expect(card()).toContainText(w('registration_statuses.registered'));
        const invitation = await waitForMail(retailer.email, {
          subject: w('mail.registered.subject', { title }),
        });
        expect(invitation.text).toContain(title);
      });

      const expert = await newPage(browser, locale, { acceptDownloads: true });
      problems.push(expert.problems);
      await test.step('once the workshop has started, the facilitator records attendance', async () => {
        const page = expert.page;
        await signIn(page, locale, facilitator.email, PASSWORD);
        await enrolSecondFactor(page, locale, twoFactor, 'expert', { checkPages: false });
        const secondsToStart = Math.ceil((start.at.getTime() - Date.now()) / 1000);
        await page.setExtraHTTPHeaders({ [TEST_CLOCK_HEADER]: String(secondsToStart + 5) });
        await page.goto('/workshops');
        await page.getByRole('link', { name: title }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w('ui.detail_title', { title }));
        await checkPage(page, locale, 'workshop-attendance');
        await page.getByRole('checkbox', { name: `${w('fields.present')} — ${retailer.name}` }).check();
        await page
          .getByRole('textbox', { name: `${w('fields.minutesAttended')} — ${retailer.name}` })
          .fill('55');
        await page.getByRole('button', { name: w('ui.save_attendance') }).click();
        await expect(page.getByText(w('ui.attendance_saved'))).toBeVisible();
        await expect(page.getByText('100 %')).toBeVisible();
        await checkPage(page, locale, 'workshop-attendance-saved', { switchLanguage: false });
      });

      await test.step('the retailer downloads the attendance certificate', async () => {
        const page = person.page;
        await page.goto('/workshops');
        const download = page.waitForEvent('download');
        await card()
          .getByRole('link', { name: new RegExp(w('ui.certificate').replace(/[()]/g, '\\$&')) })
          .click();
        const file = await download;
        expect(file.suggestedFilename()).toMatch(/\.pdf$/);
        await checkPage(page, locale, 'workshops-certificate', { switchLanguage: false });
      });

      expect(problems.flat()).toEqual([]);
    });
  });
}
