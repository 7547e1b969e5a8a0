import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationMessages } from '../../src/modules/conversations/db/tables.ts';
import * as messagesPage from '../../src/modules/conversations/ui/messages.tsx';
import * as applicationStatus from '../../src/modules/intake/ui/application-status.tsx';
import * as reviewApplication from '../../src/modules/intake/ui/review-application.tsx';
import { coachedBy, type ExpertFixture, expert } from '../support/coaching.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { acceptedApplication, defaultProgramId } from '../support/intake.ts';
import { send } from '../support/pages.ts';
import { renderPage } from '../support/render.ts';
import { startSmtp } from '../support/smtp.ts';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let h: Harness;
let programId: string;
let coordinator: { email: string; token: string };
let coach: ExpertFixture;
let otherCoach: ExpertFixture;

beforeAll(async () => {
  smtp = await startSmtp();
  h = await createHarness({ env: { SMTP_URL: smtp.url } });
  programId = await defaultProgramId(h);
  const { email } = await h.user('coordinator', { locale: 'fr', name: 'Claude Coordination' });
  coordinator = { email, token: await h.token(email) };
  coach = await expert(h, coordinator.token, { locale: 'en', name: 'Alex Expert' });
  otherCoach = await expert(h, coordinator.token);
});
afterAll(async () => {
  await h?.close();
  await smtp?.close();
});

const thread = (id: string, token: string) =>
  h.request(`/api/v1/applications/${id}/messages`, { token }).then(async (res) => ({
    status: res.status,
    body: await res.json(),
  }));
const write = (id: string, token: string, json: unknown) =>
  h
    .request(`/api/v1/applications/${id}/messages`, { method: 'POST', token, json })
    .then(async (res) => ({ status: res.status, body: await res.json() }));

/** How many mails the SMTP server has received, once the queue has sent everything waiting. */
async function sentSoFar() {
  await h.services.jobs.drain();
  return smtp.received.length;
}

/** The mails the SMTP server received since `from`, once the queue has sent what is waiting. */
async function mailsSince(from: number) {
  await h.services.jobs.drain();
  return smtp.received.slice(from);
}

describe(`a conversation per file (${engine})`, () => {
  it('carries messages both ways, newest last, with read receipts and one notice until read', async () => {
    const app = await coachedBy(h, programId, coordinator.token, coach);
    const before = await sentSoFar();

    const first = await write(app.id, app.token, { body: '  Bonjour, quand est notre première séance ?  ' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ mine: true, body: 'Bonjour, quand est notre première séance ?' });
    expect((await write(app.id, app.token, { body: 'Et faut-il préparer quelque chose ?' })).status).toBe(
      201,
    );

    // The expert alone is told (the team is not, while an expert is assigned), once for both messages,
    // in their language, without the content, with a link to the thread.
    const notices = await mailsSince(before);
    expect(notices.map((m) => m.to)).toEqual([[coach.email]]);
    const [notice] = notices;
    expect(notice!.subject).toBe('New message about the file of Chez Zoé');
    expect(notice!.text).not.toContain('séance');
    expect(notice!.text).not.toContain('préparer');
    expect(notice!.text).toContain(`${h.config.publicUrl}/applications/${app.id}/messages`);

    // Before the expert reads, nobody has read the retailer's messages.
    const unread = await thread(app.id, app.token);
    expect(unread.body.messages.map((m: { readBy: unknown[] }) => m.readBy)).toEqual([[], []]);

    h.clock.advance(60);
    const forExpert = await thread(app.id, coach.token);
    expect(forExpert.status).toBe(200);
    expect(
      forExpert.body.messages.map((m: { body: string; unread: boolean; mine: boolean }) => [
        m.body,
        m.unread,
        m.mine,
      ]),
    ).toEqual([
      ['Bonjour, quand est notre première séance ?', true, false],
      ['Et faut-il préparer quelque chose ?', true, false],
    ]);
    // Read once, no longer new.
    expect(
      (await thread(app.id, coach.token)).body.messages.every((m: { unread: boolean }) => !m.unread),
    ).toBe(true);

    // The retailer sees the receipt.
    const seen = await thread(app.id, app.token);
    expect(seen.body.messages[1].readBy).toEqual([
      { name: 'Alex Expert', role: 'expert', at: h.clock.now.toISOString() },
    ]);

    // The expert answers: the retailer is told in French, and the reply comes last.
    h.clock.advance(60);
    const reply = await write(app.id, coach.token, { body: 'Le 18 janvier, rien à préparer.' });
    expect(reply.status).toBe(201);
    const [toRetailer] = await mailsSince(before + 1);
    expect(toRetailer!.to).toEqual([app.retailer.email]);
    expect(toRetailer!.subject).toBe('Nouveau message au sujet du dossier de Chez Zoé');
    expect(toRetailer!.text).not.toContain('janvier');
    const last = (await thread(app.id, app.token)).body.messages.at(-1);
    expect(last).toMatchObject({
      body: 'Le 18 janvier, rien à préparer.',
      author: { name: 'Alex Expert', role: 'expert', side: 'staff' },
      mine: false,
      unread: true,
    });

    // Having read, the expert is told again of the retailer's next message.
    h.clock.advance(60);
    await write(app.id, app.token, { body: 'Merci !' });
    expect((await mailsSince(before + 2)).map((m) => m.to)).toEqual([[coach.email]]);
  });

  it('tells the program’s coordinators while no expert is assigned', async () => {
    const app = await acceptedApplication(h, programId, coordinator.token);
    const before = await sentSoFar();
    expect((await write(app.id, app.token, { body: 'Une question.' })).status).toBe(201);
    const notices = await mailsSince(before);
    expect(notices.map((m) => m.to[0])).toContain(coordinator.email);
    expect(notices.map((m) => m.to[0])).not.toContain(coach.email);
    // A coordinator answers from the team's side: the retailer is told.
    expect((await write(app.id, coordinator.token, { body: 'Une réponse.' })).status).toBe(201);
    expect((await mailsSince(before + notices.length)).map((m) => m.to)).toEqual([[app.retailer.email]]);
  });

  it('hides a file’s thread from everyone else, as if it did not exist', async () => {
    const app = await coachedBy(h, programId, coordinator.token, coach);
    await write(app.id, app.token, { body: 'Privé.' });
    const stranger = await acceptedApplication(h, programId, coordinator.token);
    for (const token of [
      stranger.token,
      otherCoach.token,
      await h.token((await h.user('finance')).email),
      await h.token((await h.user('ministry')).email),
      await h.token((await h.user('partner')).email),
    ]) {
      expect((await thread(app.id, token)).status).toBe(404);
      expect((await write(app.id, token, { body: 'Intrus.' })).status).toBe(404);
    }
    expect((await thread('00000000-0000-7000-8000-000000000000', coordinator.token)).status).toBe(404);
    expect((await thread('pas-un-id', coordinator.token)).status).toBe(404);
    const rows = await h.services.database.db
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.applicationId, app.id));
    expect(rows.map((r) => r.body)).toEqual(['Privé.']);
  });

  it('refuses an empty, oversized or unexpected message, naming the field, and writes nothing', async () => {
    const app = await coachedBy(h, programId, coordinator.token, coach);
    for (const [input, path] of [
      [{ body: '   ' }, 'body'],
      [{ body: 'é'.repeat(4001) }, 'body'],
      [{ body: 42 }, 'body'],
      [{}, 'body'],
      [{ body: 'ok', author: 'someone' }, 'author'],
    ] as const) {
      const res = await h.request(`/api/v1/applications/${app.id}/messages`, {
        method: 'POST',
        token: app.token,
        json: input,
        headers: { 'accept-language': 'en' },
      });
      expect(res.status, JSON.stringify(input)).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const problem = await res.json();
      expect(problem.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    }
    expect((await thread(app.id, app.token)).body.messages).toEqual([]);
  });

  it('shows the thread on the retailer’s file and the team’s page, and takes a message from the form', async () => {
    const app = await coachedBy(h, programId, coordinator.token, coach);
    const retailer = await h.as({ bearerToken: app.token }, { locale: 'fr' });
    const team = await h.as({ bearerToken: coordinator.token }, { locale: 'en' });

    // Sent from the form (the thread's page takes every page's posts).
    const posted = await send(
      messagesPage.action,
      retailer,
      `/applications/${app.id}/messages`,
      {
        body: 'Bonjour <b>équipe</b>',
      },
      { id: app.id },
    );
    expect(posted).toEqual({ posted: true });
    const empty = (await send(
      messagesPage.action,
      retailer,
      `/applications/${app.id}/messages`,
      {
        body: ' ',
      },
      { id: app.id },
    )) as unknown as { data: { error: { errors: { path: string; message: string }[] } } };
    expect(empty.data.error.errors).toEqual([{ path: 'body', message: expect.stringContaining('Message') }]);

    const onReview = await renderPage(
      reviewApplication,
      team,
      '/review/applications/:id',
      `/review/applications/${app.id}`,
    );
    expect(onReview.status).toBe(200);
    // Shown as text, never as markup; apart from the staff notes' form.
    expect(onReview.html).toContain('Bonjour &lt;b&gt;équipe&lt;/b&gt;');
    expect(onReview.html).toContain('The conversation with the business');
    expect(onReview.html).toContain('name="text"');

    const onFile = await renderPage(
      applicationStatus,
      retailer,
      '/applications/:id',
      `/applications/${app.id}`,
    );
    expect(onFile.status).toBe(200);
    expect(onFile.html).toContain('Lu par Claude Coordination le ');
    expect(onFile.html).toContain('role="status"');
    expect(onFile.html).toContain(`action="/applications/${app.id}/messages"`);

    const page = await renderPage(
      messagesPage,
      retailer,
      '/applications/:id/messages',
      `/applications/${app.id}/messages`,
    );
    expect(page.html).toContain(`href="/applications/${app.id}"`);
    expect(page.html).toContain('Messages — Chez Zoé');
  });

  it('names the program’s own contact address, once set, in the notices about its files', async () => {
    const admin = await h.token((await h.user('admin')).email);
    const patch = (contactEmail: unknown) =>
      h.request(`/api/v1/programs/${programId}`, { method: 'PATCH', token: admin, json: { contactEmail } });
    const refused = await patch('pas une adresse');
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors.map((e: { path: string }) => e.path)).toEqual(['contactEmail']);
    expect((await patch('aide@papeterie-programme.ca')).status).toBe(204);
    try {
      const app = await coachedBy(h, programId, coordinator.token, coach);
      const before = await sentSoFar();
      await write(app.id, app.token, { body: 'Allô ?' });
      const [notice] = await mailsSince(before);
      expect(notice!.raw).toContain('aide@papeterie-programme.ca');
    } finally {
      expect((await patch(null)).status).toBe(204);
    }
  });
});
