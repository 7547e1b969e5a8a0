/**
 * Intake benchmarks (issue 3, DESIGN §5):
 *   A. 3,000 applications created and submitted through the API on the embedded engine, within a sustained
 *      100 requests/s of mixed traffic (DESIGN §5): 10 submissions/s (a create and a submit each) and
 *      80 reads/s (the retailers' own applications, the public program, the account); latencies of each
 *      kind. `--rate 50 --reads 0` is the write-only stress (100 requests/s of writes);
 *   B. the review queue (`GET /api/v1/applications`) with 300,000 applications on PostgreSQL: first page,
 *      a filtered page, a search and the second page, each measured alone (server latency without
 *      queueing) and mixed at a sustained 100 requests/s.
 * Every request goes to a real Virage server process over HTTP, authenticated with a personal access token.
 *
 *   node --experimental-strip-types --no-warnings=ExperimentalWarning bench/intake.ts [--submissions N] [--rate R] [--reads R] [--queue N] [--skip-postgres]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { applicationFacts, generateBusinesses } from '../src/modules/demo/generators/businesses.ts';
import { createUser, createUsersInBulk } from '../src/modules/identity/index.ts';
import { issueApiToken } from '../src/modules/identity/use-cases/issue-api-token.ts';
import { listPrograms } from '../src/modules/programs/index.ts';
import {
  atRate,
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
import { fillApplications } from './scale/fill.ts';

const { values: args } = parseArgs({
  options: {
    submissions: { type: 'string', default: '3000' },
    rate: { type: 'string', default: '10' },
    reads: { type: 'string', default: '80' },
    queue: { type: 'string', default: '300000' },
    'skip-postgres': { type: 'boolean', default: false },
  },
});
const SUBMISSIONS = Number(args.submissions);
/** Submissions started per second (each is two requests: create, then submit). */
const RATE = Number(args.rate);
/** Reads per second alongside the submissions, for as long as they last. */
const READS = Number(args.reads);
const QUEUE = Number(args.queue);
const PASSWORD = 'bench password long enough 2027';
const TARGET_EMBEDDED_P95 = 50;
const TARGET_POSTGRES_P95 = 100;

type Row = { what: string; stats: Stats; target: number };
const rows: Row[] = [];
const notes: string[] = [];

async function call(url: string, token: string | undefined, method: string, body?: unknown): Promise<number> {
  return timed(async () => {
    const res = await fetch(url, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 200)}`);
  });
}

async function submissions() {
  const database = await freshDatabase('embedded');
  try {
    const { services, system } = await openServices(database);
    const programId = (await listPrograms(system))[0]!.id;
    const businesses = generateBusinesses(SUBMISSIONS, 20_271);
    await createUsersInBulk(system, {
      password: PASSWORD,
      users: businesses.map((b) => ({
        email: b.contact.email,
        name: `${b.contact.firstName} ${b.contact.lastName}`,
        role: 'retailer',
        locale: b.contact.locale,
      })),
    });
    const tokens: string[] = [];
    for (const b of businesses)
      tokens.push((await issueApiToken(system, { email: b.contact.email, name: 'bench' })).token);
    await services.close();

    const server = await startServer(database, 3_481);
    try {
      for (let i = 0; i < 30; i++) await call(`${server.url}/api/v1/me`, tokens[i % tokens.length]!, 'GET');
      const create: number[] = [];
      const submit: number[] = [];
      const failures: string[] = [];
      const created: { id: string; token: string }[] = [];
      // The reads, in turn: a retailer's own application (twice as often), the public program, the account.
      const reads = { application: [] as number[], program: [] as number[], me: [] as number[] };
      const readFailures: string[] = [];
      const readCount = Math.round((READS * SUBMISSIONS) / RATE);
      const reading = atRate(
        Array.from({ length: readCount }, (_, i) => i),
        Math.max(READS, 1),
        async (i) => {
          const mine = created[(i * 7919) % Math.max(created.length, 1)];
          try {
            if (i % 4 < 2 && mine) {
              reads.application.push(
                await call(`${server.url}/api/v1/applications/${mine.id}`, mine.token, 'GET'),
              );
            } else if (i % 4 === 2) {
              reads.program.push(await call(`${server.url}/api/v1/programs/${programId}`, undefined, 'GET'));
            } else {
              reads.me.push(await call(`${server.url}/api/v1/me`, tokens[i % tokens.length]!, 'GET'));
            }
          } catch (error) {
            readFailures.push(String((error as Error).cause ?? error));
          }
        },
      );
      const seconds = await atRate(
        businesses.map((b, i) => ({ b, token: tokens[i]! })),
        RATE,
        async ({ b, token }) => {
          try {
            await createAndSubmit(b, token);
          } catch (error) {
            failures.push(String((error as Error).cause ?? error));
          }
        },
      );
      await reading;
      async function createAndSubmit(b: (typeof businesses)[number], token: string) {
        let id = '';
        create.push(
          await timed(async () => {
            const res = await fetch(`${server.url}/api/v1/applications`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({
                programId,
                business: applicationFacts(b),
                consents: { participation: true, research: false, surveys: true, publication: false },
                attestation: true,
              }),
            });
            const body = (await res.json()) as { id: string };
            if (res.status !== 201)
              throw new Error(`create: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
            id = body.id;
          }),
        );
        created.push({ id, token });
        submit.push(await call(`${server.url}/api/v1/applications/${id}/submit`, token, 'POST'));
      }
      const load = `${SUBMISSIONS} at ${RATE}/s${READS > 0 ? `, with ${READS} reads/s` : ''}`;
      rows.push({
        what: `embedded: POST /applications (${load})`,
        stats: stats(create),
        target: TARGET_EMBEDDED_P95,
      });
      rows.push({
        what: `embedded: POST /applications/{id}/submit (${load})`,
        stats: stats(submit),
        target: TARGET_EMBEDDED_P95,
      });
      for (const [what, samples] of [
        ['GET /applications/{id} (its retailer)', reads.application],
        ['GET /programs/{id} (anonymous)', reads.program],
        ['GET /me', reads.me],
      ] as const) {
        if (samples.length > 0)
          rows.push({
            what: `embedded: ${what}, alongside`,
            stats: stats(samples),
            target: TARGET_EMBEDDED_P95,
          });
      }
      notes.push(
        `${SUBMISSIONS} applications created and submitted in ${seconds.toFixed(1)} s (${(SUBMISSIONS / seconds).toFixed(1)} submissions/s, 2 requests each)${READS > 0 ? `, alongside ${readCount} reads (${READS}/s): ${(2 * RATE + READS).toFixed(0)} requests/s in all` : ''}.`,
      );
      if (readFailures.length > 0) {
        const kinds = [...new Set(readFailures.map((f) => f.slice(0, 120)))].slice(0, 3).join('; ');
        notes.push(`${readFailures.length} of ${readCount} reads failed: ${kinds}.`);
      }
      if (failures.length > 0) {
        const kinds = [...new Set(failures.map((f) => f.slice(0, 120)))].slice(0, 3).join('; ');
        notes.push(
          `${failures.length} of ${SUBMISSIONS} submissions failed (latencies above are of the others): ${kinds}.`,
        );
      }
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

async function reviewQueue() {
  const database = await freshDatabase('postgres');
  try {
    const { services, system } = await openServices(database);
    const programId = (await listPrograms(system))[0]!.id;
    const filled = await timed(() => fillApplications(services.database.db, programId, QUEUE));
    notes.push(
      `${QUEUE.toLocaleString('en-CA')} applications written in ${(filled / 1000).toFixed(1)} s (set-based SQL, bench/scale/fill.ts).`,
    );
    await createUser(system, {
      email: 'coordination@bench.virage.test',
      role: 'coordinator',
      name: 'Coordination',
      password: PASSWORD,
      locale: 'fr',
    });
    const { token } = await issueApiToken(system, { email: 'coordination@bench.virage.test', name: 'bench' });
    await services.close();

    const server = await startServer(database, 3_482);
    try {
      // As the review page asks: within the program.
      const base = `${server.url}/api/v1/applications?programId=${programId}`;
      const first = (await (
        await fetch(`${base}&limit=50`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { nextCursor: string };
      const pages: [string, string][] = [
        ['first page (50, newest first)', `${base}&limit=50`],
        ['filtered: submitted in region 06', `${base}&status=submitted&region=06&limit=50`],
        ['search: "boutique 12"', `${base}&q=${encodeURIComponent('boutique 12')}&limit=50`],
        ['second page (cursor)', `${base}&limit=50&cursor=${encodeURIComponent(first.nextCursor)}`],
      ];
      for (const [what, url] of pages) {
        for (let i = 0; i < 10; i++) await call(url, token, 'GET');
        const samples: number[] = [];
        for (let i = 0; i < 100; i++) samples.push(await call(url, token, 'GET'));
        rows.push({
          what: `postgres ${QUEUE.toLocaleString('en-CA')}: ${what}, one at a time`,
          stats: stats(samples),
          target: TARGET_POSTGRES_P95,
        });
      }
      const mixed: number[] = [];
      await atRate(
        Array.from({ length: 1000 }, (_, i) => pages[i % pages.length]![1]),
        100,
        async (url) => {
          mixed.push(await call(url, token, 'GET'));
        },
      );
      rows.push({
        what: `postgres ${QUEUE.toLocaleString('en-CA')}: the four mixed at 100 requests/s`,
        stats: stats(mixed),
        target: TARGET_POSTGRES_P95,
      });
    } finally {
      await server.stop();
    }
  } finally {
    await database.drop();
  }
}

await submissions();
if (!args['skip-postgres']) await reviewQueue();

const report = [
  '# Intake benchmark',
  '',
  `Written by \`bench/intake.ts\` on ${new Date().toISOString()} (Node ${process.version}). Client-side latencies over HTTP to a Virage server process (NODE_ENV=production), in ms.`,
  '',
  table(
    ['Request', 'n', 'p50', 'p95', 'p99', 'max', 'target p95', 'result'],
    rows.map((r) => [
      r.what,
      r.stats.count,
      ms(r.stats.p50),
      ms(r.stats.p95),
      ms(r.stats.p99),
      ms(r.stats.max),
      `< ${r.target}`,
      r.stats.p95 < r.target ? 'PASS' : 'FAIL',
    ]),
  ),
  '',
  ...notes.map((n) => `- ${n}`),
  '',
].join('\n');
process.stdout.write(report);
writeFileSync(path.join(ROOT, 'bench/RESULTS-intake.md'), report);
