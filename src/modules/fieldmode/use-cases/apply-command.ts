import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/validation.ts';
import { planActionState, sessionState, updateActionProgress, updateSession } from '../../coaching/index.ts';
import { diagnosticState, saveDiagnosticAnswers } from '../../diagnostic/index.ts';
import {
  type CommandEnvelope,
  fieldConflicts,
  heldConflicts,
  PAYLOADS,
  planActionChange,
  sameAnswer,
} from '../domain/commands.ts';
import type { Outcome } from '../domain/outcomes.ts';

/** A record of another file is "not found", as online. */
function ofFile<T extends { applicationId: string }>(state: T | undefined, c: CommandEnvelope): T {
  if (!state || state.applicationId !== c.applicationId) throw new AppError('not_found');
  return state;
}

/**
 * Applies one offline change through the same use case as online (its authorization, validation,
 * audit), after the conflict rule of its kind. Throws the use case's error when it refuses.
 */
export async function applyCommand(ctx: Ctx, c: CommandEnvelope): Promise<Outcome> {
  switch (c.type) {
    case 'answer-diagnostic-question': {
      const p = parseInput(PAYLOADS[c.type], c.payload, 'fieldmode');
      const state = ofFile(await diagnosticState(ctx.db, p.diagnosticId), c);
      const server = state.answers[p.questionId] ?? null;
      const change = { baseVersion: c.baseVersion, baseValue: p.baseValue, mine: p.value };
      if (fieldConflicts(change, { version: state.version, value: server }, sameAnswer))
        return { status: 'conflict', version: state.version, server, mine: p.value };
      await saveDiagnosticAnswers(ctx, p.diagnosticId, { answers: { [p.questionId]: p.value } });
      return { status: 'applied', version: (await diagnosticState(ctx.db, p.diagnosticId))!.version };
    }
    case 'add-session-note': {
      const p = parseInput(PAYLOADS[c.type], c.payload, 'fieldmode');
      ofFile(await sessionState(ctx.db, p.sessionId), c);
      await updateSession(ctx, p.sessionId, { addNote: p.text });
      return { status: 'applied', version: (await sessionState(ctx.db, p.sessionId))!.version };
    }
    case 'record-session-held': {
      const p = parseInput(PAYLOADS[c.type], c.payload, 'fieldmode');
      const state = ofFile(await sessionState(ctx.db, p.sessionId), c);
      if (heldConflicts({ baseVersion: c.baseVersion, minutes: Math.round(p.hours * 60) }, state))
        return {
          status: 'conflict',
          version: state.version,
          server: state.minutesLogged! / 60,
          mine: p.hours,
        };
      await updateSession(ctx, p.sessionId, { status: 'held', hours: p.hours });
      return { status: 'applied', version: (await sessionState(ctx.db, p.sessionId))!.version };
    }
    case 'update-plan-action': {
      const p = parseInput(PAYLOADS[c.type], c.payload, 'fieldmode');
      const state = ofFile(await planActionState(ctx.db, p.actionId), c);
      const { field, mine, base } = planActionChange(p);
      const server = state[field];
      const change = { baseVersion: c.baseVersion, baseValue: base, mine };
      if (fieldConflicts<string>(change, { version: state.version, value: server }))
        return { status: 'conflict', version: state.version, server, mine };
      await updateActionProgress(ctx, c.applicationId, p.actionId, { [field]: mine });
      return { status: 'applied', version: (await planActionState(ctx.db, p.actionId))!.version };
    }
  }
}

/**
 * The two texts of a note in conflict, which are not kept with the command (free text may name people;
 * it stays in the plan, where anonymisation reaches it): a replay reads them again, the expert's from
 * the command, the server's from the action as it is now (none once the action is gone).
 */
export async function conflictTexts(ctx: Ctx, c: CommandEnvelope) {
  const p = PAYLOADS['update-plan-action'].safeParse(c.payload);
  if (!p.success) return { server: null, mine: null };
  const state = await planActionState(ctx.db, p.data.actionId);
  return {
    server: state?.applicationId === c.applicationId ? state.note : null,
    mine: planActionChange(p.data).mine,
  };
}
