import { sign, unsign } from '../auth/crypto.ts';

export const SESSION_COOKIE = 'virage_session';
export const CSRF_COOKIE = 'virage_csrf';
export const LOCALE_COOKIE = 'virage_lang';

/** Cookie header → name/value map (values URI-decoded; a malformed value is skipped, never thrown). */
export function parseCookies(header: string | null | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies[name] ??= decodeURIComponent(part.slice(eq + 1).trim());
    } catch {}
  }
  return cookies;
}

type CookieOptions = { maxAgeSeconds?: number; secure: boolean; httpOnly?: boolean };

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Lax'];
  if (options.httpOnly !== false) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  if (options.maxAgeSeconds !== undefined)
    parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
  return parts.join('; ');
}

/** The signed session cookie for a token; a tampered cookie fails the signature and is ignored. */
export function sessionCookie(
  token: string,
  expiresAt: Date,
  secret: string,
  secure: boolean,
  now: Date,
): string {
  return serializeCookie(SESSION_COOKIE, sign(token, secret), {
    secure,
    maxAgeSeconds: (expiresAt.getTime() - now.getTime()) / 1000,
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return serializeCookie(SESSION_COOKIE, '', { secure, maxAgeSeconds: 0 });
}

export function readSessionToken(cookies: Record<string, string>, secret: string): string | undefined {
  const signed = cookies[SESSION_COOKIE];
  return signed ? unsign(signed, secret) : undefined;
}

export function localeCookie(locale: string, secure: boolean): string {
  return serializeCookie(LOCALE_COOKIE, locale, { secure, maxAgeSeconds: 365 * 24 * 3600 });
}
