import { randomBytes } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import { isLocale, type Locale, localeFromAcceptLanguage } from '../../kernel/locale.ts';
import { deriveKey, mac, randomToken, safeEqual } from '../auth/crypto.ts';
import { type Actor, refusalFor } from '../authorization.ts';
import type { Ctx, Services } from '../context.ts';
import { overloaded } from '../db/client.ts';
import { AppError, isAppError } from '../errors.ts';
import { MAX_FILE_BYTES } from '../files/sniff.ts';
import { fileTooLarge } from '../files/store.ts';
import { translatorFor } from '../i18n/i18n.ts';
import { newId } from '../ids.ts';
import { assertStorableText } from '../validation.ts';
import {
  type ApiOperation,
  honoPath,
  isReply,
  MULTIPART_ALLOWANCE,
  openApiDocument,
  pathParams,
} from './api.ts';
import { CSRF_COOKIE, LOCALE_COOKIE, parseCookies, readSessionToken, serializeCookie } from './cookies.ts';
import { createMetrics } from './metrics.ts';
import { localiseError, problemBody } from './problem.ts';
import type { RequestScope } from './request-scope.ts';
import { requestClock, TEST_CLOCK_HEADER } from './test-clock.ts';

export type Authenticate = (
  services: Services,
  credentials: { sessionToken?: string; bearerToken?: string },
) => Promise<Actor>;

/**
 * A form posted outside the API whose credential is a token in its address, not a session: a mail
 * client's RFC 8058 one-click unsubscribe sends no cookie and no anti-forgery field, so none is asked.
 * The handler must act on nothing but what the token names.
 */
export type TokenForm = {
  /** Hono's pattern, with the token as `:token` (e.g. `/unsubscribe/:token`). */
  path: string;
  handle: (ctx: Ctx, token: string, form: FormData) => Promise<Response>;
};

export type HttpAppOptions = {
  services: Services;
  authenticate: Authenticate;
  operations: ApiOperation[];
  tokenForms?: TokenForm[];
  version: string;
  /** The server-rendered interface; absent in API-only tests. */
  ui?: {
    handle: (request: Request, scope: RequestScope) => Promise<Response>;
    /** Built browser assets (production); Vite serves them in development. */
    clientDir?: string;
    /** Development: Vite's inline styles and hot-reload socket need a looser policy. */
    development?: boolean;
  };
};

type Vars = { requestId: string; nonce: string; log: Logger; ctx: Ctx; cookies: Record<string, string> };

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The whole HTTP surface: operations endpoints, the JSON API, then the interface. */
export function createHttpApp(options: HttpAppOptions) {
  const { services, operations } = options;
  const { config, i18n } = services;
  const metrics = createMetrics();
  const csrfKey = deriveKey(config.sessionSecret, 'csrf');
  const secureCookies = config.publicUrl.startsWith('https://');
  const app = new Hono<{ Variables: Vars }>();

  const clientIp = (c: Context): string | undefined => {
    if (config.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address;
    } catch {
      return undefined;
    }
  };
  const isHttps = (c: Context) =>
    new URL(c.req.url).protocol === 'https:' ||
    (config.trustProxy && c.req.header('x-forwarded-proto') === 'https');

  // Request id, access log and metrics.
  app.use('*', async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && /^[\w.-]{8,80}$/.test(given) ? given : newId();
    const log = services.logger.child({ reqId: requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    c.set('nonce', randomBytes(16).toString('base64'));
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    c.res.headers.set('X-Request-Id', requestId); // in place: see the security headers below
    const route = c.req.routePath === '/*' ? 'ui' : c.req.routePath;
    metrics.httpDuration.observe({ method: c.req.method, route, status: String(c.res.status) }, seconds);
    const line = {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(seconds * 1000),
    };
    if (c.res.status >= 500) log.error(line, 'request failed');
    else log.info(line, 'request');
  });

  // Security headers on every response, set in place on the final response: once a handler has
  // returned one, each c.header() call copies the whole response (ten copies per request otherwise).
  const dev = options.ui?.development;
  const cspAfterNonce = [
    '',
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
  const fixedHeaders = [
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    // same-origin, not no-referrer: with no-referrer, browsers send `Origin: null` on form posts.
    ['Referrer-Policy', 'same-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
  ] as const;
  app.use('*', async (c, next) => {
    await next();
    const headers = c.res.headers;
    // A stored file's download brings its own, stricter policy (a sandbox); everything else gets the site's.
    if (!headers.has('Content-Security-Policy')) {
      headers.set(
        'Content-Security-Policy',
        `default-src 'self'; script-src 'self' 'nonce-${c.get('nonce')}'${cspAfterNonce}`,
      );
    }
    for (const [name, value] of fixedHeaders) headers.set(name, value);
    if (isHttps(c)) headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });

  app.get('/healthz', async (c) => {
    try {
      await Promise.race([
        services.database.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  app.get('/metrics', async (c) => {
    if (
      config.metricsToken &&
      !safeEqual(c.req.header('authorization') ?? '', `Bearer ${config.metricsToken}`)
    ) {
      return c.text('Unauthorized', 401);
    }
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType });
  });

  if (options.ui?.clientDir) {
    const root = options.ui.clientDir;
    app.use(
      '/assets/*',
      serveStatic({
        root,
        onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    );
    app.use('/favicon.svg', serveStatic({ root }));
    // Field mode's installable shell (decision 39): the manifest, its icons, the service worker.
    app.use('/manifest.webmanifest', serveStatic({ root }));
    app.use('/icons/*', serveStatic({ root }));
    app.use('/sw.js', serveStatic({ root, onFound: (_path, c) => c.header('Cache-Control', 'no-cache') }));
  }

  // Who is calling, in which language. Runs for the API and the interface, not for the endpoints above.
  app.use('*', async (c, next) => {
    const cookies = parseCookies(c.req.header('cookie'));
    c.set('cookies', cookies);
    const authorization = c.req.header('authorization');
    const bearerToken = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
    const sessionToken = bearerToken ? undefined : readSessionToken(cookies, config.sessionSecret);
    const actor = await options.authenticate(services, { bearerToken, sessionToken });
    const isApi = c.req.path.startsWith('/api/');
    const acceptLanguage = localeFromAcceptLanguage(c.req.header('accept-language'));
    const userLocale = actor.kind === 'user' ? actor.locale : undefined;
    const cookieLocale = isLocale(cookies[LOCALE_COOKIE]) ? (cookies[LOCALE_COOKIE] as Locale) : undefined;
    // The API follows the caller's Accept-Language; pages follow the person's stated preference.
    const locale: Locale = isApi
      ? (acceptLanguage ?? userLocale ?? 'fr')
      : (userLocale ?? cookieLocale ?? acceptLanguage ?? 'fr');
    c.set('ctx', {
      actor,
      locale,
      t: translatorFor(i18n, locale),
      services,
      db: services.database.db,
      now: requestClock(services.now, config.testClock, c.req.header(TEST_CLOCK_HEADER)),
      requestId: c.get('requestId'),
      ip: clientIp(c),
      userAgent: c.req.header('user-agent'),
    });
    await next();
    const headers = c.res.headers; // set in place: see the security headers above
    headers.set('Vary', 'Cookie, Accept-Language, Authorization');
    if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-store');
  });

  const problem = (c: Context<{ Variables: Vars }>, thrown: unknown) => {
    const ctx = c.get('ctx');
    const error = overloaded(thrown)
      ? new AppError('unavailable', { retryAfter: 5 })
      : refusalFor(ctx?.actor, thrown);
    if (overloaded(thrown)) c.get('log').warn({ err: thrown }, 'no database connection free in time');
    const locale = ctx?.locale ?? localeFromAcceptLanguage(c.req.header('accept-language')) ?? 'fr';
    if (!isAppError(error)) c.get('log').error({ err: error }, 'unexpected error');
    const localised = localiseError(error, i18n, locale);
    const headers: Record<string, string> = { 'Content-Type': 'application/problem+json; charset=utf-8' };
    if (isAppError(error) && error.retryAfter) headers['Retry-After'] = String(error.retryAfter);
    if (localised.status === 401) headers['WWW-Authenticate'] = 'Bearer realm="virage"';
    const extra = isAppError(error) ? error.extra : undefined;
    return new Response(JSON.stringify(problemBody(localised, c.get('requestId'), extra)), {
      status: localised.status,
      headers,
    });
  };

  const limit = bodyLimit({
    maxSize: config.maxBodyBytes,
    onError: (c) => problem(c as Context<{ Variables: Vars }>, new AppError('payload_too_large')),
  });
  /** An upload's limit: its file's, plus room for the other fields; past it, reading stops. */
  const uploadLimit = (field: string, maxBytes: number) =>
    bodyLimit({
      maxSize: maxBytes + MULTIPART_ALLOWANCE,
      onError: (c) => problem(c as Context<{ Variables: Vars }>, fileTooLarge(field, maxBytes)),
    });

  const formToken = (cookies: Record<string, string>) =>
    cookies[CSRF_COOKIE] ? mac(csrfKey, cookies[CSRF_COOKIE]!) : undefined;
  const crossSite = (c: Context) => {
    const site = c.req.header('sec-fetch-site');
    return site !== undefined && site !== 'same-origin' && site !== 'none';
  };

  // The JSON API.
  const api = new Hono<{ Variables: Vars }>();
  api.get('/openapi.json', (c) =>
    c.json(openApiDocument(operations, { version: options.version, serverUrl: config.publicUrl })),
  );
  for (const op of operations) {
    const opLimit = op.upload ? uploadLimit(op.upload.file, op.upload.maxBytes) : limit;
    api.on(op.method.toUpperCase(), honoPath(op.path), opLimit, async (c) => {
      const ctx = c.get('ctx');
      if (op.access === 'user' && ctx.actor.kind === 'anonymous') throw new AppError('unauthenticated');
      // A browser session may call the API only from Virage's own pages.
      if (UNSAFE_METHODS.has(c.req.method) && ctx.actor.kind === 'user' && ctx.actor.via === 'session') {
        const token = formToken(c.get('cookies'));
        const given = c.req.header('x-csrf-token');
        if (crossSite(c) || !token || !given || !safeEqual(token, given)) throw new AppError('forbidden');
      }
      const params = pathParams(op.path, c.req.param() as Record<string, string>);
      const query = c.req.query();
      assertStorableText(params, query);
      let body: unknown;
      let file: File | undefined;
      if (op.upload) {
        ({ fields: body, file } = await uploadedForm(c.req.raw, op.upload.file));
      } else if (op.body) {
        const type = c.req.header('content-type') ?? '';
        if (!type.includes('application/json')) {
          throw new AppError('bad_request', { key: 'common:errors.json_expected' });
        }
        const text = await c.req.text();
        try {
          body = JSON.parse(text);
        } catch {
          throw new AppError('bad_request', { key: 'common:errors.malformed_json' });
        }
      }
      assertStorableText(body);
      const request = { params, query, body, file };
      const result = await op.handle(ctx, request);
      if (result instanceof Response) return result;
      if (isReply(result)) {
        if ('json' in result) return c.json(result.json as object, result.status as 200, result.headers);
        const headers: Record<string, string> = { 'Content-Type': result.contentType };
        if (result.filename) headers['Content-Disposition'] = `attachment; filename="${result.filename}"`;
        return c.body(result.file as never, (result.status ?? 200) as 200, headers);
      }
      const status = op.successStatus ?? 200;
      return status === 204 ? c.body(null, 204) : c.json(result as object, status as 200);
    });
  }
  api.all('*', () => {
    throw new AppError('not_found');
  });
  api.onError((error, c) => problem(c, error));
  app.route('/api/v1', api);
  app.all('/api/*', (c) => problem(c, new AppError('not_found')));

  for (const form of options.tokenForms ?? []) {
    app.post(form.path, limit, async (c) => {
      const type = c.req.header('content-type') ?? '';
      const body =
        type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')
          ? await c.req.formData().catch(() => new FormData())
          : new FormData();
      return form.handle(c.get('ctx'), c.req.param('token') ?? '', body);
    });
  }

  // The interface, rendered on the server.
  const ui = options.ui;
  if (ui) {
    // A page form that sends a file (multipart) may be as large as a file; the page refuses a larger file itself.
    const pageUploadLimit = uploadLimit('file', MAX_FILE_BYTES);
    app.use('*', (c, next) =>
      (c.req.header('content-type') ?? '').includes('multipart/form-data')
        ? pageUploadLimit(c, next)
        : limit(c, next),
    );
    app.all('*', async (c) => {
      const cookies = c.get('cookies');
      let csrfCookie = cookies[CSRF_COOKIE];
      if (UNSAFE_METHODS.has(c.req.method)) {
        const expected = formToken(cookies);
        const given = c.req.header('x-csrf-token') ?? (await submittedToken(c.req.raw));
        if (crossSite(c) || !expected || !given || !safeEqual(expected, given)) {
          const t = c.get('ctx').t;
          return c.html(
            `<!doctype html><html lang="${c.get('ctx').locale}"><meta charset="utf-8"><title>${t('common:errors.forbidden')}</title><main><h1>${t('common:errors.forbidden')}</h1><p>${t('common:errors.form_expired')}</p><p><a href="/">${t('common:errors.back_home')}</a></p></main></html>`,
            403,
          );
        }
      }
      const newCsrfCookie = csrfCookie ? undefined : randomToken(24);
      csrfCookie ??= newCsrfCookie!;
      const response = await ui.handle(c.req.raw, {
        ctx: c.get('ctx'),
        nonce: c.get('nonce'),
        csrfToken: mac(csrfKey, csrfCookie),
        secureCookies,
      });
      if (newCsrfCookie) {
        response.headers.append(
          'Set-Cookie',
          serializeCookie(CSRF_COOKIE, newCsrfCookie, { secure: secureCookies }),
        );
      }
      return response;
    });
  }

  app.onError((error, c) => {
    if (c.req.path.startsWith('/api/')) return problem(c, error);
    c.get('log')?.error({ err: error }, 'unexpected error');
    const status = isAppError(error) ? error.status : 500;
    return c.text(status === 413 ? 'Payload Too Large' : 'Internal Server Error', status as 500);
  });

  return { app, metrics };
}

/** An upload's text fields and its file, from a multipart body already held within its limit. */
async function uploadedForm(request: Request, fileField: string) {
  const notMultipart = () =>
    new AppError('bad_request', { key: 'common:errors.multipart_expected', params: { field: fileField } });
  if (!(request.headers.get('content-type') ?? '').includes('multipart/form-data')) throw notMultipart();
  const form = await request.formData().catch(() => {
    throw notMultipart();
  });
  const fields: Record<string, string> = {};
  let file: File | undefined;
  for (const [name, value] of form) {
    if (typeof value === 'string') fields[name] = value;
    else if (name === fileField) file ??= value;
  }
  return { fields, file };
}

/** The anti-forgery field of a submitted form, read from a copy so the page still gets the body. */
async function submittedToken(request: Request): Promise<string | undefined> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data'))
    return undefined;
  try {
    const value = (await request.clone().formData()).get('_csrf');
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
