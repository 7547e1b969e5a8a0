import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContextOptions,
  expect,
  type Locator,
  type Page,
  test,
} from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { sendToServer } from '../../../src/cli/control-socket.ts';
import type { ReceivedMail } from './mail-server.ts';
import { ROOT } from './virage-server.ts';

export type Locale = 'fr' | 'en';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** The server of one language's journey, started by global-setup.ts. */
export function serverFor(locale: Locale): { url: string; firstAdminLink: string; dataDir: string } {
  const key = locale.toUpperCase();
  return {
    url: process.env[`E2E_${key}_URL`] ?? '',
    firstAdminLink: process.env[`E2E_${key}_FIRST_ADMIN_LINK`] ?? '',
    dataDir: process.env[`E2E_${key}_DATA_DIR`] ?? '',
  };
}

/** The browser's language for a journey's language (fr-CA or en-CA). */
export const browserLocale = (locale: Locale) => (locale === 'fr' ? 'fr-CA' : 'en-CA');

/** A desktop window and a phone, for `newContext` options. */
export const DESKTOP = { viewport: { width: 1280, height: 800 } } as const;
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

/**
 * A new browser context on the server of a language, the browser set to that language; `options` add to
 * or replace these (a viewport, downloads, no JavaScript, another server's `baseURL`).
 */
export function newContext(browser: Browser, locale: Locale, options: BrowserContextOptions = {}) {
  return browser.newContext({ baseURL: serverFor(locale).url, locale: browserLocale(locale), ...options });
}

/** A page in a new context (see newContext), with its console watched (see watchConsole). */
export async function newPage(browser: Browser, locale: Locale, options: BrowserContextOptions = {}) {
  const context = await newContext(browser, locale, options);
  const page = await context.newPage();
  return { context, page, problems: watchConsole(page) };
}

/** Runs axe with the WCAG 2.2 AA tags; every violation fails the test, listed one per line. */
export async function expectNoAxeViolations(page: Page, label: string) {
  // Only violations are read: axe then skips the details of every passing and inapplicable node, the
  // larger part of its work on a long page; the rules run are the same. (options() replaces what was set
  // before it, so it comes before withTags.)
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(AXE_TAGS)
    .analyze();
  const lines = results.violations.flatMap((v) => [
    `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes.map((n) => `      ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`),
  ]);
  if (lines.length > 0)
    process.stdout.write(`axe violations on ${label} (${page.url()}):\n${lines.join('\n')}\n`);
  expect.soft(lines, `axe violations on ${label} (${page.url()})`).toEqual([]);
}

/**
 * axe needs scripts, which a page of a context without JavaScript does not run: the page's HTML, as the
 * server sent it and without its scripts, is checked in a context with scripts, at the same address.
 */
export async function expectNoAxeViolationsWithoutJs(page: Page, label: string) {
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser for the axe check');
  const context = await browser.newContext();
  try {
    const copy = await context.newPage();
    await copy.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await copy.goto(url);
    await expectNoAxeViolations(copy, label);
  } finally {
    await context.close();
  }
}

const shotCounters = new Map<string, number>();

/**
 * A full-page screenshot into test-results/screenshots/<locale>/<spec>-NN-<label>.png, where <spec> is
 * the test file's name ("intake" for intake.spec.ts): each file numbers its own pictures, whichever
 * worker runs it.
 */
export async function screenshot(page: Page, locale: Locale, label: string) {
  const spec = path.basename(test.info().file).replace(/\.spec\.ts$/, '');
  const key = `${locale}/${spec}`;
  const n = (shotCounters.get(key) ?? 0) + 1;
  shotCounters.set(key, n);
  const dir = path.join(SCREENSHOTS, locale);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({
    path: path.join(dir, `${spec}-${String(n).padStart(2, '0')}-${label}.png`),
    fullPage: true,
  });
}

/**
 * The header's language button switches the page to the other language (html lang changes, same
 * address) and back again.
 */
export async function expectLanguageSwitchWorks(page: Page) {
  const html = page.locator('html');
  const before = (await html.getAttribute('lang')) as Locale;
  const other: Locale = before === 'fr' ? 'en' : 'fr';
  const address = () => {
    const url = new URL(page.url());
    return url.pathname + url.search;
  };
  const here = address();
  const button = (to: Locale) =>
    page.getByRole('button', { name: to === 'en' ? 'English' : 'Français', exact: true });
  await button(other).click();
  await expect(html).toHaveAttribute('lang', other);
  expect(address(), 'the language switch keeps the page').toBe(here);
  await expect(button(before)).toBeVisible();
  await button(before).click();
  await expect(html).toHaveAttribute('lang', before);
  expect(address()).toBe(here);
}

/**
 * What every visited page goes through: it has one heading, passes axe, is photographed, and (unless
 * it is the result of a form submission, which a reload would not show again) switches language.
 */
export async function checkPage(
  page: Page,
  locale: Locale,
  label: string,
  options: { switchLanguage?: boolean } = {},
) {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('h1')).toHaveCount(1);
  await expectStylesheet(page);
  await expectNoAxeViolations(page, label);
  await screenshot(page, locale, label);
  if (options.switchLanguage ?? true) await expectLanguageSwitchWorks(page);
}

/** The page is styled: the build's stylesheet loaded (another build in the same folder replaces it). */
export async function expectStylesheet(page: Page) {
  const headerBackground = await page
    .locator('.site-header')
    .evaluate((header) => getComputedStyle(header).backgroundColor);
  expect(
    headerBackground,
    'the stylesheet did not load; did another process rebuild build/ while the tests ran?',
  ).not.toBe('rgba(0, 0, 0, 0)');
}

/**
 * No horizontal scrolling at 320 CSS pixels (WCAG 1.4.10 Reflow), and axe at that width too (a table
 * that scrolls in its box must be reachable by keyboard); the viewport is restored after.
 */
export async function expectReflowAt320(page: Page, locale: Locale, label: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  await screenshot(page, locale, `${label}-320px`);
  expect.soft(widths.scroll, `${label} scrolls sideways at 320 px`).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page, `${label} at 320 px`);
  if (size) await page.setViewportSize(size);
}

/** Collects script errors and console errors of a page, to assert at the end that there were none. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.status() >= 500 || (response.status() === 404 && url.pathname.startsWith('/assets/'))) {
      problems.push(`HTTP ${response.status()} for ${url.pathname}`);
    }
  });
  page.on('console', (message) => {
    // A form answered with 4xx (wrong password) is logged by the browser as a failed resource: expected.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  return problems;
}

/**
 * An authenticator app: codes for a secret read from the page. The server accepts each 30-second time
 * step once (±1 step of drift), so each code is for a step after the last one used, waiting if needed.
 */
export class Authenticator {
  private readonly totp: TOTP;
  private lastStep = 0;
  constructor(secret: string) {
    this.totp = new TOTP({
      secret: Secret.fromBase32(secret.replace(/\s+/g, '')),
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
    });
  }
  async code(): Promise<string> {
    const current = () => Math.floor(Date.now() / 30_000);
    const step = Math.max(current(), this.lastStep + 1);
    while (step > current() + 1) await new Promise((resolve) => setTimeout(resolve, 1000));
    this.lastStep = step;
    return this.totp.generate({ timestamp: step * 30_000 });
  }
}

/** The words of the second-factor set-up pages, in one language. */
export type TwoFactorText = {
  twoFactorTitle: string;
  code: string;
  turnOn: string;
  twoFactorDone: string;
  continue: string;
};

/**
 * On the set-up page staff land on at first sign-in: reads the secret shown, turns the second factor on
 * with a code, keeps the recovery codes and continues. Both pages go through checkPage, unless
 * `checkPages` is false: for a journey about something else, whose staff only need to be signed in
 * (the foundation journey checks these pages, in both languages).
 */
export async function enrolSecondFactor(
  page: Page,
  locale: Locale,
  text: TwoFactorText,
  label: string,
  { checkPages = true }: { checkPages?: boolean } = {},
): Promise<{ authenticator: Authenticator; recoveryCodes: string[] }> {
  await expect(page).toHaveURL(/\/account\/two-factor/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.twoFactorTitle);
  if (checkPages) await checkPage(page, locale, `two-factor-${label}`);
  // Read after the language round trip: each display of the page starts a new enrolment.
  const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
  expect(secret.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{16,}$/);
  const authenticator = new Authenticator(secret);
  await page.getByLabel(text.code, { exact: true }).fill(await authenticator.code());
  await page.getByRole('button', { name: text.turnOn }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.twoFactorDone);
  const codes = page.getByTestId('recovery-codes').locator('li');
  await expect(codes.first()).toBeVisible();
  const recoveryCodes = (await codes.allTextContents()).map((c) => c.trim());
  expect(recoveryCodes.length).toBeGreaterThanOrEqual(8);
  if (checkPages) await checkPage(page, locale, `recovery-codes-${label}`, { switchLanguage: false });
  await page.getByRole('link', { name: text.continue }).click();
  return { authenticator, recoveryCodes };
}

/**
 * Waits for the e-mail to this address; with `subject`, for the one with that subject (an address gets
 * several messages along a journey). The mail server answers as soon as the message arrives.
 */
export async function waitForMail(
  to: string,
  { subject, timeoutMs = 30_000 }: { subject?: string; timeoutMs?: number } = {},
): Promise<ReceivedMail> {
  const api = process.env.E2E_MAIL_API;
  if (!api) throw new Error('E2E_MAIL_API is not set: run through playwright.config.ts (global setup)');
  const query = new URLSearchParams({ to, timeoutMs: String(timeoutMs), ...(subject ? { subject } : {}) });
  const response = await fetch(`${api}/messages/next?${query}`);
  if (response.ok) return (await response.json()) as ReceivedMail;
  const received = (await response.json()) as string[];
  throw new Error(
    `No e-mail to ${to}${subject ? ` with subject "${subject}"` : ''} within ${timeoutMs / 1000} s` +
      ` (received: ${JSON.stringify(received)})`,
  );
}

/**
 * Runs a `virage` CLI command against the running server of a language, with `stdin` as standard input;
 * rejects when the command fails. Several commands may run side by side.
 */
export function runCliAsync(locale: Locale, args: string[], stdin = ''): Promise<string> {
  return runCliAt(serverFor(locale).dataDir, args, stdin);
}

/**
 * runCliAsync against the server of a data folder. The command goes straight to the server's control
 * socket, where the CLI itself would send it (src/cli/main.ts): the server runs it with its own database,
 * exactly as for `virage …` in a shell, without a Node process per command loading the whole application
 * (seconds of CPU each, on a machine the servers and browsers already keep busy). The CLI's own start-up
 * is tested by the CLI's tests.
 */
export async function runCliAt(dataDir: string, args: string[], stdin = ''): Promise<string> {
  if (!dataDir)
    throw new Error('E2E_* variables are not set: run through playwright.config.ts (global setup)');
  const reply = await sendToServer(dataDir, { argv: args, ...(stdin ? { stdin } : {}) });
  if (reply.code !== 0)
    throw new Error(`virage ${args.join(' ')} failed (${reply.code}):\n${reply.stdout}\n${reply.stderr}`);
  return reply.stdout;
}

/**
 * Presses Tab until `target` has the focus (at most `max` times): a keyboard user reaching a field.
 * Fails, naming what has the focus, when it never gets there.
 */
export async function tabTo(page: Page, target: Locator, max = 25) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  await expect(target, `Tab never reached the field (the focus is on ${focused})`).toBeFocused({
    timeout: 1,
  });
}
