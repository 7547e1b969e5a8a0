import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type AuditEvent, appendAudits } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { insertMany } from '../../../platform/db/bulk.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type MailRequest, queueMails } from '../../../platform/mail/queue-mail.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { weakestDimensionsOf } from '../../diagnostic/index.ts';
import { applicationProfiles, setAssignedExperts } from '../../intake/index.ts';
import {
  accountContacts,
  activeAssignmentsOf,
  type ExpertWithLoad,
  expertContacts,
  expertsWithLoad,
  lockExperts,
} from '../db/queries.ts';
import { assignments } from '../db/tables.ts';
import {
  type BusinessToAssign,
  type Confirmation,
  type ConfirmationCheck,
  checkConfirmations,
  type PairToConfirm,
} from '../domain/confirmation.ts';
import type { ExpertProfile } from '../domain/fit.ts';

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
 * Pairs written per transaction. On the embedded engine an open transaction stalls every other query:
 * a few hundred pairs keep each one short, so that pages answer between them.
 */
export const CONFIRM_CHUNK = 250;

/**
 * Confirms pairs (from the proposal, changed or not, or made by hand): an expert's capacity is never
 * exceeded, a business changes expert only with a reason, and the business, the expert and, on a change,
 * the previous expert are told by e-mail, each in their language. The statements are batched (a few per
 * chunk, whatever its size). Up to CONFIRM_CHUNK pairs are one transaction; a longer request is first
 * checked whole, so that a refusal writes nothing, then written chunk by chunk, each chunk checked again
 * under its locks (a confirmation made meanwhile can still stop a later chunk, never overfill an expert).
 */
export async function confirmAssignments(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'assignment.manage');
  const { assignments: pairs } = parseInput(confirmAssignmentsInput, input, 'experts');
  // One pass (thousands of pairs): the first pair whose business came earlier.
  const seen = new Set<string>();
  const duplicate = pairs.findIndex((p) => {
    if (seen.has(p.applicationId)) return true;
    seen.add(p.applicationId);
    return false;
  });
  if (duplicate >= 0)
    throw new AppError('invalid_input', {
      fields: [{ path: `assignments.${duplicate}.applicationId`, key: 'experts:validation.twice' }],
    });

  const whole = pairs.length > CONFIRM_CHUNK ? await stateOf(ctx.db, pairs, { lock: false }) : undefined;
  if (whole) refuseUnlessOk(checkConfirmations(pairs, whole));
  const confirmed: { applicationId: string; expertId: string; changed: boolean }[] = [];
  for (let first = 0; first < pairs.length; first += CONFIRM_CHUNK) {
    const chunk = pairs.slice(first, first + CONFIRM_CHUNK);
    const written = await transaction(ctx, async (tx) => {
      // Locks the experts involved, so that two confirmations at once cannot both use the last places.
      await lockExperts(tx, [...new Set(chunk.map((p) => p.expertId))]);
      const state = await stateOf(tx, chunk, { lock: true, known: whole });
      const check = checkConfirmations(chunk, state, first);
      refuseUnlessOk(check);
      await write(tx, ctx, check.confirmations, state);
      return check.confirmations;
    });
    confirmed.push(
      ...written.map((c) => ({
        applicationId: c.applicationId,
        expertId: c.expertId,
        changed: c.previousExpertId !== null,
      })),
    );
    // Lets requests waiting on the database through before the next chunk.
    if (first + CONFIRM_CHUNK < pairs.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return { confirmed };
}

type Contact = { email: string; name: string; locale: 'fr' | 'en' };
type Profile = Awaited<ReturnType<typeof applicationProfiles>>[number];
type State = {
  experts: Map<string, ExpertWithLoad & ExpertProfile>;
  businesses: Map<string, BusinessToAssign & Profile & { contact: Contact | undefined }>;
  current: Map<string, string>;
  assignmentIds: Map<string, string>;
};

/**
 * Everything the check and the e-mails need about these pairs, in a handful of queries. What a
 * chunk already `known` from the whole request's check (retailers' languages and contacts, weakest
 * dimensions) is not read again: loads, assignments and statuses are, under the chunk's locks.
 */
async function stateOf(
  db: Executor,
  pairs: PairToConfirm[],
  options: { lock: boolean; known?: Pick<State, 'businesses'> | undefined },
): Promise<State> {
  const applicationIds = pairs.map((p) => p.applicationId);
  const { known } = options;
  const [loads, profiles, current, weakest] = await Promise.all([
    expertsWithLoad(db, { ids: [...new Set(pairs.map((p) => p.expertId))] }),
    applicationProfiles(db, applicationIds),
    activeAssignmentsOf(db, applicationIds, options),
    known ? undefined : weakestDimensionsOf(db, { applicationIds }),
  ]);
  const contacts = known
    ? undefined
    : await accountContacts(
        db,
        profiles.flatMap((p) => (p.applicantId ? [p.applicantId] : [])),
      );
  const businesses = new Map(
    profiles.map((p) => {
      const before = known?.businesses.get(p.id);
      const contact = before ? before.contact : p.applicantId ? contacts?.get(p.applicantId) : undefined;
      return [
        p.id,
        {
          ...p,
          language: contact?.locale === 'en' ? ('en' as const) : ('fr' as const),
          weakest: before ? before.weakest : (weakest?.get(p.id) ?? []),
          contact,
        },
      ];
    }),
  );
  return {
    experts: new Map(loads.map((e) => [e.id, { ...e, expertId: e.id, active: e.status === 'active' }])),
    businesses,
    current: new Map(current.map((a) => [a.applicationId, a.expertId])),
    assignmentIds: new Map(current.map((a) => [a.applicationId, a.id])),
  };
}

/** Throws the refusal a check found: 409 naming the expert, or 422 naming each field. */
function refuseUnlessOk(
  check: ConfirmationCheck,
): asserts check is Extract<ConfirmationCheck, { outcome: 'ok' }> {
  if (check.outcome === 'ok') return;
  if (check.outcome === 'invalid') throw new AppError('invalid_input', { fields: check.issues });
  const { expert, applicationId } = check;
  if (check.outcome === 'on_leave')
    throw new AppError('conflict', {
      key: 'experts:errors.on_leave',
      params: { name: expert.name },
      extra: { applicationId, expertId: expert.id },
    });
  throw new AppError('conflict', {
    key: 'experts:errors.capacity',
    params: { name: expert.name, capacity: expert.capacity },
    extra: { applicationId, expertId: expert.id, capacity: expert.capacity, activeFiles: expert.activeFiles },
  });
}

/** The confirmed pairs' writes, audit events and e-mails: a few multi-row statements in all. */
async function write(tx: Executor, ctx: Ctx, confirmations: Confirmation[], state: State) {
  if (confirmations.length === 0) return;
  const now = ctx.now();
  const moved = confirmations.filter((c) => c.previousExpertId !== null);
  if (moved.length > 0) {
    const ended = sql.join(
      moved.map((c) => sql`(${state.assignmentIds.get(c.applicationId)}::uuid, ${c.reason})`),
      sql`, `,
    );
    await tx.execute(sql`
      update ${assignments} set status = 'ended', ended_at = ${now}, end_reason = v.reason
      from (values ${ended}) as v(id, reason)
      where ${assignments.id} = v.id`);
  }
  const business = (applicationId: string) => state.businesses.get(applicationId)!;
  const expert = (expertId: string) => state.experts.get(expertId)!;
  await insertMany(
    tx,
    assignments,
    confirmations.map((c) => ({
      id: newId(),
      programId: business(c.applicationId).programId,
      applicationId: c.applicationId,
      expertId: c.expertId,
      score: c.score,
      reasons: c.reasons,
      assignedAt: now,
      assignedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    })),
  );
  await setAssignedExperts(
    tx,
    confirmations.map((c) => ({ applicationId: c.applicationId, expertUserId: expert(c.expertId).userId })),
  );
  await appendAudits(
    tx,
    ctx,
    confirmations.map(
      (c): AuditEvent => ({
        action: c.previousExpertId ? 'assignment.changed' : 'assignment.created',
        entityType: 'application',
        entityId: c.applicationId,
        changes: { expertId: [c.previousExpertId, c.expertId], reason: c.reason },
      }),
    ),
  );
  const previous = await expertContacts(tx, [...new Set(moved.map((c) => c.previousExpertId!))]);
  const publicUrl = ctx.services.config.publicUrl;
  await queueMails(
    tx,
    ctx,
    confirmations.flatMap((c): MailRequest[] => {
      const b = business(c.applicationId);
      const e = expert(c.expertId);
      const name = b.tradeName || b.legalName;
      const before = c.previousExpertId ? previous.get(c.previousExpertId) : undefined;
      return [
        ...(b.contact
          ? [
              {
                to: b.contact.email,
                locale: b.contact.locale,
                template: 'experts:mail.assigned_retailer',
                params: { name: b.contact.name, expert: e.name, business: name },
                actionUrl: `${publicUrl}/applications/${c.applicationId}`,
              },
            ]
          : []),
        {
          to: e.email,
          locale: e.locale,
          template: 'experts:mail.assigned_expert',
          params: { name: e.name, business: name, municipality: b.municipality ?? '' },
          actionUrl: `${publicUrl}/caseload/${c.applicationId}`,
        },
        // Not the reason: it is written for the program team, and may concern the person.
        ...(before
          ? [
              {
                to: before.email,
                locale: before.locale,
                template: 'experts:mail.reassigned_expert',
                params: { name: before.name, business: name, expert: e.name },
              },
            ]
          : []),
      ];
    }),
  );
}
