import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { extractById } from '../db/queries.ts';
import { registryRejectedRows } from '../db/tables.ts';

/** One import: its progress while it loads, then its provenance and the rows it rejected (first 100). */
export async function getRegistryImport(ctx: Ctx, id: string) {
  authorizeVisible(ctx.actor, 'registry.read_imports');
  const extract = UUID_PATTERN.test(id) ? await extractById(ctx.db, id) : undefined;
  if (!extract) throw new AppError('not_found');
  const rejectedRows = await ctx.db
    .select()
    .from(registryRejectedRows)
    .where(eq(registryRejectedRows.extractId, id))
    .orderBy(asc(registryRejectedRows.file), asc(registryRejectedRows.line))
    .limit(100);
  return { extract, rejectedRows };
}
