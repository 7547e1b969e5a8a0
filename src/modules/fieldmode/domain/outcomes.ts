import type { Locale } from '../../../kernel/locale.ts';

/**
 * What became of a command, kept with it so a replay answers the same: applied (the record's new
 * version), a conflict (the server's value and the expert's, for them to choose), or refused (why, in
 * both languages, since a replay may come from a device in the other one).
 */
export type StoredOutcome =
  | { status: 'applied'; version: string | null }
  | { status: 'conflict'; version: string; server: unknown; mine: unknown }
  | {
      status: 'refused';
      reason: Record<Locale, string>;
      errors: Record<Locale, { path: string; message: string }[]>;
      /** The file is no longer the expert's (reassigned, closed): its pack is to be wiped. */
      wipe: boolean;
    };
