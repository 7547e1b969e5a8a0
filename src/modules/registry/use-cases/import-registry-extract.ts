import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { currentExtract, type ExtractRow, extractById } from '../db/queries.ts';
import { registryExtracts } from '../db/tables.ts';
import { ImportFailure, loadExtract, purgeExtractRows } from '../extract/load-extract.ts';
import { zipFileDate } from '../extract/read-zip.ts';

/** The upload's text field: the file's date when the archive's own is not the extract's. */
export const importFields = z.object({
  fileDate: z.iso
    .date('registry:errors.date')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export type ImportInput = { bytes: Uint8Array; fileName: string; fields?: unknown };

/** A loading extract older than this was cut short by a stop of the server (a million rows take minutes). */
const INTERRUPTED_AFTER_MS = 60 * 60 * 1000;

/**
 * An administrator imports the registry's file. The same file again (same SHA-256) changes nothing and
 * answers the extract it made. Otherwise a new extract is recorded as loading and filled, then made
 * current in one transaction (decision 40); a failure leaves the previous one current. With `wait`, the
 * import runs before answering (the command line); without, it runs on and its progress is read.
 */
export async function importRegistryExtract(
  ctx: Ctx,
  input: ImportInput,
  options: { wait: boolean; onProgress?: (rowsRead: number) => void },
): Promise<{ extract: ExtractRow; unchanged: boolean }> {
  authorize(ctx.actor, 'registry.import');
  const { fileDate } = parseInput(importFields, input.fields ?? {}, 'registry');
  if (input.bytes.length === 0)
    throw new AppError('invalid_input', { fields: [{ path: 'file', key: 'common:validation.required' }] });
  const checksum = createHash('sha256').update(input.bytes).digest('hex');
  const started = await transaction(ctx, async (tx) => {
    // One import at a time: the extracts are locked while this one is weighed.
    const loading = await tx
      .select()
      .from(registryExtracts)
      .where(eq(registryExtracts.status, 'loading'))
      .for('update');
    const same = loading.find((e) => e.checksum === checksum);
    if (same) return { extract: same, unchanged: true };
    const current = await currentExtract(tx);
    if (current?.checksum === checksum) return { extract: current, unchanged: true };
    const cutOff = new Date(ctx.now().getTime() - INTERRUPTED_AFTER_MS);
    if (loading.some((e) => e.startedAt >= cutOff))
      throw new AppError('conflict', { key: 'registry:errors.import_running' });
    await tx
      .update(registryExtracts)
      .set({ status: 'failed', failure: { kind: 'interrupted' }, finishedAt: ctx.now() })
      .where(and(eq(registryExtracts.status, 'loading'), lt(registryExtracts.startedAt, cutOff)));
    const [extract] = await tx
      .insert(registryExtracts)
      .values({
        id: newId(),
        checksum,
        fileName: input.fileName,
        fileDate: fileDate ?? zipFileDate(input.bytes),
        sizeBytes: input.bytes.length,
        status: 'loading',
        importedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        importedVia: ctx.actor.kind === 'system' ? ctx.actor.label : 'upload',
        startedAt: ctx.now(),
      })
      .returning();
    await appendAudit(tx, ctx, {
      action: 'registry.import_started',
      entityType: 'registry_extract',
      entityId: extract!.id,
      changes: { checksum, fileName: input.fileName, sizeBytes: input.bytes.length },
    });
    return { extract: extract!, unchanged: false };
  });
  if (started.unchanged) return started;
  const run = runImport(ctx, started.extract.id, input.bytes, options.onProgress);
  if (options.wait) await run;
  else
    run.catch((error) =>
      ctx.services.logger.error({ err: error }, 'registry import could not record its end'),
    );
  return { extract: (await extractById(ctx.db, started.extract.id))!, unchanged: false };
}

async function runImport(
  ctx: Ctx,
  extractId: string,
  bytes: Uint8Array,
  onProgress?: (rowsRead: number) => void,
): Promise<void> {
  try {
    const { rowCounts, warnings } = await loadExtract(ctx.db, extractId, bytes, onProgress);
    const previous = await transaction(ctx, async (tx) => {
      // The swap: the previous extract and this one change places in one transaction.
      const [before] = await tx
        .select()
        .from(registryExtracts)
        .where(eq(registryExtracts.status, 'current'))
        .for('update');
      if (before)
        await tx
          .update(registryExtracts)
          .set({ status: 'superseded' })
          .where(eq(registryExtracts.id, before.id));
      await tx
        .update(registryExtracts)
        .set({ status: 'current', rowCounts, warnings, finishedAt: ctx.now() })
        .where(eq(registryExtracts.id, extractId));
      await appendAudit(tx, ctx, {
        action: 'registry.extract_made_current',
        entityType: 'registry_extract',
        entityId: extractId,
        changes: { rowCounts, warnings: warnings.length, previous: before?.id ?? null },
      });
      // What this extract says otherwise of the businesses that applied is judged in the same transaction.
      await ctx.services.reactions.registryChanged(tx, ctx, {
        previousId: before?.id ?? null,
        currentId: extractId,
      });
      return before;
    });
    if (previous) await purgeExtractRows(ctx.db, previous.id);
  } catch (error) {
    const failure = error instanceof ImportFailure ? error.problem : ({ kind: 'unreadable' } as const);
    if (!(error instanceof ImportFailure))
      ctx.services.logger.error({ err: error }, 'registry import failed');
    await transaction(ctx, async (tx) => {
      await tx
        .update(registryExtracts)
        .set({ status: 'failed', failure, finishedAt: ctx.now() })
        .where(eq(registryExtracts.id, extractId));
      await appendAudit(tx, ctx, {
        action: 'registry.import_failed',
        entityType: 'registry_extract',
        entityId: extractId,
        changes: { failure },
      });
    });
    await purgeExtractRows(ctx.db, extractId);
  }
}
