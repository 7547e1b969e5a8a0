import type { CommandType } from '../domain/commands.ts';
import type { VisitPacks } from '../use-cases/get-visit-packs.ts';

/**
 * The device's side of field mode, as pure functions over plain data (the page keeps the data in
 * IndexedDB): a change is applied to the pack at once and queued as a command; the server's answers
 * then settle the queue. Nothing leaves the queue but an applied change or one the expert dismissed.
 */
export type Pack = VisitPacks['packs'][number];
export type StoredPack = Pack & { syncedAt: string; bytes: number };

export type OutboxItem = {
  commandId: string;
  type: CommandType;
  applicationId: string;
  baseVersion: string | null;
  payload: Record<string, unknown>;
  /** The order the changes were made in; they are sent in that order. */
  seq: number;
  /** What the change is about, as the expert read it (a question, a session, an action). */
  subject: string;
  state: 'pending' | 'conflict' | 'refused';
  conflict?: { version: string; server: unknown; mine: unknown };
  refusal?: { reason: string; errors: { path: string; message: string }[] };
};

export type SyncAnswer = {
  results: (
    | { commandId: string; status: 'applied'; version: string | null }
    | { commandId: string; status: 'conflict'; version: string; server: unknown; mine: unknown }
    | {
        commandId: string;
        status: 'refused';
        reason: string;
        errors: { path: string; message: string }[];
        wipe: boolean;
      }
  )[];
  wipe: string[];
  syncedAt: string;
};

let last = 0;
/** Increasing even for two changes in the same millisecond. */
const nextSeq = () => {
  last = Math.max(Date.now(), last + 1);
  return last;
};

export function newCommand(
  type: CommandType,
  applicationId: string,
  baseVersion: string | null,
  payload: Record<string, unknown>,
  subject: string,
): OutboxItem {
  return {
    commandId: crypto.randomUUID(),
    type,
    applicationId,
    baseVersion,
    payload,
    seq: nextSeq(),
    subject,
    state: 'pending',
  };
}

/** The pack as it reads once the change is made (a note is shown from the queue until sent). */
export function applyLocally(pack: StoredPack, item: Pick<OutboxItem, 'type' | 'payload'>): StoredPack {
  const p = item.payload;
  switch (item.type) {
    case 'answer-diagnostic-question':
      return pack.diagnostic
        ? {
            ...pack,
            diagnostic: {
              ...pack.diagnostic,
              answers: { ...pack.diagnostic.answers, [p.questionId as string]: p.value as string | string[] },
            },
          }
        : pack;
    case 'record-session-held':
      return {
        ...pack,
        sessions: pack.sessions.map((s) =>
          s.id === p.sessionId ? { ...s, status: 'held' as const, hours: p.hours as number } : s,
        ),
      };
    case 'update-plan-action':
      return pack.plan
        ? {
            ...pack,
            plan: {
              ...pack.plan,
              actions: pack.plan.actions.map((a) =>
                a.id !== p.actionId
                  ? a
                  : 'note' in p
                    ? { ...a, note: p.note as string }
                    : { ...a, status: p.status as typeof a.status },
              ),
            },
          }
        : pack;
    case 'add-session-note':
      return pack;
  }
}

/** A record's new version, once a change to it was applied: the base of the next changes. */
function withVersion(pack: StoredPack, item: OutboxItem, version: string): StoredPack {
  const p = item.payload;
  if (item.type === 'answer-diagnostic-question' && pack.diagnostic)
    return { ...pack, diagnostic: { ...pack.diagnostic, version } };
  if (item.type === 'update-plan-action' && pack.plan)
    return {
      ...pack,
      plan: {
        ...pack.plan,
        actions: pack.plan.actions.map((a) => (a.id === p.actionId ? { ...a, version } : a)),
      },
    };
  if (item.type === 'add-session-note' || item.type === 'record-session-held')
    return {
      ...pack,
      sessions: pack.sessions.map((s) =>
        s.id === p.sessionId
          ? {
              ...s,
              version,
              notes:
                item.type === 'add-session-note'
                  ? [s.notes, p.text as string].filter(Boolean).join('\n\n')
                  : s.notes,
            }
          : s,
      ),
    };
  return pack;
}

/**
 * The server's answer applied to the device: applied changes leave the queue (their records take the
 * new version), conflicts and refusals stay with what the server said, packs no longer the expert's go.
 * Changes the answer does not mention stay as they were (a lost answer: they are sent again).
 */
export function settle(packs: StoredPack[], outbox: OutboxItem[], answer: SyncAnswer) {
  const byId = new Map(packs.map((p) => [p.applicationId, p]));
  const items = new Map(outbox.map((i) => [i.commandId, i]));
  const removed: string[] = [];
  for (const result of answer.results) {
    const item = items.get(result.commandId);
    if (!item) continue;
    if (result.status === 'applied') {
      items.delete(item.commandId);
      removed.push(item.commandId);
      const pack = byId.get(item.applicationId);
      if (pack && result.version) byId.set(pack.applicationId, withVersion(pack, item, result.version));
    } else if (result.status === 'conflict') {
      const { version, server, mine } = result;
      items.set(item.commandId, { ...item, state: 'conflict', conflict: { version, server, mine } });
    } else {
      const { reason, errors } = result;
      items.set(item.commandId, { ...item, state: 'refused', refusal: { reason, errors } });
    }
  }
  for (const id of answer.wipe) byId.delete(id);
  return {
    packs: [...byId.values()],
    wiped: answer.wipe.filter((id) => packs.some((p) => p.applicationId === id)),
    outbox: [...items.values()].sort((a, b) => a.seq - b.seq),
    removed,
  };
}

/**
 * The expert keeps their value after a conflict: a new command (a new id: the first one's outcome is
 * final), based on the server's version and value, so it goes through unless the field moves again.
 */
export function keepMine(item: OutboxItem): OutboxItem {
  const server = item.conflict!.server;
  const payload =
    item.type === 'answer-diagnostic-question'
      ? { ...item.payload, baseValue: server }
      : item.type === 'update-plan-action'
        ? { ...item.payload, ['note' in item.payload ? 'baseNote' : 'baseStatus']: server }
        : item.payload;
  return { ...newCommand(item.type, item.applicationId, item.conflict!.version, payload, item.subject) };
}

/** The expert takes the server's value: the pack shows it, the change is dropped. */
export function keepServer(pack: StoredPack, item: OutboxItem): StoredPack {
  const server = item.conflict!.server;
  const payload =
    item.type === 'answer-diagnostic-question'
      ? { ...item.payload, value: server }
      : item.type === 'update-plan-action'
        ? { ...item.payload, ['note' in item.payload ? 'note' : 'status']: server }
        : { ...item.payload, hours: server };
  return withVersion(applyLocally(pack, { type: item.type, payload }), item, item.conflict!.version);
}

/** What is sent: the pending changes, in the order they were made, without the device's bookkeeping. */
export const pendingCommands = (outbox: OutboxItem[]) =>
  outbox
    .filter((i) => i.state === 'pending')
    .map(({ commandId, type, applicationId, baseVersion, payload }) => ({
      commandId,
      type,
      applicationId,
      baseVersion,
      payload,
    }));
