import type { EmbedDocument } from '../contract/index.js';
import type { EmbedDocumentKind } from '../paths.js';
import type { PersistentStore } from './store.js';

/**
 * Why a request failed. `not-found` and `invalid-document` are cached and not retried; `network`, `server` and
 * `rate-limited` are retried with backoff and never cached; `bad-request` and `no-api-base` are configuration errors;
 * `aborted` is what a caller gets when its own signal aborts.
 */
export type EmbedErrorKind =
  | 'not-found'
  | 'invalid-document'
  | 'bad-request'
  | 'network'
  | 'server'
  | 'rate-limited'
  | 'aborted'
  | 'no-api-base';

export interface ClientOptions {
  /**
   * Base URL of Embed API v1 (e.g. `https://maps.example/v1/`); a missing final `/` is added. Prefer an absolute
   * URL: a relative one is left for `fetch` to resolve against the page. Empty means none is configured, and every
   * request rejects with `no-api-base`.
   */
  apiBase: string;
  /** How long a document is fresh; afterwards it is served stale while one request revalidates it. Default 15 minutes. */
  ttlMs?: number;
  /** Most documents kept in memory (least recently used are dropped first). Default 200. */
  maxEntries?: number;
  /** Retries after the first attempt for retryable failures. Default 2. */
  retries?: number;
  /** First backoff delay; doubles each retry, with jitter. Default 500 ms. */
  retryBaseMs?: number;
  /** Longest wait before a retry, whatever the backoff or a `Retry-After` header says. Default 10 s. */
  maxRetryDelayMs?: number;
  /** An attempt that has not answered by then is abandoned (and retried as a network error). Default 20 s. */
  timeoutMs?: number;
  /**
   * Opt-in persistence so a reload within the TTL makes no request (and a stale copy shows at once while it is
   * revalidated). The browser stores are in `@occupational-maps/elements`. Default: none, memory only.
   */
  store?: PersistentStore;
  /** For tests and non-browser hosts. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** The clock, in ms since the epoch; for tests. Default `Date.now`. */
  now?: () => number;
}

export interface RequestOptions {
  /** Aborting gives up this caller's wait; the request goes on while other callers still wait for it. */
  signal?: AbortSignal;
}

export interface EmbedClient {
  readonly apiBase: string;
  /** Fetches (or serves from cache) a validated Embed API v1 document. Rejects with `EmbedError`. */
  get<K extends EmbedDocumentKind>(kind: K, key?: string | null, options?: RequestOptions): Promise<EmbedDocument<K>>;
  /** A fresh-or-stale cached document, synchronously, without any request; `undefined` when none. */
  peek<K extends EmbedDocumentKind>(kind: K, key?: string | null): EmbedDocument<K> | undefined;
  /** Forgets cached documents and errors (e.g. before a Retry). Without arguments, forgets everything. */
  invalidate(kind?: EmbedDocumentKind, key?: string | null): void;
}
