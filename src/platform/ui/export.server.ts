import { downloadResponse } from '../exports/export.ts';
import type { ExportFile, ExportFormat } from '../exports/table.ts';
import { type PageArgs, pageLoader } from './route.server.ts';

/**
 * The loader of a list's export (`<page>/export.csv` or `.xlsx`, routed by `exportRoutes`): the format
 * is the address's extension, the filters its query, as on the page.
 */
export function exportLoader(
  make: (args: PageArgs & { format: ExportFormat; search: Record<string, string> }) => Promise<ExportFile>,
) {
  return pageLoader(async (args) => {
    const url = new URL(args.request.url);
    const format: ExportFormat = url.pathname.endsWith('.xlsx') ? 'xlsx' : 'csv';
    return downloadResponse(await make({ ...args, format, search: Object.fromEntries(url.searchParams) }));
  });
}
