import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import type { ReportingServerState } from './global-setup.ts';
import { createUser, PASSWORD, signedInStaff } from './support/accounts.ts';
import { checkPage, DESKTOP, newPage, tabTo } from './support/browser.ts';
import { montrealDate, pageWords } from './support/i18n.ts';

/**
 * The reporting journeys, in French and in English, on the server global-setup.ts fills with a demo
 * program of 40 retailers (enough businesses for disclosure control to print figures beside « x »).
 * The coordinator reads the dashboard's funnel, filters it by period and region with the keyboard
 * alone, looks at the budget's chart, and downloads the review queue as CSV; the ministry official opens the indicators, where small
 * counts are « x » with their note, and is refused the dashboard; the researcher asks for an extract; an
 * anonymous visitor opens the open data and downloads its CSV. Every page passes axe.
 */

const PROGRAM = 'virage-numerique-detaillants';

const wordsOf = pageWords(
  {
    common: 'src/platform/i18n',
    app: 'app/i18n',
    identity: 'src/modules/identity/i18n',
    intake: 'src/modules/intake/i18n',
    reporting: 'src/modules/reporting/i18n',
  },
  'reporting',
);

/** The reporting server (global-setup.ts), once started and filled with its demo program. */
async function reportingServer(): Promise<{ url: string; dataDir: string }> {
  const marker = process.env.E2E_REPORTING;
  if (!marker) throw new Error('E2E_REPORTING is not set: run through playwright.config.ts');
  await expect
    .poll(() => existsSync(marker), { message: 'the reporting server is ready', timeout: 240_000 })
    .toBe(true);
  const state = JSON.parse(readFileSync(marker, 'utf8')) as ReportingServerState;
  if ('error' in state) throw new Error(`The reporting server could not be made ready:\n${state.error}`);
  return state;
}

/** A figure as the pages print it (`1 234`, `1,234`) as a number. */
const figure = (text: string | null) => Number((text ?? '').replace(/[\s,\u00a0\u202f]/g, ''));

/** A table by its caption. */
const tableCaptioned = (page: Page, caption: string) =>
  page.locator('table').filter({ has: page.locator('caption', { hasText: caption }) });

/** The first figure of the body row whose header cell is `name`. */
const figureOf = async (table: Locator, name: string) =>
  figure(
    await table
      .locator('tbody tr')
      .filter({ has: table.page().getByRole('rowheader', { name, exact: true }) })
      .locator('td')
      .first()
      .textContent(),
  );

/** Clicks a link that downloads a CSV and reads it. */
async function downloadCsv(page: Page, link: Locator, label: string): Promise<string[]> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  return expectCsv(await readFile(await file.path()), label);
}

/** A CSV as Virage writes it: UTF-8 with a byte-order mark, a header row, then data rows. */
function expectCsv(bytes: Buffer, label: string): string[] {
  expect([...bytes.subarray(0, 3)], `${label} starts with the UTF-8 byte-order mark`).toEqual([
    0xef, 0xbb, 0xbf,
  ]);
  const lines = bytes.toString('utf8').slice(1).split(/\r\n/).filter(Boolean);
  expect(lines.length, `${label} has a header and rows`).toBeGreaterThan(1);
  return lines;
}

test.describe.configure({ mode: 'parallel' });

for (const locale of ['fr', 'en'] as const) {
  const w = wordsOf(locale);
  /** A field's label as forms print it when the field may stay empty: « Région (facultatif) ». */
  const optional = (label: string) => `${label} (${w('app:form.optional')})`;
  const cast = {
    coordinator: {
      role: 'coordinator',
      name: 'Hélène Bouchard',
      email: `helene.rapports.${locale}@example.ca`,
    },
    ministry: { role: 'ministry', name: 'Gilles Tremblay', email: `gilles.mei.${locale}@example.ca` },
    researcher: { role: 'researcher', name: 'Nadia Lemieux', email: `nadia.cefrio.${locale}@example.ca` },
  };
  type Person = (typeof cast)[keyof typeof cast];

  test.describe(`reporting journeys (${locale})`, () => {
    let server: { url: string; dataDir: string };

    test.beforeAll(async () => {
      test.setTimeout(300_000);
      server = await reportingServer();
      await Promise.all(Object.values(cast).map((p) => createUser(locale, p, PASSWORD, server.dataDir)));
    });

    /** A staff member signed in for the first time (the second factor set up on the way), on a page. */
    const signedIn = (browser: Browser, person: Person) =>
      signedInStaff(browser, locale, person, PASSWORD, person.role, {
        baseURL: server.url,
        acceptDownloads: true,
        ...DESKTOP,
      });

    test('the coordinator, the ministry, the researcher and a visitor each get what they came for', async ({
      browser,
    }) => {
      test.setTimeout(180_000);
      const problems: string[][] = [];

      await test.step('the coordinator reads the funnel, filters by keyboard alone, exports the queue', async () => {
        const { context, page, problems: seen } = await signedIn(browser, cast.coordinator);
        problems.push(seen);
        await page
          .getByRole('link', { name: w('app:nav.dashboard'), exact: true })
          .first()
          .click();
        await expect(page).toHaveURL(/\/admin\/dashboard/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          new RegExp(`^${w('dashboard.title')} — `),
        );
        const funnel = tableCaptioned(page, w('dashboard.funnel_title'));
        const applications = await figureOf(funnel, w('funnel.steps.applications'));
        expect(applications, 'the demo program has applications').toBeGreaterThan(20);
        const accepted = await figureOf(funnel, w('funnel.steps.accepted'));
        expect(accepted).toBeGreaterThan(0);
        expect(accepted).toBeLessThanOrEqual(applications);
        // The charts are drawn on the server, beside their tables.
        await expect(page.locator('svg:has(#funnel-chart-title)')).toBeVisible();
        await checkPage(page, locale, 'dashboard');

        // Chromium's date fields follow the browser's locale (mm/dd/yyyy), not the page's: the value
        // is set on the field the keyboard reached; moving and sending are done with the keyboard.
        const from = montrealDate(-90);
        const fromField = page.getByLabel(optional(w('fields.from')), { exact: true });
        await tabTo(page, fromField, 60);
        await fromField.fill(from);
        // Tab walks through a date field's parts before it leaves the field.
        const toField = page.getByLabel(optional(w('fields.to')), { exact: true });
        await tabTo(page, toField, 5);
        await toField.fill(montrealDate(0));
        const region = page.getByLabel(optional(w('fields.region')), { exact: true });
        await tabTo(page, region, 5);
        await page.keyboard.type('06');
        await expect(region).toHaveValue('06');
        await tabTo(page, page.getByRole('button', { name: w('dashboard.apply') }), 5);
        await page.keyboard.press('Enter');

        await expect(page).toHaveURL(/[?&]region=06(&|$)/);
        expect(new URL(page.url()).searchParams.get('from')).toBe(from);
        // Only Montréal's applications of the period are left.
        const byRegion = tableCaptioned(page, w('breakdowns.region'));
        await expect(byRegion.locator('tbody').getByRole('rowheader')).toHaveText(['Montréal']);
        const filtered = await figureOf(
          tableCaptioned(page, w('dashboard.funnel_title')),
          w('funnel.steps.applications'),
        );
        expect(filtered).toBeGreaterThan(0);
        expect(filtered).toBeLessThan(applications);
        await checkPage(page, locale, 'dashboard-filtered', { switchLanguage: false });

        // The budget's stacked bars come from the same server-side Plot, under the same style policy.
        await page
          .getByRole('link', { name: w('app:nav.budget'), exact: true })
          .first()
          .click();
        await expect(page.locator('svg:has(#budget-chart-title)')).toBeVisible();
        await checkPage(page, locale, 'budget', { switchLanguage: false });

        await page
          .getByRole('link', { name: w('app:nav.review'), exact: true })
          .first()
          .click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          w('intake:ui.queue.title_to_decide'),
        );
        await checkPage(page, locale, 'review-queue', { switchLanguage: false });
        const rows = await downloadCsv(
          page,
          page.getByRole('link', { name: w('app:exports.csv') }),
          'the queue',
        );
        // Each application waiting for a decision is a row; the header follows the reader's language.
        const waiting = await page.locator('main table tbody tr').count();
        expect(rows.length - 1).toBe(waiting);
        await context.close();
      });

      await test.step('the ministry official reads the indicators, with small counts suppressed', async () => {
        const { context, page, problems: seen } = await signedIn(browser, cast.ministry);
        problems.push(seen);
        await page
          .getByRole('link', { name: w('app:nav.indicators'), exact: true })
          .first()
          .click();
        await expect(page).toHaveURL(/\/indicators/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          new RegExp(`^${w('indicators_page.title')} — `),
        );
        await expect(
          page.getByText(new RegExp(`^${w('disclosure.rules_version', { version: 'virage-sdc-\\d+' })}$`)),
        ).toBeVisible();
        const cells = await tableCaptioned(
          page,
          w('indicators_page.by', { breakdown: w('breakdowns.region') }),
        )
          .locator('td.numeric')
          .allTextContents();
        expect(cells.filter((t) => t === 'x').length, 'some regions have too few businesses').toBeGreaterThan(
          0,
        );
        expect(
          cells.filter((t) => /^\d[\d\s\u00a0\u202f,]*$/.test(t) && figure(t) >= 5).length,
        ).toBeGreaterThan(0);
        // A figure under the threshold is never printed.
        expect(cells.filter((t) => /^[1-4]$/.test(t))).toEqual([]);
        await expect(
          page.getByRole('listitem').filter({ hasText: w('disclosure.reason.small_count', { minCount: 5 }) }),
        ).toHaveCount(1);
        await checkPage(page, locale, 'indicators');

        const refused = await page.goto(`/admin/dashboard?program=${PROGRAM}`);
        expect([403, 404]).toContain(refused?.status());
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w('common:errors.forbidden'));
        await context.close();
      });

      await test.step('the researcher asks for an extract', async () => {
        const { context, page, problems: seen } = await signedIn(browser, cast.researcher);
        problems.push(seen);
        await page
          .getByRole('link', { name: w('app:nav.research'), exact: true })
          .first()
          .click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(w('research.ui.title'));
        await checkPage(page, locale, 'research');
        await page
          .getByLabel(w('research.ui.purpose'), { exact: true })
          .fill('Projet Cefrio 2027 : effet de l’accompagnement sur la maturité numérique (CER-2027-014).');
        await page
          .getByLabel(w('research.quasi_identifiers.region'), { exact: true })
          .selectOption({ label: w('research.levels.region.none') });
        await page.getByRole('button', { name: w('research.ui.submit') }).click();
        await expect(page.getByText(w('research.ui.asked'), { exact: true })).toBeVisible();
        await expect(page.locator('section[aria-labelledby="mine"] tbody')).toContainText(
          w('research.status.requested'),
        );
        await checkPage(page, locale, 'research-asked', { switchLanguage: false });
        await context.close();
      });

      await test.step('a visitor opens the open data and downloads its CSV', async () => {
        const {
          context,
          page,
          problems: seen,
        } = await newPage(browser, locale, {
          baseURL: server.url,
          acceptDownloads: true,
        });
        problems.push(seen);
        await page.goto(`/open-data/${PROGRAM}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(
          new RegExp(`^${w('open_data.title', { program: '' })}`),
        );
        await checkPage(page, locale, 'open-data');
        // The file is public and opens in the browser (inline): read back as a visitor's client gets it.
        const href = await page.getByRole('link', { name: w('open_data.aggregates') }).getAttribute('href');
        const file = await context.request.get(href ?? '');
        expect(file.headers()['content-type']).toMatch(/^text\/csv/);
        const lines = expectCsv(await file.body(), 'the open data');
        expect(lines[0]).toMatch(/^program,period_start,period_end,breakdown,category_code/);
        // Suppressed counts are empty with their reason.
        expect(lines.some((l) => /,,small_count,/.test(l))).toBe(true);
        await context.close();
      });

      expect.soft(problems.flat(), 'script or console errors').toEqual([]);
    });
  });
}
