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
import { applicationProfile, applicationProfiles } from '../../intake/index.ts';
import { receivedCommands } from '../db/tables.ts';
import { type CommandEnvelope, commandEnvelope } from '../domain/commands.ts';
import type { StoredOutcome } from '../domain/outcomes.ts';
import { applyCommand } from './apply-command.ts';

export const syncCommandsInput = z.strictObject({
  commands: z.array(commandEnvelope).max(200),
  /** The files whose packs the device holds: those no longer the expert's are answered as to wipe. */
  applicationIds: z.array(z.uuid()).max(100).optional(),
});

type File = Awaited<ReturnType<typeof applicationProfile>>;
/** A file the expert may still work on offline: assigned to them, and open. */
const stillTheirs = (file: File, userId: string) =>
  !!file && file.assignedExpertUserId === userId && file.status === 'accepted' && !file.coachingClosedAt;

function refusal(ctx: Ctx, error: AppError, wipe: boolean): StoredOutcome {
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
 * Applies one command exactly once: its id is claimed in the transaction that makes the change, so a
 * replay (a retry after a lost answer, another tab, Background Sync) finds it and gets the same
 * outcome. A refusal is an outcome too: the use case's changes are undone (a savepoint), the refusal kept.
 */
async function applyOnce(ctx: Ctx, userId: string, c: CommandEnvelope): Promise<StoredOutcome> {
  return transaction(ctx, async (tx) => {
    const file = await applicationProfile(tx, c.applicationId);
    if (!file) return refusal(ctx, new AppError('not_found'), true);
    const [claimed] = await tx
      .insert(receivedCommands)
      .values({
        commandId: c.commandId,
        userId,
        applicationId: c.applicationId,
        type: c.type,
        outcome: { status: 'applied', version: null },
        receivedAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning({ commandId: receivedCommands.commandId });
    if (!claimed) {
      const [stored] = await tx
        .select()
        .from(receivedCommands)
        .where(eq(receivedCommands.commandId, c.commandId));
      // Another person's command id (or the same id for another change) is not replayed to them.
      if (stored!.userId !== userId || stored!.applicationId !== c.applicationId || stored!.type !== c.type)
        return refusal(ctx, new AppError('conflict', { key: 'fieldmode:refused.command_id_taken' }), false);
      return stored!.outcome;
    }
    let outcome: StoredOutcome;
    if (!stillTheirs(file, userId))
      outcome = refusal(
        ctx,
        new AppError('conflict', {
          key: file.coachingClosedAt ? 'fieldmode:refused.file_closed' : 'fieldmode:refused.not_yours',
        }),
        true,
      );
    else
      try {
        outcome = await tx.transaction((savepoint) => applyCommand({ ...ctx, db: savepoint }, c));
      } catch (error) {
        if (!isAppError(error)) throw error;
        outcome = refusal(ctx, error, false);
      }
    await tx.update(receivedCommands).set({ outcome }).where(eq(receivedCommands.commandId, c.commandId));
    await appendAudit(tx, ctx, {
      action: 'fieldmode.command',
      entityType: 'application',
      entityId: c.applicationId,
      changes: { commandId: c.commandId, type: c.type, baseVersion: c.baseVersion, outcome: outcome.status },
    });
    return outcome;
  });
}

/**
 * A device's pending offline changes, in the order they were made: each applied once through the
 * online use cases, answered applied (new version), conflict (both values) or refused (why); and the
 * files whose packs the device must wipe (reassigned, closed).
 */
export async function syncCommands(ctx: Ctx, input: unknown) {
  authorize(ctx.actor, 'fieldmode.sync');
  const actor = signedInActor(ctx.actor);
  const { commands, applicationIds = [] } = parseInput(syncCommandsInput, input);
  const results: ({ commandId: string } & StoredOutcome)[] = [];
  for (const c of commands) results.push({ commandId: c.commandId, ...(await applyOnce(ctx, actor.id, c)) });
  const held = [...new Set([...applicationIds, ...commands.map((c) => c.applicationId)])];
  const files = new Map((await applicationProfiles(ctx.db, held)).map((f) => [f.id, f]));
  return {
    results,
    wipe: held.filter((id) => !stillTheirs(files.get(id), actor.id)),
    syncedAt: ctx.now(),
  };
}
