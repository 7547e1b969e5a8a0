import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import type { EnvelopeKind } from '../domain/budget.ts';
import { aidRulesVersions, envelopeBudgets, fundingEnvelopes } from './tables.ts';

export async function envelopesOf(db: Executor, programId: string) {
  return db
    .select()
    .from(fundingEnvelopes)
    .where(eq(fundingEnvelopes.programId, programId))
    .orderBy(fundingEnvelopes.createdAt, fundingEnvelopes.key);
}

export async function budgetsOf(db: Executor, envelopeIds: string[]) {
  if (envelopeIds.length === 0) return [];
  return db
    .select()
    .from(envelopeBudgets)
    .where(inArray(envelopeBudgets.envelopeId, envelopeIds))
    .orderBy(envelopeBudgets.fiscalYear);
}

/** The program's envelope of a kind (the first one set), if it has one. */
export async function envelopeOfKind(db: Executor, programId: string, kind: EnvelopeKind) {
  const [envelope] = await db
    .select()
    .from(fundingEnvelopes)
    .where(and(eq(fundingEnvelopes.programId, programId), eq(fundingEnvelopes.kind, kind)))
    .orderBy(fundingEnvelopes.createdAt)
    .limit(1);
  return envelope ?? null;
}

/** The per-business cap of the program's latest aid rules (null: no rules yet, or no cap). */
export async function capOf(db: Executor, programId: string): Promise<number | null> {
  const [latest] = await db
    .select({ rules: aidRulesVersions.rules })
    .from(aidRulesVersions)
    .where(eq(aidRulesVersions.programId, programId))
    .orderBy(desc(aidRulesVersions.version))
    .limit(1);
  return latest?.rules.capPerBusinessCents ?? null;
}
