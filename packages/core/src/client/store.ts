/**
 * Opt-in persistence for the client, so a reload within the TTL makes no request. Core must not touch DOM or
 * storage APIs, so it only defines the interface; the browser stores (sessionStorage, IndexedDB) live in
 * `@occupational-maps/elements` (`src/shared/persistent-store.ts`).
 */

/** A document as persisted: the JSON value and when it was fetched (ms since the epoch). */
export interface StoredDocument {
  value: unknown;
  storedAt: number;
}

/**
 * Async key–value storage of JSON documents. Implementations must never throw or reject: a store that cannot
 * read gives `undefined`, one that cannot write silently keeps nothing. The client also guards against rejections.
 */
export interface PersistentStore {
  get(key: string): Promise<StoredDocument | undefined>;
  set(key: string, document: StoredDocument): Promise<void>;
  delete(key: string): Promise<void>;
  /** Forgets every document this store holds. */
  clear(): Promise<void>;
}

/** A store in memory: the fallback when real storage is unavailable, and a stand-in for tests. */
export function createMemoryStore(): PersistentStore {
  const documents = new Map<string, StoredDocument>();
  return {
    async get(key) {
      return documents.get(key);
    },
    async set(key, document) {
      documents.set(key, document);
    },
    async delete(key) {
      documents.delete(key);
    },
    async clear() {
      documents.clear();
    },
  };
}
