/**
 * Research extract benchmark (issue 10, DESIGN §5): an administrator approves a researcher's request
 * for every consenting business of a program (T0 scores per dimension included), which streams them
 * into the zip stored in pieces, then the researcher downloads it. Target at 300,000 rows: < 30 s,
 * the server's memory growing by < 100 MiB.
 *
 * Measured on a Virage server process, over the API, as in production: its resident memory is read
 * from /proc every 20 ms against what it was just before. Twice: the first extraction after the
 * server starts, then a second one. Not in this process: filling the database leaves it with a heap
 * the forced collection shrinks, so the extraction's short-lived garbage (V8 collects the old
 * generation only when it has grown past a limit) showed as 224–251 MiB of new memory here, against
 * 49–61 MiB in a process that had started Virage and nothing else (see docs/decisions/0046).
 *
 *   node --experimental-strip-types --no-warnings=ExperimentalWarning bench/research-extract.ts \
 *     [--retailers N] [--coarse]
 * `--coarse` releases no region and two size bands, so that a run under about 50,000 rows still passes
 * k-anonymity (the generator fills every detailed class from about 50,000 on).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { currentQuestionnaire } from '../src/modules/diagnostic/db/queries.ts';
import { createUser } from '../src/modules/identity/index.ts';
import { issueApiToken } from '../src/modules/identity/use-cases/issue-api-token.ts';
import { listPrograms } from '../src/modules/programs/index.ts';
import type { Ctx } from '../src/platform/context.ts';
import { freshDatabase, openServices, ROOT, startServer, table } from './scale/environment.ts';
import { fillApplications, fillConsents, fillDiagnostics } from './scale/fill.ts';

const { values: args } = parseArgs({
  options: {
    retailers: { type: 'string', default: '300000' },
    coarse: { type: 'boolean', default: false },
  },
});
const RETAILERS = Number(args.retailers);
const PASSWORD = 'bench password long enough 2027';
const MIB = 1024 * 1024;
const PORT = 3_488;

async function tokenFor(system: Ctx, role: 'admin' | 'researcher'): Promise<string> {
  const email = `${role}@bench.virage.test`;
  await createUser(system, { email, role, name: `Bench ${role}`, password: PASSWORD, locale: 'fr' });
  return (await issueApiToken(system, { email, name: 'bench' })).token;
}

/** A process's resident memory, in bytes, as the kernel counts it. */
function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
  if (!line) throw new Error(`no VmRSS for process ${pid}`);
  return Number(line[1]) * 1024;
}

/** Runs `work` while sampling the server's resident memory: its duration, the memory before and its peak growth. */
async function measured(pid: number, work: () => Promise<void>) {
  const before = residentBytes(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentBytes(pid));
  }, 20);
  const start = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - start) / 1000;
  peak = Math.max(peak, residentBytes(pid));
  return { seconds, beforeMiB: before / MIB, growthMiB: (peak - before) / MIB };
}

const load = () => os.loadavg()[0]!.toFixed(1);

const database = await freshDatabase('postgres');
try {
  const { services, system } = await openServices(database);
  const programId = (await listPrograms(system))[0]!.id;
  const db = services.database.db;
  console.log(`filling ${RETAILERS} accepted retailers with T0 diagnostics and research consents…`);
  await fillApplications(db, programId, RETAILERS, 'accepted');
  await fillDiagnostics(db, programId, (await currentQuestionnaire(db, programId))!.id);
  await fillConsents(db, programId, 'research');
  // The database as it stands once autovacuum has passed, not fresh from a bulk load: the first read
  // of a new row also writes its page back (hint bits), which a live database did long before.
  await db.execute(sql.raw('vacuum (analyze) applications, consents, diagnostics'));
  const researcher = await tokenFor(system, 'researcher');
  const admin = await tokenFor(system, 'admin');
  await services.close();

  const server = await startServer(database, PORT);
  const api = async (token: string, method: string, address: string, json?: unknown) => {
    const res = await fetch(`${server.url}/api/v1${address}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    if (!res.ok) throw new Error(`${method} ${address}: ${res.status} ${await res.text()}`);
    return res;
  };
  type Extract = { id: string; status: string; rowCount: number | null; classCount: number | null };
  const rows: string[][] = [];
  let last: Extract | undefined;
  try {
    for (const when of ['first after the server starts', 'second']) {
      const asked = (await (
        await api(researcher, 'POST', '/research-extracts', {
          programId,
          purpose: 'Banc d’essai : extrait de recherche complet',
          variableGroups: ['diagnostic', 'coaching', 'outcomes'],
          generalisation: args.coarse ? { region: 'none', size_band: 'small_large' } : {},
        })
      ).json()) as Extract;
      const loadBefore = load();
      const extraction = await measured(server.pid, async () => {
        last = (await (
          await api(admin, 'POST', `/research-extracts/${asked.id}/approval`, { decision: 'approved' })
        ).json()) as Extract;
      });
      if (last!.status !== 'approved') throw new Error(`the extract was ${last!.status}; try --coarse`);
      rows.push([
        `approve = extract (stream, zip, store), ${when}`,
        extraction.seconds.toFixed(2),
        extraction.beforeMiB.toFixed(0),
        extraction.growthMiB.toFixed(1),
        `${loadBefore} → ${load()}`,
        '< 30 s, < 100 MiB',
      ]);
    }
    let bytes = 0;
    const loadBefore = load();
    const download = await measured(server.pid, async () => {
      const res = await api(researcher, 'GET', `/research-extracts/${last!.id}/download`);
      for await (const chunk of res.body!) bytes += chunk.length;
    });
    rows.push([
      'download (stream the stored pieces)',
      download.seconds.toFixed(2),
      download.beforeMiB.toFixed(0),
      download.growthMiB.toFixed(1),
      `${loadBefore} → ${load()}`,
      '< 100 MiB',
    ]);
    const result = last!;
    const lines = [
      '# Research extract benchmark',
      '',
      `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, postgres, ${RETAILERS.toLocaleString('en-CA')} consenting retailers, ` +
        `${result.status} (${result.rowCount} rows, ${result.classCount ?? 0} classes, zip ${(bytes / MIB).toFixed(1)} MiB). ` +
        `Measured on a Virage server process over the API: its resident memory (/proc) before each step and its peak growth during it; ` +
        `the machine's load average (1 min, ${os.cpus().length} cores) before and after.`,
      '',
      table(
        ['step', 'seconds', 'server RSS before (MiB)', 'RSS growth (MiB)', 'load', 'target at 300,000 rows'],
        rows,
      ),
      '',
      result.rowCount === RETAILERS
        ? 'Every consenting retailer is in the extract.'
        : `Expected ${RETAILERS} rows, got ${result.rowCount}.`,
      '',
      'A growth larger at the first extraction than at the second is heap V8 commits for garbage between ' +
        'its full collections, kept for the next; not rows held (decisions 46 and 49).',
    ];
    const report = `${lines.join('\n')}\n`;
    console.log(report);
    writeFileSync(
      path.join(ROOT, `bench/RESULTS-research${RETAILERS === 300_000 ? '' : '-small'}.md`),
      report,
    );
  } finally {
    await server.stop();
  }
} finally {
  await database.drop();
}
