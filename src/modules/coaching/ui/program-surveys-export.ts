import { programListExport, SURVEY_LIST_FILTERS } from './program-list-loader.ts';

/** `/surveys/export.csv` and `.xlsx`: the program's outcome surveys with the page's filters (program team). */
export const loader = programListExport('surveys', SURVEY_LIST_FILTERS);
