import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

export type VirageServer = {
  url: string;
  /** The one-time link the server printed to create the first administrator. */
  firstAdminLink: string;
  dataDir: string;
  stop(): Promise<void>;
};

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts the real server (`src/server/main.ts`, as `npm start` does) on a free port with a fresh data
 * folder, and waits until it says it is ready and has printed the first-administrator link.
 */
export async function startVirage(options: {
  name: string;
  /** The copy of the project to run (see global-setup.ts). */
  root: string;
  smtpPort: number;
  logFile: string;
}): Promise<VirageServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), `virage-e2e-${options.name}-`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL: url,
    SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`,
    MAIL_FROM: 'Virage <no-reply@virage.test>',
    LOG_LEVEL: 'info', // the log file has every request: useful when a test fails
    NODE_ENV: 'production',
    // A journey may move its own requests' clock forward (src/platform/http/test-clock.ts) instead of waiting.
    E2E_TEST_CLOCK: 'on',
  };
  delete env.DATABASE_URL; // always the embedded engine in its own folder
  delete env.SESSION_SECRET;
  const child = spawn(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/server/main.ts'],
    { cwd: options.root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = createWriteStream(options.logFile);
  child.stderr.pipe(log, { end: false });
  let stopping = false;
  child.once('exit', (code, signal) => {
    const how = signal ? `signal ${signal}` : `code ${code}`;
    log.end(`\n[e2e] the server exited with ${how}${stopping ? '' : ' before the tests were over'}\n`);
    if (!stopping)
      process.stderr.write(
        `\n[e2e] ${options.name} server exited with ${how} during the tests (see ${options.logFile})\n`,
      );
  });

  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    // Seconds on an idle machine; minutes when a 2-core machine is shared with other builds.
    const timer = setTimeout(
      () => reject(new Error(`${options.name}: server not ready after 180 s. Output so far:\n${output}`)),
      180_000,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      log.write(chunk);
      // The ready line comes first; the link (if any) is in the same write, a few lines below.
      const link = output.match(/one-time link[^\n]*\n\s*(\S+\/invitations\/\S+)/)?.[1];
      if (link) {
        clearTimeout(timer);
        resolve(link);
      } else if (/ready at/.test(output) && !/No administrator yet/.test(output)) {
        clearTimeout(timer);
        reject(new Error(`${options.name}: the server printed no first-administrator link:\n${output}`));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name}: server exited with code ${code} before it was ready:\n${output}`));
    });
  });

  try {
    const firstAdminLink = await ready;
    return {
      url,
      firstAdminLink,
      dataDir,
      stop: () => {
        stopping = true;
        return stop(child, dataDir);
      },
    };
  } catch (error) {
    stopping = true;
    await stop(child, dataDir);
    throw error;
  }
}

async function stop(child: ChildProcess, dataDir: string) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true });
}
