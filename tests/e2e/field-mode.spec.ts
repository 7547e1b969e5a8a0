import { expect, type Page, test } from '@playwright/test';
import { montrealIso } from '../../src/kernel/format.ts';
import { DEFAULT_QUESTIONNAIRE } from '../../src/modules/diagnostic/domain/default-questionnaire.ts';
import { PASSWORD, signedInStaff, signIn, twoFactorText } from './support/accounts.ts';
import {
  browserLocale,
  checkPage,
  enrolSecondFactor,
  type Locale,
  newContext,
  serverFor,
  watchConsole,
} from './support/browser.ts';
import { acceptedApplication, accountWithToken, api } from './support/diagnostic.ts';

/**
 * Field mode, in French and in English, each against its own server: an expert prepares a visit (the
 * pack downloaded, its size and time shown), the browser goes offline, the expert answers diagnostic
 * questions (a conditional one appears), writes a session note, marks the session held and moves a plan
 * action, all kept on the device as « en attente d'envoi »; the page is reloaded offline and everything
 * is still there; meanwhile the retailer changes one of the answers. Back online, the changes are sent:
 * the conflicting answer is shown with both values and the expert keeps theirs; the server then has
 * exactly one copy of each change, each with its audit event. Axe runs on the offline page.
 */

const TEXT = {
  fr: {
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    nav: 'Mode terrain',
    files: 'Dossiers à apporter',
    download: 'Télécharger sur cet appareil',
    downloaded: 'Dossiers téléchargés sur cet appareil.',
    size: /\d+ Ko — synchronisé à \d{4}-\d{2}-\d{2} \d{2} h \d{2}/,
    open: (name: string) => `Travailler sur le dossier ${name}`,
    online: 'En ligne.',
    offline: 'Hors ligne.',
    // French puts 0 in the singular.
    pending: (n: number) =>
      n <= 1 ? `${n} changement en attente d'envoi.` : `${n} changements en attente d'envoi.`,
    note: 'Nouvelle note (équipe seulement)',
    addNote: 'Ajouter la note',
    hours: 'Heures consacrées',
    hoursValue: '1,5',
    markHeld: 'Marquer la séance comme tenue',
    action: (objective: string) => `${objective} (échéance 2027-12-31)`,
    inProgress: 'En cours',
    actionNote: (objective: string) => `Note de suivi : ${objective}`,
    saveNote: 'Enregistrer la note',
    actionNoteText: 'Plateforme choisie avec Zoé.',
    deactivated: 'Votre compte a été désactivé',
    noteText: 'Inventaire compté avec Zoé; la caisse sera changée en mars.',
    keepMine: 'Garder ma valeur',
    conflict: 'À décider',
    refused: 'Ce dossier ne vous est plus confié',
    kept: 'Ce que vous aviez saisi',
    dismiss: 'Retirer ce changement',
    lateNote: 'Photos de la vitrine prises pour le site.',
  },
  en: {
    signIn: 'Sign in',
    signOut: 'Sign out',
    nav: 'Field mode',
    files: 'Files to take',
    download: 'Download to this device',
    downloaded: 'Files downloaded to this device.',
    size: /\d+ KB — synchronised at \d{4}-\d{2}-\d{2} \d{1,2}:\d{2}/,
    open: (name: string) => `Work on the file ${name}`,
    online: 'Online.',
    offline: 'Offline.',
    pending: (n: number) =>
      n === 1 ? `${n} change waiting to be sent.` : `${n} changes waiting to be sent.`,
    note: 'New note (staff only)',
    addNote: 'Add the note',
    hours: 'Hours spent',
    hoursValue: '1.5',
    markHeld: 'Mark the session as held',
    action: (objective: string) => `${objective} (due 2027-12-31)`,
    inProgress: 'In progress',
    actionNote: (objective: string) => `Progress note: ${objective}`,
    saveNote: 'Save the note',
    actionNoteText: 'Platform chosen with Zoé.',
    deactivated: 'Your account was deactivated',
    noteText: 'Stock counted with Zoé; the till will be replaced in March.',
    keepMine: 'Keep my value',
    conflict: 'To decide',
    refused: 'This file is no longer assigned to you',
    kept: 'What you had entered',
    dismiss: 'Remove this change',
    lateNote: 'Storefront photos taken for the website.',
  },
} as const;

const question = (id: string) =>
  DEFAULT_QUESTIONNAIRE.dimensions.flatMap((d) => d.questions).find((q) => q.id === id)!;
const choiceLabel = (questionId: string, choiceId: string, locale: Locale) =>
  question(questionId).choices.find((c) => c.id === choiceId)!.label[locale];

const status = (page: Page) =>
  page.getByRole('status').filter({ hasText: /En ligne|Hors ligne|Online|Offline/ });

test.describe.configure({ mode: 'parallel' });

for (const locale of ['fr', 'en'] as const) {
  const L = TEXT[locale];
  const tag = `${locale}${Date.now() % 100000}`;
  const people = {
    coordinator: { email: `fm.coord.${tag}@example.ca`, name: 'Hélène Terrain', role: 'coordinator', locale },
    admin: { email: `fm.admin.${tag}@example.ca`, name: 'Alain Terrain', role: 'admin', locale },
    expert: { email: `fm.expert.${tag}@example.ca`, name: 'Camille Terrain', role: 'expert', locale },
    retailer: { email: `fm.zoe.${tag}@example.ca`, name: 'Zoé Terrain', role: 'retailer', locale },
    // A second business of the expert's, reassigned to another expert while the first is offline.
    otherRetailer: { email: `fm.max.${tag}@example.ca`, name: 'Max Terrain', role: 'retailer', locale },
    otherExpert: { email: `fm.other.${tag}@example.ca`, name: 'Dominique Relève', role: 'expert', locale },
  };
  const business = {
    legalName: `Boutique Terrain ${tag} inc.`,
    tradeName: `Chez Terrain ${tag}`,
    municipality: 'Montréal',
    street: '123, rue Saint-Denis',
    postalCode: 'H2X 1Y4',
    phone: '514 555-0101',
    email: people.retailer.email,
    naics: '448',
    employees: 6,
    contactName: 'Zoé Terrain',
  };

  test.describe(`field mode (${locale})`, () => {
    test.use({ locale: browserLocale(locale), baseURL: serverFor(locale).url });

    test('a visit prepared, worked offline, reloaded offline, synchronised once with a conflict chosen', async ({
      browser,
    }) => {
      test.setTimeout(180_000);
      // Set-up through the CLI and the API: an accepted business coached by the expert, its diagnostic
      // started by the retailer, a session starting in a few seconds, an approved plan.
      const [coordinator, admin, expertToken, retailer, otherRetailer] = await Promise.all(
        [
          people.coordinator,
          people.admin,
          people.expert,
          people.retailer,
          people.otherRetailer,
          people.otherExpert,
        ].map((p) => accountWithToken(locale, p, PASSWORD)),
      );
      const programs = await api<{ items: { id: string }[] }>(locale, 'GET', '/programs', coordinator!);
      const applicationId = await acceptedApplication(
        locale,
        programs.items[0]!.id,
        retailer!,
        coordinator!,
        business,
      );
      const profile = await api<{ id: string }>(locale, 'POST', '/experts', coordinator!, {
        email: people.expert.email,
        regions: ['06'],
        languages: [locale],
        specialties: ['online_marketing_social'],
        capacity: 20,
      });
      const otherBusiness = { ...business, tradeName: `Chez Max ${tag}`, email: people.otherRetailer.email };
      const otherId = await acceptedApplication(
        locale,
        programs.items[0]!.id,
        otherRetailer!,
        coordinator!,
        otherBusiness,
      );
      const otherProfile = await api<{ id: string }>(locale, 'POST', '/experts', coordinator!, {
        email: people.otherExpert.email,
        regions: ['06'],
        languages: [locale],
        specialties: ['online_marketing_social'],
        capacity: 20,
      });
      await api(locale, 'POST', '/assignments', coordinator!, {
        assignments: [
          { applicationId, expertId: profile.id },
          { applicationId: otherId, expertId: profile.id },
        ],
      });
      await api(locale, 'POST', '/sessions', expertToken!, {
        applicationId: otherId,
        startsAt: montrealIso(new Date(Date.now() + 7 * 86_400_000)),
        durationMinutes: 60,
        mode: 'video',
      });
      const diagnostic = await api<{ id: string }>(locale, 'POST', '/diagnostics', retailer!, {
        applicationId,
        phase: 'T0',
      });
      await api(locale, 'PUT', `/diagnostics/${diagnostic.id}/answers`, retailer!, {
        answers: { presence_website: 'none' },
      });
      const startsAt = new Date(Date.now() + 15_000);
      const session = await api<{ id: string }>(locale, 'POST', '/sessions', expertToken!, {
        applicationId,
        startsAt: montrealIso(startsAt),
        durationMinutes: 60,
        mode: 'in_store',
      });
      const objective = 'Boutique en ligne';
      const plan = await api<{ actions: { id: string }[] }>(
        locale,
        'PUT',
        `/plans/${applicationId}`,
        expertToken!,
        {
          currentState: 'Vitrine seulement',
          goals: 'Vendre en ligne',
          budgetCents: 100_000,
          timeline: 'Hiver',
          actions: [
            {
              objective,
              steps: 'Choisir une plateforme',
              owner: 'Zoé',
              dueDate: '2027-12-31',
              estimatedCostCents: 0,
              status: 'todo',
              supplierId: null,
            },
          ],
          status: 'approved',
        },
      );

      const context = await newContext(browser, locale);
      const page = await context.newPage();
      const problems = watchConsole(page);

      await test.step('the expert signs in and prepares the visit', async () => {
        await signIn(page, locale, people.expert.email, PASSWORD);
        await enrolSecondFactor(page, locale, twoFactorText(locale), 'field-expert', { checkPages: false });
        await page.getByRole('link', { name: L.nav, exact: true }).click();
        await expect(page.locator('[data-ready="true"]')).toBeVisible();
        await expect(status(page)).toContainText(L.online);
        const files = page.getByRole('group', { name: L.files });
        await files.getByLabel(new RegExp(business.tradeName)).check();
        await files.getByLabel(new RegExp(otherBusiness.tradeName)).check();
        await page.getByRole('button', { name: L.download }).click();
        await expect(status(page)).toContainText(L.downloaded);
        await expect(page.getByRole('listitem').filter({ hasText: business.tradeName })).toContainText(
          L.size,
        );
        await checkPage(page, locale, 'field-online', { switchLanguage: false });
        // The shell and this page are kept by the service worker before the network goes.
        await expect
          .poll(() => page.evaluate(async () => Boolean(await caches.match('/field'))), { timeout: 15_000 })
          .toBe(true);
        // The session has started by now (it can be recorded as held only once it has).
        await page.waitForTimeout(Math.max(0, startsAt.getTime() - Date.now() + 500));
      });

      await test.step('offline, the expert answers, writes a note, records the session and moves an action', async () => {
        await context.setOffline(true);
        await expect(status(page)).toContainText(L.offline);
        await page.getByRole('button', { name: L.open(business.tradeName) }).click();
        const website = page.getByRole('group', { name: question('presence_website').label[locale] });
        await website.getByLabel(choiceLabel('presence_website', 'basic', locale), { exact: true }).check();
        // The follow-up question shows, as online, once its condition is met.
        const features = page.getByRole('group', {
          name: question('presence_website_features').label[locale],
        });
        await features
          .getByLabel(choiceLabel('presence_website_features', 'mobile', locale), { exact: true })
          .check();
        await page.getByLabel(L.note, { exact: true }).fill(L.noteText);
        await page.getByRole('button', { name: L.addNote }).click();
        await page.getByLabel(L.hours).fill(L.hoursValue);
        await page.getByRole('button', { name: L.markHeld }).click();
        await page.getByLabel(L.action(objective)).selectOption({ label: L.inProgress });
        await page.getByLabel(L.actionNote(objective)).fill(L.actionNoteText);
        await page.getByRole('button', { name: L.saveNote }).click();
        await expect(status(page)).toContainText(L.pending(6));
        await checkPage(page, locale, 'field-offline', { switchLanguage: false });
      });

      await test.step('reloaded offline, everything is still there', async () => {
        await page.reload();
        await expect(page.locator('[data-ready="true"]')).toBeVisible();
        await expect(status(page)).toContainText(L.offline);
        await expect(status(page)).toContainText(L.pending(6));
        await page.getByRole('button', { name: L.open(business.tradeName) }).click();
        await expect(page.getByLabel(L.actionNote(objective))).toHaveValue(L.actionNoteText);
        await expect(
          page
            .getByRole('group', { name: question('presence_website').label[locale] })
            .getByLabel(choiceLabel('presence_website', 'basic', locale), { exact: true }),
        ).toBeChecked();
        await expect(page.locator('.fieldmode-session').getByText(L.noteText)).toBeVisible();
        await checkPage(page, locale, 'field-offline-reloaded', { switchLanguage: false });
      });

      await test.step('meanwhile the retailer changes the same answer; back online, the expert chooses', async () => {
        await api(locale, 'PUT', `/diagnostics/${diagnostic.id}/answers`, retailer!, {
          answers: { presence_website: 'updated' },
        });
        await context.setOffline(false);
        await expect(status(page)).toContainText(L.online);
        const conflict = page.getByRole('listitem').filter({ hasText: L.conflict });
        await expect(conflict).toContainText(choiceLabel('presence_website', 'updated', locale));
        await expect(conflict).toContainText(choiceLabel('presence_website', 'basic', locale));
        await expect(status(page)).toContainText(L.pending(0));
        await conflict.getByRole('button', { name: L.keepMine }).click();
        await expect(page.getByRole('listitem').filter({ hasText: L.conflict })).toHaveCount(0);
        await expect(status(page)).toContainText(L.pending(0));
      });

      await test.step('the server has exactly one copy of each change, each with its audit event', async () => {
        const packs = await api<{
          packs: {
            diagnostic: { answers: Record<string, unknown> };
            sessions: { id: string; status: string; hours: number; notes: string }[];
            plan: { actions: { id: string; status: string; note: string }[] };
          }[];
        }>(locale, 'GET', `/visit-packs?applicationIds=${applicationId}`, expertToken!);
        const pack = packs.packs[0]!;
        expect(pack.diagnostic.answers).toEqual({
          presence_website: 'basic',
          presence_website_features: ['mobile'],
        });
        const held = pack.sessions.find((s) => s.id === session.id)!;
        expect(held).toMatchObject({ status: 'held', hours: 1.5 });
        expect(held.notes.split(L.noteText)).toHaveLength(2);
        expect(pack.plan.actions.find((a) => a.id === plan.actions[0]!.id)).toMatchObject({
          status: 'in_progress',
          note: L.actionNoteText,
        });
        const audit = await api<{ items: { action: string; changes: { outcome?: string } }[] }>(
          locale,
          'GET',
          `/audit-events?entityId=${applicationId}&action=fieldmode.command&limit=50`,
          admin!,
        );
        // Six changes applied, one conflict answered first, then the expert's choice applied.
        expect(audit.items.map((e) => e.changes.outcome).sort()).toEqual([
          'applied',
          'applied',
          'applied',
          'applied',
          'applied',
          'applied',
          'conflict',
        ]);
      });
      await test.step('a file reassigned while offline: the change is refused with why, its text kept, the pack wiped', async () => {
        await context.setOffline(true);
        await expect(status(page)).toContainText(L.offline);
        await page.getByRole('button', { name: L.open(otherBusiness.tradeName) }).click();
        await page.getByLabel(L.note, { exact: true }).fill(L.lateNote);
        await page.getByRole('button', { name: L.addNote }).click();
        await expect(status(page)).toContainText(L.pending(1));
        await api(locale, 'POST', '/assignments', coordinator!, {
          assignments: [{ applicationId: otherId, expertId: otherProfile.id, reason: 'Congé' }],
        });
        await context.setOffline(false);
        const refused = page.getByRole('listitem').filter({ hasText: L.refused });
        await expect(refused).toBeVisible();
        await expect(refused.getByLabel(L.kept)).toHaveValue(L.lateNote);
        await expect(status(page)).toContainText(L.pending(0));
        await expect(page.getByRole('button', { name: L.open(otherBusiness.tradeName) })).toHaveCount(0);
        await expect(page.getByRole('button', { name: L.open(business.tradeName) })).toBeVisible();
        // Nor is it offered to download again.
        const files = page.getByRole('group', { name: L.files });
        await expect(files.getByLabel(new RegExp(otherBusiness.tradeName))).toHaveCount(0);
        await expect(files.getByLabel(new RegExp(business.tradeName))).toHaveCount(1);
        await checkPage(page, locale, 'field-refused', { switchLanguage: false });
        await refused.getByRole('button', { name: L.dismiss }).click();
        await expect(refused).toHaveCount(0);
      });

      await test.step('signing out wipes the device', async () => {
        const kept = await page.evaluate(async () =>
          (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('virage-field-')),
        );
        expect(kept).toHaveLength(1);
        await page.getByRole('button', { name: L.signOut }).click();
        await expect(page.getByRole('banner').getByRole('link', { name: L.signIn })).toBeVisible();
        const left = await page.evaluate(async () => ({
          databases: (await indexedDB.databases())
            .map((d) => d.name)
            .filter((n) => n?.startsWith('virage-field-')),
          // The build's files may be kept again at once (they name nobody); the field page (the caseload) not.
          fieldPage: Boolean(await caches.match('/field')),
        }));
        expect(left).toEqual({ databases: [], fieldPage: false });
      });
      expect(problems).toEqual([]);
      await context.close();

      await test.step('the other expert’s account deactivated: the next sync wipes their device and says why', async () => {
        // Their own device, with the file reassigned to them downloaded.
        const other = await signedInStaff(
          browser,
          locale,
          people.otherExpert,
          PASSWORD,
          'field-other-expert',
        );
        const otherPage = other.page;
        await otherPage.getByRole('link', { name: L.nav, exact: true }).click();
        await expect(otherPage.locator('[data-ready="true"]')).toBeVisible();
        await otherPage
          .getByRole('group', { name: L.files })
          .getByLabel(new RegExp(otherBusiness.tradeName))
          .check();
        await otherPage.getByRole('button', { name: L.download }).click();
        await expect(status(otherPage)).toContainText(L.downloaded);
        const stores = () =>
          otherPage.evaluate(async () =>
            (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('virage-field-')),
          );
        expect(await stores()).toHaveLength(1);
        const found = await api<{ items: { id: string }[] }>(
          locale,
          'GET',
          `/users?q=${encodeURIComponent(people.otherExpert.email)}`,
          admin!,
        );
        await api(locale, 'PATCH', `/users/${found.items[0]!.id}`, admin!, { active: false });
        await other.context.setOffline(true);
        await other.context.setOffline(false);
        await expect(status(otherPage)).toContainText(L.deactivated);
        await expect(otherPage.getByRole('button', { name: L.open(otherBusiness.tradeName) })).toHaveCount(0);
        await expect(otherPage.getByRole('group', { name: L.files })).toHaveCount(0);
        expect(await stores()).toEqual([]);
        expect(other.problems).toEqual([]);
        await other.context.close();
      });
    });
  });
}
