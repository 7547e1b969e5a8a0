import { type APIRequestContext, expect, type Page, request as playwrightRequest } from '@playwright/test';
import { type Locale, serverFor, waitForMail } from './browser.ts';

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
