import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { authorizeVisible } from '../../../wiring/authorize.ts';
import { type DataExportSummary, findDataExport } from '../db/data-exports.ts';
import { effectiveStatus } from '../domain/data-export.ts';

export type DataExportView = Omit<DataExportSummary, 'userId' | 'locale'> & { downloadUrl: string | null };

/** A copy as its owner sees it: the download's address while it is ready. */
export function dataExportView(ctx: Ctx, row: DataExportSummary): DataExportView {
  const status = effectiveStatus(row, ctx.now());
  const { userId: _user, locale: _locale, ...rest } = row;
  return {
    ...rest,
    status,
    downloadUrl: status === 'ready' ? `/api/v1/me/data-exports/${row.id}/file` : null,
  };
}

/** One copy of a person's data: its owner's (or the privacy officer's); anyone else is told "not found". */
export async function loadDataExport(ctx: Ctx, id: string): Promise<DataExportSummary> {
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const found = await findDataExport(ctx.db, id);
  authorizeVisible(ctx.actor, 'data_export.read', found ?? { userId: '' });
  if (!found) throw new AppError('not_found');
  return found;
}

export async function getDataExport(ctx: Ctx, id: string): Promise<DataExportView> {
  return dataExportView(ctx, await loadDataExport(ctx, id));
}
