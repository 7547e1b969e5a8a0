// What other modules' pages may use from the diagnostic in the browser (decision 17): field mode shows
// a diagnostic's conditional questions offline, as the diagnostic's own pages do.

export { isVisible } from './domain/questionnaire.ts';
