import { downloadResponse } from '../../../platform/exports/export.ts';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { downloadDataExport } from '../use-cases/download-data-export.ts';

/** `/account/privacy/data-exports/:id/file`: a ready copy's zip, for its owner only (each download audited). */
export const loader = pageLoader(async ({ ctx, params }) =>
  downloadResponse(await downloadDataExport(ctx, params.id!)),
);
