import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type Download,
  expect,
  type Locator,
  type Page,
  test,
} from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import {
  checkPage,
  enrolSecondFactor,
  expectReflowAt320,
  type Locale,
  runCliAt,
  tabTo,
  watchConsole,
} from './support/browser.ts';
import { ROOT, startVirage, type VirageServer } from './support/virage-server.ts';

/**
 * The reporting journeys, in French and in English, each on a server of its own filled by
 * `virage demo generate` (a program of 40 retailers: enough businesses for disclosure control to
 * show figures beside « x »; the other journeys' servers stay as they expect them). The coordinator
 * reads the dashboard, filters it by region and period with the keyboard alone, and downloads the
 * review queue and the sessions as CSV; the ministry official lands on the home page, opens the
 * indicators, sees suppressed cells with their note and the rules version, and is refused the
 * dashboard; the researcher asks for an extract, an administrator approves it, and the researcher
 * downloads the zip; an anonymous visitor opens the open data and downloads its CSV.
 */

const PASSWORD = 'une longue phrase de passe 2027';
const PROGRAM = 'virage-numerique-detaillants';
const DEMO_RETAILERS = '40';

const TEXT = {
  fr: {
    browserLocale: 'fr-CA',
    signIn: { email: 'Courriel', password: 'Mot de passe', submit: 'Se connecter' },
    twoFactor: {
      twoFactorTitle: 'Configurer la vérification en deux étapes',
      code: 'Code de vérification',
      turnOn: 'Activer',
      twoFactorDone: 'Vérification en deux étapes activée',
      continue: 'Continuer',
    },
    nav: { dashboard: 'Tableau de bord', review: 'Demandes', research: 'Extraits de recherche' },
    dashboard: {
      title: /^Tableau de bord du programme — /,
      funnel: 'Parcours des demandes',
      applications: 'Demandes déposées',
      accepted: 'Demandes acceptées',
      conversion: /^\d+(,\d)?\s%\sdes « Demandes admissibles »$/,
      from: 'Déposée à partir du (facultatif)',
      to: "Déposée jusqu'au (facultatif)",
      region: 'Région (facultatif)',
      apply: 'Appliquer les filtres',
      byRegion: 'Région administrative',
      montreal: 'Montréal',
    },
    exportCsv: 'Exporter (CSV)',
    reviewTitle: 'Demandes à traiter',
    sessionsTitle: 'Rencontres du programme',
    home: { indicators: 'Indicateurs du programme' },
    indicators: {
      title: /^Indicateurs du programme — /,
      rules: /^Règles de confidentialité\s:\sversion virage-sdc-\d+$/,
      smallCount: /^x\s:\smoins de 5 entreprises; donnée confidentielle\.$/,
      byRegion: 'Selon : Région administrative',
    },
    forbidden: 'Accès refusé',
    research: {
      title: 'Extraits de recherche',
      purpose: 'Finalité de la recherche',
      purposeValue:
        'Projet Cefrio 2027 : effet de l’accompagnement sur la maturité numérique des détaillants (approbation éthique CER-2027-014).',
      region: 'Région',
      subsector: 'Sous-secteur',
      sizeBand: 'Tranche d’employés',
      year: 'Année',
      regionNone: 'Non diffusée',
      sector: 'Secteur SCIAN (2 chiffres)',
      sizeNone: 'Non diffusée',
      yearKept: 'Année, dates au mois',
      submit: 'Envoyer la demande',
      asked: 'Votre demande est enregistrée : un administrateur l’examinera.',
      awaiting: 'En attente d’approbation',
      approved: 'Approuvé',
      download: /^Télécharger le zip \(\d+ Ko\)$/,
    },
    admin: {
      title: 'Demandes d’extraits de recherche',
      approve: 'Approuver et extraire',
      decided: 'Décision enregistrée : Approuvé.',
    },
    openData: { title: /^Données ouvertes — /, aggregates: 'Agrégats (CSV)' },
  },
  en: {
    browserLocale: 'en-CA',
    signIn: { email: 'E-mail', password: 'Password', submit: 'Sign in' },
    twoFactor: {
      twoFactorTitle: 'Set up two-step verification',
      code: 'Verification code',
      turnOn: 'Turn on',
      twoFactorDone: 'Two-step verification is on',
      continue: 'Continue',
    },
    nav: { dashboard: 'Dashboard', review: 'Applications', research: 'Research extracts' },
    dashboard: {
      title: /^Program dashboard — /,
      funnel: 'Applications’ path',
      applications: 'Applications submitted',
      accepted: 'Applications accepted',
      conversion: /^\d+(\.\d)?\s?% of “Eligible applications”$/,
      from: 'Submitted from (optional)',
      to: 'Submitted until (optional)',
      region: 'Region (optional)',
      apply: 'Apply filters',
      byRegion: 'Administrative region',
      montreal: 'Montréal',
    },
    exportCsv: 'Export (CSV)',
    reviewTitle: 'Applications to process',
    sessionsTitle: 'Program sessions',
    home: { indicators: 'Program indicators' },
    indicators: {
      title: /^Program indicators — /,
      rules: /^Confidentiality rules: version virage-sdc-\d+$/,
      smallCount: /^x: fewer than 5 businesses; confidential\.$/,
      byRegion: 'By Administrative region',
    },
    forbidden: 'Access denied',
    research: {
      title: 'Research extracts',
      purpose: 'Purpose of the research',
      purposeValue:
        'Cefrio 2027 project: effect of coaching on the digital maturity of retailers (ethics approval CER-2027-014).',
      region: 'Region',
      subsector: 'Subsector',
      sizeBand: 'Employee band',
      year: 'Year',
      regionNone: 'Not released',
      sector: 'NAICS sector (2 digits)',
      sizeNone: 'Not released',
      yearKept: 'Year, dates to the month',
      submit: 'Send the request',
      asked: 'Your request is recorded: an administrator will review it.',
      awaiting: 'Awaiting approval',
      approved: 'Approved',
      download: /^Download the zip \(\d+ KB\)$/,
    },
    admin: {
      title: 'Research extract requests',
      approve: 'Approve and extract',
      decided: 'Decision recorded: Approved.',
    },
    openData: { title: /^Open data — /, aggregates: 'Aggregates (CSV)' },
  },
} as const;

type Person = { role: string; name: string; email: string };

function people(locale: Locale): Record<'coordinator' | 'ministry' | 'researcher' | 'admin', Person> {
  return {
    coordinator: {
      role: 'coordinator',
      name: 'Hélène Bouchard',
      email: `helene.rapports.${locale}@example.ca`,
    },
    ministry: { role: 'ministry', name: 'Gilles Tremblay', email: `gilles.mei.${locale}@example.ca` },
    researcher: { role: 'researcher', name: 'Nadia Lemieux', email: `nadia.cefrio.${locale}@example.ca` },
    admin: { role: 'admin', name: 'Marc Pelletier', email: `marc.admin.${locale}@example.ca` },
  };
}

/** A date input's value: today in Montréal plus `days`. */
function montrealDate(days: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Montreal',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));
}

/** A figure as the pages print it (`1 234`, `1,234`) as a number. */
const figure = (text: string | null) => Number((text ?? '').replace(/[\s,\u00a0\u202f]/g, ''));

/** The body row of a table whose header cell is `name`. */
const rowOf = (table: Locator, name: string) =>
  table.locator('tbody tr').filter({ has: table.page().getByRole('rowheader', { name, exact: true }) });

/** A table by its caption. */
const tableCaptioned = (page: Page, caption: string) =>
  page.locator('table').filter({ has: page.locator('caption', { hasText: caption }) });

/** Clicks a link that downloads a file and reads the file. */
async function download(page: Page, link: Locator): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const saved = await file.path();
  return { file, bytes: await readFile(saved) };
}

/** A CSV as the exports write it: UTF-8 with a byte-order mark, a header row, then data rows. */
function expectCsv(bytes: Buffer, label: string, minRows: number): string[] {
  expect([...bytes.subarray(0, 3)], `${label} starts with the UTF-8 byte-order mark`).toEqual([
    0xef, 0xbb, 0xbf,
  ]);
  const lines = bytes.toString('utf8').slice(1).split(/\r\n/).filter(Boolean);
  expect(lines.length, `${label} has a header and rows`).toBeGreaterThan(minRows);
  return lines;
}

async function signIn(page: Page, locale: Locale, email: string) {
  const L = TEXT[locale];
  await page.goto('/sign-in');
  await page.getByLabel(L.signIn.email, { exact: true }).fill(email);
  await page.getByLabel(L.signIn.password, { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: L.signIn.submit }).click();
}

/** A staff member's first sign-in: password, then the second factor set up on the page they land on. */
async function signInFirstTime(page: Page, locale: Locale, person: Person) {
  await signIn(page, locale, person.email);
  await enrolSecondFactor(page, locale, TEXT[locale].twoFactor, person.role);
}

function newContext(browser: Browser, server: VirageServer, locale: Locale): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: server.url,
    locale: TEXT[locale].browserLocale,
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
  });
}

// The two languages run side by side (one worker and one server each); the steps of one run in order.
test.describe.configure({ mode: 'parallel' });

for (const locale of ['fr', 'en'] as const) {
  const L = TEXT[locale];
  const cast = people(locale);

  test.describe(`reporting journeys (${locale})`, () => {
    let server: VirageServer;

    test.beforeAll(async () => {
      test.setTimeout(360_000);
      const root = process.env.E2E_APP_ROOT;
      const smtpPort = Number(process.env.E2E_MAIL_SMTP_PORT);
      if (!root || !smtpPort)
        throw new Error('E2E_* variables are not set: run through playwright.config.ts');
      server = await startVirage({
        name: `reporting-${locale}`,
        root,
        smtpPort,
        logFile: path.join(ROOT, 'test-results', 'servers', `virage-reporting-${locale}.log`),
      });
      await runCliAt(
        server.dataDir,
        ['demo', 'generate', '--retailers', DEMO_RETAILERS, '--seed', '2027'],
        '',
        300_000,
      );
      await Promise.all(
        Object.values(cast).map((p) =>
          runCliAt(
            server.dataDir,
            ['users', 'create', '--email', p.email, '--role', p.role, '--name', p.name, '--locale', locale],
            `${PASSWORD}\n`,
            // Hashing four passwords at once on a busy machine can take a while.
            180_000,
          ),
        ),
      );
    });
    test.afterAll(() => server?.stop());

    test('the coordinator, the ministry, the researcher and a visitor each get what they came for', async ({
      browser,
    }) => {
      test.setTimeout(300_000);

      // The coordinator ---------------------------------------------------------------------------------
      const coordinatorContext = await newContext(browser, server, locale);
      const coordinator = await coordinatorContext.newPage();
      const coordinatorProblems = watchConsole(coordinator);
      let applicationsBefore = 0;

      await test.step('the coordinator signs in and reads the funnel on the dashboard', async () => {
        await signInFirstTime(coordinator, locale, cast.coordinator);
        await coordinator.getByRole('link', { name: L.nav.dashboard, exact: true }).first().click();
        await expect(coordinator).toHaveURL(/\/admin\/dashboard/);
        await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(L.dashboard.title);
        const funnel = tableCaptioned(coordinator, L.dashboard.funnel);
        const applications = rowOf(funnel, L.dashboard.applications);
        applicationsBefore = figure(await applications.locator('td').first().textContent());
        expect(applicationsBefore, 'the demo program has applications').toBeGreaterThan(20);
        const accepted = rowOf(funnel, L.dashboard.accepted);
        expect(figure(await accepted.locator('td').first().textContent())).toBeGreaterThan(0);
        expect(figure(await accepted.locator('td').first().textContent())).toBeLessThanOrEqual(
          applicationsBefore,
        );
        await expect(accepted.locator('td').nth(1)).toHaveText(L.dashboard.conversion);
        // The charts are drawn on the server, beside their tables.
        await expect(coordinator.locator('svg:has(#funnel-chart-title)')).toBeVisible();
        await checkPage(coordinator, locale, 'dashboard');
        await expectReflowAt320(coordinator, locale, 'dashboard');
      });

      await test.step('the coordinator filters by period and region with the keyboard alone', async () => {
        const from = montrealDate(-90);
        const to = montrealDate(0);
        const keyboard = coordinator.keyboard;
        const fromField = coordinator.getByLabel(L.dashboard.from, { exact: true });
        await tabTo(coordinator, fromField, 60);
        // The date fields' parts follow the browser's own locale, not the page's: the value is set on
        // the focused field, and everything else (moving, choosing, sending) is done with the keyboard.
        await fromField.fill(from);
        await expect(fromField).toHaveValue(from);
        // Tab walks through a date field's parts before it leaves the field.
        const toField = coordinator.getByLabel(L.dashboard.to, { exact: true });
        await tabTo(coordinator, toField, 5);
        await toField.fill(to);
        await expect(toField).toHaveValue(to);
        const region = coordinator.getByLabel(L.dashboard.region, { exact: true });
        await tabTo(coordinator, region, 5);
        await keyboard.type('06');
        await expect(region).toHaveValue('06');
        const apply = coordinator.getByRole('button', { name: L.dashboard.apply });
        await tabTo(coordinator, apply, 5);
        await keyboard.press('Enter');

        await expect(coordinator).toHaveURL(/[?&]region=06(&|$)/);
        expect(new URL(coordinator.url()).searchParams.get('from')).toBe(from);
        await expect(coordinator.getByLabel(L.dashboard.region, { exact: true })).toHaveValue('06');
        // Only Montréal's applications of the period are left.
        const byRegion = tableCaptioned(coordinator, L.dashboard.byRegion);
        await expect(byRegion.locator('tbody').getByRole('rowheader')).toHaveText([L.dashboard.montreal]);
        const funnel = tableCaptioned(coordinator, L.dashboard.funnel);
        const after = figure(
          await rowOf(funnel, L.dashboard.applications).locator('td').first().textContent(),
        );
        expect(after).toBeGreaterThan(0);
        expect(after).toBeLessThan(applicationsBefore);
        await checkPage(coordinator, locale, 'dashboard-filtered');
      });

      await test.step('the coordinator downloads the review queue and the sessions as CSV', async () => {
        await coordinator.getByRole('link', { name: L.nav.review, exact: true }).first().click();
        await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(L.reviewTitle);
        await checkPage(coordinator, locale, 'review-queue');
        const review = await download(coordinator, coordinator.getByRole('link', { name: L.exportCsv }));
        expect(review.file.suggestedFilename()).toMatch(/\.csv$/);
        expectCsv(review.bytes, 'the review queue', 1);

        await coordinator.goto('/sessions');
        await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText(L.sessionsTitle);
        await checkPage(coordinator, locale, 'sessions');
        const sessions = await download(coordinator, coordinator.getByRole('link', { name: L.exportCsv }));
        expect(sessions.file.suggestedFilename()).toMatch(/\.csv$/);
        expectCsv(sessions.bytes, 'the sessions', 1);
      });
      await coordinatorContext.close();

      // The ministry ------------------------------------------------------------------------------------
      const ministryContext = await newContext(browser, server, locale);
      const ministry = await ministryContext.newPage();
      const ministryProblems = watchConsole(ministry);

      await test.step('the ministry official lands on the home page and opens the indicators', async () => {
        await signInFirstTime(ministry, locale, cast.ministry);
        await expect(ministry).toHaveURL(/\/$/);
        await checkPage(ministry, locale, 'ministry-home');
        await ministry.getByRole('link', { name: L.home.indicators, exact: true }).click();
        await expect(ministry).toHaveURL(/\/indicators/);
        await expect(ministry.getByRole('heading', { level: 1 })).toHaveText(L.indicators.title);
      });

      await test.step('suppressed cells show « x » with their note, and the rules version is printed', async () => {
        await expect(ministry.getByText(L.indicators.rules)).toBeVisible();
        const byRegion = tableCaptioned(ministry, L.indicators.byRegion);
        const cells = byRegion.locator('td.numeric');
        const texts = await cells.allTextContents();
        expect(texts.filter((t) => t === 'x').length, 'some regions have too few businesses').toBeGreaterThan(
          0,
        );
        expect(
          texts.filter((t) => /^\d[\d\s\u00a0\u202f,]*$/.test(t) && figure(t) >= 5).length,
          'some regions are shown',
        ).toBeGreaterThan(0);
        // A figure under the threshold is never printed.
        expect(texts.filter((t) => /^[1-4]$/.test(t))).toEqual([]);
        await expect(ministry.getByRole('listitem').filter({ hasText: L.indicators.smallCount })).toHaveCount(
          1,
        );
        // Aggregates only: no business's name in the page.
        await expect(ministry.locator('main a[href^="/caseload/"]')).toHaveCount(0);
        await checkPage(ministry, locale, 'indicators');
        await expectReflowAt320(ministry, locale, 'indicators');
      });

      await test.step('the ministry cannot open the dashboard', async () => {
        const response = await ministry.goto(`/admin/dashboard?program=${PROGRAM}`);
        expect([403, 404]).toContain(response?.status());
        await expect(ministry.getByRole('heading', { level: 1 })).toHaveText(L.forbidden);
        await expect(ministry.locator('table')).toHaveCount(0);
        await checkPage(ministry, locale, 'ministry-dashboard-refused', { switchLanguage: false });
      });
      await ministryContext.close();

      // The researcher and the administrator ------------------------------------------------------------
      const researcherContext = await newContext(browser, server, locale);
      const researcher = await researcherContext.newPage();
      const researcherProblems = watchConsole(researcher);
      const R = L.research;

      await test.step('the researcher asks for an extract: purpose, variables, level of detail', async () => {
        await signInFirstTime(researcher, locale, cast.researcher);
        await researcher.getByRole('link', { name: L.nav.research, exact: true }).first().click();
        await expect(researcher).toHaveURL(/\/research$/);
        await expect(researcher.getByRole('heading', { level: 1 })).toHaveText(R.title);
        await checkPage(researcher, locale, 'research');
        await researcher.getByLabel(R.purpose, { exact: true }).fill(R.purposeValue);
        // The variable groups are all ticked to begin with; the quasi-identifiers coarse enough for
        // 5 businesses in every combination of a 40-retailer program.
        await researcher.getByLabel(R.region, { exact: true }).selectOption({ label: R.regionNone });
        await researcher.getByLabel(R.subsector, { exact: true }).selectOption({ label: R.sector });
        await researcher.getByLabel(R.sizeBand, { exact: true }).selectOption({ label: R.sizeNone });
        await researcher.getByLabel(R.year, { exact: true }).selectOption({ label: R.yearKept });
        await researcher.getByRole('button', { name: R.submit }).click();
        await expect(researcher.getByText(R.asked, { exact: true })).toBeVisible();
        await expect(researcher.locator('section[aria-labelledby="mine"] tbody tr')).toHaveCount(1);
        await expect(researcher.locator('section[aria-labelledby="mine"] tbody')).toContainText(R.awaiting);
        await checkPage(researcher, locale, 'research-asked', { switchLanguage: false });
      });

      await test.step('an administrator approves the request', async () => {
        const adminContext = await newContext(browser, server, locale);
        const admin = await adminContext.newPage();
        const adminProblems = watchConsole(admin);
        await signInFirstTime(admin, locale, cast.admin);
        await admin.goto('/admin/research-extracts');
        await expect(admin.getByRole('heading', { level: 1 })).toHaveText(L.admin.title);
        const request = admin.locator('article').filter({ hasText: R.purposeValue });
        await expect(request).toHaveCount(1);
        await checkPage(admin, locale, 'research-requests');
        await request.getByRole('button', { name: L.admin.approve }).click();
        await expect(admin.getByText(L.admin.decided, { exact: true })).toBeVisible();
        await checkPage(admin, locale, 'research-approved', { switchLanguage: false });
        await adminContext.close();
        expect.soft(adminProblems, 'script or console errors (administrator)').toEqual([]);
      });

      await test.step('the researcher downloads the zip: data, spreadsheet, dictionary and README', async () => {
        await researcher.goto('/research');
        const mine = researcher.locator('section[aria-labelledby="mine"] tbody');
        await expect(mine).toContainText(R.approved);
        const link = mine.getByRole('link', { name: R.download });
        await expect(link).toBeVisible();
        await checkPage(researcher, locale, 'research-ready');
        const zip = await download(researcher, link);
        expect(zip.file.suggestedFilename()).toMatch(/\.zip$/);
        const entries = unzipSync(new Uint8Array(zip.bytes));
        expect(Object.keys(entries).sort()).toEqual([
          'README.txt',
          'data.csv',
          'data.xlsx',
          'dictionary.csv',
        ]);
        const data = strFromU8(entries['data.csv']!).split(/\r?\n/).filter(Boolean);
        const header = data[0]!.split(',');
        expect(header).toContain('business_id');
        expect(header).toContain('subsector');
        // No direct identifier, and the region was not released.
        for (const column of ['neq', 'legal_name', 'email', 'phone', 'street', 'postal_code'])
          expect(header).not.toContain(column);
        expect(data.length - 1, 'at least 5 businesses').toBeGreaterThanOrEqual(5);
        const regionAt = header.indexOf('region');
        if (regionAt >= 0) for (const row of data.slice(1)) expect(row.split(',')[regionAt]).toBe('*');
        // The spreadsheet is a real XLSX (itself a zip).
        expect(strFromU8(entries['data.xlsx']!.subarray(0, 2))).toBe('PK');
        expect(strFromU8(entries['dictionary.csv']!)).toContain('business_id');
        expect(strFromU8(entries['README.txt']!)).toContain(R.purposeValue);
      });
      await researcherContext.close();

      // An anonymous visitor ----------------------------------------------------------------------------
      await test.step('a visitor opens the open data and downloads the CSV', async () => {
        const visitorContext = await newContext(browser, server, locale);
        const visitor = await visitorContext.newPage();
        const visitorProblems = watchConsole(visitor);
        await visitor.goto(`/open-data/${PROGRAM}`);
        await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(L.openData.title);
        await checkPage(visitor, locale, 'open-data');
        await expectReflowAt320(visitor, locale, 'open-data');
        const csv = await download(visitor, visitor.getByRole('link', { name: L.openData.aggregates }));
        expect(csv.file.suggestedFilename()).toMatch(/aggregates\.csv$/);
        const lines = expectCsv(csv.bytes, 'the open data', 10);
        expect(lines[0]).toMatch(/^program,period_start,period_end,breakdown,category_code/);
        // Suppressed counts are empty with their reason; the others are figures of 5 or more.
        expect(lines.some((l) => /,,small_count,/.test(l))).toBe(true);
        await visitorContext.close();
        expect.soft(visitorProblems, 'script or console errors (visitor)').toEqual([]);
      });

      expect.soft(coordinatorProblems, 'script or console errors (coordinator)').toEqual([]);
      expect.soft(ministryProblems, 'script or console errors (ministry)').toEqual([]);
      expect.soft(researcherProblems, 'script or console errors (researcher)').toEqual([]);
    });
  });
}
