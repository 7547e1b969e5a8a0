import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startMailServer } from './support/mail-server.ts';
import { ROOT, startVirage, type VirageServer } from './support/virage-server.ts';

/** What the server needs to build and run its interface (node_modules is linked, not copied). */
const PROJECT_ENTRIES = [
  'app',
  'src',
  'public',
  'drizzle',
  'package.json',
  'package-lock.json',
  'vite.config.ts',
  'react-router.config.ts',
  'tsconfig.json',
];

/**
 * Before the browser tests: one real SMTP server, and one real Virage server per language, each on a
 * fresh data folder (the first-administrator link exists once per folder, and each journey starts with
 * it). The tests find them through E2E_* environment variables.
 *
 * The servers run from a snapshot of the project with its own interface build: a build in the working
 * folder (`npm start` rebuilds when sources changed) would otherwise replace the hashed assets under the
 * running servers' feet, and the tests would not disturb a server someone runs from the working folder.
 */
export default async function globalSetup() {
  const snapshot = mkdtempSync(path.join(tmpdir(), 'virage-e2e-app-'));
  const servers: VirageServer[] = [];
  let closeMail: (() => Promise<void>) | undefined;
  const teardown = async () => {
    await Promise.allSettled(servers.map((server) => server.stop()));
    await closeMail?.();
    rmSync(snapshot, { recursive: true, force: true });
  };

  try {
    for (const entry of PROJECT_ENTRIES) {
      cpSync(path.join(ROOT, entry), path.join(snapshot, entry), {
        recursive: true,
        preserveTimestamps: true,
      });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(snapshot, 'node_modules'), 'dir');
    const build = spawnSync('npx', ['react-router', 'build'], {
      cwd: snapshot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (build.status !== 0) throw new Error('The interface build failed (see above).');

    // The CLI runs from the same snapshot as the servers (support/browser.ts, runCli).
    process.env.E2E_APP_ROOT = snapshot;
    const logDir = path.join(ROOT, 'test-results', 'servers');
    mkdirSync(logDir, { recursive: true });
    const mail = await startMailServer();
    closeMail = mail.close;
    process.env.E2E_MAIL_API = mail.apiUrl;
    // For a journey that needs a server of its own (programs.spec.ts: a second program changes the home page).
    process.env.E2E_MAIL_SMTP_PORT = String(mail.smtpPort);
    const started = await Promise.allSettled(
      (['fr', 'en'] as const).map(async (locale) => {
        const server = await startVirage({
          name: locale,
          root: snapshot,
          smtpPort: mail.smtpPort,
          logFile: path.join(logDir, `virage-${locale}.log`),
        });
        servers.push(server);
        process.env[`E2E_${locale.toUpperCase()}_URL`] = server.url;
        process.env[`E2E_${locale.toUpperCase()}_FIRST_ADMIN_LINK`] = server.firstAdminLink;
        // For the CLI, which reaches the running server through the control socket in its data folder.
        process.env[`E2E_${locale.toUpperCase()}_DATA_DIR`] = server.dataDir;
      }),
    );
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
