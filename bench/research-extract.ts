/**
 * Research extract benchmark (issue 10, DESIGN §5): an administrator approves a researcher's request
 * for every consenting business of a program (T0 scores per dimension included), which streams them
 * into the zip stored in pieces, then the researcher downloads it. Measures the extraction's time and
 * how much the process's memory grows (RSS sampled every 20 ms, against the RSS before it starts).
 * Target at 300,000 rows: < 30 s, memory growth < 100 MiB.
 *
 *   node --expose-gc --experimental-strip-types --no-warnings=ExperimentalWarning bench/research-extract.ts \
 *     [--retailers N] [--engine postgres|embedded] [--coarse]
 * `--coarse` releases no region and two size bands, so that a run under about 50,000 rows still passes
 * k-anonymity (the generator fills every detailed class from about 50,000 on).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { currentQuestionnaire } from '../src/modules/diagnostic/db/queries.ts';
import { createUser } from '../src/modules/identity/index.ts';
import { issueApiToken } from '../src/modules/identity/use-cases/issue-api-token.ts';
import { resolveActor } from '../src/modules/identity/use-cases/resolve-actor.ts';
import { listPrograms } from '../src/modules/programs/index.ts';
import { decideResearchExtract } from '../src/modules/reporting/use-cases/decide-research-extract.ts';
import { downloadResearchExtract } from '../src/modules/reporting/use-cases/download-research-extract.ts';
import { requestResearchExtract } from '../src/modules/reporting/use-cases/request-research-extract.ts';
import type { Ctx } from '../src/platform/context.ts';
import type { RunningServices } from '../src/wiring/services.ts';
import { type Engine, freshDatabase, openServices, ROOT, table } from './scale/environment.ts';
import { fillApplications, fillConsents, fillDiagnostics } from './scale/fill.ts';

const { values: args } = parseArgs({
  options: {
    retailers: { type: 'string', default: '300000' },
    engine: { type: 'string', default: 'postgres' },
    coarse: { type: 'boolean', default: false },
  },
});
const RETAILERS = Number(args.retailers);
const ENGINE = args.engine as Engine;
const PASSWORD = 'bench password long enough 2027';
const MIB = 1024 * 1024;

async function actingAs(services: RunningServices, system: Ctx, role: 'admin' | 'researcher'): Promise<Ctx> {
  const email = `${role}@bench.virage.test`;
  await createUser(system, { email, role, name: `Bench ${role}`, password: PASSWORD, locale: 'fr' });
  const { token } = await issueApiToken(system, { email, name: 'bench' });
  return { ...system, actor: await resolveActor(services, { bearerToken: token }) };
}

/** Runs `work` while sampling the RSS: its duration and the peak growth over the RSS before it. */
async function measured(work: () => Promise<void>): Promise<{ seconds: number; growthMiB: number }> {
  // Without a collection first, the growth would count garbage left by filling the database.
  if (!globalThis.gc) throw new Error('run with node --expose-gc (npm run bench:research does)');
  globalThis.gc();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  await work();
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, growthMiB: (peak - before) / MIB };
}

const database = await freshDatabase(ENGINE);
try {
  const { services, system } = await openServices(database);
  const programId = (await listPrograms(system))[0]!.id;
  const db = services.database.db;
  console.log(
    `filling ${RETAILERS} accepted retailers with T0 diagnostics and research consents (${ENGINE})…`,
  );
  await fillApplications(db, programId, RETAILERS, 'accepted');
  await fillDiagnostics(db, programId, (await currentQuestionnaire(db, programId))!.id);
  await fillConsents(db, programId, 'research');
  // The database as it stands once autovacuum has passed, not fresh from a bulk load: the first read
  // of a new row also writes its page back (hint bits), which a live database did long before.
  await db.execute(sql.raw('vacuum (analyze) applications, consents, diagnostics'));
  const researcher = await actingAs(services, system, 'researcher');
  const admin = await actingAs(services, system, 'admin');
  const asked = await requestResearchExtract(researcher, {
    programId,
    purpose: 'Banc d’essai : extrait de recherche complet',
    variableGroups: ['diagnostic', 'coaching', 'outcomes'],
    generalisation: args.coarse ? { region: 'none', size_band: 'small_large' } : {},
  });
  let decided: Awaited<ReturnType<typeof decideResearchExtract>> | undefined;
  const extraction = await measured(async () => {
    decided = await decideResearchExtract(admin, asked.id, { decision: 'approved' });
  });
  if (decided!.status !== 'approved')
    throw new Error(
      `the extract was refused: ${decided!.failingClassCount} classes under k; try ${JSON.stringify(decided!.suggestedGeneralisation)}`,
    );
  let bytes = 0;
  const download = await measured(async () => {
    const { stream } = await downloadResearchExtract(researcher, asked.id);
    for await (const chunk of stream) bytes += chunk.length;
  });
  const result = decided!;
  const rowsOk = result.rowCount === RETAILERS;
  const lines = [
    `# Research extract benchmark`,
    '',
    `${new Date().toISOString().slice(0, 10)}, ${ENGINE}, ${RETAILERS.toLocaleString('en-CA')} consenting retailers, ` +
      `${result.status} (${result.rowCount} rows, ${result.classCount ?? 0} classes, zip ${(bytes / MIB).toFixed(1)} MiB, ` +
      `workbook ${result.checksums?.['data.xlsx'] ? 'included' : 'left out'}).`,
    '',
    table(
      ['step', 'seconds', 'memory growth (MiB)', 'target at 300,000 rows'],
      [
        [
          'approve = extract (stream, zip, store)',
          extraction.seconds.toFixed(2),
          extraction.growthMiB.toFixed(1),
          '< 30 s, < 100 MiB',
        ],
        [
          'download (stream the stored pieces)',
          download.seconds.toFixed(2),
          download.growthMiB.toFixed(1),
          '< 100 MiB',
        ],
      ],
    ),
    '',
    rowsOk ? 'Every consenting retailer is in the extract.' : `Expected ${RETAILERS} rows.`,
  ];
  const report = `${lines.join('\n')}\n`;
  console.log(report);
  writeFileSync(path.join(ROOT, 'bench/RESULTS-research.md'), report);
  await services.close();
} finally {
  await database.drop();
}
