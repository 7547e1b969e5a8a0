import { z } from 'zod';

/**
 * The changes an expert makes offline, sent later as commands: each has an id the device generates
 * (the server applies it once, whatever the retries), the file it belongs to, the version of the record
 * it was based on (`baseVersion`, as the visit pack gave it) and its payload.
 */
export const COMMAND_TYPES = [
  'answer-diagnostic-question',
  'add-session-note',
  'record-session-held',
  'update-plan-action',
] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

/** The envelope: checked for the whole batch; each payload is checked with its command (a refusal). */
export const commandEnvelope = z.strictObject({
  commandId: z.uuid(),
  type: z.enum(COMMAND_TYPES),
  applicationId: z.uuid(),
  baseVersion: z.string().max(40).nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export type CommandEnvelope = z.infer<typeof commandEnvelope>;

const answerValue = z.union([z.string().max(60), z.array(z.string().max(60)).max(20)]);
export type AnswerValue = z.infer<typeof answerValue>;

export const PAYLOADS = {
  'answer-diagnostic-question': z.strictObject({
    diagnosticId: z.uuid(),
    questionId: z.string().max(60),
    value: answerValue,
    /** The answer the expert saw when they changed it (null: none). */
    baseValue: answerValue.nullable(),
  }),
  'add-session-note': z.strictObject({ sessionId: z.uuid(), text: z.string() }),
  'record-session-held': z.strictObject({ sessionId: z.uuid(), hours: z.number() }),
  /** One field of an action: its status or its note, with the value the expert saw when they changed it. */
  'update-plan-action': z.union([
    z.strictObject({ actionId: z.uuid(), status: z.string(), baseStatus: z.string() }),
    z.strictObject({ actionId: z.uuid(), note: z.string(), baseNote: z.string() }),
  ]),
} satisfies Record<CommandType, z.ZodType>;

export type Payload<T extends CommandType> = z.infer<(typeof PAYLOADS)[T]>;

/** Two answers are the same when they choose the same choices (the order of a multiple choice aside). */
export function sameAnswer(a: AnswerValue | null | undefined, b: AnswerValue | null | undefined): boolean {
  const list = (v: AnswerValue | null | undefined) =>
    v === null || v === undefined ? [] : (Array.isArray(v) ? [...v] : [v]).sort();
  const [x, y] = [list(a), list(b)];
  return x.length === y.length && x.every((c, i) => c === y[i]);
}

/** The field of a plan action a change is about, the value chosen and the one seen. */
export function planActionChange(p: Payload<'update-plan-action'>) {
  return 'note' in p
    ? { field: 'note' as const, mine: p.note, base: p.baseNote }
    : { field: 'status' as const, mine: p.status, base: p.baseStatus };
}

/**
 * A field changed offline conflicts when the server's record changed since the version it was based on
 * AND the server's value is neither the one the expert saw nor the one they chose: someone else changed
 * that very field to something else. A change to another field of the same record, or the same change
 * made twice, is not a conflict. Appended things (session notes) never reach this rule.
 */
export function fieldConflicts<V>(
  change: { baseVersion: string | null; baseValue: V; mine: V },
  server: { version: string; value: V },
  same: (a: V, b: V) => boolean = Object.is,
): boolean {
  if (change.baseVersion === server.version) return false;
  return !same(server.value, change.baseValue) && !same(server.value, change.mine);
}

/**
 * Recording a session held: the server's hours are the expert's to choose against only when someone
 * recorded other hours meanwhile; a session still scheduled, or held with the same hours, takes them.
 */
export function heldConflicts(
  change: { baseVersion: string | null; minutes: number },
  server: { version: string; status: string; minutesLogged: number | null },
): boolean {
  if (server.status !== 'held' || server.minutesLogged === null) return false;
  return fieldConflicts(
    { baseVersion: change.baseVersion, baseValue: null as number | null, mine: change.minutes },
    { version: server.version, value: server.minutesLogged as number | null },
  );
}
