import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/modules/identity/db/tables.ts';
import { remindDuePrivacyRequests } from '../../src/modules/privacy/use-cases/remind-due-privacy-requests.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';

// Decision 42: a deletion request answered by the account's deletion, and the officers' reminder
// before a request's 30-day clock runs out.

const DAY = 86_400;
let h: Harness;
let officer: string;
let officerEmail: string;

async function api(path: string, token: string, init: { method?: string; json?: unknown } = {}) {
  const res = await h.request(`/api/v1${path}`, { ...init, token });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
const person = async (locale: 'fr' | 'en' = 'fr') => {
  const user = await h.user('retailer', { locale, name: 'Zoé Tremblay' });
  return { ...user, token: await h.token(user.email) };
};
const fileRequest = async (token: string, kind: string) => {
  const filed = await api('/privacy-requests', token, {
    method: 'POST',
    json: { kind, details: 'Je veux que mon compte disparaisse.' },
  });
  expect(filed.status).toBe(201);
  return filed.body as { id: string; requesterId: string };
};
const mailsTo = (email: string) =>
  h.services.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email));

beforeAll(async () => {
  h = await createHarness();
  officerEmail = (await h.user('privacy', { locale: 'en' })).email;
  officer = await h.token(officerEmail);
});
afterAll(() => h?.close());

describe(`a deletion request answered by the deletion (${engine})`, () => {
  it('deletes the account, answers the request with the officer’s text and records the link, in one go', async () => {
    const zoe = await person();
    const request = await fileRequest(zoe.token, 'deletion');
    expect(request.requesterId).toBe(zoe.id);

    const deleted = await api(`/privacy/accounts/${zoe.id}/deletion`, officer, {
      method: 'POST',
      json: { reason: 'Votre compte est supprimé.', requestId: request.id },
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ userId: zoe.id, requestId: request.id });

    const answered = await api(`/privacy-requests/${request.id}`, officer);
    expect(answered.body).toMatchObject({
      status: 'answered',
      answer: 'Votre compte est supprimé.',
      accountErasedAt: h.clock.now.toISOString(),
      clock: { overdue: false },
    });
    const [account] = await h.services.database.db.select().from(users).where(eq(users.id, zoe.id));
    expect(account).toMatchObject({ email: `erased-${zoe.id}@invalid`, erasedAt: h.clock.now });
    // The answer is owed to the person: it goes to the address the request came from, the only mail kept.
    const told = await mailsTo(zoe.email);
    expect(told.map((m) => m.template)).toEqual(['privacy:mail.request_answered']);
    expect(told[0]!.textBody).toContain('Votre compte est supprimé.');
    const audit = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'account.delete'), eq(auditEvents.entityId, zoe.id)));
    expect(audit[0]!.changes).toMatchObject({ requestId: request.id });
    const [answerAudit] = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'privacy_request.answered'), eq(auditEvents.entityId, request.id)));
    expect(answerAudit!.changes).toEqual({ status: ['received', 'answered'], accountErased: true });
  });

  it('refuses a request that is not this person’s open deletion request, and deletes nothing', async () => {
    const zoe = await person();
    const other = await person();
    const correction = await fileRequest(zoe.token, 'correction');
    const othersDeletion = await fileRequest(other.token, 'deletion');
    for (const requestId of [correction.id, othersDeletion.id]) {
      const refused = await api(`/privacy/accounts/${zoe.id}/deletion`, officer, {
        method: 'POST',
        json: { reason: 'Suppression demandée', requestId },
      });
      expect(refused.status).toBe(409);
      expect(refused.body.detail).toBe('This request is not an open deletion request of this person.');
    }
    const [account] = await h.services.database.db.select().from(users).where(eq(users.id, zoe.id));
    expect(account).toMatchObject({ email: zoe.email, erasedAt: null });
    expect((await api(`/privacy-requests/${othersDeletion.id}`, officer)).body.status).toBe('received');
  });
});

describe(`the due-day reminder (${engine})`, () => {
  it('tells the officers once, five days before the due day, of each request still open', async () => {
    // Earlier tests' open requests are reminded first, so each step counts from a clean slate.
    h.clock.advance(40 * DAY);
    expect(await remindDuePrivacyRequests(h.system)).toBe(2);
    const zoe = await person('en');
    const open = await fileRequest(zoe.token, 'access');
    const answered = await fileRequest(zoe.token, 'correction');
    await api(`/privacy-requests/${answered.id}/answer`, officer, {
      method: 'POST',
      json: { status: 'answered', answer: 'Corrigé.' },
    });
    const earlier = (await mailsTo(officerEmail)).map((m) => m.id);
    const reminders = async () =>
      (await mailsTo(officerEmail)).filter(
        (m) => m.template === 'privacy:mail.request_due_soon' && !earlier.includes(m.id),
      );

    expect(await remindDuePrivacyRequests(h.system)).toBe(0);
    h.clock.advance(24 * DAY); // due in six days
    expect(await remindDuePrivacyRequests(h.system)).toBe(0);
    h.clock.advance(DAY); // due in five days
    expect(await remindDuePrivacyRequests(h.system)).toBe(1);
    const [mail] = await reminders();
    expect(mail!.subject).toBe('A request about personal information is nearly due');
    expect(mail!.textBody).toContain('Access');
    expect(mail!.textBody).toContain((await api(`/privacy-requests/${open.id}`, officer)).body.clock.dueOn);
    expect(mail!.textBody).not.toContain('disparaisse');
    // Once per request, however often the job runs.
    h.clock.advance(DAY);
    expect(await remindDuePrivacyRequests(h.system)).toBe(0);
    expect(await reminders()).toHaveLength(1);
  });
});
