// `npm run demo`: Virage on a throwaway data folder filled with demo data, then the server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../platform/config.ts';
import { startServices } from '../wiring/services.ts';
import { runInProcess } from './run.ts';

const dataDir = process.env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'virage-demo-'));
process.env.DATA_DIR = dataDir;
const retailers = process.env.DEMO_RETAILERS ?? '300';

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
process.stdout.write(`\nDemo data folder: ${dataDir} (delete it when done)\n\n`);
await import('../server/main.ts');
