import { appendAudit } from '../../../platform/audit/append.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { insertMany } from '../../../platform/db/bulk.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { registryCaeNaics } from '../db/tables.ts';
import { correspondenceInput } from '../domain/correspondence.ts';
import { getCorrespondence } from './get-correspondence.ts';

/** An administrator replaces the CAE → NAICS correspondence; what changed is audited. */
export async function setCorrespondence(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'registry.edit_correspondence');
  const { items } = parseInput(correspondenceInput, input, 'registry');
  const before = await getCorrespondence(ctx);
  const was = new Map(before.map((r) => [r.cae, r.naics]));
  const now = new Map(items.map((r) => [r.cae, r.naics]));
  const changes = {
    added: items.filter((i) => !was.has(i.cae)),
    changed: items.filter((i) => was.has(i.cae) && was.get(i.cae) !== i.naics),
    removed: before.filter((r) => !now.has(r.cae)),
  };
  if (changes.added.length + changes.changed.length + changes.removed.length > 0) {
    await transaction(ctx, async (tx) => {
      await tx.delete(registryCaeNaics);
      await insertMany(
        tx,
        registryCaeNaics,
        items.map((i) => ({
          ...i,
          updatedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
          updatedAt: ctx.now(),
        })),
      );
      await appendAudit(tx, ctx, { action: 'registry.correspondence_set', entityType: 'registry', changes });
    });
  }
  return getCorrespondence(ctx);
}
