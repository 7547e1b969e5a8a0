import { programListExport, SESSION_LIST_FILTERS } from './program-list-loader.ts';

/** `/sessions/export.csv` and `.xlsx`: the program's sessions with the page's filters (program team). */
export const loader = programListExport('sessions', SESSION_LIST_FILTERS);
