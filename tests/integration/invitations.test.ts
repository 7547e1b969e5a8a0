import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation } from '../../src/modules/identity/use-cases/accept-invitation.ts';
import { createFirstAdminLink } from '../../src/modules/identity/use-cases/create-first-admin-link.ts';
import { getInvitation } from '../../src/modules/identity/use-cases/get-invitation.ts';
import { getMe } from '../../src/modules/identity/use-cases/get-me.ts';
import { inviteUser } from '../../src/modules/identity/use-cases/invite-user.ts';
import { listPendingInvitations } from '../../src/modules/identity/use-cases/list-pending-invitations.ts';
import type { AppError } from '../../src/platform/errors.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';

let h: Harness;
let adminToken: string;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h?.close());

const tokenOf = (link: string) => link.split('/invitations/')[1]!;
const rejected = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: AppError) => e,
  );

describe(`first run (${engine})`, () => {
  it('offers a one-time administrator link only while there is no administrator', async () => {
    const first = await createFirstAdminLink(h.system);
    expect(first?.link).toMatch(/^http:\/\/virage\.test\/invitations\/[\w-]{40,}$/);
    expect(first!.expiresAt.getTime() - h.clock.now.getTime()).toBe(24 * 3600 * 1000);
    // A new link replaces the previous one.
    const second = await createFirstAdminLink(h.system);
    expect((await getInvitation(await h.as({}), tokenOf(first!.link))).state).toBe('expired');
    // The first-run link asks for the address.
    const missing = await rejected(
      acceptInvitation(await h.as({}), {
        token: tokenOf(second!.link),
        name: 'Ada',
        password: 'a long enough password',
      }),
    );
    expect(missing.fields[0]?.path).toBe('email');
    const created = await acceptInvitation(await h.as({}), {
      token: tokenOf(second!.link),
      name: 'Ada Lovelace',
      email: 'ada@example.ca',
      password: 'a long enough password',
    });
    expect(created.next).toBe('enrol_second_factor');
    expect(getMe(await h.as({ sessionToken: created.sessionToken }))).toMatchObject({
      role: 'admin',
      email: 'ada@example.ca',
    });
    expect(await createFirstAdminLink(h.system)).toBeUndefined();
    adminToken = await h.token('ada@example.ca');
  });

  it('cannot be used by anyone but the operator', async () => {
    expect(await createFirstAdminLink(await h.as({}))).toBeUndefined();
  });
});

describe(`invitations (${engine})`, () => {
  it('sends the invitation in the language chosen for the recipient', async () => {
    const admin = await h.as({ bearerToken: adminToken });
    const sent = await inviteUser(admin, { email: 'Coord@Example.ca', role: 'coordinator', locale: 'en' });
    expect(sent.email).toBe('coord@example.ca');
    const [mail] = await h.services.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'coord@example.ca'));
    expect(mail).toMatchObject({ locale: 'en', subject: 'Invitation to join Virage', status: 'queued' });
    expect(mail!.textBody).toContain(sent.link);
    expect(mail!.textBody).toContain('“Program coordination”');
    expect(mail!.htmlBody).toContain('lang="en"');
  });

  it('creates the account with the invited role, once', async () => {
    const admin = await h.as({ bearerToken: adminToken });
    const { link } = await inviteUser(admin, { email: 'expert@example.ca', role: 'expert' });
    const token = tokenOf(link);
    expect(await getInvitation(await h.as({}), token)).toMatchObject({
      state: 'valid',
      role: 'expert',
      email: 'expert@example.ca',
    });
    const accepted = await acceptInvitation(await h.as({}), {
      token,
      name: "Jean-Sébastien O'Neil 🚀",
      password: 'a long enough password',
    });
    const me = getMe(await h.as({ sessionToken: accepted.sessionToken }));
    expect(me).toMatchObject({
      role: 'expert',
      email: 'expert@example.ca',
      name: "Jean-Sébastien O'Neil 🚀",
    });
    const reused = await rejected(
      acceptInvitation(await h.as({}), { token, name: 'X', password: 'a long enough password' }),
    );
    expect(reused.code).toBe('conflict');
    expect(reused.key).toBe('identity:errors.invitation_used');
    expect((await getInvitation(await h.as({}), token)).state).toBe('used');
  });

  it('expires after seven days, and a new invitation replaces the old one', async () => {
    const admin = await h.as({ bearerToken: adminToken });
    const old = await inviteUser(admin, { email: 'late@example.ca', role: 'partner' });
    const fresh = await inviteUser(admin, { email: 'late@example.ca', role: 'partner' });
    expect((await getInvitation(await h.as({}), tokenOf(old.link))).state).toBe('expired');
    h.clock.advance(7 * 24 * 3600 + 1);
    const expired = await rejected(
      acceptInvitation(await h.as({}), {
        token: tokenOf(fresh.link),
        name: 'Late',
        password: 'a long enough password',
      }),
    );
    expect(expired.key).toBe('identity:errors.invitation_expired');
  });

  it('refuses an unknown link and an address that already has an account', async () => {
    const unknown = await rejected(
      acceptInvitation(await h.as({}), {
        token: 'x'.repeat(43),
        name: 'X',
        password: 'a long enough password',
      }),
    );
    expect(unknown.code).toBe('not_found');
    const admin = await h.as({ bearerToken: adminToken });
    const taken = await rejected(inviteUser(admin, { email: 'ada@example.ca', role: 'expert' }));
    expect(taken.fields).toEqual([{ path: 'email', key: 'identity:validation.email_taken' }]);
  });

  it('checks the password length and names the field', async () => {
    const admin = await h.as({ bearerToken: adminToken });
    const { link } = await inviteUser(admin, { email: 'short@example.ca', role: 'retailer' });
    const error = await rejected(
      acceptInvitation(await h.as({}), { token: tokenOf(link), name: 'S', password: 'short' }),
    );
    expect(error.fields).toEqual([
      { path: 'password', key: 'common:validation.too_short', params: { min: 12 }, ns: 'identity' },
    ]);
  });

  it('lets a coordinator invite partner members and experts, never staff above them', async () => {
    const { email } = await h.user('coordinator');
    const coordinator = await h.as({ bearerToken: await h.token(email) });
    for (const role of ['admin', 'coordinator', 'ministry', 'researcher', 'retailer']) {
      const refused = await rejected(inviteUser(coordinator, { email: `${role}-x@example.ca`, role }));
      expect(refused.code, role).toBe('forbidden');
    }
    const expert = await inviteUser(coordinator, { email: 'new-expert@example.ca', role: 'expert' });
    const partner = await inviteUser(coordinator, { email: 'new-partner@example.ca', role: 'partner' });
    await inviteUser(await h.as({ bearerToken: adminToken }), { email: 'boss@example.ca', role: 'admin' });
    // They see the invitations they could have sent, not the administrators'.
    const pending = (await listPendingInvitations(coordinator)).map((i) => i.id);
    expect(pending).toContain(expert.id);
    expect(pending).toContain(partner.id);
    expect((await listPendingInvitations(coordinator)).map((i) => i.role)).not.toContain('admin');
    const retailer = await h.as({ bearerToken: await h.token((await h.user('retailer')).email) });
    expect((await rejected(listPendingInvitations(retailer))).code).toBe('forbidden');
  });

  it('lists the invitations whose link still works, newest first', async () => {
    const admin = await h.as({ bearerToken: adminToken });
    await inviteUser(admin, { email: 'lapsed@example.ca', role: 'expert' });
    h.clock.advance(7 * 24 * 3600 + 1);
    const joined = await inviteUser(admin, { email: 'joined@example.ca', role: 'expert' });
    await acceptInvitation(await h.as({}), {
      token: tokenOf(joined.link),
      name: 'Joined',
      password: 'a long enough password',
    });
    await inviteUser(admin, { email: 'twice@example.ca', role: 'partner' });
    h.clock.advance(60);
    const replacement = await inviteUser(admin, { email: 'twice@example.ca', role: 'coordinator' });
    h.clock.advance(60);
    const waiting = await inviteUser(admin, { email: 'waiting@example.ca', role: 'expert' });

    const pending = await listPendingInvitations(admin);
    expect(pending).toEqual([
      {
        id: waiting.id,
        email: 'waiting@example.ca',
        role: 'expert',
        sentAt: h.clock.now,
        expiresAt: waiting.expiresAt,
      },
      expect.objectContaining({ id: replacement.id, email: 'twice@example.ca', role: 'coordinator' }),
    ]);
  });
});
