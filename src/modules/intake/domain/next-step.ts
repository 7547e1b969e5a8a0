import type { ApplicationStatus } from './status.ts';

export type DiagnosticProgress = 'not_started' | 'in_progress' | 'completed';

/** Where an accepted business stands in the program, as far as the retailer has something to do or wait for. */
export type AcceptedFile = {
  /** The entry diagnostic (T0). */
  entry: DiagnosticProgress;
  /** The closing diagnostic (T1), asked for once the coaching is over. */
  closing: DiagnosticProgress;
  expertAssigned: boolean;
  coachingClosed: boolean;
};

export type NextStep =
  | Exclude<ApplicationStatus, 'accepted'>
  | 'entry_diagnostic'
  | 'entry_diagnostic_in_progress'
  | 'awaiting_expert'
  | 'coaching'
  | 'closing_diagnostic'
  | 'closed';

/**
 * What comes next for an application: its status says it until acceptance; then the file moves on
 * through the entry diagnostic, the wait for an expert, the coaching, and the closing diagnostic.
 */
export function nextStep(status: ApplicationStatus, file: AcceptedFile): NextStep {
  if (status !== 'accepted') return status;
  // The closing diagnostic compares with the entry one: without an entry diagnostic there is none to take.
  if (file.coachingClosed)
    return file.entry === 'completed' && file.closing !== 'completed' ? 'closing_diagnostic' : 'closed';
  if (file.entry === 'not_started') return 'entry_diagnostic';
  if (file.entry === 'in_progress') return 'entry_diagnostic_in_progress';
  return file.expertAssigned ? 'coaching' : 'awaiting_expert';
}
