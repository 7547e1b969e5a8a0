import { z } from 'zod';
import { signedInActor } from '../../../platform/authorization.ts';
import type { Ctx } from '../../../platform/context.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { fileRecordVersions, getPlan, listSessions, listSuppliers } from '../../coaching/index.ts';
import { diagnosticState, getDiagnostic, listApplicationDiagnostics } from '../../diagnostic/index.ts';
import { applicationProfiles } from '../../intake/index.ts';

const UUID_LIST =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}){0,19}$/i;

export const visitPacksInput = z.strictObject({
  /** One to twenty files, their ids separated by commas. */
  applicationIds: z.string().regex(UUID_LIST, { error: 'fieldmode:validation.application_ids' }),
});

/** At most this many suppliers of the business's region besides those its plan names. */
const SHORTLIST = 10;

/**
 * The visit packs an expert takes into the field: for each file assigned to them and open, the
 * business's profile, its latest diagnostic (questions with their conditions, answers), its action plan,
 * its sessions with their notes, and a supplier shortlist (the plan's, then its region's); each record
 * with its version, which the offline changes send back. No financial or bank data: the plan's budget
 * and costs are left out. Files not theirs (any more) are listed to wipe, never described.
 */
export async function getVisitPacks(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'fieldmode.pack');
  const actor = signedInActor(ctx.actor);
  const ids = [
    ...new Set(parseInput(visitPacksInput, input, 'fieldmode').applicationIds.toLowerCase().split(',')),
  ];
  const files = await applicationProfiles(ctx.db, ids);
  const theirs = files.filter(
    (f) => f.assignedExpertUserId === actor.id && f.status === 'accepted' && !f.coachingClosedAt,
  );
  const packs = [];
  for (const file of theirs) packs.push(await packOf(ctx, file));
  return {
    syncedAt: ctx.now(),
    packs,
    wipe: ids.filter((id) => !theirs.some((f) => f.id === id)),
  };
}

async function packOf(ctx: Ctx, file: Awaited<ReturnType<typeof applicationProfiles>>[number]) {
  const [diagnostics, plan, sessions, versions, regional] = await Promise.all([
    listApplicationDiagnostics(ctx, file.id),
    getPlan(ctx, file.id),
    listSessions(ctx, { applicationId: file.id }),
    fileRecordVersions(ctx.db, file.id),
    listSuppliers(ctx, file.region ? { region: file.region } : {}),
  ]);
  const latest = diagnostics.find((d) => d.status === 'in_progress') ?? diagnostics.at(-1);
  const diagnostic = latest ? await getDiagnostic(ctx, latest.id) : null;
  const planned = new Set(plan.actions.map((a) => a.supplierId).filter(Boolean));
  const suppliers = [
    ...regional.items.filter((s) => planned.has(s.id)),
    ...regional.items.filter((s) => !planned.has(s.id)).slice(0, SHORTLIST),
  ];
  return {
    applicationId: file.id,
    business: {
      name: file.tradeName || file.legalName,
      legalName: file.legalName,
      naics: file.naics,
      employees: file.employees,
      region: file.region,
      municipality: file.municipality,
      street: file.street,
      postalCode: file.postalCode,
      goals: file.goals,
    },
    diagnostic: diagnostic && {
      id: diagnostic.id,
      phase: diagnostic.phase,
      status: diagnostic.status,
      version: (await diagnosticState(ctx.db, diagnostic.id))!.version,
      questionnaire: diagnostic.questionnaire,
      answers: diagnostic.answers,
    },
    plan: plan.saved
      ? {
          status: plan.status,
          currentState: plan.currentState,
          goals: plan.goals,
          timeline: plan.timeline,
          actions: plan.actions.map((a) => ({
            id: a.id!,
            version: versions.get(a.id!)!,
            objective: a.objective,
            steps: a.steps,
            owner: a.owner,
            dueDate: a.dueDate,
            status: a.status,
            note: a.note,
            supplierId: a.supplierId,
          })),
        }
      : null,
    sessions: sessions.items
      .filter((s) => s.status !== 'cancelled')
      .map((s) => ({
        id: s.id,
        version: versions.get(s.id)!,
        startsAt: s.startsAt,
        durationMinutes: s.durationMinutes,
        mode: s.mode,
        location: s.location,
        status: s.status,
        hours: s.hours,
        notes: s.notes,
        summary: s.summary,
      })),
    suppliers: suppliers.map((s) => ({
      id: s.id,
      name: s.name,
      categories: s.categories,
      website: s.website,
      description: s.description,
    })),
  };
}

export type VisitPacks = Awaited<ReturnType<typeof getVisitPacks>>;
