import { PLAN_LIST_FILTERS, programListExport } from './program-list-loader.ts';

/** `/plans/export.csv` and `.xlsx`: the program's action plans with the page's filters (program team). */
export const loader = programListExport('plans', PLAN_LIST_FILTERS);
