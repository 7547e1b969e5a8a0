import { type DeviceStore, readAll } from './device-store.ts';
import {
  applyLocally,
  type OutboxItem,
  pendingCommands,
  type StoredPack,
  type SyncAnswer,
  settle,
} from './outbox.ts';

export type SyncOutcome = 'done' | 'busy' | 'offline' | 'signed_out' | 'failed';

/** The most commands the server takes at once (the API's limit). */
const BATCH = 200;
const LOCK = 'virage-field-sync';

/**
 * Sends the pending changes and settles the device with the answers. One tab at a time (a Web Lock):
 * another tab finds the lock taken and leaves it to the one syncing. The answers are settled against
 * the device as it is when they arrive, so a change made meanwhile stays pending.
 */
export async function synchronise(
  store: DeviceStore,
  csrfToken: string,
  locale: string,
): Promise<SyncOutcome> {
  if (!navigator.onLine) return 'offline';
  const run = async (): Promise<SyncOutcome> => {
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
        return 'offline';
      }
      if (response.status === 401) return 'signed_out';
      if (!response.ok) return 'failed';
      await save(store, (await response.json()) as SyncAnswer);
      if (commands.length < BATCH) return 'done';
    }
  };
  if (!navigator.locks) return run();
  return navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => (lock ? run() : 'busy'));
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
