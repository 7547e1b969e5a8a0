import { formatDate } from '../../../kernel/format.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { fieldError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { privacyIncidents } from '../db/incident-tables.ts';
import { incidentInput, keptUntil } from '../domain/incidents.ts';

/**
 * The officer enters an incident in the register, with the regulation's eight contents; a record
 * missing one is refused, naming the field. Every incident is entered, even one judged minor.
 */
export async function recordPrivacyIncident(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'privacy_incident.record');
  const officer = signedInActor(ctx.actor);
  const { notices, ...facts } = parseInput(incidentInput, input);
  const today = formatDate(ctx.now());
  for (const [field, day] of [
    ['occurredFrom', facts.occurredFrom],
    ['occurredTo', facts.occurredTo],
    ['learnedOn', facts.learnedOn],
    ['notices.commissionNotifiedOn', notices.commissionNotifiedOn],
    ['notices.personsNotifiedOn', notices.personsNotifiedOn],
  ] as const)
    if (day && day > today) throw fieldError(field, 'privacy:incidents.errors.future');
  const incident = {
    id: newId(),
    ...facts,
    ...notices,
    keptUntil: keptUntil(facts.learnedOn),
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
