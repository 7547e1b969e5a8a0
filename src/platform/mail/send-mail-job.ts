import { eq } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { JobDefinition } from '../jobs/jobs.ts';
import { SEND_MAIL_JOB } from './queue-mail.ts';
import { mailOutbox } from './table.ts';

const RETRY_LIMIT = 5;

/** Sends one outbox message over SMTP; without SMTP_URL the message is kept for the outbox page. */
export function sendMailJob(config: Config, db: Db): JobDefinition {
  // nodemailer loads on the first message, not at start-up.
  let transport: Promise<Transporter> | undefined;
  const smtp = (url: string) => {
    // Pooled: a send of thousands reuses a few connections instead of one handshake per message.
    transport ??= import('nodemailer').then((nodemailer) =>
      nodemailer.createTransport({ url, pool: true, maxConnections: 3 }),
    );
    return transport;
  };
  return {
    name: SEND_MAIL_JOB,
    retryLimit: RETRY_LIMIT,
    // A message to a segment queues thousands: taken one a second, they would take hours.
    batchSize: 25,
    retryDelaySeconds: 60,
    // The pool's connections stay open between messages: left open at shutdown, they hold the process
    // (and the SMTP server waits for them, 30 s by default, before it can close).
    release: async () => {
      const open = transport;
      transport = undefined;
      if (open) (await open).close();
    },
    handler: async (data) => {
      const [message] = await db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.id, String(data.id)));
      if (message?.status !== 'queued') return;
      if (!config.smtpUrl) {
        await db.update(mailOutbox).set({ status: 'kept' }).where(eq(mailOutbox.id, message.id));
        return;
      }
      try {
        await (await smtp(config.smtpUrl)).sendMail({
          from: config.mailFrom,
          to: message.toAddress,
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody,
          // Prepared: written as given, never folded (a folded List-Unsubscribe broke DKIM at relays).
          headers: {
            'Content-Language': message.locale,
            ...Object.fromEntries(
              Object.entries(message.headers).map(([name, value]) => [name, { prepared: true, value }]),
            ),
          },
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.content, 'base64'),
          })),
        });
        await db
          .update(mailOutbox)
          .set({ status: 'sent', sentAt: new Date(), attempts: message.attempts + 1, lastError: null })
          .where(eq(mailOutbox.id, message.id));
      } catch (error) {
        const attempts = message.attempts + 1;
        await db
          .update(mailOutbox)
          .set({ attempts, lastError: String(error), status: attempts > RETRY_LIMIT ? 'failed' : 'queued' })
          .where(eq(mailOutbox.id, message.id));
        throw error;
      }
    },
  };
}
