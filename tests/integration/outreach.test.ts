import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consents } from '../../src/modules/intake/db/tables.ts';
import { drawRecipients, findMessage } from '../../src/modules/outreach/db/messages.ts';
import { outreachMessages, outreachRecipients } from '../../src/modules/outreach/db/tables.ts';
import * as composePage from '../../src/modules/outreach/ui/compose-message.tsx';
import { DELIVER_MESSAGE_JOB, deliverMessage } from '../../src/modules/outreach/use-cases/deliver-message.ts';
import { getUnsubscribe } from '../../src/modules/outreach/use-cases/get-unsubscribe.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { allConsents, business, defaultProgramId, verifiedRetailer } from '../support/intake.ts';
import { load, send as sendForm } from '../support/pages.ts';
import { type ReceivedMail, startSmtp } from '../support/smtp.ts';
import { publishedWorkshop, workshopInput } from '../support/workshops.ts';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let h: Harness;
let programId: string;
let coordinator: string;
let neq = 5000;

beforeAll(async () => {
  smtp = await startSmtp();
  h = await createHarness({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Virage <programme@virage.test>' } });
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
});
afterAll(async () => {
  await h?.close();
  await smtp?.close();
});

/** A retailer's submitted application (accepted if asked), with or without the newsletter consent. */
async function applicant(o: {
  newsletter: boolean;
  locale?: 'fr' | 'en';
  accept?: boolean;
  municipality?: string;
}) {
  const retailer = await verifiedRetailer(h, { locale: o.locale ?? 'fr' });
  const created = await h.request('/api/v1/applications', {
    method: 'POST',
    token: retailer.token,
    json: {
      programId,
      business: business({
        neq: `44${String(neq++).padStart(8, '0')}`,
        ...(o.municipality ? { municipality: o.municipality, postalCode: 'g1r 4p5' } : {}),
      }),
      consents: { ...allConsents, newsletter: o.newsletter },
      attestation: true,
    },
  });
  const { id } = await created.json();
  await h.request(`/api/v1/applications/${id}/submit`, { method: 'POST', token: retailer.token });
  if (o.accept)
    await h.request(`/api/v1/applications/${id}/decision`, {
      method: 'POST',
      token: coordinator,
      json: { decision: 'accepted' },
    });
  return { ...retailer, applicationId: id as string };
}

const newsletter = (segment: Record<string, unknown>, subject = 'Nouvelles du programme') => ({
  programId,
  kind: 'newsletter',
  segment,
  subject: { fr: subject, en: 'Program news' },
  body: {
    fr: 'Un atelier sur la vente en ligne aura lieu le 3 février.',
    en: 'A workshop on online sales on February 3.',
  },
});

/** Sends what the applications queued (acknowledgements) and forgets it: only messages are looked at. */
async function forgetEarlierMail() {
  await h.services.jobs.drain();
  smtp.received.length = 0;
}

async function send(body: unknown) {
  const res = await h.request('/api/v1/messages', { method: 'POST', token: coordinator, json: body });
  expect(res.status, await res.clone().text()).toBe(201);
  const message = await res.json();
  await h.services.jobs.drain([DELIVER_MESSAGE_JOB]); // the message's job queues the mails…
  await h.services.jobs.drain(); // …which the mail job sends
  return message as { id: string };
}

const to = (email: string) => smtp.received.filter((m) => m.to.includes(email));
const linkIn = (mail: ReceivedMail) =>
  /http:\/\/virage\.test\/unsubscribe\/([0-9a-f]{32}[\w-]{43})/.exec(mail.text)![1]!;

async function newsletterConsentOf(applicationId: string) {
  const rows = await h.services.database.db
    .select({ granted: consents.granted, userId: consents.userId })
    .from(consents)
    .where(and(eq(consents.applicationId, applicationId), eq(consents.purpose, 'newsletter')))
    .orderBy(consents.recordedAt);
  return rows;
}

describe(`messages to segments (${engine})`, () => {
  it('counts a segment before sending, leaving out of a newsletter those who did not consent', async () => {
    const quebec = [
      await applicant({ newsletter: true, accept: true, municipality: 'Québec' }),
      await applicant({ newsletter: true, accept: true, municipality: 'Québec' }),
      await applicant({ newsletter: false, accept: true, municipality: 'Québec' }),
    ];
    expect(quebec).toHaveLength(3);
    const preview = async (kind: string, segment: unknown) =>
      (
        await h.request('/api/v1/messages/preview', {
          method: 'POST',
          token: coordinator,
          json: { programId, kind, segment },
        })
      ).json();
    const segment = { regions: ['03'], stages: ['accepted_without_t0'] };
    expect(await preview('newsletter', segment)).toEqual({ recipients: 2, withoutConsent: 1 });
    expect(await preview('transactional', segment)).toEqual({ recipients: 3, withoutConsent: 0 });
    expect(await preview('newsletter', { regions: ['03'], stages: ['plan_approved'] })).toEqual({
      recipients: 0,
      withoutConsent: 0,
    });
  });

  it('refuses a bad segment or message with the field named, and writes nothing', async () => {
    const res = await h.request('/api/v1/messages', {
      method: 'POST',
      token: coordinator,
      json: { ...newsletter({ regions: ['99'], subsectors: ['44'] }), subject: { fr: '', en: 'x' } },
    });
    expect(res.status).toBe(422);
    const paths = (await res.json()).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['segment.regions.0', 'segment.subsectors.0', 'subject.fr']),
    );
    const list = await (
      await h.request(`/api/v1/messages?programId=${programId}`, { token: coordinator })
    ).json();
    expect(list.items).toHaveLength(0);
  });

  it('sends a newsletter only to those who consented, with the sender, its address and RFC 8058 headers', async () => {
    const yes = await applicant({ newsletter: true, locale: 'en', municipality: 'Lévis' });
    const no = await applicant({ newsletter: false, municipality: 'Lévis' });
    await forgetEarlierMail();
    const { id } = await send(newsletter({ regions: ['12'] }));
    expect(to(no.email)).toHaveLength(0);
    const [mail] = to(yes.email);
    expect(mail!.subject).toBe('Program news'); // the recipient's language
    expect(mail!.text).toContain('A workshop on online sales on February 3.');
    expect(mail!.text).toContain('Conseil québécois du commerce de détail');
    expect(mail!.text).toContain('Montréal (Québec)  H3A 1E4');
    const token = linkIn(mail!);
    expect(mail!.headers['list-unsubscribe']).toBe(`<http://virage.test/unsubscribe/${token}>`);
    expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    // Written on one line (a folded List-Unsubscribe breaks DKIM at some relays).
    expect(mail!.raw).toMatch(
      new RegExp(`\\r\\nList-Unsubscribe: <http://virage\\.test/unsubscribe/${token}>\\r\\n`),
    );

    const detail = await (await h.request(`/api/v1/messages/${id}`, { token: coordinator })).json();
    expect(detail.status).toBe('queued');
    expect(detail.progress).toEqual({ recipients: 1, queued: 1, sent: 1, failed: 0, unsubscribed: 0 });
  });

  it('sends a transactional message to everyone concerned, without an unsubscribe link', async () => {
    const yes = await applicant({ newsletter: true, municipality: 'Rimouski' });
    const no = await applicant({ newsletter: false, municipality: 'Rimouski' });
    await forgetEarlierMail();
    await send({ ...newsletter({ regions: ['01'] }, 'Votre dossier'), kind: 'transactional' });
    for (const person of [yes, no]) {
      const [mail] = to(person.email);
      expect(mail!.subject).toBe('Votre dossier');
      expect(mail!.headers['list-unsubscribe']).toBeUndefined();
      expect(mail!.text).not.toContain('/unsubscribe/');
      expect(mail!.text).toContain('Conseil québécois du commerce de détail');
    }
  });

  it('unsubscribes without sign-in on POST only: GET changes nothing, one-click withdraws the consent at once', async () => {
    const reader = await applicant({ newsletter: true, municipality: 'Sherbrooke' });
    await forgetEarlierMail();
    const { id } = await send(newsletter({ regions: ['05'] }));
    const token = linkIn(to(reader.email)[0]!);

    // Opening the link (what the page's loader does for a person or a mail scanner) changes nothing.
    const anonymous = await h.as({});
    expect(await getUnsubscribe(anonymous, token)).toEqual({ locale: 'fr', unsubscribed: false });
    expect(await newsletterConsentOf(reader.applicationId)).toHaveLength(1);

    // A forged or altered token acts on nobody (its last character changed, whatever it was).
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'E' : 'A'}`;
    const forged = await h.request(`/unsubscribe/${altered}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(forged.status).toBe(404);

    // The mail client's one-click: no cookie, no anti-forgery field, no sign-in.
    const oneClick = await h.request(`/unsubscribe/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    const ledger = await newsletterConsentOf(reader.applicationId);
    expect(ledger.map((r) => r.granted)).toEqual([true, false]);
    expect(ledger[1]!.userId).toBe(reader.id);
    const consentsPage = await (await h.request('/api/v1/me/consents', { token: reader.token })).json();
    expect(JSON.stringify(consentsPage)).toContain('"purpose":"newsletter","state":"withdrawn"');

    // Again (the page's button after the one-click): nothing more recorded, sent back to the page.
    const again = await h.request(`/unsubscribe/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=x',
    });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/unsubscribe/${token}`);
    expect(await newsletterConsentOf(reader.applicationId)).toHaveLength(2);
    const audits = await h.services.database.db
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id));
    expect(audits.map((a) => a.action).sort()).toEqual(['message.sent', 'message.unsubscribed']);

    const detail = await (await h.request(`/api/v1/messages/${id}`, { token: coordinator })).json();
    expect(detail.progress.unsubscribed).toBe(1);

    // The next newsletter does not reach them; a message about their file still does.
    const before = to(reader.email).length;
    await send(newsletter({ regions: ['05'] }, 'Deuxième infolettre'));
    expect(to(reader.email)).toHaveLength(before);
    await send({ ...newsletter({ regions: ['05'] }, 'Au sujet de votre dossier'), kind: 'transactional' });
    expect(to(reader.email)).toHaveLength(before + 1);
  });

  it('resumes an interrupted send without writing to anyone twice', async () => {
    const people = [
      await applicant({ newsletter: true, municipality: 'Gaspé' }),
      await applicant({ newsletter: true, municipality: 'Gaspé' }),
    ];
    await forgetEarlierMail();
    const res = await h.request('/api/v1/messages', {
      method: 'POST',
      token: coordinator,
      json: newsletter({ regions: ['11'] }),
    });
    const { id } = await res.json();
    await deliverMessage(h.system, id);
    // As if it had crashed before recording that it was done: the retried job draws and hands over again.
    await h.services.database.db
      .update(outreachMessages)
      .set({ status: 'pending' })
      .where(eq(outreachMessages.id, id));
    await deliverMessage(h.system, id);
    await h.services.jobs.drain();
    const drawn = await h.services.database.db
      .select()
      .from(outreachRecipients)
      .where(eq(outreachRecipients.messageId, id));
    expect(drawn).toHaveLength(2);
    for (const p of people) expect(to(p.email)).toHaveLength(1);
  });

  it("narrows a segment to the workshops' registrants, or to those present, in the preview and the sending", async () => {
    const workshop = await publishedWorkshop(h, coordinator, workshopInput(programId, { capacity: 5 }));
    const [present, absent, elsewhere] = [
      await applicant({ newsletter: true, accept: true }),
      await applicant({ newsletter: true, accept: true }),
      await applicant({ newsletter: true, accept: true }),
    ];
    const register = (token: string) =>
      h.request(`/api/v1/workshops/${workshop}/registrations`, { method: 'POST', token });
    const [r1, r2] = [
      await (await register(present.token)).json(),
      await (await register(absent.token)).json(),
    ];
    const preview = async (segment: unknown) =>
      (
        await h.request('/api/v1/messages/preview', {
          method: 'POST',
          token: coordinator,
          json: { programId, kind: 'newsletter', segment },
        })
      ).json();
    expect(await preview({ workshops: {} })).toEqual({ recipients: 2, withoutConsent: 0 });
    expect(await preview({ workshops: { ids: [workshop] } })).toEqual({ recipients: 2, withoutConsent: 0 });
    expect(await preview({ workshops: { ids: [crypto.randomUUID()] } })).toEqual({
      recipients: 0,
      withoutConsent: 0,
    });
    expect(await preview({ workshops: { attended: true } })).toEqual({ recipients: 0, withoutConsent: 0 });
    const bad = await h.request('/api/v1/messages/preview', {
      method: 'POST',
      token: coordinator,
      json: { programId, kind: 'newsletter', segment: { workshops: { ids: ['nope'] } } },
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].path).toBe('segment.workshops.ids.0');

    h.clock.now = new Date('2027-02-10T21:00:00Z'); // after the workshop
    const attendance = await h.request(`/api/v1/workshops/${workshop}/attendance`, {
      method: 'PUT',
      token: coordinator,
      json: [
        { registrationId: r1.id, present: true, minutesAttended: 120 },
        { registrationId: r2.id, present: false, minutesAttended: 0 },
      ],
    });
    expect(attendance.status).toBe(200);
    expect(await preview({ workshops: { ids: [workshop], attended: true } })).toEqual({
      recipients: 1,
      withoutConsent: 0,
    });

    // The compose page offers the program's workshops; ticking one and « present » counts the same.
    const team = await h.as({ bearerToken: coordinator });
    const page = await load(composePage.loader, team, '/messages/new');
    expect(page.workshops).toContainEqual({
      value: workshop,
      label: 'Vendre sur les réseaux sociaux — 2027-02-10',
    });
    const previewed = (await sendForm(composePage.action, team, '/messages/new', {
      intent: 'preview',
      programId,
      kind: 'newsletter',
      'segment.workshops': workshop,
      'segment.attended': 'on',
    })) as { preview: unknown };
    expect(previewed.preview).toEqual({ recipients: 1, withoutConsent: 0 });

    await forgetEarlierMail();
    const { id } = await send(
      newsletter({ workshops: { ids: [workshop], attended: true } }, "Merci d'être venus"),
    );
    expect(to(present.email)).toHaveLength(1);
    expect(to(absent.email)).toHaveLength(0);
    expect(to(elsewhere.email)).toHaveLength(0);
    const detail = await (await h.request(`/api/v1/messages/${id}`, { token: coordinator })).json();
    expect(detail.segment).toEqual({ workshops: { ids: [workshop], attended: true } });
  });

  it('skips whoever unsubscribes while a newsletter is being sent, before their mail is handed over', async () => {
    const workshop = await publishedWorkshop(
      h,
      coordinator,
      workshopInput(programId, { capacity: 5, dates: [{ date: '2027-04-14', time: '10:00' }] }),
    );
    const [stays, leaves] = [
      await applicant({ newsletter: true, accept: true }),
      await applicant({ newsletter: true, accept: true }),
    ];
    for (const p of [stays, leaves])
      await h.request(`/api/v1/workshops/${workshop}/registrations`, { method: 'POST', token: p.token });
    await forgetEarlierMail();
    const res = await h.request('/api/v1/messages', {
      method: 'POST',
      token: coordinator,
      json: newsletter({ workshops: { ids: [workshop] } }, "Pendant l'envoi"),
    });
    const { id } = await res.json();
    // The recipients are drawn (both consenting)…
    const db = h.services.database.db;
    await db.transaction(async (tx) => drawRecipients(tx, (await findMessage(tx, id))!, h.clock.now));
    // …then one withdraws their consent before the batches are handed to the outbox.
    const withdrawn = await h.request('/api/v1/me/consents/newsletter/withdrawal', {
      method: 'POST',
      token: leaves.token,
      json: {},
    });
    expect(withdrawn.status).toBe(200);
    await deliverMessage(h.system, id);
    await h.services.jobs.drain();
    expect(to(stays.email)).toHaveLength(1);
    expect(to(leaves.email)).toHaveLength(0);
    const detail = await (await h.request(`/api/v1/messages/${id}`, { token: coordinator })).json();
    expect(detail.status).toBe('queued');
    expect(detail.progress).toMatchObject({ recipients: 1, queued: 1, sent: 1 });
  });
});
