import { RouterContextProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmTotpEnrolment } from '../../src/modules/identity/use-cases/confirm-totp-enrolment.ts';
import { getMe } from '../../src/modules/identity/use-cases/get-me.ts';
import { listUsers } from '../../src/modules/identity/use-cases/list-users.ts';
import { signIn } from '../../src/modules/identity/use-cases/sign-in.ts';
import { startTotpEnrolment } from '../../src/modules/identity/use-cases/start-totp-enrolment.ts';
import { verifySecondFactor } from '../../src/modules/identity/use-cases/verify-second-factor.ts';
import { totpCode } from '../../src/platform/auth/totp.ts';
import { AppError } from '../../src/platform/errors.ts';
import { sessionCookie } from '../../src/platform/http/cookies.ts';
import { requestScope } from '../../src/platform/http/request-scope.ts';
import { pageLoader } from '../../src/platform/ui/route.server.ts';
import { createHarness, engine, type Harness, PASSWORD } from '../support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h?.close());

const rejected = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: AppError) => e,
  );

async function enrolledAdmin() {
  const { email } = await h.user('admin');
  const first = await signIn(await h.as({}), { email, password: PASSWORD });
  expect(first.next).toBe('enrol_second_factor');
  const pending = await h.as({ sessionToken: first.sessionToken });
  const { secret } = await startTotpEnrolment(pending);
  expect((await startTotpEnrolment(pending)).secret).toBe(secret); // reloading keeps the same secret
  const { recoveryCodes } = await confirmTotpEnrolment(pending, { code: totpCode(secret, h.clock.now) });
  return { email, secret, recoveryCodes, firstSession: first.sessionToken };
}

describe(`second factor (${engine})`, () => {
  it('is required of staff: until enrolled, a staff session can only set it up', async () => {
    const { email } = await h.user('coordinator');
    const result = await signIn(await h.as({}), { email, password: PASSWORD });
    expect(result.next).toBe('enrol_second_factor');
    const ctx = await h.as({ sessionToken: result.sessionToken });
    expect(ctx.actor).toMatchObject({ kind: 'user', secondFactor: false });
    expect(getMe(ctx).email).toBe(email); // reading one's own account is allowed, to enrol
    expect((await rejected(listUsers(ctx, {}))).code).toBe('second_factor_required');
  });

  it('sends a staff member who has not given it to give it, from a page that checks rights itself', async () => {
    const { email } = await h.user('coordinator');
    const { sessionToken } = await signIn(await h.as({}), { email, password: PASSWORD });
    const ctx = await h.as({ sessionToken });
    const context = new RouterContextProvider();
    context.set(requestScope, { ctx, nonce: 'n', csrfToken: 'c', secureCookies: false });
    // As the review page does when the actor may not review (which, before the code, they may not).
    const loader = pageLoader(() => {
      throw new AppError('forbidden');
    });
    const request = new Request('http://virage.test/review/some-id?tab=notes');
    const thrown = (await loader({ request, params: {}, context }).catch((e: unknown) => e)) as Response;
    expect(thrown.status).toBe(302);
    expect(thrown.headers.get('location')).toBe('/sign-in/verify?next=%2Freview%2Fsome-id%3Ftab%3Dnotes');
  });

  it('answers the API with a problem saying the second factor is required, and where to give it', async () => {
    const { email } = await h.user('coordinator');
    const { sessionToken, expiresAt } = await signIn(await h.as({}), { email, password: PASSWORD });
    const cookie = sessionCookie(sessionToken, expiresAt, h.config.sessionSecret, false, h.clock.now);
    const res = await h.request('/api/v1/applications', {
      headers: { cookie: cookie.split(';')[0]!, 'accept-language': 'en' },
    });
    expect(res.status).toBe(403);
    const problem = await res.json();
    expect(problem).toMatchObject({
      type: 'urn:virage:problem:second_factor_required',
      title: 'Second factor required',
    });
    expect(problem.detail).toContain('/sign-in/verify');
  });

  it('is not asked of retailers who did not turn it on', async () => {
    const { email } = await h.user('retailer');
    expect((await signIn(await h.as({}), { email, password: PASSWORD })).next).toBe('done');
  });

  it('enrols with a code from the authenticator and gives ten recovery codes', async () => {
    const { recoveryCodes, firstSession } = await enrolledAdmin();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // The session that enrolled is now complete.
    expect((await h.as({ sessionToken: firstSession })).actor).toMatchObject({ secondFactor: true });
  });

  it('refuses a wrong enrolment code, naming the field', async () => {
    const { email } = await h.user('expert');
    const { sessionToken } = await signIn(await h.as({}), { email, password: PASSWORD });
    const ctx = await h.as({ sessionToken });
    await startTotpEnrolment(ctx);
    const error = await rejected(confirmTotpEnrolment(ctx, { code: '000000' }));
    expect(error.code).toBe('invalid_input');
    expect(error.fields[0]?.path).toBe('code');
    // Recovery codes do not exist yet: the message must not offer them.
    for (const locale of ['fr', 'en'] as const) {
      const message = h.services.i18n.getFixedT(locale)(error.fields[0]!.key);
      expect(message).not.toMatch(/récupération|recovery/i);
      expect(message).toMatch(/QR/);
    }
  });

  it('asks for the code at each sign-in; a code works once; throttles guesses', async () => {
    const { email, secret } = await enrolledAdmin();
    h.clock.advance(60);
    const { sessionToken, next } = await signIn(await h.as({}), { email, password: PASSWORD });
    expect(next).toBe('second_factor');
    const ctx = await h.as({ sessionToken });
    expect(ctx.actor).toMatchObject({ secondFactor: false });
    const code = totpCode(secret, h.clock.now);
    await verifySecondFactor(ctx, { code });
    expect((await h.as({ sessionToken })).actor).toMatchObject({ secondFactor: true });

    // The same code again, on another session: refused (no replay within its window).
    const other = await signIn(await h.as({}), { email, password: PASSWORD });
    const otherCtx = await h.as({ sessionToken: other.sessionToken });
    expect((await rejected(verifySecondFactor(otherCtx, { code }))).code).toBe('invalid_input');
    for (let i = 0; i < 4; i++) await rejected(verifySecondFactor(otherCtx, { code: '123456' }));
    const blocked = await rejected(
      verifySecondFactor(otherCtx, { code: totpCode(secret, new Date(h.clock.now.getTime() + 30_000)) }),
    );
    expect(blocked.code).toBe('rate_limited');
  });

  it('accepts each recovery code once, in any case and with or without the dash', async () => {
    const { email, recoveryCodes } = await enrolledAdmin();
    const first = await signIn(await h.as({}), { email, password: PASSWORD });
    const ctx = await h.as({ sessionToken: first.sessionToken });
    const code = recoveryCodes[0]!;
    await expect(verifySecondFactor(ctx, { code: code.toLowerCase().replace('-', '') })).resolves.toEqual({
      usedRecoveryCode: true,
    });
    const second = await signIn(await h.as({}), { email, password: PASSWORD });
    const again = await rejected(
      verifySecondFactor(await h.as({ sessionToken: second.sessionToken }), { code }),
    );
    expect(again.code).toBe('invalid_input');
  });

  it('lets an API token act fully (tokens are only created after the second factor)', async () => {
    const { email } = await enrolledAdmin();
    const res = await h.request('/api/v1/users', { token: await h.token(email) });
    expect(res.status).toBe(200);
  });
});
