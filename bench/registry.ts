/**
 * Registry benchmark (issue 13, decision 40): a generated extract of one million enterprises imported on
 * PostgreSQL in < 3 minutes while a Virage server's pages stay under p95 100 ms, then the NEQ lookup
 * p95 < 20 ms with the million loaded.
 *   A. the import (`importRegistryExtract`, as `npx virage registry import` runs it), timed;
 *   B. meanwhile, `GET /api/v1/programs` on a Virage server process, one request every 200 ms;
 *   C. `findRegistryEnterprise` in process, random NEQs; D. `GET /api/v1/registry/enterprises/{neq}`.
 * The zip is generated in memory: per enterprise one Entreprise.csv row, one name, one establishment.
 *
 *   node --experimental-strip-types --no-warnings=ExperimentalWarning bench/registry.ts [--enterprises N]
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { createUser } from '../src/modules/identity/index.ts';
import { issueApiToken } from '../src/modules/identity/use-cases/issue-api-token.ts';
import { EXTRACT_FILES } from '../src/modules/registry/domain/extract-format.ts';
import { findRegistryEnterprise, importRegistryExtract } from '../src/modules/registry/index.ts';
import {
  freshDatabase,
  ms,
  openServices,
  ROOT,
  type Stats,
  startServer,
  stats,
  table,
  timed,
} from './scale/environment.ts';

const { values: args } = parseArgs({ options: { enterprises: { type: 'string', default: '1000000' } } });
const N = Number(args.enterprises);
const IMPORT_TARGET_S = 180;
const PAGE_TARGET_MS = 100;
const LOOKUP_TARGET_MS = 20;
const RUNS = 200;

const neqOf = (i: number) => String(1_000_000_000 + i);

/** The extract as the Registraire ships it: six CSV files in one zip, each written as it is generated. */
function generateExtract(): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  const file = (
    name: keyof typeof EXTRACT_FILES,
    row: (i: number) => Record<string, string>,
    count: number,
  ) => {
    const entry = new ZipDeflate(name, { level: 1 });
    zip.add(entry);
    const header = EXTRACT_FILES[name];
    entry.push(strToU8(`\uFEFF${header.join(',')}\r\n`));
    const BLOCK = 10_000;
    for (let from = 0; from < count; from += BLOCK) {
      const lines: string[] = [];
      for (let i = from; i < Math.min(count, from + BLOCK); i++) {
        const values = row(i);
        lines.push(header.map((c) => values[c] ?? '').join(','));
      }
      entry.push(strToU8(`${lines.join('\r\n')}\r\n`), from + BLOCK >= count);
    }
    if (count === 0) entry.push(new Uint8Array(0), true);
  };
  const day = (i: number) => `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`;
  file(
    'Entreprise.csv',
    (i) => ({
      NEQ: neqOf(i),
      IND_FAIL: i % 97 === 0 ? 'O' : 'N',
      DAT_IMMAT: day(i),
      COD_REGIM_JURI: 'QC',
      COD_INTVAL_EMPLO_QUE: String(1 + (i % 8)),
      COD_STAT_IMMAT: i % 13 === 0 ? 'RX' : 'IM',
      COD_FORME_JURI: 'CIE',
      DAT_STAT_IMMAT: day(i + 3),
      COD_ACT_ECON_CAE: String(6000 + (i % 900)),
      DESC_ACT_ECON_ASSUJ: 'Commerce de détail',
      ADR_DOMCL_ADR_DISP: i % 5 === 0 ? 'N' : 'O',
      ADR_DOMCL_LIGN1_ADR: `${1 + (i % 9999)} rue Principale`,
      ADR_DOMCL_LIGN2_ADR: 'Montréal (Québec)',
      ADR_DOMCL_LIGN4_ADR: 'H2X 1Y4',
    }),
    N,
  );
  file(
    'Nom.csv',
    (i) => ({
      NEQ: neqOf(i),
      NOM_ASSUJ: `Commerce ${i} inc.`,
      STAT_NOM: 'V',
      TYP_NOM_ASSUJ: 'N',
      DAT_INIT_NOM_ASSUJ: day(i),
    }),
    N,
  );
  file(
    'Etablissement.csv',
    (i) => ({
      NEQ: neqOf(i),
      NO_SUF_ETAB: '0001',
      IND_ETAB_PRINC: 'O',
      IND_DISP: 'O',
      LIGN1_ADR: `${1 + (i % 9999)} rue Principale`,
      LIGN4_ADR: 'H2X 1Y4',
      COD_ACT_ECON: String(6000 + (i % 900)),
      NOM_ETAB: `Boutique ${i}`,
    }),
    N,
  );
  file('FusionScission.csv', () => ({}), 0);
  file('ContinuationTransformation.csv', () => ({}), 0);
  const codes = [
    ['COD_STAT_IMMAT', 'IM', 'Immatriculée'],
    ['COD_STAT_IMMAT', 'RX', "Radiée d'office"],
    ['COD_FORME_JURI', 'CIE', 'Société par actions ou compagnie'],
    ...Array.from({ length: 8 }, (_, b) => ['COD_INTVAL_EMPLO_QUE', String(b + 1), `Tranche ${b + 1}`]),
    ...Array.from({ length: 900 }, (_, c) => ['COD_ACT_ECON', String(6000 + c), `Activité ${6000 + c}`]),
  ];
  file(
    'DomaineValeur.csv',
    (i) => ({ TYP_DOM_VAL: codes[i]![0]!, COD_DOM_VAL: codes[i]![1]!, VAL_DOM_FRAN: codes[i]![2]! }),
    codes.length,
  );
  zip.end();
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

type Row = { what: string; stats: Stats; pass: boolean | null };
const rows: Row[] = [];
const notes: string[] = [
  `Load average at the start: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')}.`,
];

const database = await freshDatabase('postgres');
try {
  const { services, system } = await openServices(database);
  let zip!: Uint8Array;
  const generated = await timed(async () => {
    zip = generateExtract();
  });
  notes.push(
    `${N.toLocaleString('en-CA')} enterprises (one name and one establishment each) generated as a ${(zip.length / 1e6).toFixed(0)} MB zip in ${(generated / 1000).toFixed(1)} s.`,
  );
  await createUser(system, {
    email: 'coordination@bench.virage.test',
    role: 'coordinator',
    name: 'Coordination',
    password: 'bench password long enough 2027',
    locale: 'fr',
  });
  const { token } = await issueApiToken(system, { email: 'coordination@bench.virage.test', name: 'bench' });
  const server = await startServer(database, 3_487);
  try {
    // B: the server's pages while the import runs in this process, one request every 200 ms; the same
    // pages alone just before, to read the machine's own load in them.
    const page = () =>
      timed(async () => {
        const res = await fetch(`${server.url}/api/v1/programs`, {
          headers: { authorization: `Bearer ${token}` },
        });
        await res.text();
      });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 200));
    const before: number[] = [];
    for (let i = 0; i < 30; i++) {
      before.push(await page());
      await pause();
    }
    let importing = true;
    const pageSamples: number[] = [];
    const pages = (async () => {
      while (importing) {
        pageSamples.push(await page());
        await pause();
      }
    })();
    const cpuBefore = process.cpuUsage();
    const imported = await timed(() =>
      importRegistryExtract(system, { bytes: zip, fileName: 'bench.zip' }, { wait: true }).then(
        ({ extract }) => {
          if (extract.status !== 'current')
            throw new Error(`import ${extract.status}: ${JSON.stringify(extract.failure)}`);
        },
      ),
    );
    const cpu = process.cpuUsage(cpuBefore);
    importing = false;
    await pages;
    notes.push(
      `The import's CPU in this process (parsing, mapping, sending; PostgreSQL's own is not counted): ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s for ${(imported / 1000).toFixed(1)} s of wall time, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')} at its end.`,
    );

    rows.push({
      what: `import of ${N.toLocaleString('en-CA')} enterprises (s)`,
      stats: stats([imported / 1000]),
      pass: imported / 1000 < IMPORT_TARGET_S,
    });
    const p = stats(pageSamples);
    rows.push({ what: 'GET /api/v1/programs during the import', stats: p, pass: p.p95 < PAGE_TARGET_MS });
    rows.push({ what: 'GET /api/v1/programs just before', stats: stats(before.slice(5)), pass: null });

    // C and D: lookups of random NEQs with the million loaded.
    const pick = () => neqOf(Math.floor(Math.random() * N));
    for (let i = 0; i < 5; i++) await findRegistryEnterprise(services.database.db, pick());
    const inProcess: number[] = [];
    for (let i = 0; i < RUNS; i++)
      inProcess.push(await timed(() => findRegistryEnterprise(services.database.db, pick())));
    const c = stats(inProcess);
    rows.push({ what: 'findRegistryEnterprise, in process', stats: c, pass: c.p95 < LOOKUP_TARGET_MS });
    const overHttp: number[] = [];
    for (let i = 0; i < RUNS; i++)
      overHttp.push(
        await timed(async () => {
          const res = await fetch(`${server.url}/api/v1/registry/enterprises/${pick()}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          await res.text();
          if (res.status !== 200) throw new Error(`lookup answered ${res.status}`);
        }),
      );
    const d = stats(overHttp);
    rows.push({ what: 'GET /api/v1/registry/enterprises/{neq}', stats: d, pass: d.p95 < LOOKUP_TARGET_MS });
  } finally {
    await server.stop();
    await services.close();
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await database.drop();
}
notes.push(
  `Load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')}.`,
);

const report = [
  '# Registry benchmark',
  '',
  `Written by \`bench/registry.ts\` (\`npm run bench:registry\`) on ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, PostgreSQL. Times in ms (the import in s); targets: import < ${IMPORT_TARGET_S} s, pages p95 < ${PAGE_TARGET_MS} ms meanwhile, lookup p95 < ${LOOKUP_TARGET_MS} ms.`,
  '',
  table(
    ['Measure', 'n', 'p50', 'p95', 'p99', 'max', 'result'],
    rows.map((row) => [
      row.what,
      row.stats.count,
      ms(row.stats.p50),
      ms(row.stats.p95),
      ms(row.stats.p99),
      ms(row.stats.max),
      row.pass === null ? '—' : row.pass ? 'pass' : 'FAIL',
    ]),
  ),
  '',
  ...notes.map((n) => `- ${n}`),
  '',
].join('\n');
if (N >= 1_000_000) writeFileSync(path.join(ROOT, 'bench/RESULTS-registry.md'), report);
console.log(report);
