import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from 'idb';
import type { OutboxItem, StoredPack } from './outbox.ts';

/**
 * What the device keeps for field mode, in IndexedDB: the visit packs, the changes waiting to be sent
 * (the outbox) and when the last synchronisation happened. One database per person, so that two people
 * sharing a tablet never see each other's files; all of them are deleted at sign-out.
 */
interface FieldDb extends DBSchema {
  packs: { key: string; value: StoredPack };
  outbox: { key: string; value: OutboxItem };
  meta: { key: string; value: { key: string; at: string } };
}

const PREFIX = 'virage-field-';
/** The service worker's cache of the shell and the field page (public/sw.js uses the same name). */
export const SHELL_CACHE = 'virage-field-shell';

export type DeviceStore = IDBPDatabase<FieldDb>;

export async function openDeviceStore(userId: string): Promise<DeviceStore> {
  const db: DeviceStore = await openDB<FieldDb>(`${PREFIX}${userId}`, 1, {
    upgrade(created) {
      created.createObjectStore('packs', { keyPath: 'applicationId' });
      created.createObjectStore('outbox', { keyPath: 'commandId' });
      created.createObjectStore('meta', { keyPath: 'key' });
    },
    // Signing out (in this tab or another) deletes the database: let it.
    blocking() {
      db.close();
    },
  });
  return db;
}

export async function readAll(store: DeviceStore) {
  const [packs, outbox, lastSync] = await Promise.all([
    store.getAll('packs'),
    store.getAll('outbox'),
    store.get('meta', 'lastSync'),
  ]);
  return { packs, outbox: outbox.sort((a, b) => a.seq - b.seq), lastSyncAt: lastSync?.at ?? null };
}

/** Everything field mode left on this device, for every person: at sign-out. */
export async function clearDevice(): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const names = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name ?? '') : [];
  await erase(names.filter((n) => n.startsWith(PREFIX)));
}

/** What field mode kept for one person, and the kept field page: when their account was deactivated. */
export const clearPerson = (userId: string): Promise<void> => erase([`${PREFIX}${userId}`]);

async function erase(databases: string[]): Promise<void> {
  await Promise.all(databases.map((n) => deleteDB(n)));
  if (typeof caches !== 'undefined') await caches.delete(SHELL_CACHE);
}
