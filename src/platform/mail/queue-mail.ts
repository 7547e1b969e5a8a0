import type { Locale } from '../../kernel/locale.ts';
import type { Ctx } from '../context.ts';
import { insertMany } from '../db/bulk.ts';
import type { Executor } from '../db/client.ts';
import { translatorFor } from '../i18n/i18n.ts';
import { newId } from '../ids.ts';
import { renderMail } from './render.ts';
import { mailOutbox } from './table.ts';

export const SEND_MAIL_JOB = 'mail.send';

export type MailRequest = {
  to: string;
  /** The recipient's language, not the sender's. */
  locale: Locale;
  /** i18n entry, e.g. `identity:mail.invitation`. */
  template: string;
  params?: Record<string, unknown>;
  actionUrl?: string;
  attachments?: { filename: string; contentType: string; content: string | Uint8Array }[];
  /** Extra headers, ASCII only (e.g. RFC 8058's List-Unsubscribe and List-Unsubscribe-Post). */
  headers?: Record<string, string>;
};

/** Renders the message in the recipient's language, keeps it in the outbox and queues its sending, in `tx`. */
export async function queueMail(tx: Executor, ctx: Ctx, mail: MailRequest): Promise<string> {
  const [id] = await queueMails(tx, ctx, [mail]);
  return id!;
}

/** Many messages at once (bulk changes): one insert into the outbox and one into the job queue, in `tx`. */
export async function queueMails(tx: Executor, ctx: Ctx, mails: MailRequest[]): Promise<string[]> {
  if (mails.length === 0) return [];
  const createdAt = ctx.now();
  const rows = mails.map((mail) => {
    const t = translatorFor(ctx.services.i18n, mail.locale);
    // Whom to write to, in every footer: the program's team when the message is about a file, else the platform's.
    const params = { contactEmail: ctx.services.config.contacts.programEmail, ...mail.params };
    const rendered = renderMail(t, mail.template, params, mail.actionUrl);
    return {
      id: newId(),
      toAddress: mail.to,
      locale: mail.locale,
      template: mail.template,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      attachments: (mail.attachments ?? []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content).toString('base64'),
      })),
      headers: mail.headers ?? {},
      createdAt,
    };
  });
  await insertMany(tx, mailOutbox, rows);
  const ids = rows.map((r) => r.id);
  await ctx.services.jobs.enqueueMany(
    tx,
    SEND_MAIL_JOB,
    ids.map((id) => ({ id })),
  );
  return ids;
}
