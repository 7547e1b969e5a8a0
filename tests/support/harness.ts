import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { inject } from 'vitest';
import { z } from 'zod';
import type { Role } from '../../src/kernel/roles.ts';
import { createUser } from '../../src/modules/identity/use-cases/create-user.ts';
import { issueApiToken } from '../../src/modules/identity/use-cases/issue-api-token.ts';
import { resolveActor } from '../../src/modules/identity/use-cases/resolve-actor.ts';
import { type Config, loadConfig } from '../../src/platform/config.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { type Database, openDatabase } from '../../src/platform/db/client.ts';
import { type ApiOperation, declaredResponses } from '../../src/platform/http/api.ts';
import { createHttpApp, type HttpAppOptions } from '../../src/platform/http/app.ts';
import { translatorFor } from '../../src/platform/i18n/i18n.ts';
import { createLogger } from '../../src/platform/logging.ts';
import { apiOperations, tokenForms } from '../../src/wiring/api.ts';
import { firstRun } from '../../src/wiring/first-run.ts';
import { type RunningServices, startServices, systemCtx } from '../../src/wiring/services.ts';

export const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
export const PASSWORD = 'correct horse battery staple';

/** A fresh database for one test file: a copy of the migrated template (embedded) or a new server database. */
export async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = inject('templatePath');
    const database = await openDatabase({
      kind: 'pglite-memory',
      loadDataDir: new Blob([readFileSync(template)]),
    });
    return { database, drop: async () => {} };
  }
  const name = `virage_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 5 });
  return {
    database,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export type Clock = { now: Date; advance(seconds: number): void };

export type Harness = {
  services: RunningServices;
  config: Config;
  clock: Clock;
  app: ReturnType<typeof createHttpApp>['app'];
  system: Ctx;
  /** A request to the app, as from 203.0.113.7 unless told otherwise. */
  request(
    path: string,
    init?: RequestInit & { json?: unknown; token?: string; ip?: string },
  ): Promise<Response>;
  /** An account with this role (staff roles get their second factor on token use). */
  user(
    role: Role,
    overrides?: { email?: string; locale?: 'fr' | 'en'; name?: string },
  ): Promise<{ id: string; email: string }>;
  token(email: string): Promise<string>;
  /** A use-case context acting as whoever holds this session token (or anonymous), from an address. */
  as(
    credentials: { sessionToken?: string; bearerToken?: string },
    options?: { ip?: string; locale?: 'fr' | 'en' },
  ): Promise<Ctx>;
  close(): Promise<void>;
};

let counter = 0;

const API_PREFIX = '/api/v1';

/** The operation the router picks: the first one declared whose method and path match. */
function operationAt(operations: ApiOperation[], method: string, pathname: string): ApiOperation | undefined {
  return operations.find(
    (op) =>
      op.method === method.toLowerCase() &&
      new RegExp(`^${op.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(pathname.slice(API_PREFIX.length)),
  );
}

/**
 * Every answer of the API that the tests receive must be what the OpenAPI document declares for that
 * operation and status, with no undeclared field: every API test is a check against drift.
 */
export async function expectDeclaredAnswer(
  operations: ApiOperation[],
  method: string,
  path: string,
  response: Response,
) {
  const { pathname } = new URL(path, 'http://virage.test');
  if (!pathname.startsWith(`${API_PREFIX}/`) || pathname === `${API_PREFIX}/openapi.json`) return;
  const op = operationAt(operations, method, pathname);
  const where = `${method} ${pathname} → ${response.status}`;
  const declared = op
    ? (declaredResponses(op)[String(response.status)] ??
      (response.ok ? undefined : declaredResponses(op).default))
    : undefined;
  const type = response.headers.get('content-type') ?? '';
  const text = await response.clone().text();
  if (!op) {
    // No operation there: the API's own not-found answer (a method not allowed is answered the same).
    if (response.status !== 404 || !type.startsWith('application/problem+json')) {
      throw new Error(`${where}: no operation matches, yet the answer is not a 404 problem`);
    }
    return;
  }
  if (!declared) throw new Error(`${where}: ${op.operationId} declares no answer with this status`);
  const declaredTypes = [declared.contentType ?? ''].flat();
  if (!declaredTypes.some((t) => type.startsWith(t)) || (!declared.contentType && text !== '')) {
    throw new Error(
      `${where}: ${op.operationId} answers ${type || 'a body'}, declares ${declaredTypes.join(' | ') || 'no content'}`,
    );
  }
  if (!declared.schema) return;
  const body: unknown = JSON.parse(text);
  const parsed = declared.schema.safeParse(body);
  if (!parsed.success) {
    throw new Error(
      `${where}: the answer of ${op.operationId} does not match its declared schema:\n${z.prettifyError(parsed.error)}`,
    );
  }
  // The schema drops what it does not declare: a field that disappears was answered but not documented.
  const undeclared = undeclaredPaths(body, parsed.data);
  if (undeclared.length > 0) {
    throw new Error(
      `${where}: ${op.operationId} answers fields its schema does not declare: ${undeclared.join(', ')}`,
    );
  }
}

function undeclaredPaths(answered: unknown, declared: unknown, at = ''): string[] {
  if (Array.isArray(answered) && Array.isArray(declared)) {
    return answered.flatMap((item, i) => undeclaredPaths(item, declared[i], `${at}[${i}]`));
  }
  if (
    typeof answered === 'object' &&
    answered !== null &&
    typeof declared === 'object' &&
    declared !== null
  ) {
    return Object.entries(answered).flatMap(([key, value]) => {
      const path = at ? `${at}.${key}` : key;
      return key in declared
        ? undeclaredPaths(value, (declared as Record<string, unknown>)[key], path)
        : [path];
    });
  }
  return [];
}

export async function createHarness(
  options: { env?: Record<string, string>; ui?: HttpAppOptions['ui']; logger?: Logger } = {},
): Promise<Harness> {
  const { database, drop } = await freshDatabase();
  // Uploaded files go to a folder of this test file's own, removed at the end.
  const filesDir = mkdtempSync(path.join(tmpdir(), 'virage-files-'));
  const config = loadConfig({
    DATA_DIR: '/nonexistent-virage-test',
    FILES_DIR: filesDir,
    SESSION_SECRET: 'test-secret-that-is-long-enough-for-virage-0123456789',
    BANK_DETAILS_KEY: Buffer.alloc(32, 7).toString('base64'),
    PUBLIC_URL: 'http://virage.test',
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...options.env,
  });
  const clock: Clock = {
    now: new Date('2027-01-15T15:00:00Z'),
    advance(seconds) {
      this.now = new Date(this.now.getTime() + seconds * 1000);
    },
  };
  const services = await startServices(config, {
    database,
    logger: options.logger ?? createLogger('silent'),
    now: () => clock.now,
  });
  const system = systemCtx(services, 'test');
  await firstRun(system);
  const { app } = createHttpApp({
    services,
    authenticate: resolveActor,
    operations: apiOperations,
    tokenForms,
    version: 'test',
    ui: options.ui,
  });
  return {
    services,
    config,
    clock,
    app,
    system,
    request: async (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        init.body = JSON.stringify(init.json);
      }
      if (init.token) headers.set('authorization', `Bearer ${init.token}`);
      headers.set('x-forwarded-for', init.ip ?? '203.0.113.7');
      const response = await app.request(path, { ...init, headers });
      await expectDeclaredAnswer(apiOperations, init.method ?? 'GET', path, response);
      return response;
    },
    user: async (role, overrides = {}) => {
      counter++;
      const email = overrides.email ?? `${role}${counter}@example.ca`;
      const { id } = await createUser(system, {
        email,
        role,
        name: overrides.name ?? `${role} ${counter}`,
        password: PASSWORD,
        locale: overrides.locale ?? 'fr',
      });
      return { id, email };
    },
    token: async (email) => (await issueApiToken(system, { email, name: 'test' })).token,
    as: async (credentials, options = {}) => ({
      ...system,
      actor: await resolveActor(services, credentials),
      locale: options.locale ?? 'fr',
      t: translatorFor(services.i18n, options.locale ?? 'fr'),
      ip: options.ip ?? '198.51.100.1',
      requestId: 'test-request',
    }),
    close: async () => {
      await services.close();
      await drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}
