import { type DeviceStore, readAll } from './device-store.ts';
import {
  applyLocally,
  type OutboxItem,
  pendingCommands,
  type StoredPack,
  type SyncAnswer,
  settle,
} from './outbox.ts';

export type SyncOutcome = 'done' | 'busy' | 'offline' | 'signed_out' | 'deactivated' | 'failed';

/**
 * A call the server did not take, as the page tells it: the session ended (sign in again, the changes
 * wait), the account was deactivated (the device is wiped), or anything else (tried again later).
 */
export async function refusedCall(response: Response): Promise<SyncOutcome> {
  if (response.status !== 401) return 'failed';
  const problem = (await response.json().catch(() => null)) as { code?: unknown } | null;
  return problem?.code === 'account_deactivated' ? 'deactivated' : 'signed_out';
}

/** The most commands the server takes at once (the API's limit). */
const BATCH = 200;
const LOCK = 'virage-field-sync';

/**
 * Sends the pending changes and settles the device with the answers. One tab at a time (a Web Lock):
 * another tab finds the lock taken and leaves it to the one syncing. The answers are settled against
 * the device as it is when they arrive, so a change made meanwhile stays pending. Answers also the files
 * the server said are no longer the expert's (their packs are wiped).
 */
export async function synchronise(
  store: DeviceStore,
  csrfToken: string,
  locale: string,
): Promise<{ outcome: SyncOutcome; wipe: string[] }> {
  const wipe: string[] = [];
  if (!navigator.onLine) return { outcome: 'offline', wipe };
  const run = async (): Promise<{ outcome: SyncOutcome; wipe: string[] }> => {
    for (;;) {
      const { packs, outbox } = await readAll(store);
      const commands = pendingCommands(outbox).slice(0, BATCH);
      let response: Response;
      try {
        response = await fetch('/api/v1/sync/commands', {
          method: 'POST',
          credentials: 'same-origin',
          headers: {
            'content-type': 'application/json',
            'x-csrf-token': csrfToken,
            'accept-language': locale,
          },
          body: JSON.stringify({ commands, applicationIds: packs.map((p) => p.applicationId) }),
        });
      } catch {
        return { outcome: 'offline', wipe };
      }
      if (!response.ok) return { outcome: await refusedCall(response), wipe };
      const answer = (await response.json()) as SyncAnswer;
      await save(store, answer);
      wipe.push(...answer.wipe);
      if (commands.length < BATCH) return { outcome: 'done', wipe };
    }
  };
  if (!navigator.locks) return run();
  return navigator.locks.request(LOCK, { ifAvailable: true }, (lock) =>
    lock ? run() : { outcome: 'busy' as const, wipe },
  );
}

async function save(store: DeviceStore, answer: SyncAnswer) {
  const tx = store.transaction(['packs', 'outbox', 'meta'], 'readwrite');
  const [packs, outbox] = (await Promise.all([
    tx.objectStore('packs').getAll(),
    tx.objectStore('outbox').getAll(),
  ])) as [StoredPack[], OutboxItem[]];
  const settled = settle(packs, outbox, answer);
  await Promise.all([
    ...settled.wiped.map((id) => tx.objectStore('packs').delete(id)),
    ...settled.packs.map((p) => tx.objectStore('packs').put(p)),
    ...settled.removed.map((id) => tx.objectStore('outbox').delete(id)),
    ...settled.outbox.map((i) => tx.objectStore('outbox').put(i)),
    tx.objectStore('meta').put({ key: 'lastSync', at: answer.syncedAt }),
    tx.done,
  ]);
}

/**
 * Saves one change on the device at once: the command to send, and the pack as it now reads (the pack
 * read in the same transaction, so that two quick changes both show).
 */
export async function record(store: DeviceStore, item: OutboxItem) {
  const tx = store.transaction(['packs', 'outbox'], 'readwrite');
  const pack = await tx.objectStore('packs').get(item.applicationId);
  await Promise.all([
    pack ? tx.objectStore('packs').put(applyLocally(pack, item)) : undefined,
    tx.objectStore('outbox').put(item),
    tx.done,
  ]);
}
