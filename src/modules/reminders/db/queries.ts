import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { programs } from '../../programs/db/tables.ts';
import { type ReminderKind, type ReminderSetting, settingsWithDefaults } from '../domain/kinds.ts';
import type { Occasion } from './occasions.ts';
import { reminderDeliveries, reminderOptOuts, reminderSettings } from './tables.ts';

/** Every program's reminder settings, defaults filled in: what the sweep goes through. */
export async function allProgramSettings(db: Executor) {
  const [ids, stored] = await Promise.all([
    db.select({ id: programs.id }).from(programs),
    db.select().from(reminderSettings),
  ]);
  return ids.map(({ id }) => ({
    programId: id,
    settings: settingsWithDefaults(stored.filter((s) => s.programId === id)),
  }));
}

export async function programSettings(db: Executor, programId: string): Promise<ReminderSetting[]> {
  return settingsWithDefaults(
    await db.select().from(reminderSettings).where(eq(reminderSettings.programId, programId)),
  );
}

/** The occasions of one kind already reminded, as `subject|occasion|recipient`: one read per kind and sweep. */
export async function deliveredKeys(
  db: Executor,
  kind: ReminderKind,
  subjectIds: string[],
): Promise<Set<string>> {
  if (subjectIds.length === 0) return new Set();
  const rows = await db
    .select({
      subjectId: reminderDeliveries.subjectId,
      occasionKey: reminderDeliveries.occasionKey,
      recipient: reminderDeliveries.recipient,
    })
    .from(reminderDeliveries)
    .where(and(eq(reminderDeliveries.kind, kind), inArray(reminderDeliveries.subjectId, subjectIds)));
  return new Set(rows.map(deliveryKey));
}

export const deliveryKey = (o: { subjectId: string; occasionKey: string; recipient: string }) =>
  `${o.subjectId}|${o.occasionKey}|${o.recipient}`;

/** Which of these people stopped the reminders they may stop. */
export async function optedOutAmong(db: Executor, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: reminderOptOuts.userId })
    .from(reminderOptOuts)
    .where(inArray(reminderOptOuts.userId, [...new Set(userIds)]));
  return new Set(rows.map((r) => r.userId));
}

/**
 * Claims an occasion in `tx`: true for the one transaction that records it; false when another
 * process (or an earlier sweep) already has, in which case nothing must be sent.
 */
export async function claimDelivery(tx: Executor, occasion: Occasion, at: Date): Promise<boolean> {
  const claimed = await tx
    .insert(reminderDeliveries)
    .values({
      id: newId(),
      kind: occasion.kind,
      subjectId: occasion.subjectId,
      occasionKey: occasion.occasionKey,
      recipient: occasion.recipient,
      applicationId: occasion.applicationId,
      sentAt: at,
    })
    .onConflictDoNothing()
    .returning({ id: reminderDeliveries.id });
  return claimed.length > 0;
}
