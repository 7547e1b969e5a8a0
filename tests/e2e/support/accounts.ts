import {
  type APIRequestContext,
  type Browser,
  type BrowserContextOptions,
  expect,
  type Page,
  request as playwrightRequest,
} from '@playwright/test';
import {
  enrolSecondFactor,
  type Locale,
  newPage,
  runCliAt,
  serverFor,
  type TwoFactorText,
  waitForMail,
} from './browser.ts';
import { pageWords } from './i18n.ts';

/** The password of every account the journeys make. */
export const PASSWORD = 'une longue phrase de passe 2027';

/** A JSON call to the API. */
export type Api = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<T>;

/**
 * The API as a person signed in to the site calls it: with their session cookie and the anti-forgery
 * token of their pages (`x-csrf-token`). Fails the test on an answer other than 200, 201, 202 or 204.
 */
export function sessionApi(request: APIRequestContext, csrf: string, locale: Locale): Api {
  return async <T>(method: string, path: string, body?: unknown) => {
    const response = await request.fetch(`/api/v1${path}`, {
      method,
      headers: { 'x-csrf-token': csrf, 'accept-language': locale },
      ...(body === undefined ? {} : { data: body }),
    });
    const text = await response.text();
    if (![200, 201, 202, 204].includes(response.status()))
      throw new Error(`${method} ${path} answered ${response.status()}: ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  };
}

/** The anti-forgery token of a signed-in page (every page has the sign-out form). */
export const csrfOf = (page: Page) => page.locator('input[name="_csrf"]').first().inputValue();

const VERIFY_SUBJECT = {
  fr: 'Confirmez votre adresse courriel pour Virage',
  en: 'Confirm your e-mail address for Virage',
} as const;

/**
 * A retailer as the site makes one, without a browser: the account (POST /accounts), the address
 * confirmed with the token of the e-mail, then signed in through the sign-in form (as without
 * JavaScript). Returns the API as that retailer.
 */
export async function registeredRetailer(
  locale: Locale,
  retailer: { name: string; email: string; locale: Locale },
  password: string,
): Promise<{ as: Api; request: APIRequestContext }> {
  const request = await playwrightRequest.newContext({ baseURL: serverFor(locale).url });
  const anonymous = sessionApi(request, '', locale);
  await anonymous('POST', '/accounts', {
    email: retailer.email,
    name: retailer.name,
    password,
    locale: retailer.locale,
  });
  const mail = await waitForMail(retailer.email, { subject: VERIFY_SUBJECT[retailer.locale] });
  const token = /\/account\/verify\/([\w-]+)/.exec(mail.text)?.[1];
  expect(token, `the confirmation e-mail has its link:\n${mail.text}`).toBeTruthy();
  await anonymous('POST', '/accounts/verification', { token });
  const form = await (await request.get('/sign-in')).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
  const signedIn = await request.post('/sign-in', {
    form: { _csrf: csrf, email: retailer.email, password },
    maxRedirects: 0,
  });
  expect([302, 303], 'the sign-in form answers with a redirection').toContain(signedIn.status());
  return { as: sessionApi(request, csrf, locale), request };
}

/**
 * An account with a password, created through the CLI (`virage users create`) on the server of `locale`
 * (or of another data folder); the account's language is `locale` unless the person has their own.
 */
export function createUser(
  locale: Locale,
  person: { email: string; role: string; name: string; locale?: Locale },
  password: string,
  dataDir = serverFor(locale).dataDir,
): Promise<string> {
  return runCliAt(
    dataDir,
    [
      'users',
      'create',
      '--email',
      person.email,
      '--role',
      person.role,
      '--name',
      person.name,
      '--locale',
      person.locale ?? locale,
    ],
    `${password}\n`,
  );
}

const identityWords = pageWords({ identity: 'src/modules/identity/i18n' }, 'identity');

/** The words of the second-factor set-up pages in one language, from the identity module's translations. */
export function twoFactorText(locale: Locale): TwoFactorText {
  const w = identityWords(locale);
  return {
    twoFactorTitle: w('two_factor.title'),
    code: w('fields.code'),
    turnOn: w('two_factor.submit'),
    twoFactorDone: w('two_factor.done_title'),
    continue: w('two_factor.continue'),
  };
}

/**
 * Fills in and submits the sign-in form: on the page where a protected page sent the visitor, or on
 * /sign-in, opened first when the page is elsewhere.
 */
export async function signIn(page: Page, locale: Locale, email: string, password: string) {
  const w = identityWords(locale);
  if (new URL(page.url()).pathname !== '/sign-in') await page.goto('/sign-in');
  await page.getByLabel(w('fields.email'), { exact: true }).fill(email);
  await page.getByLabel(w('fields.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: w('sign_in.submit') }).click();
}

/**
 * A staff member's first sign-in on a new page (see newPage): signed in, the second factor set up on the
 * way without checking its pages (the foundation journey does).
 */
export async function signedInStaff(
  browser: Browser,
  locale: Locale,
  person: { email: string },
  password: string,
  label: string,
  options: BrowserContextOptions = {},
) {
  const opened = await newPage(browser, locale, options);
  await signIn(opened.page, locale, person.email, password);
  await enrolSecondFactor(opened.page, locale, twoFactorText(locale), label, { checkPages: false });
  return opened;
}
