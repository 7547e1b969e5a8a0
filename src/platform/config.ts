import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { EXPORT_ROW_LIMIT } from './exports/table.ts';

/** Every setting Virage reads from the environment, with the default that makes `npm start` work alone. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  FILES_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Virage <no-reply@virage.localhost>'),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  BANK_DETAILS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(v), {
      error: 'must be 32 bytes in base64 (openssl rand -base64 32)',
    })
    .optional(),
  PAYMENT_DEBTOR_NAME: z.string().trim().min(1).max(140).optional(),
  PAYMENT_DEBTOR_ACCOUNT: z
    .string()
    .regex(/^\d{3}-\d{5}-\d{7,12}$/, 'must be institution-transit-account, e.g. 815-30000-1234567')
    .optional(),
  /** Administrators designated privacy officer (Law 25 s.3.1 delegation): their e-mails, comma-separated. */
  PRIVACY_OFFICER_ADMINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.email('must be e-mail addresses separated by commas')))
    .default([]),
  /** Beyond this many rows a list is exported by a background job rather than downloaded at once. */
  EXPORT_ROW_LIMIT: z.coerce.number().int().min(1).default(EXPORT_ROW_LIMIT),
  /** Published on the privacy page (Law 25 s.3.1: the privacy officer's title and contact). */
  PRIVACY_OFFICER_TITLE: z.string().trim().min(3).max(200).optional(),
  PRIVACY_OFFICER_EMAIL: z.email().default('confidentialite@virage.localhost'),
  PRIVACY_OFFICER_PHONE: z.string().trim().min(7).max(40).optional(),
  /** Where people write to the program team (the contact page). */
  PROGRAM_CONTACT_EMAIL: z.email().default('programme@virage.localhost'),
  /** Who sends the program's messages, and on whose behalf (CASL: named in every newsletter). */
  OUTREACH_SENDER: z
    .string()
    .trim()
    .min(3)
    .max(300)
    .default('Conseil québécois du commerce de détail (CQCD), pour le programme Virage'),
  /** The sender's mailing address (CASL: valid for at least 60 days after each newsletter). */
  OUTREACH_MAILING_ADDRESS: z
    .string()
    .trim()
    .min(10)
    .max(300)
    .default('630, rue Sherbrooke Ouest, bureau 1101, Montréal (Québec)  H3A 1E4'),
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  /** The browser tests' movable clock (src/platform/http/test-clock.ts); only on this machine's address. */
  E2E_TEST_CLOCK: z.enum(['on', 'off']).default('off'),
});

export type Config = {
  port: number;
  host: string | undefined;
  dataDir: string;
  /** Uploaded files (receipts, invoices), content-addressed; never a folder the web server serves. */
  filesDir: string;
  databaseUrl: string | undefined;
  dbPoolSize: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  sessionSecret: string;
  trustProxy: boolean;
  logLevel: string;
  maxBodyBytes: number;
  metricsToken: string | undefined;
  /** The AES-256-GCM key of retailers' bank details (32 bytes); never stored in the database. */
  bankDetailsKey: Buffer;
  /** The program's account that payment files debit; absent, pain.001 exports are refused. */
  paymentDebtor: { name: string; institution: string; transit: string; account: string } | undefined;
  exportRowLimit: number;
  /** Administrators who also act as privacy officer, by e-mail (lower case). */
  privacyOfficerAdmins: readonly string[];
  /** Published contacts: the privacy officer (a title unset is the law's default title) and the program team. */
  contacts: {
    privacyOfficer: { title: string | undefined; email: string; phone: string | undefined };
    programEmail: string;
  };
  /** Named in every newsletter with the program's e-mail (CASL identification). */
  outreachSender: { name: string; mailingAddress: string };
  env: 'production' | 'development' | 'test';
  /** Whether a request may move its own clock forward (browser tests only; never with a public address). */
  testClock: boolean;
};

export class ConfigError extends Error {}

/** The addresses only this machine reaches. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];

const SECRETS = ['SESSION_SECRET', 'METRICS_TOKEN', 'BANK_DETAILS_KEY', 'PAYMENT_DEBTOR_ACCOUNT'];

/** Reads and validates the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    const got = cleaned[name];
    const shown = SECRETS.includes(name) ? '(hidden)' : JSON.stringify(got);
    throw new ConfigError(`Configuration error: ${name} ${describeIssue(issue)} (got ${shown})`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const filesDir = path.resolve(e.FILES_DIR ?? path.join(dataDir, 'files'));
  const served = ['public', path.join('build', 'client')].map((folder) => path.resolve(folder));
  if (served.some((folder) => filesDir === folder || filesDir.startsWith(`${folder}${path.sep}`))) {
    throw new ConfigError(
      `Configuration error: FILES_DIR must not be a folder the web server serves (got ${JSON.stringify(filesDir)})`,
    );
  }
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const loopback = (host: string | undefined) => LOOPBACK_HOSTS.includes(host?.replace(/^\[|\]$/g, '') ?? '');
  if (e.E2E_TEST_CLOCK === 'on' && !(loopback(e.HOST) && loopback(new URL(publicUrl).hostname))) {
    throw new ConfigError(
      `Configuration error: E2E_TEST_CLOCK is for the browser tests: HOST and PUBLIC_URL must be this machine's loopback address (got ${JSON.stringify(e.HOST ?? 'every address')}, ${JSON.stringify(publicUrl)})`,
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    filesDir,
    databaseUrl: e.DATABASE_URL,
    dbPoolSize: e.DB_POOL_SIZE,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl,
    sessionSecret: e.SESSION_SECRET ?? readOrCreateSecret(dataDir, 'session-secret', 48, 'base64url'),
    bankDetailsKey: Buffer.from(
      e.BANK_DETAILS_KEY ?? readOrCreateSecret(dataDir, 'bank-details-key', 32, 'base64'),
      'base64',
    ),
    paymentDebtor: paymentDebtorOf(e.PAYMENT_DEBTOR_NAME, e.PAYMENT_DEBTOR_ACCOUNT),
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    metricsToken: e.METRICS_TOKEN,
    exportRowLimit: e.EXPORT_ROW_LIMIT,
    privacyOfficerAdmins: e.PRIVACY_OFFICER_ADMINS,
    contacts: {
      privacyOfficer: {
        title: e.PRIVACY_OFFICER_TITLE,
        email: e.PRIVACY_OFFICER_EMAIL,
        phone: e.PRIVACY_OFFICER_PHONE,
      },
      programEmail: e.PROGRAM_CONTACT_EMAIL,
    },
    outreachSender: { name: e.OUTREACH_SENDER, mailingAddress: e.OUTREACH_MAILING_ADDRESS },
    env: e.NODE_ENV,
    testClock: e.E2E_TEST_CLOCK === 'on',
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.join(', ')}`;
  if (issue.code === 'invalid_type') return `must be a ${issue.expected}`;
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
    return issue.origin === 'string'
      ? issue.message
      : `must be ${issue.code === 'too_small' ? 'at least' : 'at most'} ${bound}`;
  }
  return issue.message.startsWith('Invalid') ? 'is not valid' : issue.message;
}

function paymentDebtorOf(name: string | undefined, account: string | undefined): Config['paymentDebtor'] {
  if (!name && !account) return undefined;
  if (!name || !account)
    throw new ConfigError(
      'Configuration error: PAYMENT_DEBTOR_NAME and PAYMENT_DEBTOR_ACCOUNT go together (set both or neither)',
    );
  const [institution, transit, number] = account.split('-') as [string, string, string];
  return { name, institution, transit, account: number };
}

/**
 * A secret kept in the data folder when the environment gives none (the cookie secret, the bank
 * details key), so that restarts keep sessions valid and encrypted data readable.
 */
function readOrCreateSecret(
  dataDir: string,
  name: string,
  bytes: number,
  encoding: 'base64' | 'base64url',
): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(bytes).toString(encoding);
  // Written aside then linked into place, so that a concurrent reader never sees a half-written file.
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, `${secret}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  } finally {
    unlinkSync(draft);
  }
  return secret;
}
