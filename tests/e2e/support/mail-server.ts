import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP server received it, in the shape the tests read. */
export type ReceivedMail = {
  receivedAt: string;
  /** Envelope recipients (lower case). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  contentLanguage: string | undefined;
};

export type MailServer = {
  smtpPort: number;
  /** Base URL of the read-only HTTP view: GET /messages → ReceivedMail[]. */
  apiUrl: string;
  messages: ReceivedMail[];
  close(): Promise<void>;
};

/**
 * A real SMTP server for the browser tests: it accepts every message on 127.0.0.1, parses it and keeps
 * it in memory; a tiny HTTP endpoint lets the test workers (other processes) read what arrived.
 */
export async function startMailServer(): Promise<MailServer> {
  const messages: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: offering STARTTLS with a self-signed certificate would make the client fail.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const language = mail.headers.get('content-language');
          messages.push({
            receivedAt: new Date().toISOString(),
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            contentLanguage: typeof language === 'string' ? language : undefined,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(0, '127.0.0.1', () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const api = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/messages')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(messages));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;

  return {
    smtpPort,
    apiUrl,
    messages,
    close: async () => {
      api.closeAllConnections();
      await new Promise((resolve) => api.close(resolve));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
