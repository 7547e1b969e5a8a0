import { exportLoader } from '../../../platform/ui/export.server.ts';
import { selectProgram } from '../../programs/index.ts';
import { exportList } from '../../reporting/index.ts';
import { reviewQuery } from './review-filters.ts';

/** `/review/export.csv` and `.xlsx`: the review queue with the page's program and filters. */
export const loader = exportLoader(async ({ ctx, format, search }) => {
  const program = await selectProgram(ctx, search.program);
  return exportList(ctx, {
    list: 'applications',
    format,
    filters: { programId: program.id, ...reviewQuery(search).query },
  });
});
