import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId, UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram, lockProgram } from '../../programs/index.ts';
import { latestAidRules } from '../db/agreements.ts';
import { aidRulesVersions } from '../db/tables.ts';
import { type AidRules, aidRulesSchema } from '../domain/aid-rules.ts';
import { DEFAULT_AID_RULES } from '../domain/default-aid-rules.ts';
import { getAidRules } from './get-aid-rules.ts';

/**
 * Administrators change a program's aid rules: each change is a new version (agreements keep the one
 * they were made under), audited with the fields that changed. The program row is locked, so two
 * administrators saving at once get two versions, not a clash.
 */
export async function setAidRules(ctx: Ctx, programId: string, input: unknown) {
  authorize(ctx.actor, 'aid_rules.configure');
  if (!UUID_PATTERN.test(programId)) throw new AppError('not_found');
  const rules = parseInput(aidRulesSchema, input, 'funding');
  await getProgram(ctx, programId);
  await transaction(ctx, (tx) => addAidRulesVersion(tx, ctx, programId, rules));
  return getAidRules(ctx, programId);
}

/** Appends a version (unless the rules are unchanged) and returns the one in force, inside `tx`. */
export async function addAidRulesVersion(tx: Tx, ctx: Ctx, programId: string, rules: AidRules) {
  await lockProgram(tx, programId);
  const latest = await latestAidRules(tx, programId);
  const before: AidRules = latest?.rules ?? DEFAULT_AID_RULES;
  const changed = Object.keys({ ...before, ...rules }).filter(
    (k) => JSON.stringify(before[k as keyof AidRules]) !== JSON.stringify(rules[k as keyof AidRules]),
  );
  if (latest && changed.length === 0) return latest;
  const [row] = await tx
    .insert(aidRulesVersions)
    .values({ id: newId(), programId, version: (latest?.version ?? 0) + 1, rules, createdAt: ctx.now() })
    .returning();
  await appendAudit(tx, ctx, {
    action: 'aid_rules.set',
    entityType: 'program',
    entityId: programId,
    changes: {
      version: row!.version,
      ...Object.fromEntries(
        changed.map((k) => [k, [before[k as keyof AidRules] ?? null, rules[k as keyof AidRules] ?? null]]),
      ),
    },
  });
  return row!;
}
