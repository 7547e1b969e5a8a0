import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { latestAidRules } from '../db/agreements.ts';
import { DEFAULT_AID_RULES } from '../domain/default-aid-rules.ts';

/** A program's aid rules in force: the latest version, or the defaults (version 0) until an administrator sets them. */
export async function getAidRules(ctx: Ctx, programId: string) {
  authorize(ctx.actor, 'aid_rules.read');
  if (!UUID_PATTERN.test(programId)) throw new AppError('not_found');
  await getProgram(ctx, programId);
  const latest = await latestAidRules(ctx.db, programId);
  return {
    programId,
    version: latest?.version ?? 0,
    rules: latest?.rules ?? DEFAULT_AID_RULES,
    createdAt: latest?.createdAt ?? null,
  };
}
