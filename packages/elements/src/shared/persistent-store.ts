/**
 * Browser stores for the data client's opt-in persistence (`PersistentStore` from core), so a reload within the
 * TTL makes no request. Both fail safe: when storage is unavailable (private modes, sandboxed iframes, blocked
 * cookies) or throws (quota, a deleted database), they carry on in memory for the rest of the page's life.
 *
 * Opt in once per page, before the elements first load data:
 * `getSharedClient(apiBase, { store: createSessionStore() })`.
 */
import { createMemoryStore, type PersistentStore, type StoredDocument } from '@occupational-maps/core';

const KEY_PREFIX = 'occupational-maps:';
const DATABASE_NAME = 'occupational-maps';
const OBJECT_STORE = 'documents';

const isStoredDocument = (value: unknown): value is StoredDocument =>
  typeof value === 'object' && value !== null && 'value' in value && typeof (value as StoredDocument).storedAt === 'number';

/** Uses `real` until it first throws or rejects, then memory: a broken storage is not asked again. */
function failSafe(real: PersistentStore | null): PersistentStore {
  const memory = createMemoryStore();
  let usable = real !== null;
  const attempt = async <T>(operation: (store: PersistentStore) => Promise<T>): Promise<T> => {
    if (usable) {
      try {
        return await operation(real!);
      } catch {
        usable = false;
      }
    }
    return operation(memory);
  };
  return {
    get: (key) => attempt((store) => store.get(key)),
    set: (key, document) => attempt((store) => store.set(key, document)),
    delete: (key) => attempt((store) => store.delete(key)),
    clear: () => attempt((store) => store.clear()),
  };
}

/** Reading `window.sessionStorage` itself throws a SecurityError where storage is blocked. */
function reachSessionStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

function sessionStorageStore(storage: Storage): PersistentStore {
  return {
    async get(key) {
      const raw = storage.getItem(KEY_PREFIX + key);
      if (raw === null) return undefined;
      try {
        const parsed: unknown = JSON.parse(raw);
        return isStoredDocument(parsed) ? parsed : undefined;
      } catch {
        return undefined; // Corrupt entry: as good as none; the next `set` overwrites it.
      }
    },
    async set(key, document) {
      storage.setItem(KEY_PREFIX + key, JSON.stringify(document));
    },
    async delete(key) {
      storage.removeItem(KEY_PREFIX + key);
    },
    async clear() {
      // Only our own keys: the host page's session data is not ours to clear.
      for (const key of Object.keys(storage)) if (key.startsWith(KEY_PREFIX)) storage.removeItem(key);
    },
  };
}

/** Documents in `sessionStorage`: per tab, gone when the tab closes. Good for reloads and back/forward. */
export function createSessionStore(storage: Storage | null = reachSessionStorage()): PersistentStore {
  return failSafe(storage ? sessionStorageStore(storage) : null);
}

function reachIndexedDb(): IDBFactory | null {
  try {
    return globalThis.indexedDB ?? null;
  } catch {
    return null;
  }
}

function indexedDbStore(factory: IDBFactory, databaseName: string): PersistentStore {
  let opening: Promise<IDBDatabase> | undefined;
  const open = () =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(databaseName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(OBJECT_STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('The document database is blocked by another tab.'));
    }));
  const run = async <T>(mode: IDBTransactionMode, operation: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const database = await open();
    return new Promise<T>((resolve, reject) => {
      const transaction = database.transaction(OBJECT_STORE, mode);
      const request = operation(transaction.objectStore(OBJECT_STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  };
  return {
    async get(key) {
      const stored: unknown = await run('readonly', (store) => store.get(key));
      return isStoredDocument(stored) ? stored : undefined;
    },
    async set(key, document) {
      await run('readwrite', (store) => store.put(document, key));
    },
    async delete(key) {
      await run('readwrite', (store) => store.delete(key));
    },
    async clear() {
      await run('readwrite', (store) => store.clear());
    },
  };
}

/** Documents in IndexedDB: shared by the origin's tabs and kept across sessions (the client ignores day-old copies). */
export function createIndexedDbStore(factory: IDBFactory | null = reachIndexedDb(), databaseName = DATABASE_NAME): PersistentStore {
  return failSafe(factory ? indexedDbStore(factory, databaseName) : null);
}
