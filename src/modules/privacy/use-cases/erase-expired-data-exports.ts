import { type Ctx, transaction } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { dataExports } from '../db/data-export-tables.ts';
import { expiredCondition } from '../db/data-exports.ts';

/** Copies past their week lose their content (the job, nightly); the row stays as a trace of the request. */
export async function eraseExpiredDataExports(ctx: Ctx): Promise<number> {
  authorize(ctx.actor, 'data_export.build');
  const erased = await transaction(ctx, (tx) =>
    tx
      .update(dataExports)
      .set({ status: 'expired', content: null })
      .where(expiredCondition(ctx.now()))
      .returning({ id: dataExports.id }),
  );
  return erased.length;
}
