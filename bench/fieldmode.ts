/**
 * Field mode benchmark (issue 14), on the embedded engine, through the use cases in process (no HTTP):
 *   A. the visit pack of a typical file, as JSON and gzip-compressed as the server sends it (< 200 KB
 *      compressed): the default questionnaire answered halfway, 8 sessions of which 5 held with 1,500
 *      characters of notes each, a plan of 8 actions, 15 suppliers in the business's region;
 *   B. synchronising 50 pending changes in one batch (< 2 s): 20 diagnostic answers, 20 session notes,
 *      10 plan-action statuses, each applied once through the online use cases with its audit event;
 *   C. the same batch replayed (the device did not hear the answer): every outcome read back, nothing
 *      applied twice.
 *
 *   node --experimental-strip-types --no-warnings=ExperimentalWarning bench/fieldmode.ts
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { montrealIso } from '../src/kernel/format.ts';
import type { Role } from '../src/kernel/roles.ts';
import {
  createSupplier,
  SUPPLIER_CATEGORIES,
  savePlan,
  scheduleSession,
  updateSession,
} from '../src/modules/coaching/index.ts';
import {
  DEFAULT_QUESTIONNAIRE,
  saveDiagnosticAnswers,
  startDiagnostic,
} from '../src/modules/diagnostic/index.ts';
import { confirmAssignments, createExpert } from '../src/modules/experts/index.ts';
import { getVisitPacks } from '../src/modules/fieldmode/use-cases/get-visit-packs.ts';
import { syncCommands } from '../src/modules/fieldmode/use-cases/sync-commands.ts';
import { createUsersInBulk } from '../src/modules/identity/index.ts';
import { applications } from '../src/modules/intake/db/tables.ts';
import { listPrograms } from '../src/modules/programs/index.ts';
import { auditEvents } from '../src/platform/audit/table.ts';
import type { UserActor } from '../src/platform/authorization.ts';
import type { Ctx } from '../src/platform/context.ts';
import { freshDatabase, ms, openServices, ROOT, type Stats, stats, table } from './scale/environment.ts';
import { fillApplications } from './scale/fill.ts';

const RUNS = 7;
const CHANGES = 50;
const PACK_TARGET_KB = 200;
const SYNC_TARGET_MS = 2000;
const notes = [
  `Load average at the start: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} on ${os.cpus().length} cores (other work on the machine inflates the times).`,
];

const database = await freshDatabase('embedded');
try {
  const { services, system } = await openServices(database);
  const db = services.database.db;
  const programId = (await listPrograms(system))[0]!.id;
  const people = (['coordinator', 'expert', 'retailer'] as Role[]).map((role) => ({
    email: `${role}@bench.virage.test`,
    name: `Bench ${role}`,
    role,
    locale: 'fr' as const,
  }));
  const { ids } = await createUsersInBulk(system, {
    password: 'bench password long enough 2027',
    users: people,
  });
  const as = (i: number, now = system.now): Ctx => ({
    ...system,
    now,
    actor: {
      kind: 'user',
      id: ids[i]!,
      role: people[i]!.role,
      email: people[i]!.email,
      name: people[i]!.name,
      locale: 'fr',
      secondFactor: true,
      via: 'token',
    } satisfies UserActor,
  });
  const [coordinator, retailer] = [as(0), as(2)];

  // The file: an accepted business of Montréal, the retailer's, assigned to the expert.
  await fillApplications(db, programId, 1, 'accepted');
  const [{ id: applicationId }] = (await db
    .update(applications)
    .set({ applicantId: ids[2]!, region: '06' })
    .returning({ id: applications.id })) as [{ id: string }];
  const { id: expertId } = await createExpert(coordinator, {
    email: people[1]!.email,
    regions: ['06'],
    languages: ['fr'],
    specialties: ['online_marketing_social'],
    capacity: 20,
  });
  await confirmAssignments(coordinator, { assignments: [{ applicationId, expertId }] });
  const { id: diagnosticId } = await startDiagnostic(retailer, { applicationId, phase: 'T0' });
  const questions = DEFAULT_QUESTIONNAIRE.dimensions.flatMap((d) => d.questions).filter((q) => !q.condition);
  const first = (q: (typeof questions)[number]) =>
    q.type === 'single' ? q.choices[0]!.id : [q.choices[0]!.id];
  await saveDiagnosticAnswers(retailer, diagnosticId, {
    answers: Object.fromEntries(questions.slice(0, questions.length / 2).map((q) => [q.id, first(q)])),
  });
  for (let i = 0; i < 15; i++)
    await createSupplier(coordinator, {
      name: `Fournisseur ${i}`,
      categories: [SUPPLIER_CATEGORIES[i % SUPPLIER_CATEGORIES.length]],
      regions: ['06'],
      languages: ['fr'],
      website: `https://fournisseur${i}.example.ca`,
      descriptionFr:
        'Accompagne les commerces de détail dans leur virage numérique, de la vitrine en ligne au paiement.',
    });
  // Eight weekly sessions from now; the clock then moves five weeks on: five held, with notes.
  const start = system.now();
  const sessionIds: string[] = [];
  for (let week = 1; week <= 8; week++) {
    const at = new Date(start.getTime() + week * 7 * 86_400_000);
    const s = await scheduleSession(as(1), {
      applicationId,
      startsAt: montrealIso(at),
      durationMinutes: 90,
      mode: 'in_store',
    });
    sessionIds.push(s.id);
  }
  const later = () => new Date(start.getTime() + 5.5 * 7 * 86_400_000);
  const expert = as(1, later);
  const note = 'Visite en magasin : inventaire, caisse et vitrine en ligne passés en revue. '
    .repeat(20)
    .slice(0, 1500);
  for (const id of sessionIds.slice(0, 5)) await updateSession(expert, id, { hours: 1.5, notes: note });
  const action = (i: number) => ({
    objective: `Action ${i} : ouvrir la boutique en ligne et relier la caisse`,
    steps: 'Choisir la plateforme, importer le catalogue, former l’équipe, annoncer l’ouverture.',
    owner: 'Zoé',
    dueDate: '2027-12-31',
    estimatedCostCents: 150_000,
    status: 'todo',
    supplierId: null,
  });
  await savePlan(expert, applicationId, {
    currentState: 'Vitrine seulement, aucune vente en ligne.',
    goals: 'Vendre en ligne 10 % du chiffre d’affaires d’ici deux ans.',
    budgetCents: 800_000,
    timeline: 'Hiver et printemps',
    actions: Array.from({ length: 8 }, (_, i) => action(i)),
    status: 'approved',
  });

  // A. The pack.
  const packs = await getVisitPacks(expert, { applicationIds: applicationId });
  const json = JSON.stringify(packs);
  const raw = Buffer.byteLength(json);
  const gzipped = gzipSync(json).length;
  const packTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    await getVisitPacks(expert, { applicationIds: applicationId });
    packTimes.push(performance.now() - t0);
  }

  // B. 50 changes in one batch, each run based on a fresh pack (as the device would be).
  const syncTimes: number[] = [];
  const replayTimes: number[] = [];
  /** The process's own CPU time (the embedded engine runs in it): what the sync costs, whatever the load. */
  const syncCpu: number[] = [];
  let applied = 0;
  for (let run = 0; run < RUNS; run++) {
    const pack = (await getVisitPacks(expert, { applicationIds: applicationId })).packs[0]!;
    const d = pack.diagnostic!;
    const held = pack.sessions.filter((s) => s.status === 'held');
    const commands = [
      ...questions.slice(0, 20).map((q) => {
        const choice = q.choices[(run + 1) % q.choices.length]!.id;
        return command('answer-diagnostic-question', d.version, {
          diagnosticId: d.id,
          questionId: q.id,
          value: q.type === 'single' ? choice : [choice],
          baseValue: d.answers[q.id] ?? null,
        });
      }),
      ...Array.from({ length: 20 }, (_, i) =>
        command('add-session-note', held[i % held.length]!.version, {
          sessionId: held[i % held.length]!.id,
          text: `Note ${run}.${i} : la caisse sera remplacée en mars.`,
        }),
      ),
      ...pack.plan!.actions.slice(0, 8).map((a) =>
        command('update-plan-action', a.version, {
          actionId: a.id,
          status: run % 2 === 0 ? 'in_progress' : 'done',
          baseStatus: a.status,
        }),
      ),
      ...pack.plan!.actions.slice(0, 2).map((a) =>
        command('update-plan-action', null, {
          actionId: a.id,
          status: run % 2 === 0 ? 'in_progress' : 'done',
          baseStatus: a.status,
        }),
      ),
    ];
    if (commands.length !== CHANGES) throw new Error(`${commands.length} changes instead of ${CHANGES}`);
    let t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await syncCommands(expert, { commands, applicationIds: [applicationId] });
    syncTimes.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    syncCpu.push((cpu.user + cpu.system) / 1000);
    applied += result.results.filter((r) => r.status === 'applied').length;
    t0 = performance.now();
    const replay = await syncCommands(expert, { commands, applicationIds: [applicationId] });
    replayTimes.push(performance.now() - t0);
    if (JSON.stringify(replay.results) !== JSON.stringify(result.results))
      throw new Error('a replay answered differently');
  }
  const audited = await db.$count(auditEvents, eq(auditEvents.action, 'fieldmode.command'));
  notes.push(
    `${applied} of ${RUNS * CHANGES} changes applied; ${audited} audit events for ${RUNS * CHANGES} commands and as many replays: each command applied and audited once. The batch runs in one transaction, each use case in its own savepoint.`,
  );

  function command(type: string, baseVersion: string | null, payload: Record<string, unknown>) {
    return { commandId: randomUUID(), type, applicationId, baseVersion, payload };
  }

  const packStats = stats(packTimes);
  const rows: { what: string; value: string; target: string; pass: boolean }[] = [
    { what: 'Visit pack, JSON', value: `${(raw / 1024).toFixed(1)} KB`, target: '—', pass: true },
    {
      what: 'Visit pack, gzip',
      value: `${(gzipped / 1024).toFixed(1)} KB`,
      target: `< ${PACK_TARGET_KB} KB`,
      pass: gzipped < PACK_TARGET_KB * 1024,
    },
    {
      what: 'Visit pack, built (p50 / max)',
      value: `${ms(packStats.p50)} / ${ms(packStats.max)} ms`,
      target: '—',
      pass: true,
    },
  ];
  const sync: Stats = stats(syncTimes);
  const replay: Stats = stats(replayTimes);
  const cpu: Stats = stats(syncCpu);
  rows.push(
    {
      what: `Sync of ${CHANGES} changes (p50 / max of ${RUNS})`,
      value: `${ms(sync.p50)} / ${ms(sync.max)} ms`,
      target: `p50 < ${SYNC_TARGET_MS} ms`,
      pass: sync.p50 < SYNC_TARGET_MS,
    },
    {
      what: `Sync of ${CHANGES} changes, CPU of the process (p50 / max)`,
      value: `${ms(cpu.p50)} / ${ms(cpu.max)} ms`,
      target: '—',
      pass: true,
    },
    {
      what: `Replay of the same ${CHANGES} (p50 / max)`,
      value: `${ms(replay.p50)} / ${ms(replay.max)} ms`,
      target: '—',
      pass: true,
    },
  );
  const report = [
    '# Field mode benchmark',
    '',
    `Written by \`bench/fieldmode.ts\` on ${new Date().toISOString()} (Node ${process.version}). Embedded engine (PGlite), use cases in process. A typical file: the default questionnaire answered halfway, 8 sessions (5 held, 1,500 characters of notes each), a plan of 8 actions, 15 suppliers in the region.`,
    '',
    table(
      ['Measure', 'value', 'target', 'result'],
      rows.map((r) => [r.what, r.value, r.target, r.target === '—' ? '' : r.pass ? 'PASS' : 'FAIL']),
    ),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  writeFileSync(path.join(ROOT, 'bench', 'RESULTS-fieldmode.md'), report);
  console.log(report);
  await services.close();
} finally {
  await database.drop();
}
