import { eq } from 'drizzle-orm';
import { formatDate } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, fieldError } from '../../../platform/errors.ts';
import { UUID_PATTERN } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { privacyIncidents, privacyIncidentVersions } from '../db/incident-tables.ts';
import { entryOf, futureField, incidentColumns, incidentInput, keptUntil } from '../domain/incidents.ts';

/**
 * The officer brings an entry of the register up to date (a notice sent later, measures added, a
 * count corrected), under the same rules as when it was entered. In one transaction, the entry as it
 * stood is kept as a version with who wrote it and when, the register row takes the new contents,
 * and the audit names the contents that changed (not their words). It is never kept less long.
 */
export async function updatePrivacyIncident(ctx: Ctx, id: string, input: unknown) {
  authorize(ctx.actor, 'privacy_incident.record');
  const officer = signedInActor(ctx.actor);
  if (!UUID_PATTERN.test(id)) throw new AppError('not_found');
  const entry = parseInput(incidentInput, input, 'privacy');
  const future = futureField(entry, formatDate(ctx.now()));
  if (future) throw fieldError(future, 'privacy:incidents.errors.future');
  return transaction(ctx, async (tx) => {
    const [before] = await tx
      .select()
      .from(privacyIncidents)
      .where(eq(privacyIncidents.id, id))
      .for('update');
    if (!before) throw new AppError('not_found');
    const previous = entryOf(before);
    const changed = (Object.keys(entry) as (keyof typeof entry)[]).filter(
      (field) => JSON.stringify(entry[field]) !== JSON.stringify(previous[field]),
    );
    if (changed.length === 0) return before;
    await tx.insert(privacyIncidentVersions).values({
      incidentId: id,
      version: before.version,
      entry: previous,
      writtenBy: before.updatedBy ?? before.recordedBy,
      writtenAt: before.updatedAt ?? before.recordedAt,
    });
    // ISO days sort as text: the later of the two, so an entry is never kept less long.
    const kept = [keptUntil(entry.learnedOn), before.keptUntil].sort()[1]!;
    const [after] = await tx
      .update(privacyIncidents)
      .set({
        ...incidentColumns(entry),
        keptUntil: kept,
        version: before.version + 1,
        updatedBy: officer.id,
        updatedAt: ctx.now(),
      })
      .where(eq(privacyIncidents.id, id))
      .returning();
    await appendAudit(tx, ctx, {
      action: 'privacy_incident.updated',
      entityType: 'privacy_incident',
      entityId: id,
      changes: { version: [before.version, after!.version], fields: changed },
    });
    return after!;
  });
}
