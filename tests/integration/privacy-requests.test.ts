import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';

const DAY = 86_400;
const OFFICER_ADMIN = 'designee@example.ca';

let h: Harness;
let officer: string;
let officerEmail: string;
let retailer: { id: string; email: string; token: string };
let english: { id: string; email: string; token: string };
beforeAll(async () => {
  h = await createHarness({ env: { PRIVACY_OFFICER_ADMINS: ` ${OFFICER_ADMIN.toUpperCase()} ` } });
  officerEmail = (await h.user('privacy', { locale: 'en' })).email;
  officer = await h.token(officerEmail);
  const account = async (locale: 'fr' | 'en') => {
    const user = await h.user('retailer', {
      locale,
      name: locale === 'fr' ? 'Rémi Détaillant' : 'Ruth Retailer',
    });
    return { ...user, token: await h.token(user.email) };
  };
  retailer = await account('fr');
  english = await account('en');
});
afterAll(() => h?.close());

const file = (token: string, json: unknown) =>
  h.request('/api/v1/privacy-requests', { method: 'POST', token, json });
const answer = (id: string, json: unknown, token = officer) =>
  h.request(`/api/v1/privacy-requests/${id}/answer`, { method: 'POST', token, json });
const mailsTo = (email: string) =>
  h.services.database.db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.toAddress, email))
    .orderBy(mailOutbox.createdAt);

describe(`privacy requests (${engine})`, () => {
  it('files a request with a 30-day clock and acknowledges it by e-mail in the person’s language', async () => {
    const res = await file(english.token, { kind: 'correction', details: 'My trade name is misspelt.' });
    expect(res.status).toBe(201);
    const filed = await res.json();
    // The harness's clock reads 2027-01-15 10:00 in Montréal: 30 days later is 14 February.
    expect(filed).toMatchObject({
      kind: 'correction',
      status: 'received',
      answer: null,
      requester: { email: english.email, locale: 'en' },
      clock: { dueOn: '2027-02-14', daysLeft: 30, overdue: false },
    });
    const [mail] = await mailsTo(english.email);
    expect(mail!.subject).toBe('We have received your request');
    expect(mail!.textBody).toContain('Correction');
    expect(mail!.textBody).toContain('2027-02-14');
    expect(mail!.textBody).toContain('http://virage.test/account/privacy/requests');
    const [audit] = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, filed.id));
    expect(audit).toMatchObject({ action: 'privacy_request.filed', actorEmail: english.email });
    // The text may hold personal facts: the audit keeps the kind, not the words.
    expect(JSON.stringify(audit!.changes)).not.toContain('misspelt');
    // The officer hears of it, in their language, without the person's words.
    const [told] = await mailsTo(officerEmail);
    expect(told!.subject).toBe('New request about personal information');
    expect(told!.textBody).toContain('Correction');
    expect(told!.textBody).toContain('2027-02-14');
    expect(told!.textBody).not.toContain('misspelt');
  });

  it('refuses a bad request naming the field, in the reader’s language, and writes nothing', async () => {
    const before = await h.services.database.db.select().from(mailOutbox);
    const res = await h.request('/api/v1/privacy-requests', {
      method: 'POST',
      token: retailer.token,
      json: { kind: 'gossip', details: '   ' },
      headers: { 'accept-language': 'fr' },
    });
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual(['details', 'kind']);
    expect(problem.errors.find((e: { path: string }) => e.path === 'details').message).toMatch(
      /obligatoire/i,
    );
    const tooLong = await file(retailer.token, { kind: 'access', details: 'x'.repeat(8001) });
    expect(tooLong.status).toBe(422);
    expect((await h.services.database.db.select().from(mailOutbox)).length).toBe(before.length);
  });

  it('shows the person their own requests only, and hides others’ from them', async () => {
    const mine = await file(retailer.token, { kind: 'access', details: 'Une copie de mon dossier, svp.' });
    const { id } = await mine.json();
    const list = await (
      await h.request('/api/v1/privacy-requests?mine=true', { token: retailer.token })
    ).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await h.request(`/api/v1/privacy-requests/${id}`, { token: retailer.token })).status).toBe(200);
    expect((await h.request(`/api/v1/privacy-requests/${id}`, { token: english.token })).status).toBe(404);
    // Without mine=true, the list is the officer's queue: a person is refused it.
    expect((await h.request('/api/v1/privacy-requests', { token: retailer.token })).status).toBe(403);
  });

  it('counts the days down, and puts overdue requests first in the officer’s queue', async () => {
    const late = await (
      await file(retailer.token, { kind: 'deletion', details: 'Supprimez mon compte.' })
    ).json();
    h.clock.advance(20 * DAY);
    const recent = await (
      await file(english.token, { kind: 'complaint', details: 'Too many e-mails.' })
    ).json();
    h.clock.advance(12 * DAY); // the deletion request is now 32 days old
    const queue = await (
      await h.request('/api/v1/privacy-requests?status=received,in_progress', { token: officer })
    ).json();
    const ids = queue.items.map((r: { id: string }) => r.id);
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(recent.id));
    const shown = (id: string) => queue.items.find((r: { id: string }) => r.id === id);
    expect(shown(late.id).clock).toEqual({ dueOn: late.clock.dueOn, daysLeft: -2, overdue: true });
    expect(shown(recent.id).clock).toMatchObject({ daysLeft: 18, overdue: false });
    // Answering stops the clock: an answered request is never overdue.
    const done = await (await answer(late.id, { status: 'answered', answer: 'Compte supprimé.' })).json();
    expect(done.clock).toMatchObject({ daysLeft: -2, overdue: false });
  });

  it('takes a request up, then answers it; the person is told each time in their language', async () => {
    const { id } = await (
      await file(english.token, { kind: 'access', details: 'Everything you hold.' })
    ).json();
    const taken = await answer(id, { status: 'in_progress' });
    expect(taken.status).toBe(200);
    expect((await taken.json()).status).toBe('in_progress');
    const res = await answer(id, { status: 'answered', answer: 'Your copy is attached to your account.' });
    expect(await res.json()).toMatchObject({
      status: 'answered',
      answer: 'Your copy is attached to your account.',
    });
    const subjects = (await mailsTo(english.email)).map((m) => m.subject);
    expect(subjects).toContain('Your request is in progress');
    expect(subjects).toContain('Answer to your request');
    const told = (await mailsTo(english.email)).find((m) => m.subject === 'Answer to your request');
    expect(told!.textBody).toContain('Your copy is attached to your account.');
    // An answer is final.
    const again = await answer(id, { status: 'refused', answer: 'Non.' });
    expect(again.status).toBe(409);
    const actions = await h.services.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id));
    expect(actions.map((a) => a.action).sort()).toEqual([
      'privacy_request.answered',
      'privacy_request.filed',
      'privacy_request.in_progress',
    ]);
  });

  it('refuses only with reasons, and tells the person in French of their right to go to the Commission', async () => {
    const { id } = await (
      await file(retailer.token, { kind: 'publication_withdrawal', details: 'Retirez-moi.' })
    ).json();
    const bare = await answer(id, { status: 'refused' });
    expect(bare.status).toBe(422);
    expect((await bare.json()).errors).toEqual([expect.objectContaining({ path: 'answer' })]);
    expect(
      (await answer(id, { status: 'refused', answer: 'Aucune publication ne vous nomme.' })).status,
    ).toBe(200);
    const refusal = (await mailsTo(retailer.email)).find((m) => m.subject === 'Décision sur votre demande');
    expect(refusal!.textBody).toContain('Aucune publication ne vous nomme.');
    expect(refusal!.textBody).toContain('Commission d’accès à l’information');
    expect(refusal!.textBody).toContain('Retrait d’une publication');
  });

  it('lets only the privacy officer answer: not the person, not an administrator who is not designated', async () => {
    const { id } = await (await file(retailer.token, { kind: 'access', details: 'Mon dossier.' })).json();
    expect((await answer(id, { status: 'in_progress' }, retailer.token)).status).toBe(403);
    const admin = await h.token((await h.user('admin')).email);
    expect((await answer(id, { status: 'in_progress' }, admin)).status).toBe(403);
    expect((await answer('not-a-uuid', { status: 'in_progress' })).status).toBe(404);
  });

  it('lets an administrator designated by PRIVACY_OFFICER_ADMINS act as privacy officer', async () => {
    const designee = await h.token((await h.user('admin', { email: OFFICER_ADMIN })).email);
    const { id } = await (await file(retailer.token, { kind: 'access', details: 'Mon dossier.' })).json();
    expect((await answer(id, { status: 'in_progress' }, designee)).status).toBe(200);
    expect((await mailsTo(OFFICER_ADMIN)).map((m) => m.subject)).toEqual([
      'Nouvelle demande sur des renseignements personnels',
    ]);
    expect((await h.request('/api/v1/privacy-incidents', { token: designee })).status).toBe(200);
  });
});
