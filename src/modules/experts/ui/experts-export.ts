import { exportLoader } from '../../../platform/ui/export.server.ts';
import { exportList } from '../../reporting/index.ts';

/** `/experts/export.csv` and `.xlsx`: the experts page's table, every profile. */
export const loader = exportLoader(({ ctx, format }) =>
  exportList(ctx, { list: 'experts', format, filters: {} }),
);
