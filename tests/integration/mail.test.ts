import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteUser } from '../../src/modules/identity/use-cases/invite-user.ts';
import { mailOutbox } from '../../src/platform/mail/table.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { startSmtp } from '../support/smtp.ts';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let h: Harness;
let keeping: Harness;
beforeAll(async () => {
  smtp = await startSmtp();
  h = await createHarness({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Virage <programme@virage.test>' } });
  keeping = await createHarness();
});
afterAll(async () => {
  await h?.close();
  await keeping?.close();
  await smtp?.close();
});

async function adminOf(harness: Harness) {
  const { email } = await harness.user('admin');
  return harness.as({ bearerToken: await harness.token(email) });
}

describe(`mail (${engine})`, () => {
  it('goes out through the job queue to a real SMTP server, in the recipient language', async () => {
    const admin = await adminOf(h);
    const fr = await inviteUser(admin, { email: 'fr@example.ca', role: 'expert', locale: 'fr' });
    await inviteUser(admin, { email: 'en@example.ca', role: 'expert', locale: 'en' });
    expect(smtp.received).toHaveLength(0); // nothing leaves before the job runs
    expect(await h.services.jobs.drain()).toBe(2);

    const french = smtp.received.find((m) => m.to.includes('fr@example.ca'))!;
    expect(french.subject).toBe('Invitation à rejoindre Virage');
    expect(french.headers['content-language']).toBe('fr');
    expect(french.headers.from).toContain('programme@virage.test');
    expect(french.text).toContain(fr.link);
    expect(french.text).toContain('« Experte ou expert »');
    const english = smtp.received.find((m) => m.to.includes('en@example.ca'))!;
    expect(english.subject).toBe('Invitation to join Virage');
    expect(english.headers['content-language']).toBe('en');

    const rows = await h.services.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'fr@example.ca'));
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 1 });
    expect(rows[0]!.sentAt).toBeInstanceOf(Date);
  });

  it('lets go of its pooled SMTP connections when it stops, so neither side waits for them', async () => {
    const own = await startSmtp();
    const stopping = await createHarness({ env: { SMTP_URL: own.url } });
    try {
      await inviteUser(await adminOf(stopping), { email: 'pool@example.ca', role: 'expert', locale: 'fr' });
      expect(await stopping.services.jobs.drain()).toBe(1);
      expect(own.received).toHaveLength(1);
      expect(own.openConnections()).toBeGreaterThan(0);
    } finally {
      await stopping.close();
    }
    await expect.poll(() => own.openConnections(), { timeout: 2000 }).toBe(0);
    await own.close();
  });

  it('keeps messages for the outbox page when no SMTP server is configured', async () => {
    const admin = await adminOf(keeping);
    await inviteUser(admin, { email: 'kept@example.ca', role: 'partner' });
    await keeping.services.jobs.drain();
    const [row] = await keeping.services.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'kept@example.ca'));
    expect(row?.status).toBe('kept');
    const token = await keeping.token((await keeping.user('admin')).email);
    const res = await keeping.request('/api/v1/outbox?status=kept', { token });
    const page = await res.json();
    expect(page.items.map((m: { toAddress: string }) => m.toAddress)).toContain('kept@example.ca');
  });

  it('records a failed delivery and keeps the message queued for the retry', async () => {
    const down = await createHarness({ env: { SMTP_URL: 'smtp://127.0.0.1:9' } });
    try {
      const admin = await adminOf(down);
      await inviteUser(admin, { email: 'retry@example.ca', role: 'partner' });
      await down.services.jobs.drain();
      const [row] = await down.services.database.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.toAddress, 'retry@example.ca'));
      expect(row).toMatchObject({ status: 'queued', attempts: 1 });
      expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);
    } finally {
      await down.close();
    }
  });
});
