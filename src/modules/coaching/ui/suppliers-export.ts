import { exportLoader } from '../../../platform/ui/export.server.ts';
import { exportList } from '../../reporting/index.ts';
import { supplierFilters } from './supplier-filters.ts';

/** `/suppliers/export.csv` and `.xlsx`: the directory with the page's filters (program team). */
export const loader = exportLoader(({ ctx, format, request }) =>
  exportList(ctx, {
    list: 'suppliers',
    format,
    filters: supplierFilters(new URL(request.url).searchParams).set,
  }),
);
