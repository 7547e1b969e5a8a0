import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { dataExportsOf } from '../db/data-exports.ts';
import { type DataExportView, dataExportView } from './get-data-export.ts';

/** The person's copies of their data, newest first. */
export async function listMyDataExports(ctx: Ctx): Promise<DataExportView[]> {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'data_export.request');
  return (await dataExportsOf(ctx.db, actor.id)).map((row) => dataExportView(ctx, row));
}
