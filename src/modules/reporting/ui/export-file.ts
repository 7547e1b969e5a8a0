import { downloadResponse } from '../../../platform/exports/export.ts';
import { pageLoader } from '../../../platform/ui/route.server.ts';
import { downloadExport } from '../use-cases/download-export.ts';

/** `/exports/:id/file`: a finished export's file, for the person who asked only (audited). */
export const loader = pageLoader(async ({ ctx, params }) =>
  downloadResponse(await downloadExport(ctx, params.id!)),
);
