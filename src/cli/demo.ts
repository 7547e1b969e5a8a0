// `npm run demo`: Virage on a throwaway data folder filled with demo data, then the server. The folder
// is removed when the demo stops, however it stops (Ctrl-C, SIGTERM, a failure); a folder given in
// DATA_DIR is the caller's and is kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../platform/config.ts';
import { startServices } from '../wiring/services.ts';
import { runInProcess } from './run.ts';

const throwaway = process.env.DATA_DIR ? undefined : mkdtempSync(path.join(tmpdir(), 'virage-demo-'));
const dataDir = process.env.DATA_DIR ?? throwaway!;
process.env.DATA_DIR = dataDir;
const retailers = process.env.DEMO_RETAILERS ?? '300';

// Every way out goes through process.exit (the server's own shutdown included), which runs this.
if (throwaway) process.on('exit', () => rmSync(throwaway, { recursive: true, force: true }));
// Ctrl-C and SIGTERM would otherwise end the process without `exit` handlers, until the server
// listens for them itself (then its graceful shutdown exits).
const stop = (signal: NodeJS.Signals) => {
  if (process.listenerCount(signal) === 1) process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const services = await startServices(loadConfig(), { worker: false });
const code = await runInProcess(
  ['demo', 'generate', '--retailers', retailers, '--seed', process.env.DEMO_SEED ?? '2027'],
  {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    stdin: undefined,
  },
  services,
);
await services.close();
if (code !== 0) process.exit(code);
process.stdout.write(
  throwaway
    ? `\nDemo data folder: ${dataDir} (removed when the demo stops)\n\n`
    : `\nDemo data folder: ${dataDir}\n\n`,
);
await import('../server/main.ts');
