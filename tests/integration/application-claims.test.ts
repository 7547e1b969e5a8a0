import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as claimPage from '../../src/modules/intake/ui/claim-application.tsx';
import { ANONYMOUS } from '../../src/platform/authorization.ts';
import { createHarness, engine, type Harness, PASSWORD } from '../support/harness.ts';
import { defaultProgramId, verifiedRetailer } from '../support/intake.ts';
import { load, send } from '../support/pages.ts';
import { startSmtp } from '../support/smtp.ts';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let h: Harness;
let programId: string;
let coordinator: string;

beforeAll(async () => {
  smtp = await startSmtp();
  h = await createHarness({ env: { SMTP_URL: smtp.url, PROGRAM_CONTACT_EMAIL: 'equipe@virage.test' } });
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
});
afterAll(async () => {
  await h?.close();
  await smtp?.close();
});

const header =
  'legal_name,trade_name,neq,street,municipality,postal_code,phone,email,naics,employees,founded_year,contact_name';
let neq = 1;
/** A paper application of a business reachable at `email` (no account), imported by the team. */
async function paperApplication(email: string): Promise<string> {
  // NEQs that pass the checksum: the importer refuses others.
  const numbers = ['1717171715', '1818181813', '1414141416'];
  const row = `Quincaillerie Roy inc.,Chez Roy,${numbers[neq++ % 3]},"12, rue Principale",Rimouski,G5L 1A1,418 555-0101,${email},445,4,1999,Luc Roy`;
  const res = await h.request('/api/v1/applications/import', {
    method: 'POST',
    token: coordinator,
    json: { programId, csv: `${header}\n${row}` },
  });
  const report = await res.json();
  if (report.created.length !== 1) throw new Error(JSON.stringify(report));
  return report.created[0].id;
}

async function askForInformation(id: string) {
  const res = await h.request(`/api/v1/applications/${id}/decision`, {
    method: 'POST',
    token: coordinator,
    json: { decision: 'info_requested', reason: 'Votre numéro de TPS, s’il vous plaît.' },
  });
  expect(res.status).toBe(200);
}

/** The last mail to `to`, once the queue has sent what is waiting. */
async function lastMailTo(to: string) {
  await h.services.jobs.drain();
  const mail = smtp.received.filter((m) => m.to.includes(to)).at(-1);
  if (!mail) throw new Error(`no mail to ${to}`);
  return mail;
}

const linkIn = (text: string) => {
  const match = new RegExp(`${h.config.publicUrl}/claim/([\\w-]+)`).exec(text);
  if (!match) throw new Error(`no claim link in: ${text}`);
  return { path: `/claim/${match[1]}`, token: match[1]! };
};

describe(`a paper applicant claims their application (${engine})`, () => {
  it('follows the link in the information request to an account that sees the application', async () => {
    const id = await paperApplication('luc@roy.ca');
    await askForInformation(id);
    const mail = await lastMailTo('luc@roy.ca');
    expect(mail.subject).toBe('Nous avons besoin de précisions sur votre demande');
    expect(mail.text).toContain('Votre numéro de TPS');
    // The footer (after the text part's « -- ») names whom to write to.
    expect(mail.raw).toContain('equipe@virage.test');
    const link = linkIn(mail.text);

    const anonymous = await h.as({}, { locale: 'fr' });
    expect(anonymous.actor).toEqual(ANONYMOUS);
    const page = await load(claimPage.loader, anonymous, link.path, { token: link.token });
    expect(page.claim).toEqual({
      state: 'valid',
      business: 'Chez Roy',
      email: 'luc@roy.ca',
      next: 'open_account',
    });

    // A password too short is named, and nothing is opened.
    const short = (await send(
      claimPage.action,
      anonymous,
      link.path,
      { name: 'Luc Roy', password: 'court' },
      {
        token: link.token,
      },
    )) as unknown as { data: { error: { errors: { path: string }[] } } };
    expect(short.data.error.errors.map((e) => e.path)).toEqual(['password']);

    const done = (await send(
      claimPage.action,
      anonymous,
      link.path,
      { name: 'Luc Roy', password: PASSWORD },
      {
        token: link.token,
      },
    )) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get('location')).toBe(`/applications/${id}?claimed`);
    expect(done.headers.get('set-cookie')).toMatch(/virage_session|session/);

    // The new account sees its application, can complete it, and writes to the team.
    const luc = await h.token('luc@roy.ca');
    const view = await h.request(`/api/v1/applications/${id}`, { token: luc });
    expect(view.status).toBe(200);
    expect((await view.json()).status).toBe('info_requested');
    const posted = await h.request(`/api/v1/applications/${id}/messages`, {
      method: 'POST',
      token: luc,
      json: { body: 'Voici mon numéro de TPS.' },
    });
    expect(posted.status).toBe(201);

    // The link worked once.
    expect((await load(claimPage.loader, anonymous, link.path, { token: link.token })).claim).toEqual({
      state: 'claimed',
    });
    const again = (await send(
      claimPage.action,
      anonymous,
      link.path,
      { name: 'X', password: PASSWORD },
      {
        token: link.token,
      },
    )) as unknown as { data: { error: { status: number } } };
    expect(again.data.error.status).toBe(409);
  });

  it('keeps only the newest link, which expires after thirty days', async () => {
    const id = await paperApplication('ana@roy.ca');
    await askForInformation(id);
    const older = linkIn((await lastMailTo('ana@roy.ca')).text);
    // A second e-mail (the refusal) carries a new link; the first stops working.
    await h.request(`/api/v1/applications/${id}/decision`, {
      method: 'POST',
      token: coordinator,
      json: { decision: 'refused', reason: 'Hors du territoire.' },
    });
    const refusal = await lastMailTo('ana@roy.ca');
    expect(refusal.text).toContain('ou à equipe@virage.test');
    const newer = linkIn(refusal.text);
    expect(newer.token).not.toBe(older.token);
    const anonymous = await h.as({});
    expect((await load(claimPage.loader, anonymous, older.path, { token: older.token })).claim).toEqual({
      state: 'expired',
    });
    expect((await load(claimPage.loader, anonymous, newer.path, { token: newer.token })).claim.state).toBe(
      'valid',
    );
    h.clock.advance(31 * 86_400);
    expect((await load(claimPage.loader, anonymous, newer.path, { token: newer.token })).claim).toEqual({
      state: 'expired',
    });
    expect((await load(claimPage.loader, anonymous, '/claim/nope', { token: 'n'.repeat(40) })).claim).toEqual(
      {
        state: 'unknown',
      },
    );
  });

  it('asks someone whose address has an account to sign in, then adds the application to it', async () => {
    const retailer = await verifiedRetailer(h);
    const id = await paperApplication(retailer.email);
    await askForInformation(id);
    const link = linkIn((await lastMailTo(retailer.email)).text);
    const anonymous = await h.as({});
    expect((await load(claimPage.loader, anonymous, link.path, { token: link.token })).claim).toMatchObject({
      next: 'sign_in',
    });
    const signedIn = await h.as({ bearerToken: retailer.token });
    expect((await load(claimPage.loader, signedIn, link.path, { token: link.token })).claim).toMatchObject({
      next: 'claim_signed_in',
    });
    const done = (await send(claimPage.action, signedIn, link.path, {}, { token: link.token })) as Response;
    expect(done.headers.get('location')).toBe(`/applications/${id}?claimed`);
    expect(done.headers.get('set-cookie')).toBeNull();
    expect((await h.request(`/api/v1/applications/${id}`, { token: retailer.token })).status).toBe(200);
  });
});
