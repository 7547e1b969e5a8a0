import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { CONSENT_COLUMNS, IMPORT_COLUMNS } from '../domain/import-columns.ts';

/** What a file of paper applications must hold: its columns, required then optional consents. */
export function describeImport(ctx: Ctx): { columns: string[]; consentColumns: string[] } {
  authorize(ctx.actor, 'application.import');
  return { columns: Object.keys(IMPORT_COLUMNS), consentColumns: Object.keys(CONSENT_COLUMNS) };
}
