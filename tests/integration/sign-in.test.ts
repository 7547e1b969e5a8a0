import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMe } from '../../src/modules/identity/use-cases/get-me.ts';
import { setUserActive } from '../../src/modules/identity/use-cases/set-user-active.ts';
import { signIn } from '../../src/modules/identity/use-cases/sign-in.ts';
import { signOut } from '../../src/modules/identity/use-cases/sign-out.ts';
import { sign } from '../../src/platform/auth/crypto.ts';
import { AppError } from '../../src/platform/errors.ts';
import { createHarness, engine, type Harness, PASSWORD } from '../support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h?.close());

const anonymous = (ip = '198.51.100.1') => h.as({}, { ip });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe(`sign-in (${engine})`, () => {
  it('opens a session for the right password, and the session identifies the person', async () => {
    const { email } = await h.user('retailer', { name: 'Rémi Détaillant' });
    const result = await signIn(await anonymous(), { email: email.toUpperCase(), password: PASSWORD });
    expect(result.next).toBe('done');
    const ctx = await h.as({ sessionToken: result.sessionToken });
    expect(getMe(ctx)).toMatchObject({ email, name: 'Rémi Détaillant', role: 'retailer' });
  });

  it('gives the same generic answer for a wrong password and an unknown address', async () => {
    const { email } = await h.user('retailer');
    const wrong = await failure(
      signIn(await anonymous('198.51.100.2'), { email, password: 'not the password' }),
    );
    const unknown = await failure(
      signIn(await anonymous('198.51.100.2'), { email: 'nobody@example.ca', password: 'x' }),
    );
    expect(wrong.code).toBe('unauthenticated');
    expect(unknown.key).toBe(wrong.key);
    expect(unknown.code).toBe(wrong.code);
  });

  it('throttles an account after five failures, even with the right password, then lets it in later', async () => {
    const { email } = await h.user('retailer');
    for (let i = 0; i < 5; i++) {
      await failure(signIn(await anonymous(`198.51.100.${10 + i}`), { email, password: 'guess' }));
    }
    const blocked = await failure(signIn(await anonymous('198.51.100.30'), { email, password: PASSWORD }));
    expect(blocked.code).toBe('rate_limited');
    expect(blocked.retryAfter).toBeGreaterThan(0);
    h.clock.advance(15 * 60 + 1);
    await expect(
      signIn(await anonymous('198.51.100.30'), { email, password: PASSWORD }),
    ).resolves.toMatchObject({
      next: 'done',
    });
  });

  it('throttles one address trying many accounts', async () => {
    const ip = '192.0.2.99';
    for (let i = 0; i < 30; i++) {
      await failure(signIn(await anonymous(ip), { email: `spray${i}@example.ca`, password: 'guess' }));
    }
    const { email } = await h.user('retailer');
    expect((await failure(signIn(await anonymous(ip), { email, password: PASSWORD }))).code).toBe(
      'rate_limited',
    );
    await expect(signIn(await anonymous('192.0.2.100'), { email, password: PASSWORD })).resolves.toBeTruthy();
  });

  it('refuses a deactivated account with the generic message', async () => {
    const admin = await h.user('admin');
    const { email, id } = await h.user('retailer');
    await setUserActive(await h.as({ bearerToken: await h.token(admin.email) }), id, { active: false });
    const error = await failure(signIn(await anonymous('198.51.100.40'), { email, password: PASSWORD }));
    expect(error.key).toBe('identity:errors.wrong_credentials');
  });

  it('ends the session on sign-out, and expires sessions', async () => {
    const { email } = await h.user('partner');
    const first = await signIn(await anonymous(), { email, password: PASSWORD });
    await signOut(await h.as({ sessionToken: first.sessionToken }));
    expect((await h.as({ sessionToken: first.sessionToken })).actor.kind).toBe('anonymous');
    const second = await signIn(await anonymous(), { email, password: PASSWORD });
    h.clock.advance(8 * 24 * 3600);
    expect((await h.as({ sessionToken: second.sessionToken })).actor.kind).toBe('anonymous');
  });

  it('validates the input and names the field', async () => {
    const error = await failure(signIn(await anonymous(), { email: 'not an address', password: '' }));
    expect(error.code).toBe('invalid_input');
    expect(error.fields.map((f) => f.path).sort()).toEqual(['email', 'password']);
  });

  it('treats a tampered session cookie as no session (401 on the API, never a 500)', async () => {
    const { email } = await h.user('retailer');
    const { sessionToken } = await signIn(await anonymous(), { email, password: PASSWORD });
    const good = sign(sessionToken, h.config.sessionSecret);
    const ok = await h.request('/api/v1/me', { headers: { cookie: `virage_session=${good}` } });
    expect(ok.status).toBe(200);
    const tampered = `${good.slice(0, 10)}${good[10] === 'A' ? 'B' : 'A'}${good.slice(11)}`;
    const res = await h.request('/api/v1/me', { headers: { cookie: `virage_session=${tampered}` } });
    expect(res.status).toBe(401);
    const garbage = await h.request('/api/v1/me', { headers: { cookie: 'virage_session=%E0%A4%A' } });
    expect(garbage.status).toBe(401);
  });
});
