import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changePassword } from '../../src/modules/identity/use-cases/change-password.ts';
import { changeUserRole } from '../../src/modules/identity/use-cases/change-user-role.ts';
import { requestPasswordReset } from '../../src/modules/identity/use-cases/request-password-reset.ts';
import { resetPassword } from '../../src/modules/identity/use-cases/reset-password.ts';
import { setUserActive } from '../../src/modules/identity/use-cases/set-user-active.ts';
import { signIn } from '../../src/modules/identity/use-cases/sign-in.ts';
import { updateProfile } from '../../src/modules/identity/use-cases/update-profile.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import type { AppError } from '../../src/platform/errors.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import { createHarness, engine, type Harness, PASSWORD } from '../support/harness.ts';

let h: Harness;
let admin: { id: string; email: string; token: string };
beforeAll(async () => {
  h = await createHarness();
  const created = await h.user('admin');
  admin = { ...created, token: await h.token(created.email) };
});
afterAll(() => h?.close());

const rejected = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: AppError) => e,
  );
const mailsTo = (email: string) =>
  h.services.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));

describe(`password reset (${engine})`, () => {
  it('mails a one-hour link in the account language, and answers the same for unknown addresses', async () => {
    const { email } = await h.user('retailer', { locale: 'en' });
    await requestPasswordReset(await h.as({}, { ip: '203.0.113.50' }), { email });
    await requestPasswordReset(await h.as({}, { ip: '203.0.113.50' }), { email: 'ghost@example.ca' });
    expect(await mailsTo('ghost@example.ca')).toHaveLength(0);
    const [mail] = await mailsTo(email);
    expect(mail?.subject).toBe('Choose a new password for Virage');
    const token = /\/password\/reset\/([\w-]+)/.exec(mail!.textBody)![1]!;

    const old = await signIn(await h.as({}), { email, password: PASSWORD });
    await resetPassword(await h.as({}), { token, password: 'a brand new long password' });
    expect((await h.as({ sessionToken: old.sessionToken })).actor.kind).toBe('anonymous'); // signed out everywhere
    await expect(
      signIn(await h.as({}), { email, password: 'a brand new long password' }),
    ).resolves.toBeTruthy();
    const reused = await rejected(
      resetPassword(await h.as({}), { token, password: 'another long password' }),
    );
    expect(reused.key).toBe('identity:errors.reset_link_invalid');
  });

  it('refuses an expired link', async () => {
    const { email } = await h.user('retailer');
    await requestPasswordReset(await h.as({}, { ip: '203.0.113.51' }), { email });
    const token = /\/password\/reset\/([\w-]+)/.exec((await mailsTo(email))[0]!.textBody)![1]!;
    h.clock.advance(3601);
    expect(
      (await rejected(resetPassword(await h.as({}), { token, password: 'a brand new long password' }))).code,
    ).toBe('not_found');
  });

  it('throttles repeated requests for one address', async () => {
    const { email } = await h.user('retailer');
    for (let i = 0; i < 3; i++)
      await requestPasswordReset(await h.as({}, { ip: `203.0.113.${60 + i}` }), { email });
    const error = await rejected(requestPasswordReset(await h.as({}, { ip: '203.0.113.70' }), { email }));
    expect(error.code).toBe('rate_limited');
    expect(await mailsTo(email)).toHaveLength(3);
  });
});

describe(`own account (${engine})`, () => {
  it('changes the password after checking the current one, closing the other sessions', async () => {
    const { email } = await h.user('partner');
    const a = await signIn(await h.as({}), { email, password: PASSWORD });
    const b = await signIn(await h.as({}), { email, password: PASSWORD });
    const ctx = await h.as({ sessionToken: a.sessionToken });
    const wrong = await rejected(
      changePassword(ctx, { currentPassword: 'nope', newPassword: 'a brand new long password' }),
    );
    expect(wrong.fields[0]?.path).toBe('currentPassword');
    await changePassword(ctx, { currentPassword: PASSWORD, newPassword: 'a brand new long password' });
    expect((await h.as({ sessionToken: a.sessionToken })).actor.kind).toBe('user');
    expect((await h.as({ sessionToken: b.sessionToken })).actor.kind).toBe('anonymous');
  });

  it('changes name and language, and audits what changed', async () => {
    const { email, id } = await h.user('retailer', { name: 'Avant' });
    const { sessionToken } = await signIn(await h.as({}), { email, password: PASSWORD });
    await updateProfile(await h.as({ sessionToken }), { name: 'Après', locale: 'en' });
    expect((await h.as({ sessionToken })).actor).toMatchObject({ name: 'Après', locale: 'en' });
    const [event] = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'account.profile_updated')));
    expect(event?.changes).toEqual({ name: ['Avant', 'Après'], locale: ['fr', 'en'] });
    expect(event?.actorId).toBe(id);
  });
});

describe(`administration of accounts (${engine})`, () => {
  it('changes a role and records before and after', async () => {
    const { id } = await h.user('expert');
    await changeUserRole(await h.as({ bearerToken: admin.token }), id, { role: 'coordinator' });
    const [event] = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'user.role_changed')));
    expect(event).toMatchObject({
      actorId: admin.id,
      changes: { role: ['expert', 'coordinator'] },
      requestId: 'test-request',
    });
  });

  it('never leaves the program without an active administrator', async () => {
    const ctx = await h.as({ bearerToken: admin.token });
    expect((await rejected(changeUserRole(ctx, admin.id, { role: 'expert' }))).key).toBe(
      'identity:errors.last_admin',
    );
    expect((await rejected(setUserActive(ctx, admin.id, { active: false }))).key).toBe(
      'identity:errors.deactivate_self',
    );
  });

  it('deactivation closes sessions and stops tokens at once', async () => {
    const { email, id } = await h.user('coordinator');
    const token = await h.token(email);
    expect((await h.request('/api/v1/me', { token })).status).toBe(200);
    const res = await h.request(`/api/v1/users/${id}`, {
      method: 'PATCH',
      token: admin.token,
      json: { active: false },
    });
    expect(res.status).toBe(204);
    expect((await h.request('/api/v1/me', { token })).status).toBe(401);
  });

  it('answers 404 for an unknown or malformed account id', async () => {
    const ctx = await h.as({ bearerToken: admin.token });
    expect((await rejected(changeUserRole(ctx, 'not-a-uuid', { role: 'expert' }))).code).toBe('not_found');
    const res = await h.request('/api/v1/users/0190aaaa-0000-7000-8000-000000000000', {
      method: 'PATCH',
      token: admin.token,
      json: { role: 'expert' },
    });
    expect(res.status).toBe(404);
  });
});

describe(`audit log (${engine})`, () => {
  it('cannot be changed or erased, even by the application database user', async () => {
    const db = h.services.database.db;
    const [any] = await db.select().from(auditEvents).limit(1);
    expect(any).toBeTruthy();
    await expect(
      db.update(auditEvents).set({ action: 'rewritten' }).where(eq(auditEvents.id, any!.id)),
    ).rejects.toThrow();
    await expect(db.delete(auditEvents).where(eq(auditEvents.id, any!.id))).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const [still] = await db.select().from(auditEvents).where(eq(auditEvents.id, any!.id));
    expect(still?.action).toBe(any!.action);
  });

  it('is written in the same transaction as the change: a failed change leaves no event', async () => {
    const db = h.services.database.db;
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]!.n;
    const before = await count();
    const ctx = await h.as({ bearerToken: admin.token });
    await rejected(changeUserRole(ctx, admin.id, { role: 'expert' }));
    expect(await count()).toBe(before);
  });

  it('can be browsed and filtered by administrators through the API', async () => {
    const res = await h.request('/api/v1/audit-events?action=user.role&limit=5', { token: admin.token });
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e: { action: string }) => e.action.startsWith('user.role'))).toBe(true);
    const bad = await h.request('/api/v1/audit-events?from=31-03-2027', { token: admin.token });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].path).toBe('from');
  });
});

describe(`sign-up (${engine})`, () => {
  const signUp = (email: string, ip: string, acceptLanguage = 'fr') =>
    h.request('/api/v1/accounts', {
      method: 'POST',
      ip,
      headers: { 'accept-language': acceptLanguage },
      json: { name: 'Quelqu’un', email, password: 'a long enough password', locale: 'fr' },
    });

  it('answers the same whether the address has an account, staff included, and e-mails its owner', async () => {
    const staff = await h.user('coordinator', { locale: 'en' });
    const taken = await signUp(staff.email, '198.51.100.20');
    const free = await signUp('nouvelle@example.ca', '198.51.100.21');
    expect(taken.status).toBe(202);
    expect(free.status).toBe(202);
    expect(await taken.json()).toEqual(await free.json());
    expect(taken.headers.get('content-type')).toBe(free.headers.get('content-type'));
    // The owner learns of the attempt in their own language, whatever the request asked for, with the
    // links to sign in and to choose a new password; the new address gets its confirmation link.
    const [attempt] = await mailsTo(staff.email);
    expect(attempt).toMatchObject({ locale: 'en', template: 'identity:mail.registration_attempt' });
    expect(attempt!.textBody).toContain('http://virage.test/sign-in');
    expect(attempt!.textBody).toContain('http://virage.test/password/forgot');
    expect((await mailsTo('nouvelle@example.ca')).map((m) => m.template)).toEqual([
      'identity:mail.verify_email',
    ]);
    // The existing account is untouched: its password still works.
    expect((await signIn(await h.as({}), { email: staff.email, password: PASSWORD })).next).toBe(
      'enrol_second_factor',
    );
  });

  it('leads back to the application with the pre-check answers once the address is confirmed', async () => {
    const next = '/apply?region=06&postalCode=h2x+3k4&employees=8';
    const answer = await h.request('/api/v1/accounts', {
      method: 'POST',
      ip: '198.51.100.25',
      json: { name: 'Quelqu’un', email: 'suite@example.ca', password: 'a long enough password', next },
    });
    expect(answer.status).toBe(202);
    const [mail] = await mailsTo('suite@example.ca');
    expect(mail!.textBody).toMatch(
      new RegExp(`/account/verify/[\\w-]+\\?next=${encodeURIComponent(next).replace(/[.+?]/g, '\\$&')}`),
    );
    // Only the application form: no way out to another site.
    const elsewhere = await h.request('/api/v1/accounts', {
      method: 'POST',
      ip: '198.51.100.26',
      json: {
        name: 'Quelqu’un',
        email: 'ailleurs@example.ca',
        password: 'a long enough password',
        next: '//evil.example/apply',
      },
    });
    expect(elsewhere.status).toBe(422);
    expect((await elsewhere.json()).errors[0].path).toBe('next');
  });

  it('takes about as long either way', async () => {
    const time = async (email: string, ip: string) => {
      const started = performance.now();
      expect((await signUp(email, ip)).status).toBe(202);
      return performance.now() - started;
    };
    const taken: number[] = [];
    const free: number[] = [];
    for (let i = 0; i < 5; i++) {
      taken.push(await time((await h.user('retailer')).email, `198.51.100.${30 + i}`));
      free.push(await time(`timing${i}@example.ca`, `198.51.100.${40 + i}`));
    }
    // The fastest of several tries, as the least disturbed by whatever else the machine is doing.
    const ratio = Math.min(...taken) / Math.min(...free);
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1 / 0.7);
  });

  it('is throttled per address and per client, like sign-in', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await signUp('cible@example.ca', `198.51.100.${60 + i}`)).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    const probes = [];
    for (let i = 0; i < 12; i++) probes.push((await signUp(`sonde${i}@example.ca`, '198.51.100.70')).status);
    expect(probes.slice(0, 10).every((s) => s === 202)).toBe(true);
    const refused = await signUp('sonde-encore@example.ca', '198.51.100.70');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    expect(await mailsTo('sonde-encore@example.ca')).toHaveLength(0);
  });
});
