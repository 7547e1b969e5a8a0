import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { getRequestListener } from '@hono/node-server';
import type { ServerBuild } from 'react-router';
import { startControlSocket } from '../cli/control-socket.ts';
import { resolveActor } from '../modules/identity/use-cases/resolve-actor.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { DataFolderLockedError } from '../platform/db/lock.ts';
import { createHttpApp } from '../platform/http/app.ts';
import { apiOperations, tokenForms } from '../wiring/api.ts';
import { firstRun } from '../wiring/first-run.ts';
import { startServices, systemCtx } from '../wiring/services.ts';
import { buildIsStale, CLIENT_BUILD, loadProductionBuild, ROOT, uiHandler } from './ui-handler.ts';

const started = performance.now();
const development = process.argv.includes('--dev');
const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig({ ...process.env, ...(development ? { NODE_ENV: 'development' } : {}) });
} catch (error) {
  if (error instanceof ConfigError) fail(error.message, 2);
  throw error;
}

// `npm start` builds the interface when there is no build yet or a source is newer than it.
if (!development && buildIsStale()) {
  process.stdout.write('Building the interface (first start or sources changed)…\n');
  const build = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/@react-router/dev/bin.cjs'), 'build'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (build.status !== 0) fail('The interface build failed (see above).');
}

const services = await startServices(config, { worker: true }).catch((error) => {
  if (error instanceof DataFolderLockedError) fail(error.message);
  throw error;
});

const { createdProgram: created, firstAdmin } = await firstRun(systemCtx(services, 'virage start-up'));

let getBuild: () => Promise<ServerBuild>;
let viteMiddlewares: http.RequestListener | undefined;
if (development) {
  const { createServer } = await import('vite');
  const vite = await createServer({ server: { middlewareMode: true }, appType: 'custom' });
  getBuild = () => vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>;
  viteMiddlewares = vite.middlewares as unknown as http.RequestListener;
} else {
  const build = await loadProductionBuild();
  getBuild = async () => build;
}

const { app } = createHttpApp({
  services,
  authenticate: resolveActor,
  operations: apiOperations,
  tokenForms,
  version,
  ui: {
    handle: uiHandler(getBuild, development ? 'development' : 'production'),
    clientDir: development ? undefined : path.relative(process.cwd(), CLIENT_BUILD) || '.',
    development,
  },
});

const listener = getRequestListener(app.fetch);
const server = http.createServer((req, res) => {
  if (viteMiddlewares)
    (viteMiddlewares as unknown as (a: unknown, b: unknown, n: () => void) => void)(req, res, () =>
      listener(req, res),
    );
  else listener(req, res);
});
server.keepAliveTimeout = 65_000; // longer than common load-balancer idle timeouts

const control = services.database.kind === 'pglite' ? await startControlSocket(services) : undefined;

await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  server.listen(config.port, config.host, resolve);
});

const address = server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const engine =
  services.database.kind === 'pglite' ? `embedded engine in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
const lines = [
  `Virage ${version} ready at ${config.publicUrl.replace(`:${config.port}`, `:${port}`)} — ${engine} — started in ${Math.round(performance.now() - started)} ms`,
];
if (config.testClock)
  lines.push(
    'E2E_TEST_CLOCK=on: a request may move its own clock forward (browser tests only, never in service).',
  );
if (created) lines.push('Created the default program “Virage numérique des détaillants”.');
if (firstAdmin) {
  lines.push(
    '',
    'No administrator yet. Create the first administrator account with this one-time link (valid 24 h):',
    `  ${firstAdmin.link}`,
    '',
  );
}
process.stdout.write(`${lines.join('\n')}\n`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  services.logger.info({ signal }, 'shutting down');
  server.closeIdleConnections();
  await new Promise((resolve) => server.close(resolve));
  await control?.close();
  await services.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
