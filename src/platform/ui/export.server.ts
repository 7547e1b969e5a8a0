import { redirect } from 'react-router';
import { downloadResponse } from '../exports/export.ts';
import type { ExportFormat, ExportOutcome } from '../exports/table.ts';
import { type PageArgs, pageLoader } from './route.server.ts';

/**
 * The loader of a list's export (`<page>/export.csv` or `.xlsx`, routed by `exportRoutes`): the format
 * is the address's extension, the filters its query, as on the page. The file comes as a download; a
 * list past the row limit is exported by a job, and the person is taken to « Mes exportations ».
 */
export function exportLoader(
  make: (args: PageArgs & { format: ExportFormat; search: Record<string, string> }) => Promise<ExportOutcome>,
) {
  return pageLoader(async (args) => {
    const url = new URL(args.request.url);
    const format: ExportFormat = url.pathname.endsWith('.xlsx') ? 'xlsx' : 'csv';
    const outcome = await make({ ...args, format, search: Object.fromEntries(url.searchParams) });
    return 'file' in outcome
      ? downloadResponse(outcome.file)
      : redirect(`/exports?started=${encodeURIComponent(outcome.queued.id)}`);
  });
}
