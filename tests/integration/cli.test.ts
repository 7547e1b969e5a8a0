import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../../src/cli/run.ts';
import { setBudget } from '../../src/modules/funding/index.ts';
import { listRetentionRuns } from '../../src/modules/privacy/index.ts';
import { listPrograms } from '../../src/modules/programs/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { firstRun } from '../../src/wiring/first-run.ts';
import { type RunningServices, startServices, systemCtx } from '../../src/wiring/services.ts';

const root = path.resolve(import.meta.dirname, '../..');
const node = [process.execPath, '--experimental-strip-types', '--no-warnings=ExperimentalWarning'];

function cli(args: string[], options: { env?: Record<string, string>; input?: string } = {}) {
  const result = spawnSync(node[0]!, [...node.slice(1), path.join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', ...options.env },
    input: options.input,
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

function startServer(dataDir: string, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(node[0]!, [...node.slice(1), path.join(root, 'src/server/main.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => {
    output += d;
  });
  child.stderr!.on('data', (d) => {
    output += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 170_000);
    child.stdout!.on('data', () => {
      if (output.includes('ready at')) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
}

/** A command run in this process against open services, as the server runs it for the CLI. */
async function run(services: RunningServices, argv: string[], stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runInProcess(
    argv,
    { out: (t) => out.push(t), err: (t) => err.push(t), stdin },
    services,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const skip = Boolean(process.env.TEST_DATABASE_URL); // file-based embedded engine only; runs once per CI
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'virage-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(skip)('command line', () => {
  // Five CLI processes one after the other: Node starts each time, slow on a busy machine.
  it('explains itself and fails with one line and a non-zero code', { timeout: 90_000 }, () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('users create');
    expect(cli(['users', 'create', '--help']).out).toContain('--email');
    const unknown = cli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err.split('\n')).toHaveLength(1);
    const missing = cli(['users', 'create', '--role', 'admin'], { env: { DATA_DIR: path.join(dir, 'x') } });
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('--email is required (see --help)');
    const config = cli(['db', 'migrate'], { env: { DATA_DIR: path.join(dir, 'x'), DB_POOL_SIZE: 'many' } });
    expect(config.code).toBe(1);
    expect(config.err).toMatch(/^Configuration error: DB_POOL_SIZE /);
  });

  it('creates accounts with a password from stdin or an invitation link, and tokens', async () => {
    const services = await startServices(
      loadConfig({ DATA_DIR: path.join(dir, 'accounts'), LOG_LEVEL: 'silent' }),
    );
    try {
      const created = await run(
        services,
        ['users', 'create', '--email', 'Ops@Example.ca', '--role', 'admin', '--name', 'Opérations'],
        'a long enough password\n',
      );
      expect(created.err).toBe('');
      expect(created.out).toMatch(/^Created admin account ops@example\.ca/);
      const invited = await run(services, [
        'users',
        'create',
        '--email',
        'coord@example.ca',
        '--role',
        'coordinator',
      ]);
      expect(invited.code).toBe(0);
      expect(invited.out).toMatch(/http:\/\/localhost:3000\/invitations\/[\w-]{40,}/);
      const token = await run(services, ['tokens', 'create', '--email', 'ops@example.ca']);
      expect(token.out).toMatch(/^vrg_[\w-]{40}$/);
      const bad = await run(
        services,
        ['users', 'create', '--email', 'x@example.ca', '--role', 'emperor'],
        'a long enough password',
      );
      expect(bad.code).toBe(1);
      expect(bad.err).toBe('Role must be one of the offered choices.');
      const nobody = await run(services, ['tokens', 'create', '--email', 'nobody@example.ca']);
      expect(nobody.code).toBe(1);
      expect(nobody.err).toBe('No active account uses this e-mail address.');
    } finally {
      await services.close();
    }
  });

  it('prints a program’s budget per envelope and fiscal year', async () => {
    const services = await startServices(
      loadConfig({ DATA_DIR: path.join(dir, 'budget'), LOG_LEVEL: 'silent' }),
    );
    try {
      const ctx = systemCtx(services, 'test');
      await firstRun(ctx);
      const [program] = await listPrograms(ctx);
      await setBudget(ctx, program!.id, {
        envelopes: [
          {
            key: 'grants',
            nameFr: 'Subventions',
            nameEn: 'Grants',
            kind: 'grants',
            budgets: [
              { fiscalYear: '2026-2027', amountCents: 123_456_78 },
              { fiscalYear: '2027-2028', amountCents: 50_000_00 },
            ],
          },
        ],
      });
      const shown = await run(services, [
        'budget',
        'show',
        '--program',
        program!.slug,
        '--year',
        '2026-2027',
      ]);
      expect(shown.err).toBe('');
      expect(shown.out.split('\n')).toEqual([
        program!.slug,
        expect.stringMatching(/^Envelope\s+Fiscal year\s+Budget\s+Committed\s+Payable\s+Paid\s+Available$/),
        expect.stringMatching(
          /^Grants\s+2026-2027\s+\$123,456\.78\s+\$0\.00\s+\$0\.00\s+\$0\.00\s+\$123,456\.78$/,
        ),
      ]);
      const wrongYear = await run(services, ['budget', 'show', '--year', '2026']);
      expect(wrongYear.code).toBe(1);
      expect(wrongYear.err).toContain('2026-2027');
    } finally {
      await services.close();
    }
  });

  it('applies the retention schedule, first as a dry run, and logs each run with its counts', {
    timeout: 90_000,
  }, async () => {
    const services = await startServices(
      loadConfig({ DATA_DIR: path.join(dir, 'retention'), LOG_LEVEL: 'silent' }),
    );
    try {
      await firstRun(systemCtx(services, 'test'));
      const dry = await run(services, ['retention', 'run', '--dry-run']);
      expect(dry.err).toBe('');
      expect(dry.code).toBe(0);
      const [title, ...counts] = dry.out.split('\n');
      expect(title).toMatch(/^Dry run \(nothing changed\) [0-9a-f-]{36}$/);
      expect(counts).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^closed_file\s+0$/),
          expect.stringMatching(/^sent_mail\s+\d+$/),
        ]),
      );
      const real = await run(services, ['retention', 'run']);
      expect(real.out).toMatch(/^Retention run [0-9a-f-]{36}\n/);
      const runs = await listRetentionRuns(systemCtx(services, 'test'));
      expect(runs.map((r) => [r.dryRun, r.status, r.startedVia])).toEqual([
        [false, 'done', 'virage retention run'],
        [true, 'done', 'virage retention run'],
      ]);
    } finally {
      await services.close();
    }
  });

  it('backs up and restores the embedded database', async () => {
    const config = loadConfig({ DATA_DIR: path.join(dir, 'backup'), LOG_LEVEL: 'silent' });
    const file = path.join(dir, 'backup.tar.gz');
    let services = await startServices(config);
    await run(
      services,
      ['users', 'create', '--email', 'keep@example.ca', '--role', 'retailer'],
      'a long enough password',
    );
    expect((await run(services, ['backup', '--out', file])).code).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(1000);
    await run(
      services,
      ['users', 'create', '--email', 'later@example.ca', '--role', 'retailer'],
      'a long enough password',
    );
    await services.close();

    const restore = cli(['restore', '--in', file], { env: { DATA_DIR: config.dataDir } });
    expect(restore.code).toBe(0);
    expect(restore.out).toContain('The previous data is in');

    // The account created after the backup is gone; the earlier one is back.
    services = await startServices(config);
    try {
      expect((await run(services, ['tokens', 'create', '--email', 'later@example.ca'])).code).toBe(1);
      expect((await run(services, ['tokens', 'create', '--email', 'keep@example.ca'])).code).toBe(0);
    } finally {
      await services.close();
    }
  });

  // Starting the real server may first build the interface: allow for it.
  it('locks the data folder: a second server is refused, the CLI goes through the running one', {
    timeout: 180_000,
  }, async () => {
    const dataDir = path.join(dir, 'locked');
    const port = 3900 + Math.floor(Math.random() * 90);
    const server = await startServer(dataDir, port);
    try {
      expect(server.output()).toContain('/invitations/'); // first-run administrator link
      const second = spawnSync(node[0]!, [...node.slice(1), path.join(root, 'src/server/main.ts')], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir, PORT: String(port + 1), DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(second.status).not.toBe(0);
      expect(second.stderr).toMatch(/Another Virage \(process \d+, started .*\) is using the data folder/);

      const env = { DATA_DIR: dataDir };
      const created = cli(['users', 'create', '--email', 'live@example.ca', '--role', 'expert'], {
        env,
        input: 'a long enough password',
      });
      expect(created.out).toMatch(/^Created expert account live@example\.ca/);
      const file = path.join(dir, 'live.tar.gz');
      expect(cli(['backup', '--out', file], { env }).code).toBe(0);
      expect(existsSync(file)).toBe(true);
      const restore = cli(['restore', '--in', file], { env });
      expect(restore.code).toBe(1);
      expect(restore.err).toContain('Another Virage');
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }
    // A clean stop releases the lock.
    expect(existsSync(path.join(dataDir, 'virage.lock'))).toBe(false);
  });

  describe('npm run demo', () => {
    /** The demo on its own throwaway folder (in `tmp`), and a way to wait for a line of its output. */
    function demo(tmp: string, port: number) {
      const { DATA_DIR: _ownFolder, ...env } = process.env;
      const child = spawn(node[0]!, [...node.slice(1), path.join(root, 'src/cli/demo.ts')], {
        cwd: root,
        env: {
          ...env,
          TMPDIR: tmp,
          DEMO_RETAILERS: '3',
          PORT: String(port),
          LOG_LEVEL: 'warn',
          DATABASE_URL: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout!.on('data', (d) => {
        output += d;
      });
      child.stderr!.on('data', (d) => {
        output += d;
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      const until = async (done: () => boolean) => {
        while (!done()) {
          if (child.exitCode !== null) throw new Error(`demo exited ${child.exitCode}: ${output}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      return { child, exited, until, output: () => output };
    }
    const folders = (tmp: string) => readdirSync(tmp).filter((f) => f.startsWith('virage-demo-'));

    it('removes its throwaway folder when stopped while it fills it', { timeout: 120_000 }, async () => {
      const tmp = path.join(dir, 'demo-early');
      mkdirSync(tmp);
      const run = demo(tmp, 3990);
      await run.until(() => folders(tmp).length > 0);
      run.child.kill('SIGINT');
      expect(await run.exited).not.toBe(0);
      expect(folders(tmp)).toEqual([]);
    });

    // Starting the real server may first build the interface: allow for it.
    it('removes its throwaway folder when the server it started is stopped', {
      timeout: 240_000,
    }, async () => {
      const tmp = path.join(dir, 'demo-served');
      mkdirSync(tmp);
      const run = demo(tmp, 3991 + Math.floor(Math.random() * 8));
      await run.until(() => run.output().includes('ready at'));
      expect(run.output()).toMatch(/Demo data folder: .*virage-demo-\w+ \(removed when the demo stops\)/);
      expect(folders(tmp)).toHaveLength(1);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(folders(tmp)).toEqual([]);
    });
  });
});
