import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../../kernel/locale.ts';
import { appendAudit } from '../../../platform/audit/append.ts';
import { signedInActor } from '../../../platform/authorization.ts';
import { type Ctx, transaction } from '../../../platform/context.ts';
import { AppError, isAppError } from '../../../platform/errors.ts';
import { localiseError } from '../../../platform/http/problem.ts';
import { parseInput } from '../../../platform/validation.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { type applicationProfile, applicationProfiles } from '../../intake/index.ts';
import { receivedCommands } from '../db/tables.ts';
import { type CommandEnvelope, commandEnvelope } from '../domain/commands.ts';
import { keptOutcome, type Outcome } from '../domain/outcomes.ts';
import { applyCommand, conflictTexts } from './apply-command.ts';

export const syncCommandsInput = z.strictObject({
  commands: z.array(commandEnvelope).max(200),
  /** The files whose packs the device holds: those no longer the expert's are answered as to wipe. */
  applicationIds: z.array(z.uuid()).max(100).optional(),
});

type File = Awaited<ReturnType<typeof applicationProfile>>;
/** A file the expert may still work on offline: assigned to them, and open. */
const stillTheirs = (file: File, userId: string) =>
  !!file && file.assignedExpertUserId === userId && file.status === 'accepted' && !file.coachingClosedAt;

function refusal(ctx: Ctx, error: AppError, wipe: boolean): Outcome {
  const reason = {} as Record<Locale, string>;
  const errors = {} as Record<Locale, { path: string; message: string }[]>;
  for (const locale of LOCALES) {
    const localised = localiseError(error, ctx.services.i18n, locale);
    reason[locale] = localised.detail;
    errors[locale] = localised.errors;
  }
  return { status: 'refused', reason, errors, wipe };
}

/**
 * Applies one command exactly once, inside the batch's transaction: its id is claimed with the change,
 * so a replay (a retry after a lost answer, another tab, Background Sync) finds it and gets the same
 * outcome. A refusal is an outcome too: the use case's own transaction (a savepoint here) is undone,
 * the refusal kept.
 */
async function applyOnce(tx: Ctx, file: File, userId: string, c: CommandEnvelope): Promise<Outcome> {
  if (!file) return refusal(tx, new AppError('not_found'), true);
  const [claimed] = await tx.db
    .insert(receivedCommands)
    .values({
      commandId: c.commandId,
      userId,
      applicationId: c.applicationId,
      type: c.type,
      outcome: { status: 'applied', version: null },
      receivedAt: tx.now(),
    })
    .onConflictDoNothing()
    .returning({ commandId: receivedCommands.commandId });
  if (!claimed) {
    const [stored] = await tx.db
      .select()
      .from(receivedCommands)
      .where(eq(receivedCommands.commandId, c.commandId));
    // Another person's command id (or the same id for another change) is not replayed to them.
    if (stored!.userId !== userId || stored!.applicationId !== c.applicationId || stored!.type !== c.type)
      return refusal(tx, new AppError('conflict', { key: 'fieldmode:refused.command_id_taken' }), false);
    const kept = stored!.outcome;
    if (!('textsLeftOut' in kept)) return kept;
    return { status: kept.status, version: kept.version, ...(await conflictTexts(tx, c)) };
  }
  let outcome: Outcome;
  if (!stillTheirs(file, userId))
    outcome = refusal(
      tx,
      new AppError('conflict', {
        key: file.coachingClosedAt ? 'fieldmode:refused.file_closed' : 'fieldmode:refused.not_yours',
      }),
      true,
    );
  else
    try {
      outcome = await applyCommand(tx, c);
    } catch (error) {
      if (!isAppError(error)) throw error;
      outcome = refusal(tx, error, false);
    }
  await tx.db
    .update(receivedCommands)
    .set({ outcome: keptOutcome(outcome, c.payload) })
    .where(eq(receivedCommands.commandId, c.commandId));
  await appendAudit(tx.db, tx, {
    action: 'fieldmode.command',
    entityType: 'application',
    entityId: c.applicationId,
    changes: { commandId: c.commandId, type: c.type, baseVersion: c.baseVersion, outcome: outcome.status },
  });
  return outcome;
}

/**
 * A device's pending offline changes, in the order they were made: each applied once through the
 * online use cases, answered applied (new version), conflict (both values) or refused (why); and the
 * files whose packs the device must wipe (reassigned, closed).
 */
export async function syncCommands(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'fieldmode.sync');
  const actor = signedInActor(ctx.actor);
  const { commands, applicationIds = [] } = parseInput(syncCommandsInput, input, 'fieldmode');
  const held = [...new Set([...applicationIds, ...commands.map((c) => c.applicationId)])];
  // One transaction for the batch, each use case in a savepoint of its own (its transaction, nested):
  // one commit instead of one per change; the claims and the changes commit together.
  const { results, files } = await transaction(ctx, async (db) => {
    const inBatch = { ...ctx, db };
    const files = new Map((await applicationProfiles(db, held)).map((f) => [f.id, f]));
    const results: ({ commandId: string } & Outcome)[] = [];
    for (const c of commands) {
      const outcome = await applyOnce(inBatch, files.get(c.applicationId), actor.id, c);
      results.push({ commandId: c.commandId, ...outcome });
    }
    return { results, files };
  });
  return {
    results,
    wipe: held.filter((id) => !stillTheirs(files.get(id), actor.id)),
    syncedAt: ctx.now(),
  };
}
