import { formatDate } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { fieldError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { privacyIncidents } from '../db/incident-tables.ts';
import { futureField, incidentColumns, incidentInput, keptUntil } from '../domain/incidents.ts';

/**
 * The officer enters an incident in the register, with the regulation's eight contents; a record
 * missing one is refused, naming the field. Every incident is entered, even one judged minor.
 */
export async function recordPrivacyIncident(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'privacy_incident.record');
  const officer = signedInActor(ctx.actor);
  const entry = parseInput(incidentInput, input, 'privacy');
  const future = futureField(entry, formatDate(ctx.now()));
  if (future) throw fieldError(future, 'privacy:incidents.errors.future');
  const incident = {
    id: newId(),
    ...incidentColumns(entry),
    keptUntil: keptUntil(entry.learnedOn),
    version: 1,
    updatedBy: null,
    updatedAt: null,
    recordedBy: officer.id,
    recordedAt: ctx.now(),
  };
  await transaction(ctx, async (tx) => {
    await tx.insert(privacyIncidents).values(incident);
    await appendAudit(tx, ctx, {
      action: 'privacy_incident.recorded',
      entityType: 'privacy_incident',
      entityId: incident.id,
      changes: {
        learnedOn: incident.learnedOn,
        personsAffected: incident.personsAffected,
        seriousRisk: incident.seriousRisk,
      },
    });
  });
  return incident;
}
