import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, type FieldIssue } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { planOf } from '../db/queries.ts';
import { actionPlans, planActions, suppliers } from '../db/tables.ts';
import { ACTION_NOTE_MAX, ACTION_STATUSES, missingForApproval } from '../domain/plan.ts';
import { getPlan } from './get-plan.ts';
import { assertOpen, loadFile } from './load-file.ts';

const cents = z.number().int().min(0).max(100_000_000);
const isoDate = z.iso.date({ error: 'coaching:validation.date' });

export const savePlanInput = z.strictObject({
  currentState: z.string().trim().max(8000),
  goals: z.string().trim().max(8000),
  budgetCents: cents.nullable(),
  timeline: z.string().trim().max(4000),
  /** In priority order. An action keeps its id from one save to the next. */
  actions: z
    .array(
      z.strictObject({
        id: z.uuid().nullable().optional(),
        objective: z.string().trim().max(500),
        steps: z.string().trim().max(4000),
        owner: z.string().trim().max(200),
        dueDate: isoDate.nullable(),
        estimatedCostCents: cents.nullable(),
        status: z.enum(ACTION_STATUSES),
        /** Where the action stands, in words; left out, an action keeps the note it had. */
        note: z.string().trim().max(ACTION_NOTE_MAX).optional(),
        supplierId: z.uuid().nullable(),
        recommendationKey: z.string().max(100).nullable().optional(),
      }),
    )
    .max(50),
  /** `approved` is accepted only when the plan has its minimum elements; the refusal names each one missing. */
  status: z.enum(['draft', 'approved']),
});

/** What approval lacks, as field errors: each names the field (and the action's number). */
function approvalIssues(missing: string[]): FieldIssue[] {
  return missing.map((path) => {
    const action = /^actions\.(\d+)\.\w+$/.exec(path);
    if (action)
      return {
        path,
        key: 'coaching:validation.action_missing_for_approval',
        params: { position: Number(action[1]) + 1 },
      };
    if (path === 'actions') return { path, key: 'coaching:validation.no_action' };
    return { path, key: 'coaching:validation.missing_for_approval' };
  });
}

/**
 * Saves the whole action plan (the expert, with the retailer; or the program team). Marking it approved
 * checks the minimum elements first; the plan stays as it was when anything is refused.
 */
export async function savePlan(ctx: Ctx, applicationId: string, input: unknown) {
  const data = parseInput(savePlanInput, input, 'coaching');
  const file = await loadFile(ctx, applicationId, 'plan.edit');
  assertOpen(file);
  if (data.status === 'approved') {
    const missing = missingForApproval(data);
    if (missing.length > 0) {
      throw new AppError('invalid_input', {
        key: 'coaching:errors.plan_incomplete',
        params: { count: missing.length },
        fields: approvalIssues(missing),
      });
    }
  }
  await transaction(ctx, async (tx) => {
    const supplierIds = [...new Set(data.actions.flatMap((a) => (a.supplierId ? [a.supplierId] : [])))];
    const known = new Set(
      supplierIds.length === 0
        ? []
        : (
            await tx.select({ id: suppliers.id }).from(suppliers).where(inArray(suppliers.id, supplierIds))
          ).map((s) => s.id),
    );
    const unknown = data.actions.flatMap((a, i) =>
      a.supplierId && !known.has(a.supplierId)
        ? [{ path: `actions.${i}.supplierId`, key: 'coaching:validation.unknown_supplier' }]
        : [],
    );
    if (unknown.length > 0) throw new AppError('invalid_input', { fields: unknown });

    const before = await planOf(tx, file.id);
    const approving = data.status === 'approved' && before?.status !== 'approved';
    const plan = {
      currentState: data.currentState,
      goals: data.goals,
      budgetCents: data.budgetCents,
      timeline: data.timeline,
      status: data.status,
      approvedAt: data.status === 'approved' ? (approving ? ctx.now() : before!.approvedAt) : null,
      approvedBy:
        data.status === 'approved'
          ? approving
            ? ctx.actor.kind === 'user'
              ? ctx.actor.id
              : null
            : before!.approvedBy
          : null,
      updatedAt: ctx.now(),
    };
    await tx
      .insert(actionPlans)
      .values({ applicationId: file.id, ...plan, createdAt: ctx.now() })
      .onConflictDoUpdate({ target: actionPlans.applicationId, set: plan });
    // Actions are replaced as a whole list (their order is their priority); ids carry over.
    const kept = new Map(before?.actions.map((a) => [a.id, a]));
    const actions = data.actions.map((a) => {
      const previous = a.id ? kept.get(a.id) : undefined;
      return { ...a, id: previous ? previous.id : newId(), note: a.note ?? previous?.note ?? '' };
    });
    // The notes' texts stay out of the audit log (they may name people): how many changed is enough.
    const notesChanged = actions.filter((a) => a.note !== (kept.get(a.id)?.note ?? '')).length;
    await tx.delete(planActions).where(eq(planActions.applicationId, file.id));
    if (actions.length > 0) {
      await tx.insert(planActions).values(
        actions.map((a, position) => ({
          id: a.id,
          applicationId: file.id,
          position,
          objective: a.objective,
          steps: a.steps,
          owner: a.owner,
          dueDate: a.dueDate,
          estimatedCostCents: a.estimatedCostCents,
          status: a.status,
          note: a.note,
          supplierId: a.supplierId,
          recommendationKey: a.recommendationKey ?? null,
          createdAt: ctx.now(),
          updatedAt: ctx.now(),
        })),
      );
    }
    await appendAudit(tx, ctx, {
      action: approving ? 'plan.approved' : 'plan.saved',
      entityType: 'application',
      entityId: file.id,
      changes: {
        status: [before?.status ?? null, data.status],
        actions: [before?.actions.length ?? 0, data.actions.length],
        budgetCents: [before?.budgetCents ?? null, data.budgetCents],
        ...(notesChanged > 0 ? { notesChanged } : {}),
      },
    });
    // Plan texts are what the same-text abuse signal compares (decision 41).
    await ctx.services.reactions.applicationChanged(tx, ctx, file.id);
  });
  return getPlan(ctx, file.id);
}
