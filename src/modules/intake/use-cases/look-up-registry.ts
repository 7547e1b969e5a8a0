import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, isAppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { currentExtract, lookUpEnterprise, type RegistryEnterprise } from '../../registry/index.ts';
import { applyChanges, lockApplication } from '../db/application-writes.ts';
import { applicationRegistryChecks } from '../db/tables.ts';
import { applicationChangesInput } from '../domain/application-input.ts';
import { prefillOf, type RegistryFacts } from '../domain/registry-check.ts';
import { EDITABLE_STATUSES } from '../domain/status.ts';
import { loadApplication } from './load-application.ts';

/** What intake keeps of the registry's answer (and shows on the pre-check). */
export const factsOf = (e: RegistryEnterprise): RegistryFacts => ({
  legalName: e.legalName,
  otherNames: e.names.filter((n) => n.current && n.name !== e.legalName).map((n) => n.name),
  status: e.status,
  statusKind: e.statusKind,
  bankrupt: e.bankrupt,
  legalForm: e.legalForm,
  registeredOn: e.registeredOn,
  employeeBand: e.employeeBand,
  activities: e.activities.map((a) => ({ cae: a.cae.code, label: a.cae.label, naics: a.naics })),
  domicileAddress: e.domicileAddress,
  establishments: e.establishments.map((s) => ({
    number: s.number,
    name: s.name,
    address: s.address,
    main: s.main,
  })),
});

/**
 * The applicant looks their NEQ up in the registry (« Rechercher »): the registry's facts are kept
 * with the application as they are, and its name, founding year and subsector prefill the form, which
 * the applicant then confirms or corrects; what they declare never replaces the kept facts. A NEQ the
 * extract does not list is recorded as such: flagged for the team, never a refusal by itself.
 */
export async function lookUpRegistry(ctx: Ctx, id: string, input: { neq?: string; changes?: unknown }) {
  await loadApplication(ctx, id, 'application.update');
  // The establishment is chosen after the lookup, among the facts it brings.
  const changes = parseInput(
    applicationChangesInput.omit({ establishment: true }),
    input.changes ?? {},
    'intake',
  );
  let enterprise: RegistryEnterprise | undefined;
  try {
    enterprise = await lookUpEnterprise(ctx, input.neq ?? '');
  } catch (error) {
    if (!isAppError(error) || error.code !== 'not_found') throw error;
  }
  const extract = enterprise ? undefined : await currentExtract(ctx.db);
  const facts = enterprise ? factsOf(enterprise) : null;
  const neq = enterprise?.neq ?? (input.neq ?? '').replace(/[\s-]/g, '');
  return transaction(ctx, async (tx) => {
    const current = await lockApplication(tx, id);
    if (!EDITABLE_STATUSES.includes(current.status))
      throw new AppError('conflict', {
        key: 'intake:errors.not_editable',
        params: { status: current.status },
      });
    const check = {
      neq,
      extractId: enterprise?.extract.id ?? extract?.id ?? null,
      extractDate: enterprise?.extract.fileDate ?? extract?.fileDate ?? null,
      facts,
      checkedAt: ctx.now(),
      // New facts: the establishment is chosen again among them.
      establishment: null,
    };
    await tx
      .insert(applicationRegistryChecks)
      .values({ applicationId: id, ...check })
      .onConflictDoUpdate({ target: applicationRegistryChecks.applicationId, set: check });
    // What the applicant typed in the step is kept; the registry's values fill in over it, to confirm.
    await applyChanges(tx, ctx, current, {
      ...changes,
      business: { ...changes.business, neq, ...(facts ? prefillOf(facts) : {}) },
    });
    await appendAudit(tx, ctx, {
      action: 'application.registry_checked',
      entityType: 'application',
      entityId: id,
      changes: { neq, found: facts !== null, extractId: check.extractId },
    });
    return { found: facts !== null };
  });
}
