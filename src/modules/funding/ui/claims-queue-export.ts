import { exportLoader } from '../../../platform/ui/export.server.ts';
import { exportList } from '../../reporting/index.ts';
import { claimsQuery } from './funding-list-filters.ts';

/** `/review/claims/export.csv` and `.xlsx`: the claims queue with the page's filters (the team and finance). */
export const loader = exportLoader(({ ctx, format, search }) =>
  exportList(ctx, { list: 'claims', format, filters: claimsQuery(search).query }),
);
