import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, type FieldIssue } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { queueMail } from '../../../platform/mail/queue-mail.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { weakestDimensionsOf } from '../../diagnostic/index.ts';
import { contactOf } from '../../identity/index.ts';
import { applicationProfile, setAssignedExpert } from '../../intake/index.ts';
import { expertContact, expertsWithLoad, lockExpert } from '../db/queries.ts';
import { assignments } from '../db/tables.ts';
import { type Candidate, compatible, fitOf } from '../domain/fit.ts';

export const confirmAssignmentsInput = z.strictObject({
  assignments: z
    .array(
      z.strictObject({
        applicationId: z.uuid(),
        expertId: z.uuid(),
        /** Required to move a business from one expert to another. */
        reason: z.string().trim().min(1).max(1000).optional(),
      }),
    )
    .min(1)
    .max(5000),
});

/**
 * Confirms pairs (from the proposal, changed or not, or made by hand), all in one transaction: an
 * expert's capacity is never exceeded, a business changes expert only with a reason, and the business,
 * the expert and, on a change, the previous expert are told by e-mail, each in their language.
 */
export async function confirmAssignments(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'assignment.manage');
  const { assignments: pairs } = parseInput(confirmAssignmentsInput, input);
  const duplicate = pairs.findIndex(
    (p, i) => pairs.findIndex((q) => q.applicationId === p.applicationId) !== i,
  );
  if (duplicate >= 0)
    throw new AppError('invalid_input', {
      fields: [{ path: `assignments.${duplicate}.applicationId`, key: 'experts:validation.twice' }],
    });

  return transaction(ctx, async (tx) => {
    // Locks the experts involved, so that two confirmations at once cannot both use the last places.
    const expertIds = [...new Set(pairs.map((p) => p.expertId))];
    // Always in the same order, so that two confirmations cannot deadlock.
    for (const id of expertIds.sort()) await lockExpert(tx, id);
    const loads = new Map((await expertsWithLoad(tx, { ids: expertIds })).map((e) => [e.id, e]));
    const weakest = await weakestDimensionsOf(tx, { applicationIds: pairs.map((p) => p.applicationId) });
    const issues: FieldIssue[] = [];
    const confirmed: { applicationId: string; expertId: string; changed: boolean }[] = [];
    for (const [i, pair] of pairs.entries()) {
      const expert = loads.get(pair.expertId);
      const application = await applicationProfile(tx, pair.applicationId);
      const path = `assignments.${i}`;
      if (!expert) {
        issues.push({ path: `${path}.expertId`, key: 'experts:validation.unknown_expert' });
        continue;
      }
      if (application?.status !== 'accepted' || application.coachingClosedAt) {
        issues.push({ path: `${path}.applicationId`, key: 'experts:validation.not_coachable' });
        continue;
      }
      const [current] = await tx
        .select()
        .from(assignments)
        .where(and(eq(assignments.applicationId, pair.applicationId), eq(assignments.status, 'active')))
        .for('update');
      if (current?.expertId === pair.expertId) continue;
      if (current && !pair.reason) {
        issues.push({ path: `${path}.reason`, key: 'experts:validation.reason_to_reassign' });
        continue;
      }
      if (expert.status !== 'active') {
        throw new AppError('conflict', {
          key: 'experts:errors.on_leave',
          params: { name: expert.name },
          extra: { applicationId: pair.applicationId, expertId: pair.expertId },
        });
      }
      if (expert.activeFiles + 1 > expert.capacity) {
        throw new AppError('conflict', {
          key: 'experts:errors.capacity',
          params: { name: expert.name, capacity: expert.capacity },
          extra: {
            applicationId: pair.applicationId,
            expertId: pair.expertId,
            capacity: expert.capacity,
            activeFiles: expert.activeFiles,
          },
        });
      }
      const contact = application.applicantId ? await contactOf(tx, application.applicantId) : undefined;
      const candidate: Candidate = {
        applicationId: pair.applicationId,
        region: application.region,
        language: contact?.locale ?? 'fr',
        weakest: weakest.get(pair.applicationId) ?? [],
        previousExpertId: current?.expertId ?? null,
      };
      if (!compatible(candidate, { ...expert, expertId: expert.id, active: true })) {
        issues.push({ path: `${path}.expertId`, key: 'experts:validation.no_common_language' });
        continue;
      }
      if (current) {
        await tx
          .update(assignments)
          .set({ status: 'ended', endedAt: ctx.now(), endReason: pair.reason! })
          .where(eq(assignments.id, current.id));
        const previousLoad = loads.get(current.expertId);
        if (previousLoad) previousLoad.activeFiles -= 1;
      }
      const { score, reasons } = fitOf(candidate, { ...expert, expertId: expert.id, active: true });
      const id = newId();
      await tx.insert(assignments).values({
        id,
        programId: application.programId,
        applicationId: pair.applicationId,
        expertId: pair.expertId,
        score,
        reasons,
        assignedAt: ctx.now(),
        assignedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      expert.activeFiles += 1;
      await setAssignedExpert(tx, pair.applicationId, expert.userId);
      await appendAudit(tx, ctx, {
        action: current ? 'assignment.changed' : 'assignment.created',
        entityType: 'application',
        entityId: pair.applicationId,
        changes: { expertId: [current?.expertId ?? null, pair.expertId], reason: pair.reason ?? null },
      });
      const business = application.tradeName || application.legalName;
      if (contact) {
        await queueMail(tx, ctx, {
          to: contact.email,
          locale: contact.locale,
          template: 'experts:mail.assigned_retailer',
          params: { name: contact.name, expert: expert.name, business },
          actionUrl: `${ctx.services.config.publicUrl}/applications/${pair.applicationId}`,
        });
      }
      await queueMail(tx, ctx, {
        to: expert.email,
        locale: expert.locale,
        template: 'experts:mail.assigned_expert',
        params: { name: expert.name, business, municipality: application.municipality ?? '' },
        actionUrl: `${ctx.services.config.publicUrl}/caseload/${pair.applicationId}`,
      });
      const previous = current ? await expertContact(tx, current.expertId) : undefined;
      if (previous) {
        // Not the reason: it is written for the program team, and may concern the person.
        await queueMail(tx, ctx, {
          to: previous.email,
          locale: previous.locale,
          template: 'experts:mail.reassigned_expert',
          params: { name: previous.name, business, expert: expert.name },
        });
      }
      confirmed.push({
        applicationId: pair.applicationId,
        expertId: pair.expertId,
        changed: Boolean(current),
      });
    }
    if (issues.length > 0) throw new AppError('invalid_input', { fields: issues });
    return { confirmed };
  });
}
