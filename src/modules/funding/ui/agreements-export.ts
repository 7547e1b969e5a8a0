import { exportLoader } from '../../../platform/ui/export.server.ts';
import { exportList } from '../../reporting/index.ts';
import { agreementsQuery } from './funding-list-filters.ts';

/** `/admin/agreements/export.csv` and `.xlsx`: the program's agreements with the page's status (the team and finance). */
export const loader = exportLoader(async ({ ctx, format, search }) =>
  exportList(ctx, { list: 'agreements', format, filters: (await agreementsQuery(ctx, search)).query }),
);
