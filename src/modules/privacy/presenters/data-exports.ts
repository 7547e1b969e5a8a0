import { z } from 'zod';
import { instant, instantOrNull } from '../../../platform/http/present.ts';
import { DATA_EXPORT_STATUSES } from '../domain/data-export.ts';
import type { DataExportView } from '../use-cases/get-data-export.ts';

export const dataExportAccepted = z.object({ id: z.uuid(), status: z.enum(DATA_EXPORT_STATUSES) });

export const dataExportDetail = dataExportAccepted.extend({
  downloadUrl: z.string().nullable().describe('While the copy is ready (7 days): GET it for the zip'),
  requestedAt: z.iso.datetime(),
  readyAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  sizeBytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  downloads: z.number().int(),
});

export const presentDataExport = (view: DataExportView): z.input<typeof dataExportDetail> => ({
  ...view,
  requestedAt: instant(view.requestedAt),
  readyAt: instantOrNull(view.readyAt),
  expiresAt: instantOrNull(view.expiresAt),
});
