/**
 * Budget benchmark (issue 10, DESIGN §5): the budget page with 300,000 retailers and 3 million ledger
 * entries on PostgreSQL, < 200 ms.
 *   A. `getBudget` in process (the use case: authorization, envelopes, budgets, ledger balances);
 *   B. `commitFunds`, the hard rule's check and one entry, at this size (decision 27);
 *   C. `GET /api/v1/programs/{id}/budget` over HTTP to a Virage server, one at a time.
 * The ledger is written with set-based SQL straight into a fresh database: ten entries per business
 * over two envelopes and two fiscal years (commitments, approvals, payments, releases).
 *
 *   node --experimental-strip-types --no-warnings=ExperimentalWarning bench/budget.ts [--retailers N]
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { ledgerEntries } from '../src/modules/funding/db/tables.ts';
import { commitFunds, setBudget } from '../src/modules/funding/index.ts';
import { getBudget } from '../src/modules/funding/use-cases/get-budget.ts';
import { createUser } from '../src/modules/identity/index.ts';
import { issueApiToken } from '../src/modules/identity/use-cases/issue-api-token.ts';
import { resolveActor } from '../src/modules/identity/use-cases/resolve-actor.ts';
import { applications } from '../src/modules/intake/db/tables.ts';
import { listPrograms } from '../src/modules/programs/index.ts';
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
  timedGets,
} from './scale/environment.ts';
import { fillApplications } from './scale/fill.ts';

const { values: args } = parseArgs({ options: { retailers: { type: 'string', default: '300000' } } });
const RETAILERS = Number(args.retailers);
const ENTRIES_PER_RETAILER = 10;
const RUNS = 50;
const TARGET_MS = 200;
/** `pass` null: measured without a target of its own. */
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
  const db = services.database.db;
  const programId = (await listPrograms(system))[0]!.id;
  const budget = await setBudget(system, programId, {
    envelopes: [
      {
        key: 'grants',
        nameFr: 'Subventions',
        nameEn: 'Grants',
        kind: 'grants',
        budgets: [
          { fiscalYear: '2026-2027', amountCents: 900_000_000_000 },
          { fiscalYear: '2027-2028', amountCents: 900_000_000_000 },
        ],
      },
      {
        key: 'coaching',
        nameFr: 'Accompagnement',
        nameEn: 'Coaching',
        kind: 'accompaniment',
        hourlyRateCents: 12_000,
        budgets: [
          { fiscalYear: '2026-2027', amountCents: 900_000_000_000 },
          { fiscalYear: '2027-2028', amountCents: 900_000_000_000 },
        ],
      },
    ],
  });
  const [grants, coaching] = budget.envelopes.map((e) => e.id);
  const applicationsFilled = await timed(() => fillApplications(db, programId, RETAILERS));
  const filled = await timed(async () => {
    // Entry k of a business: the grants envelope for k ≤ 6, coaching after; the year alternates; the
    // moves cycle through commit, approve, pay and release (what the use cases append).
    await db.execute(
      sql.raw(`
      insert into ledger_entries (id, envelope_id, fiscal_year, application_id, kind, from_account, to_account,
        amount_cents, cause, reason, source, created_at)
      select gen_random_uuid(), case when k <= 6 then '${grants}'::uuid else '${coaching}'::uuid end,
        2026 + (k % 2), a.id, m.kind, m.from_account, m.to_account, 1000 + (hashtext(a.id::text || k) & 65535),
        m.cause, 'bench', 'bench:' || k, now()
      from applications a
      cross join generate_series(1, ${ENTRIES_PER_RETAILER}) as k
      cross join lateral (select * from (values
        (0, 'commit', 'envelope', 'committed', 'agreement'),
        (1, 'approve', 'committed', 'payable', 'claim'),
        (2, 'pay', 'payable', 'paid', 'batch'),
        (3, 'release', 'committed', 'released', 'closure')
      ) as v(n, kind, from_account, to_account, cause) where v.n = k % 4) m
      where a.program_id = '${programId}'`),
    );
    // As autovacuum leaves a settled table (visibility map set: index-only scans possible).
    await db.execute(sql`vacuum analyze`);
  });
  const count = await db.$count(ledgerEntries);
  notes.push(
    `${RETAILERS.toLocaleString('en-CA')} applications written in ${(applicationsFilled / 1000).toFixed(1)} s and ${count.toLocaleString('en-CA')} ledger entries (two envelopes, two fiscal years) in ${(filled / 1000).toFixed(1)} s (set-based SQL, through the balances' trigger; vacuum analyze included).`,
  );
  await createUser(system, {
    email: 'finance@bench.virage.test',
    role: 'coordinator',
    name: 'Coordination',
    password: 'bench password long enough 2027',
    locale: 'fr',
  });
  const { token } = await issueApiToken(system, { email: 'finance@bench.virage.test', name: 'bench' });
  const reader = { ...system, actor: await resolveActor(services, { bearerToken: token }) };

  const page = () => getBudget(reader, programId, {});
  for (let i = 0; i < 3; i++) await page(); // warm-up
  const inProcess: number[] = [];
  for (let i = 0; i < RUNS; i++) inProcess.push(await timed(page));
  const a = stats(inProcess);
  rows.push({ what: 'getBudget use case, in process', stats: a, pass: a.p95 < TARGET_MS });

  // The hard rule's check at this size: each commitment locks its envelope-year, reads the balances
  // and appends one entry (1 $ to a different business each time, in the busiest envelope-year).
  const businesses = await db
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.programId, programId))
    .orderBy(applications.id)
    .limit(RUNS);
  const commits: number[] = [];
  for (const [i, { id: applicationId }] of businesses.entries())
    commits.push(
      await timed(() =>
        db.transaction((tx) =>
          commitFunds(tx, system, {
            envelopeId: grants!,
            fiscalYear: 2026,
            applicationId,
            amountCents: 100,
            reason: 'bench',
            source: `bench:commit:${i}`,
          }),
        ),
      ),
    );
  rows.push({ what: 'commitFunds (check under the lock, one entry)', stats: stats(commits), pass: null });
  // For comparison, what each check read before decision 27: the envelope-year's entries of every other business, summed.
  const summed: number[] = [];
  for (const { id } of businesses.slice(0, 10))
    summed.push(
      await timed(() =>
        db.execute(sql`select from_account, to_account, sum(amount_cents) from ledger_entries
          where envelope_id = ${grants} and fiscal_year = 2026 and application_id <> ${id}
          group by from_account, to_account`),
      ),
    );
  rows.push({ what: 'before decision 27: the envelope-year summed', stats: stats(summed), pass: null });
  await services.close();

  const server = await startServer(database, 3_485);
  try {
    const h = await timedGets(`${server.url}/api/v1/programs/${programId}/budget`, token, RUNS);
    rows.push({ what: 'GET /programs/{id}/budget, one at a time', stats: h, pass: h.p95 < TARGET_MS });
  } finally {
    await server.stop();
  }
} catch (error) {
  // Said before the database is dropped: dropping it ends the connections still open.
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
  '# Budget benchmark',
  '',
  `Written by \`bench/budget.ts\` (\`npm run bench:budget\`) on ${new Date().toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, PostgreSQL. Times in ms; target p95 < ${TARGET_MS}.`,
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
      row.pass === null ? '—' : row.pass ? 'PASS' : 'FAIL',
    ]),
  ),
  '',
  ...notes.map((n) => `- ${n}`),
  '',
].join('\n');
process.stdout.write(report);
writeFileSync(path.join(ROOT, `bench/RESULTS-budget${RETAILERS === 300_000 ? '' : '-small'}.md`), report);
