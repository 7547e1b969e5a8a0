import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sendToServer } from '../../src/cli/control-socket.ts';
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

/** The demo program of the reporting server: 40 retailers give disclosure control figures and « x » both. */
const REPORTING_DEMO = ['demo', 'generate', '--retailers', '40', '--seed', '2027'];

/** What the file E2E_REPORTING names says, once the reporting server is filled or could not be. */
export type ReportingServerState = { url: string; dataDir: string } | { error: string };

/**
 * Fills the reporting journeys' server with a demo program in the background, while the first journeys
 * run (it takes a while, and nothing else needs it): the reporting journeys wait for the file
 * E2E_REPORTING names, which gives the server's address or why it could not be filled. The server is
 * started with the others, before any journey keeps the machine busy.
 */
function fillReportingServer(server: VirageServer, snapshot: string) {
  const marker = path.join(snapshot, 'reporting-server.json');
  process.env.E2E_REPORTING = marker;
  const tell = (state: ReportingServerState) => {
    try {
      writeFileSync(marker, JSON.stringify(state));
    } catch {
      // The snapshot is gone: the run ended (and stopped the server) before the demo was done.
    }
  };
  sendToServer(server.dataDir, { argv: REPORTING_DEMO })
    .then((reply) =>
      tell(
        reply.code === 0
          ? { url: server.url, dataDir: server.dataDir }
          : { error: `virage ${REPORTING_DEMO.join(' ')} failed:\n${reply.stdout}\n${reply.stderr}` },
      ),
    )
    .catch((error: Error) => tell({ error: error.message }));
}

/**
 * Before the browser tests: one real SMTP server, and real Virage servers, each on a fresh data folder:
 * one per language (the first-administrator link exists once per folder, and each journey starts with
 * it), and one for the reporting journeys of both languages, filled with a demo program (above): figures
 * need a program with many businesses, which the other journeys' servers must not have. The tests find
 * them through E2E_* environment variables.
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

    // For a journey that starts a server of its own, from the same snapshot (programs.spec.ts).
    process.env.E2E_APP_ROOT = snapshot;
    const logDir = path.join(ROOT, 'test-results', 'servers');
    mkdirSync(logDir, { recursive: true });
    const mail = await startMailServer();
    closeMail = mail.close;
    process.env.E2E_MAIL_API = mail.apiUrl;
    // For a journey that needs a server of its own (programs.spec.ts: a second program changes the home page).
    process.env.E2E_MAIL_SMTP_PORT = String(mail.smtpPort);
    const started = await Promise.allSettled(
      (['fr', 'en', 'reporting'] as const).map(async (name) => {
        const server = await startVirage({
          name,
          root: snapshot,
          smtpPort: mail.smtpPort,
          logFile: path.join(logDir, `virage-${name}.log`),
        });
        servers.push(server);
        if (name === 'reporting') return fillReportingServer(server, snapshot);
        process.env[`E2E_${name.toUpperCase()}_URL`] = server.url;
        process.env[`E2E_${name.toUpperCase()}_FIRST_ADMIN_LINK`] = server.firstAdminLink;
        // For the CLI, which reaches the running server through the control socket in its data folder.
        process.env[`E2E_${name.toUpperCase()}_DATA_DIR`] = server.dataDir;
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
