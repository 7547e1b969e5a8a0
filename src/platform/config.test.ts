import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'virage-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('configuration', () => {
  it('works with nothing set, and keeps a generated secret in the data folder', () => {
    const dataDir = path.join(dir, 'data');
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({ port: 3000, publicUrl: 'http://localhost:3000', databaseUrl: undefined });
    const file = path.join(dataDir, 'session-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(config.sessionSecret);
    expect(loadConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(config.sessionSecret);
  });

  it('moves no clock unless asked, and only for a server this machine alone reaches', () => {
    const base = { DATA_DIR: path.join(dir, 'clock'), SESSION_SECRET: 's'.repeat(40) };
    expect(loadConfig(base).testClock).toBe(false);
    for (const [HOST, PUBLIC_URL] of [
      ['127.0.0.1', 'http://127.0.0.1:4000'],
      ['localhost', 'http://localhost:4000'],
      ['::1', 'http://[::1]:4000'],
    ])
      expect(loadConfig({ ...base, E2E_TEST_CLOCK: 'on', HOST, PUBLIC_URL }).testClock, HOST).toBe(true);
    for (const [HOST, PUBLIC_URL] of [
      ['127.0.0.1', 'https://virage.example.ca'],
      [undefined, 'http://127.0.0.1:4000'], // every address: reachable from the network
      ['0.0.0.0', 'http://127.0.0.1:4000'],
    ])
      expect(() => loadConfig({ ...base, E2E_TEST_CLOCK: 'on', HOST, PUBLIC_URL }), String(HOST)).toThrow(
        /E2E_TEST_CLOCK .*HOST and PUBLIC_URL must be this machine's loopback address/,
      );
    expect(() => loadConfig({ ...base, E2E_TEST_CLOCK: 'yes' })).toThrow(
      /E2E_TEST_CLOCK must be one of on, off/,
    );
  });

  it('keeps uploaded files in the data folder unless told otherwise', () => {
    const dataDir = path.join(dir, 'files-default');
    expect(loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: 's'.repeat(40) }).filesDir).toBe(
      path.join(dataDir, 'files'),
    );
    const filesDir = path.join(dir, 'receipts');
    expect(
      loadConfig({ DATA_DIR: dataDir, FILES_DIR: filesDir, SESSION_SECRET: 's'.repeat(40) }).filesDir,
    ).toBe(filesDir);
  });

  it('reads the administrators designated privacy officer as lower-cased e-mails, naming the variable when one is not', () => {
    const base = { DATA_DIR: path.join(dir, 'privacy'), SESSION_SECRET: 's'.repeat(40) };
    expect(loadConfig(base).privacyOfficerAdmins).toEqual([]);
    expect(
      loadConfig({ ...base, PRIVACY_OFFICER_ADMINS: ' Rachida@Example.ca, ,dpo@example.ca ' })
        .privacyOfficerAdmins,
    ).toEqual(['rachida@example.ca', 'dpo@example.ca']);
    expect(() => loadConfig({ ...base, PRIVACY_OFFICER_ADMINS: 'rachida@example.ca, dpo' })).toThrow(
      /^Configuration error: PRIVACY_OFFICER_ADMINS must be e-mail addresses separated by commas/,
    );
  });

  it('publishes the privacy officer and the program team’s contacts it is given, and refuses a bad address', () => {
    const dataDir = path.join(dir, 'contacts');
    const env = { DATA_DIR: dataDir, SESSION_SECRET: 's'.repeat(40) };
    expect(loadConfig(env).contacts).toEqual({
      privacyOfficer: { title: undefined, email: 'confidentialite@virage.localhost', phone: undefined },
      programEmail: 'programme@virage.localhost',
    });
    const given = { PRIVACY_OFFICER_TITLE: 'Directrice générale', PRIVACY_OFFICER_EMAIL: 'vp@cqcd.example' };
    expect(loadConfig({ ...env, ...given }).contacts.privacyOfficer).toMatchObject({
      title: 'Directrice générale',
      email: 'vp@cqcd.example',
    });
    expect(() => loadConfig({ ...env, PRIVACY_OFFICER_EMAIL: 'nobody' })).toThrow(
      /^Configuration error: PRIVACY_OFFICER_EMAIL/,
    );
  });

  it('does not write a secret when one is given', () => {
    const dataDir = path.join(dir, 'given');
    const config = loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: 's'.repeat(40) });
    expect(config.sessionSecret).toBe('s'.repeat(40));
    expect(existsSync(path.join(dataDir, 'session-secret'))).toBe(false);
  });

  it('keeps a generated bank details key in the data folder, or takes a 32-byte base64 key', () => {
    const dataDir = path.join(dir, 'bank');
    const config = loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: 's'.repeat(40) });
    expect(config.bankDetailsKey).toHaveLength(32);
    expect(loadConfig({ DATA_DIR: dataDir }).bankDetailsKey).toEqual(config.bankDetailsKey);
    const given = Buffer.alloc(32, 1).toString('base64');
    expect(loadConfig({ DATA_DIR: dataDir, BANK_DETAILS_KEY: given }).bankDetailsKey).toEqual(
      Buffer.alloc(32, 1),
    );
    expect(() => loadConfig({ DATA_DIR: dataDir, BANK_DETAILS_KEY: 'c2hvcnQ=' })).toThrow(
      /^Configuration error: BANK_DETAILS_KEY must be 32 bytes in base64 .*\(got \(hidden\)\)$/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir, PAYMENT_DEBTOR_NAME: 'Programme' })).toThrow(
      /PAYMENT_DEBTOR_NAME and PAYMENT_DEBTOR_ACCOUNT go together/,
    );
    expect(
      loadConfig({
        DATA_DIR: dataDir,
        PAYMENT_DEBTOR_NAME: 'Programme',
        PAYMENT_DEBTOR_ACCOUNT: '815-30000-1234567',
      }).paymentDebtor,
    ).toEqual({ name: 'Programme', institution: '815', transit: '30000', account: '1234567' });
  });

  it.each([
    [{ PORT: 'abc' }, /^Configuration error: PORT must be a number \(got "abc"\)$/],
    [{ PORT: '70000' }, /^Configuration error: PORT must be at most 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /^Configuration error: DATABASE_URL must start with postgres:\/\//],
    [{ SMTP_URL: 'http://mail' }, /^Configuration error: SMTP_URL must start with smtp:\/\//],
    [{ PUBLIC_URL: 'ftp://x' }, /^Configuration error: PUBLIC_URL must be an http\(s\) URL/],
    [
      { SESSION_SECRET: 'short' },
      /^Configuration error: SESSION_SECRET must be at least 32 characters \(got \(hidden\)\)$/,
    ],
    [{ TRUST_PROXY: 'maybe' }, /^Configuration error: TRUST_PROXY must be one of 0, 1, true, false/],
    [{ LOG_LEVEL: 'loud' }, /^Configuration error: LOG_LEVEL must be one of fatal, error/],
    [
      { FILES_DIR: 'public/uploads' },
      /^Configuration error: FILES_DIR must not be a folder the web server serves/,
    ],
    [
      { FILES_DIR: './build/client' },
      /^Configuration error: FILES_DIR must not be a folder the web server serves/,
    ],
  ])('stops with one line naming the variable: %o', (env, message) => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: path.join(dir, 'bad'), SESSION_SECRET: 'x'.repeat(40), ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
