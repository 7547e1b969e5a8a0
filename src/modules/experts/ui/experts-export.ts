import { exportLoader } from '../../../platform/ui/export.server.ts';
import { exportExperts } from '../use-cases/export-experts.ts';

/** `/experts/export.csv` and `.xlsx`: the experts page's table, every profile. */
export const loader = exportLoader(({ ctx, format }) => exportExperts(ctx, format));
