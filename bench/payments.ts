/**
 * Payment batch benchmark (issue 9, DESIGN §5): 3,000 claims approved for payment, each business with
 * verified (encrypted) bank details, on the embedded engine. Measured through the use cases the API
 * calls: building the batch (select, lock, insert, move the claims), then exporting it as pain.001
 * (decrypting 3,000 accounts, writing the XML): target < 2 s for both together. Approval, the CSV and
 * XLSX exports and marking the batch paid (3,000 ledger entries and e-mails in one transaction) are
 * reported beside it. The pain.001 file is checked against the ISO 20022 schema with xmllint.
 *
 *   node --experimental-strip-types --no-warnings=ExperimentalWarning bench/payments.ts [--claims N]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { sealBankAccount } from '../src/modules/funding/db/bank-details-cipher.ts';
import {
  agreements,
  aidRulesVersions,
  bankAccounts,
  claims,
  ledgerEntries,
} from '../src/modules/funding/db/tables.ts';
import { DEFAULT_AID_RULES } from '../src/modules/funding/domain/default-aid-rules.ts';
import {
  approvePaymentBatch,
  buildPaymentBatch,
  exportPaymentBatch,
  markPaymentBatchPaid,
  setBudget,
} from '../src/modules/funding/index.ts';
import { createUser } from '../src/modules/identity/index.ts';
import { applications } from '../src/modules/intake/db/tables.ts';
import { listPrograms } from '../src/modules/programs/index.ts';
import type { Ctx } from '../src/platform/context.ts';
import { insertMany } from '../src/platform/db/bulk.ts';
import { newId } from '../src/platform/ids.ts';
import { freshDatabase, ms, openServices, ROOT, table } from './scale/environment.ts';
import { fillApplications } from './scale/fill.ts';

const { values: args } = parseArgs({ options: { claims: { type: 'string', default: '3000' } } });
const CLAIMS = Number(args.claims);
const TARGET_MS = 2000;
const schema = path.resolve(ROOT, '../shared/reference/schemas/pain.001.001.03.xsd');

async function financeCtx(system: Ctx, name: string): Promise<Ctx> {
  const email = `${name}@bench.virage.test`;
  const { id } = await createUser(system, {
    email,
    name,
    role: 'finance',
    password: 'bench password 2027',
    locale: 'fr',
  });
  return {
    ...system,
    actor: { kind: 'user', id, role: 'finance', email, name, locale: 'fr', secondFactor: true, via: 'token' },
  };
}

/** Accepted applications, each with an accepted agreement, a claim approved for payment, its ledger entries and verified bank details. */
async function fillApprovedClaims(system: Ctx, programId: string, envelopeId: string, authorId: string) {
  const db = system.db;
  await fillApplications(db, programId, CLAIMS, 'accepted');
  const apps = await db
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.programId, programId));
  const rulesVersionId = newId();
  await db.insert(aidRulesVersions).values({
    id: rulesVersionId,
    programId,
    version: 1,
    rules: { ...DEFAULT_AID_RULES, capPerBusinessCents: null },
  });
  const now = system.now();
  const rows = apps.map((a, i) => ({
    applicationId: a.id,
    agreementId: newId(),
    claimId: newId(),
    amountCents: 50_000 + ((i * 7919) % 190_000),
  }));
  await insertMany(
    db,
    agreements,
    rows.map((r) => ({
      id: r.agreementId,
      programId,
      applicationId: r.applicationId,
      envelopeId,
      fiscalYear: 2026,
      rulesVersionId,
      status: 'accepted' as const,
      grantCents: r.amountCents,
      acceptedAt: now,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await insertMany(
    db,
    claims,
    rows.map((r) => ({
      id: r.claimId,
      agreementId: r.agreementId,
      applicationId: r.applicationId,
      number: 1,
      status: 'payment_approved' as const,
      claimableCents: r.amountCents,
      eligibleCents: r.amountCents,
      createdBy: authorId,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const entry = (r: (typeof rows)[number], kind: 'commit' | 'approve') => ({
    id: newId(),
    envelopeId,
    fiscalYear: 2026,
    applicationId: r.applicationId,
    kind,
    fromAccount: kind === 'commit' ? ('envelope' as const) : ('committed' as const),
    toAccount: kind === 'commit' ? ('committed' as const) : ('payable' as const),
    amountCents: r.amountCents,
    cause: kind === 'commit' ? ('agreement' as const) : ('claim' as const),
    reason: 'bench',
    source: kind === 'commit' ? `agreement:${r.agreementId}` : `claim:${r.claimId}`,
    createdAt: now,
  });
  await insertMany(db, ledgerEntries, [
    ...rows.map((r) => entry(r, 'commit')),
    ...rows.map((r) => entry(r, 'approve')),
  ]);
  await insertMany(
    db,
    bankAccounts,
    rows.map((r, i) => ({
      applicationId: r.applicationId,
      holderName: `Commerce ${i} inc.`,
      encrypted: sealBankAccount(system, r.applicationId, {
        institution: '815',
        transit: String(10_000 + (i % 90_000)).padStart(5, '0'),
        account: String(1_000_000 + i),
      }),
      accountLastDigits: String(1_000_000 + i).slice(-3),
      verifiedBy: authorId,
      verifiedAt: now,
      updatedBy: authorId,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await db.execute(sql.raw('analyze'));
}

/**
 * Wall-clock and CPU time of one step. The database runs in this process (PGlite), so the CPU time is the
 * step's whole work, and tells more than the wall clock on a machine other work keeps busy.
 */
async function timedRun<T>(work: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

const database = await freshDatabase('embedded');
try {
  const { services, system } = await openServices({
    ...database,
    env: {
      ...database.env,
      PAYMENT_DEBTOR_NAME: 'Programme Virage numérique',
      PAYMENT_DEBTOR_ACCOUNT: '815-30000-7654321',
    },
  });
  const programId = (await listPrograms(system))[0]!.id;
  const budget = await setBudget(system, programId, {
    envelopes: [
      {
        key: 'grants',
        nameFr: 'Subventions',
        nameEn: 'Grants',
        kind: 'grants',
        budgets: [{ fiscalYear: '2026-2027', amountCents: 10_000_000_000 }],
      },
    ],
  });
  const builder = await financeCtx(system, 'builder');
  const approver = await financeCtx(system, 'approver');
  await fillApprovedClaims(
    system,
    programId,
    budget.envelopes[0]!.id,
    approver.actor.kind === 'user' ? approver.actor.id : '',
  );

  const built = await timedRun(() => buildPaymentBatch(builder, { programId }));
  const id = built.value.id;
  const approved = await timedRun(() => approvePaymentBatch(approver, id));
  const pain = await timedRun(() => exportPaymentBatch(builder, id, { format: 'pain.001' }));
  const csv = await timedRun(() => exportPaymentBatch(builder, id, { format: 'csv' }));
  const xlsx = await timedRun(() => exportPaymentBatch(builder, id, { format: 'xlsx' }));
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-pain-')), 'batch.xml');
  writeFileSync(file, pain.value.body);
  execFileSync('xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
  const paid = await timedRun(() => markPaymentBatchPaid(builder, id, { bankReference: 'BENCH-1' }));
  await services.close();

  const total = built.ms + pain.ms;
  const rows: (string | number)[][] = [
    ['build the batch', built.value.claimCount, ms(built.ms), ms(built.cpuMs), ''],
    ['approve it (second officer)', built.value.claimCount, ms(approved.ms), ms(approved.cpuMs), ''],
    ['export pain.001 (valid against the XSD)', built.value.claimCount, ms(pain.ms), ms(pain.cpuMs), ''],
    [
      '**build + export pain.001**',
      built.value.claimCount,
      `**${ms(total)}**`,
      ms(built.cpuMs + pain.cpuMs),
      `< ${TARGET_MS} ${total < TARGET_MS ? 'met' : 'MISSED'}`,
    ],
    ['export CSV', built.value.claimCount, ms(csv.ms), ms(csv.cpuMs), ''],
    ['export XLSX', built.value.claimCount, ms(xlsx.ms), ms(xlsx.cpuMs), ''],
    ['mark paid (ledger entries, claims, e-mails)', paid.value.claimCount, ms(paid.ms), ms(paid.cpuMs), ''],
  ];
  const report = `# Payment batch benchmark

${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, embedded engine (PGlite).
${CLAIMS} claims approved for payment, each business with verified, encrypted bank details. One run, measured
through the use cases the API calls (\`bench/payments.ts\`, \`npm run bench:payments\`).

${table(['step', 'claims', 'ms', 'CPU ms', 'target'], rows)}
`;
  writeFileSync(path.join(ROOT, 'bench/RESULTS-payments.md'), report);
  console.log(report);
} finally {
  await database.drop();
}
