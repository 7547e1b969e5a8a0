/**
 * Expert quality from outcomes (issue 10, decision 30): for each expert, what the files they closed
 * came to — the T1 − T0 gain against what the files' starting maturity predicts, the retailers'
 * rating of the expert at closure, the share of plan actions done. Coordinators only, and never on
 * fewer than 10 closed files: below that, one file moves the mean more than coaching does, and a
 * figure would point at the few retailers behind it. Experts are listed by name, never ranked.
 */
import { DEFAULT_MIN_PAIRS } from './impact.ts';
import { oneDecimal, percentOneDecimal } from './rounding.ts';

/** The same floor as the measured impact's pairs: 10. */
export const MIN_CLOSED_FILES = DEFAULT_MIN_PAIRS;

export type ExpertOutcomes = {
  expertId: string;
  name: string;
  closedFiles: number;
  pairs: number;
  meanGain: number | null;
  gainBeyondExpected: number | null;
  surveys: number;
  satisfaction: number | null;
  actions: number;
  actionsDone: number;
};

export type ExpertQuality = {
  expertId: string;
  name: string;
  closedFiles: number;
  /** Null with `reasonKey` set when the expert has closed fewer than `MIN_CLOSED_FILES` files. */
  figures: {
    pairs: number;
    meanGain: number | null;
    gainBeyondExpected: number | null;
    satisfaction: number | null;
    planCompletionPercent: number | null;
  } | null;
  reasonKey: string | null;
};

export function expertQuality(rows: ExpertOutcomes[], minFiles = MIN_CLOSED_FILES): ExpertQuality[] {
  const rounded = (v: number | null) => (v === null ? null : oneDecimal(v));
  return [...rows]
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    .map((r) => ({
      expertId: r.expertId,
      name: r.name,
      closedFiles: r.closedFiles,
      figures:
        r.closedFiles < minFiles
          ? null
          : {
              pairs: r.pairs,
              // Means need as many pairs or answers as files: a few answers are a few people's.
              meanGain: r.pairs < minFiles ? null : rounded(r.meanGain),
              gainBeyondExpected: r.pairs < minFiles ? null : rounded(r.gainBeyondExpected),
              satisfaction: r.surveys < minFiles ? null : rounded(r.satisfaction),
              planCompletionPercent: r.actions === 0 ? null : percentOneDecimal(r.actionsDone, r.actions),
            },
      reasonKey: r.closedFiles < minFiles ? 'reporting:expert_quality.too_few_files' : null,
    }));
}
