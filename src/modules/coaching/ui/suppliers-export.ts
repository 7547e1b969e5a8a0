import { exportLoader } from '../../../platform/ui/export.server.ts';
import { exportSuppliers } from '../use-cases/export-suppliers.ts';
import { supplierFilters } from './supplier-filters.ts';

/** `/suppliers/export.csv` and `.xlsx`: the directory with the page's filters (program team). */
export const loader = exportLoader(({ ctx, format, request }) =>
  exportSuppliers(ctx, format, supplierFilters(new URL(request.url).searchParams).set),
);
