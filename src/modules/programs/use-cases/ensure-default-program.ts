import { count } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { programs } from '../db/tables.ts';
import { DEFAULT_PROGRAM } from '../domain/default-program.ts';

/** First run: with no program at all, creates the default one. Idempotent. */
export async function ensureDefaultProgram(ctx: Ctx): Promise<{ created: boolean }> {
  if (ctx.actor.kind !== 'system') return { created: false };
  const [existing] = await ctx.db.select({ n: count() }).from(programs);
  if (Number(existing?.n) > 0) return { created: false };
  return transaction(ctx, async (tx) => {
    const id = newId();
    const inserted = await tx
      .insert(programs)
      .values({ id, ...DEFAULT_PROGRAM })
      .onConflictDoNothing({ target: programs.slug })
      .returning({ id: programs.id });
    if (inserted.length === 0) return { created: false }; // another process got there first
    await appendAudit(tx, ctx, {
      action: 'program.created',
      entityType: 'program',
      entityId: id,
      changes: DEFAULT_PROGRAM,
    });
    return { created: true };
  });
}
