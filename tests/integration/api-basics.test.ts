import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, engine, type Harness } from '../support/harness.ts';

let h: Harness;
let adminToken: string;

beforeAll(async () => {
  h = await createHarness({ env: { MAX_BODY_BYTES: '4096' } });
  const admin = await h.user('admin', { name: 'Anne Admin' });
  adminToken = await h.token(admin.email);
});
afterAll(() => h?.close());

describe(`API basics (${engine})`, () => {
  it('answers health checks', async () => {
    const res = await h.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('exposes Prometheus metrics', async () => {
    await h.request('/api/v1/me', { token: adminToken });
    const res = await h.request('/metrics');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('virage_http_request_duration_seconds_bucket');
    expect(text).toContain('route="/api/v1/me"');
  });

  it('refuses anonymous callers with a localised 401 problem', async () => {
    const fr = await h.request('/api/v1/me');
    expect(fr.status).toBe(401);
    expect(fr.headers.get('content-type')).toContain('application/problem+json');
    expect(fr.headers.get('www-authenticate')).toContain('Bearer');
    expect((await fr.json()).title).toBe('Connexion requise');
    const en = await h.request('/api/v1/me', { headers: { 'accept-language': 'en-CA,en;q=0.9' } });
    const body = await en.json();
    expect(body).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      title: 'Sign-in required',
      errors: [],
    });
    expect(body.requestId).toBeTruthy();
  });

  it('returns the caller with a token', async () => {
    const res = await h.request('/api/v1/me', { token: adminToken });
    expect(res.status).toBe(200);
    const me = await res.json();
    expect(Object.keys(me).sort()).toEqual(['email', 'id', 'locale', 'name', 'role']);
    expect(me).toMatchObject({ name: 'Anne Admin', role: 'admin', locale: 'fr' });
  });

  it('ignores a wrong or revoked token', async () => {
    const res = await h.request('/api/v1/me', { token: `${adminToken}x` });
    expect(res.status).toBe(401);
  });

  it('publishes an OpenAPI 3.1 document generated from the schemas', async () => {
    const res = await h.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/me'].get.operationId).toBe('getMe');
    expect(
      doc.paths['/users/invitations'].post.requestBody.content['application/json'].schema.properties.email,
    ).toBeTruthy();
    expect(doc.components.schemas.Problem.properties.errors).toBeTruthy();
  });

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const res = await h.request('/api/v1/users/invitations', {
      method: 'POST',
      token: adminToken,
      headers: { 'content-type': 'application/json' },
      body: '{"email": "a@b.ca", ',
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe('bad_request');
    expect(body.detail).toContain('JSON');
  });

  it('answers an oversized body with 413', async () => {
    const res = await h.request('/api/v1/users/invitations', {
      method: 'POST',
      token: adminToken,
      json: { email: 'big@example.ca', role: 'expert', padding: 'x'.repeat(10_000) },
    });
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe('payload_too_large');
  });

  it('names each bad field, in the caller language, and writes nothing', async () => {
    const res = await h.request('/api/v1/users/invitations', {
      method: 'POST',
      token: adminToken,
      headers: { 'accept-language': 'en' },
      json: { email: 'not-an-address', role: 'emperor', extra: 1 },
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    const paths = body.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['email', 'extra', 'role']);
    expect(body.errors.find((e: { path: string }) => e.path === 'email').message).toMatch(
      /^E-mail must be a valid/,
    );
    const outbox = await h.request('/api/v1/outbox', { token: adminToken });
    expect((await outbox.json()).items).toHaveLength(0);
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const res = await h.request('/api/v1/nothing-here', { token: adminToken });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('sends the Referrer-Policy the README promises', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const promised = readme.match(/`Referrer-Policy: ([\w-]+)`/)?.[1];
    const res = await h.request('/healthz');
    expect(res.headers.get('referrer-policy')).toBe(promised);
  });

  it('sends security headers on every response', async () => {
    const res = await h.request('/api/v1/me', { token: adminToken });
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const tls = await h.request('/api/v1/me', {
      token: adminToken,
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(tls.headers.get('strict-transport-security')).toContain('max-age=');
  });
});
