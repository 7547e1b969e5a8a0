import type { ImportProblem } from './extract-format.ts';

/** The i18n key and parameters saying an import's problem in words. */
export const problemMessage = (p: ImportProblem): [string, Record<string, string>] => [
  `registry:problems.${p.kind}`,
  { file: 'file' in p ? p.file : '', column: 'column' in p ? p.column : '' },
];
