import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { chunkStream, findExtract } from '../db/research-extracts.ts';
import { researchExtracts } from '../db/tables.ts';

/** The approved extract's zip, streamed from its stored pieces; every download is in the audit log. */
export async function downloadResearchExtract(ctx: Ctx, id: string) {
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const found = await findExtract(ctx.db, id);
  authorizeVisible(ctx.actor, 'research_extract.download', found ?? { requestedBy: '' });
  if (!found) throw new AppError('not_found');
  if (found.status !== 'approved')
    throw new AppError('conflict', {
      key: `reporting:research.errors.${found.status === 'erased' ? 'erased' : 'not_ready'}`,
    });
  await transaction(ctx, async (tx) => {
    await tx
      .update(researchExtracts)
      .set({ downloads: sql`${researchExtracts.downloads} + 1` })
      .where(eq(researchExtracts.id, id));
    await appendAudit(tx, ctx, {
      action: 'research_extract.downloaded',
      entityType: 'research_extract',
      entityId: id,
      changes: { zip: found.checksums?.zip ?? null },
    });
  });
  return {
    filename: `virage-extract-${id.slice(0, 8)}.zip`,
    sizeBytes: found.sizeBytes,
    stream: chunkStream(ctx.db, id),
  };
}
