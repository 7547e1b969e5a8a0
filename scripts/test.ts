/**
 * `npm test`: the unit and integration tests (vitest; the embedded engine, or the PostgreSQL server of
 * TEST_DATABASE_URL), then the browser tests (Playwright) when a Chromium is available.
 *
 *   npm test                      everything
 *   npm test -- --unit [args…]    vitest only, with its arguments (a file, -t "name", …)
 *   npm test -- --e2e [args…]     browser tests only, with Playwright's arguments
 *   npm test -- [args…]           vitest with these arguments; browser tests not run
 *
 * With CI=true a missing Chromium fails the run instead of skipping the browser tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

type Part = { name: string; status: 'passed' | 'failed' | 'skipped'; seconds: number; note?: string };

const argv = process.argv.slice(2);
const mode = argv[0] === '--unit' ? 'unit' : argv[0] === '--e2e' ? 'e2e' : 'all';
const extra = mode === 'all' ? argv : argv.slice(1);
const ci = process.env.CI === 'true' || process.env.CI === '1';
const parts: Part[] = [];

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  process.stdout.write(`\n▶ ${name}: ${command} ${args.join(' ')}\n\n`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = (performance.now() - started) / 1000;
  const ok = result.status === 0;
  const note = result.error
    ? result.error.message
    : result.signal
      ? `stopped by ${result.signal}`
      : ok
        ? undefined
        : `exit code ${result.status}`;
  parts.push({ name, status: ok ? 'passed' : 'failed', seconds, ...(note ? { note } : {}) });
}

function chromium(): string | undefined {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium'];
  return candidates.find((file) => existsSync(file));
}

if (mode !== 'e2e') {
  const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'embedded engine';
  run(`unit and integration tests, ${engine}`, 'npx', ['vitest', 'run', ...extra]);
}

if (mode === 'e2e' || (mode === 'all' && extra.length === 0)) {
  const browser = chromium();
  if (browser) {
    run('browser tests', 'npx', ['playwright', 'test', ...(mode === 'e2e' ? extra : [])], {
      ...process.env,
      CHROMIUM_PATH: browser,
    });
  } else {
    const where = process.env.CHROMIUM_PATH
      ? ` (CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist)`
      : '';
    const message = `Browser tests skipped: no Chromium found (set CHROMIUM_PATH)${where}`;
    process.stdout.write(`\n${message}\n`);
    parts.push({
      name: 'browser tests',
      status: ci ? 'failed' : 'skipped',
      seconds: 0,
      note: ci ? 'no Chromium found, and CI=true requires the browser tests' : 'no Chromium found',
    });
  }
} else if (mode === 'all') {
  process.stdout.write(
    '\nBrowser tests not run: arguments were given for vitest (use --e2e for the browser tests).\n',
  );
}

process.stdout.write('\nSummary\n');
for (const part of parts) {
  const mark = part.status === 'passed' ? '✔' : part.status === 'failed' ? '✘' : '–';
  const note = part.note ? ` — ${part.note}` : '';
  process.stdout.write(`  ${mark} ${part.name}: ${part.status} (${part.seconds.toFixed(1)} s)${note}\n`);
}
process.exit(parts.some((part) => part.status === 'failed') ? 1 : 0);
