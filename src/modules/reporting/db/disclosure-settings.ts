import { eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { DEFAULT_DISCLOSURE_RULES, type DisclosureRules } from '../domain/disclosure.ts';
import { disclosureSettings } from './tables.ts';

export type ProgramDisclosureRules = DisclosureRules & { updatedAt: Date | null; updatedBy: string | null };

/** A program's disclosure rules: its own when set (locked with `forUpdate`), else the defaults. */
export async function disclosureRulesOf(
  db: Executor,
  programId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ProgramDisclosureRules> {
  const query = db.select().from(disclosureSettings).where(eq(disclosureSettings.programId, programId));
  const [row] = await (options.forUpdate ? query.for('update') : query);
  return row
    ? { minCount: row.minCount, dominance: row.dominance, updatedAt: row.updatedAt, updatedBy: row.updatedBy }
    : { ...DEFAULT_DISCLOSURE_RULES, updatedAt: null, updatedBy: null };
}

export async function saveDisclosureRules(
  db: Executor,
  row: { programId: string; updatedAt: Date; updatedBy: string | null } & DisclosureRules,
): Promise<void> {
  const { programId, ...rest } = row;
  await db
    .insert(disclosureSettings)
    .values(row)
    .onConflictDoUpdate({ target: disclosureSettings.programId, set: rest });
}
