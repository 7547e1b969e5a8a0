import type { Locale } from '../../../kernel/locale.ts';

/**
 * What became of a command, answered to the device and kept with the command so a replay answers the
 * same: applied (the record's new version), a conflict (the server's value and the expert's, for them to
 * choose), or refused (why, in both languages, since a replay may come from a device in the other one).
 */
export type Outcome =
  | { status: 'applied'; version: string | null }
  | { status: 'conflict'; version: string; server: unknown; mine: unknown }
  | {
      status: 'refused';
      reason: Record<Locale, string>;
      errors: Record<Locale, { path: string; message: string }[]>;
      /** The file is no longer the expert's (reassigned, closed): its pack is to be wiped. */
      wipe: boolean;
    };

/** As kept: a conflict over free text (a plan action's note) without its texts, read again on a replay. */
export type StoredOutcome = Outcome | { status: 'conflict'; version: string; textsLeftOut: true };

/** What is kept of an outcome: a conflict over free text is kept without its texts. */
export function keptOutcome(outcome: Outcome, payload: Record<string, unknown>): StoredOutcome {
  if (outcome.status !== 'conflict' || !('note' in payload)) return outcome;
  return { status: 'conflict', version: outcome.version, textsLeftOut: true };
}
