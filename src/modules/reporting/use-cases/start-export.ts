import { z } from 'zod';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, isAppError } from '../../../platform/errors.ts';
import { isExportTooLong } from '../../../platform/exports/export.ts';
import { EXPORT_FORMATS, EXPORT_LISTS } from '../../../platform/exports/table.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { queueExport } from './queue-export.ts';

export const startExportInput = z.strictObject({
  list: z.enum(EXPORT_LISTS),
  format: z.enum(EXPORT_FORMATS),
  /** The list's filters, as its `GET /exports/<list>.<format>` takes them. */
  filters: z
    .record(z.string().max(40), z.string().max(500))
    .refine((f) => Object.keys(f).length <= 20, { error: 'common:validation.invalid' })
    .default({}),
});

/**
 * Exports a list in the background, however long (API clients). The list's own export use case first
 * runs without reading a row, so a caller who may not export it, or a filter it refuses, is answered
 * now (the filter named under `filters.`) rather than by a failed job.
 */
export async function startExport(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'export.start');
  const request = parseInput(startExportInput, input, 'reporting');
  try {
    await ctx.services.listExports[request.list](
      { ...ctx, exportRun: { mode: 'probe' } },
      request.format,
      request.filters,
    );
  } catch (error) {
    if (isAppError(error) && error.code === 'invalid_input') {
      throw new AppError('invalid_input', {
        fields: error.fields.map((f) => ({ ...f, path: `filters.${f.path}` })),
      });
    }
    if (!isExportTooLong(error)) throw error;
  }
  return queueExport(ctx, request);
}
