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
  /** Base URL of the read-only HTTP view: GET /messages/next?to=&subject=&timeoutMs= (below). */
  apiUrl: string;
  close(): Promise<void>;
};

/**
 * A real SMTP server for the browser tests: it accepts every message on 127.0.0.1, parses it and keeps
 * it in memory; a tiny HTTP endpoint lets the test workers (other processes) read what arrived.
 */
export async function startMailServer(): Promise<MailServer> {
  const messages: ReceivedMail[] = [];
  /** Requests of GET /messages/next waiting for a message: each is told when one arrives. */
  const waiting = new Set<(mail: ReceivedMail) => void>();
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
          for (const tell of waiting) tell(messages.at(-1)!);
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
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/messages/next') {
      answerWhenArrived(url.searchParams, res);
      return;
    }
    res.writeHead(404).end();
  });
  /**
   * The first message (received or to come) to `to`, with `subject` if given: answered as soon as it is
   * here, so a test waits for the mail itself rather than for a polling interval. After `timeoutMs`
   * without it: 404 with the subjects that address did get.
   */
  function answerWhenArrived(query: URLSearchParams, res: http.ServerResponse) {
    const to = (query.get('to') ?? '').toLowerCase();
    const subject = query.get('subject');
    const matches = (m: ReceivedMail) => m.to.includes(to) && (subject === null || m.subject === subject);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const found = messages.find(matches);
    if (found) return send(200, found);
    const tell = (mail: ReceivedMail) => {
      if (!matches(mail)) return;
      stopWaiting();
      send(200, mail);
    };
    const timer = setTimeout(
      () => {
        stopWaiting();
        send(
          404,
          messages.filter((m) => m.to.includes(to)).map((m) => m.subject),
        );
      },
      Number(query.get('timeoutMs') ?? 30_000),
    );
    const stopWaiting = () => {
      clearTimeout(timer);
      waiting.delete(tell);
    };
    waiting.add(tell);
    res.once('close', stopWaiting);
  }

  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;

  return {
    smtpPort,
    apiUrl,
    close: async () => {
      api.closeAllConnections();
      await new Promise((resolve) => api.close(resolve));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
