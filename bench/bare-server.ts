/**
 * The yardstick of DESIGN §5: the same work as Virage with nothing in the way. A bare `node:http` server
 * that runs the same SQL and renders the same React tree (the built route modules of `build/server`)
 * with react-router's data-router primitives and react-dom/server — no Hono, no framework request
 * handler, no authentication middleware, no CSRF, no security headers, no per-request i18n clone.
 *
 * Environment: BARE_PORT (required), BARE_HOST (default 127.0.0.1), and either BARE_DATABASE_URL
 * (PostgreSQL, a pool of BARE_POOL_SIZE connections, default 10 like Virage) or BARE_PGLITE_DIR (an
 * embedded database folder that no other process has open). BARE_RENDER=string renders with
 * renderToString instead of renderToPipeableStream (Virage's choice, hence the default).
 *
 * Prints `bare ready on <port>` once it listens; stops on SIGTERM/SIGINT.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ComponentType, type ContextType, createElement, type ReactElement } from 'react';
import { renderToPipeableStream, renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import {
  createStaticHandler,
  createStaticRouter,
  UNSAFE_FrameworkContext as FrameworkContext,
  UNSAFE_RemixErrorBoundary as RemixErrorBoundary,
  type RouteObject,
  type ServerBuild,
  StaticRouterProvider,
} from 'react-router';
import { createI18n } from '../src/platform/i18n/i18n.ts';
import { resources } from '../src/wiring/i18n-resources.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.BARE_PORT);
const host = process.env.BARE_HOST ?? '127.0.0.1';
const renderMode = process.env.BARE_RENDER === 'string' ? 'string' : 'stream';
if (!Number.isInteger(port) || port <= 0) throw new Error('BARE_PORT must be a port number');

type Rows = Record<string, unknown>[];
type Db = { query(sql: string, params?: unknown[]): Promise<Rows>; close(): Promise<void> };

async function openDb(): Promise<Db> {
  if (process.env.BARE_DATABASE_URL) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: process.env.BARE_DATABASE_URL,
      max: Number(process.env.BARE_POOL_SIZE ?? 10),
    });
    pool.on('error', () => {});
    return {
      query: async (sql, params) => (await pool.query(sql, params)).rows,
      close: () => pool.end(),
    };
  }
  const dir = process.env.BARE_PGLITE_DIR;
  if (!dir) throw new Error('Set BARE_DATABASE_URL or BARE_PGLITE_DIR');
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create(dir);
  return {
    query: async (sql, params) => (await pglite.query<Record<string, unknown>>(sql, params)).rows,
    close: () => pglite.close(),
  };
}

const db = await openDb();

// The same statement Virage runs for a bearer token (identity/db/queries.ts findLiveToken).
const TOKEN_SQL = `select u.id, u.email, u.name, u.role, u.locale, u.totp_enabled_at, t.id as token_id, t.last_used_at
  from api_tokens t inner join users u on u.id = t.user_id
  where t.token_hash = $1 and t.revoked_at is null and u.active = true`;
// The statements of the home page loader (app/routes/home.tsx → intake listProgramFigures): the
// programs, then for each its live counts.
const PROGRAMS_SQL = 'select * from programs order by created_at';
const COUNTS_SQL = `select status, count(*) as n from applications
  where program_id = $1 and status in ('accepted', 'waitlisted') group by status`;

// ---- The React tree: the built route modules, as the framework assembles them (createServerRoutes).
const build = (await import(pathToFileURL(path.join(ROOT, 'build/server/index.js')).href)) as ServerBuild;
const rootRoute = build.routes.root;
const homeRoute = Object.values(build.routes).find((r) => r?.index && r.parentId === 'root');
if (!rootRoute || !homeRoute) throw new Error('build/server/index.js has no root or index route');
type AnyComponent = ComponentType<Record<string, unknown>>;
const Layout = rootRoute.module.Layout as AnyComponent;
const App = rootRoute.module.default as AnyComponent;
const RootErrorBoundary = rootRoute.module.ErrorBoundary as AnyComponent;
const Home = homeRoute.module.default as AnyComponent;

// Fixed strings of the length of Virage's per-request nonce and form token, so both pages weigh the same.
const NONCE = 'bm9uY2Utbm9uY2Utbm9uY2U=';
const rootData = {
  locale: 'fr',
  csrfToken: 'Y3NyZi1jc3JmLWNzcmYtY3NyZi1jc3JmLWNzcmYtY3N',
  nonce: NONCE,
  user: null,
  nav: [
    { to: '/', key: 'home' },
    { to: '/apply', key: 'apply' },
  ],
};
const numberFr = new Intl.NumberFormat('fr-CA');
const dateMontreal = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Montreal',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The home page loader's data for an anonymous French reader, from the same statements. */
async function homeLoader() {
  const [program] = await db.query(PROGRAMS_SQL);
  if (!program)
    return { program: undefined, user: null, links: { apply: true, review: false, referrals: false } };
  const counts = await db.query(COUNTS_SQL, [program.id]);
  const count = (status: string) => Number(counts.find((r) => r.status === status)?.n ?? 0);
  const target = program.target_retailers as number;
  const remaining = Math.max(0, target - count('accepted'));
  const opensAt = program.intake_opens_at as Date | null;
  const closesAt = program.intake_closes_at as Date | null;
  const now = new Date();
  return {
    program: {
      name: program.name_fr as string,
      description: program.description_fr as string,
      target: numberFr.format(target),
      placesRemaining: numberFr.format(remaining),
      full: remaining === 0,
      waitlistLength: count('waitlisted'),
      intakeOpen: (!opensAt || opensAt <= now) && (!closesAt || now < closesAt),
      closesAt: closesAt ? dateMontreal.format(closesAt) : null,
      opensAt: opensAt ? dateMontreal.format(opensAt) : null,
    },
    user: null,
    links: { apply: true, review: false, referrals: false },
  };
}

const routes: RouteObject[] = [
  {
    id: rootRoute.id,
    path: rootRoute.path ?? '',
    loader: () => rootData,
    element: createElement(Layout, null, createElement(App)),
    errorElement: createElement(Layout, null, createElement(RootErrorBoundary)),
    children: [{ id: homeRoute.id, index: true, loader: homeLoader, Component: Home }],
  },
];
const handler = createStaticHandler(routes);
const i18n = createI18n(resources); // one shared instance, French
const framework = {
  manifest: build.assets,
  routeModules: { [rootRoute.id]: rootRoute.module, [homeRoute.id]: homeRoute.module },
  criticalCss: undefined,
  serverHandoffString: JSON.stringify({
    basename: build.basename,
    future: build.future,
    routeDiscovery: build.routeDiscovery,
    ssr: build.ssr,
    isSpaMode: build.isSpaMode,
  }),
  future: build.future,
  ssr: build.ssr,
  isSpaMode: build.isSpaMode,
  routeDiscovery: build.routeDiscovery,
  nonce: NONCE,
} as unknown as ContextType<typeof FrameworkContext>;

function send(res: http.ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

async function page(req: http.IncomingMessage, res: http.ServerResponse) {
  const context = await handler.query(new Request(`http://${host}:${port}${req.url}`));
  if (context instanceof Response) {
    res.writeHead(context.status, Object.fromEntries(context.headers));
    res.end(await context.text());
    return;
  }
  const router = createStaticRouter(handler.dataRoutes, context);
  // Hydration data as the data router sends it (JSON in a script); the framework streams the same
  // loader data with turbo-stream.
  const tree: ReactElement = createElement(
    I18nextProvider,
    { i18n },
    createElement(
      FrameworkContext.Provider,
      { value: framework },
      createElement(
        RemixErrorBoundary,
        { location: router.state.location },
        createElement(StaticRouterProvider, { router, context, hydrate: true, nonce: NONCE }),
      ),
    ),
  );
  if (renderMode === 'string') {
    send(res, context.statusCode, 'text/html; charset=utf-8', `<!DOCTYPE html>${renderToString(tree)}`);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = renderToPipeableStream(tree, {
      nonce: NONCE,
      onAllReady() {
        res.writeHead(context.statusCode, { 'Content-Type': 'text/html; charset=utf-8' });
        stream.pipe(res);
        resolve();
      },
      onShellError: reject,
    });
  });
}

async function me(req: http.IncomingMessage, res: http.ServerResponse) {
  const authorization = req.headers.authorization;
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  const [row] = token ? await db.query(TOKEN_SQL, [createHash('sha256').update(token).digest('hex')]) : [];
  if (!row) {
    send(res, 401, 'application/problem+json', '{"status":401,"title":"Unauthorized"}');
    return;
  }
  const body = { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };
  send(res, 200, 'application/json', JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const route =
    req.method !== 'GET'
      ? undefined
      : req.url === '/'
        ? page
        : req.url === '/api/v1/me'
          ? me
          : req.url === '/healthz'
            ? async () => {
                await db.query('select 1');
                send(res, 200, 'application/json', '{"status":"ok"}');
              }
            : undefined;
  if (!route) {
    send(res, 404, 'text/plain', 'Not Found');
    return;
  }
  route(req, res).catch((error: unknown) => {
    process.stderr.write(`bare server error: ${(error as Error)?.stack ?? error}\n`);
    if (!res.headersSent) send(res, 500, 'text/plain', 'Internal Server Error');
    else res.destroy();
  });
});
server.keepAliveTimeout = 65_000;

await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, host, resolve);
});
process.stdout.write(`bare ready on ${port} (${renderMode} rendering)\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
