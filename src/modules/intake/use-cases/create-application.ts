import { z } from 'zod';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { getProgram } from '../../programs/index.ts';
import { applyChanges, recordEvent } from '../db/application-writes.ts';
import { applications } from '../db/tables.ts';
import { applicationChangesShape } from '../domain/application-input.ts';
import { detailOf } from './get-application.ts';

export const createApplicationInput = z.strictObject({ programId: z.uuid(), ...applicationChangesShape });

/**
 * A retailer starts an application (a draft, saved on the server): with everything at once through
 * the API, or step by step through the form.
 */
export async function createApplication(ctx: Ctx, input: unknown) {
  const actor = signedInActor(ctx.actor);
  authorize(ctx.actor, 'application.create');
  const { programId, ...changes } = parseInput(createApplicationInput, input, 'intake');
  const program = await getProgram(ctx, programId);
  const app = await transaction(ctx, async (tx) => {
    const [draft] = await tx
      .insert(applications)
      .values({
        id: newId(),
        programId: program.id,
        applicantId: actor.id,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning();
    const saved = await applyChanges(tx, ctx, draft!, changes);
    await recordEvent(tx, ctx, saved.id, { kind: 'created', toStatus: 'draft' });
    await appendAudit(tx, ctx, {
      action: 'application.created',
      entityType: 'application',
      entityId: saved.id,
      changes: { programId },
    });
    return saved;
  });
  return detailOf(ctx, app, false);
}
