import type { EmbedDocument } from '../contract/index.js';
import { validateDocumentLazily } from '../contract/load-schema.js';
import { pauseForHost } from '../pause.js';
import { isErrorDocument } from '../contract/validate.js';
import { parseEmbedPath } from '../parse-path.js';
import { embedPaths, type EmbedDocumentKind } from '../embed-paths.js';
import { EmbedError, type EmbedErrorOption } from './errors.js';
import { abortedError, errorForStatus } from './failures.js';
import { parseRetryAfter, retryDelay, sleep } from './retry.js';
import type { PersistentStore, StoredDocument } from './store.js';
import type { ClientOptions, EmbedClient, RequestOptions } from './types.js';

const MINUTE = 60_000;

/** Defaults for every tunable option; `createClient` documents each in `ClientOptions`. */
export const CLIENT_DEFAULTS = {
  ttlMs: 15 * MINUTE,
  maxEntries: 200,
  retries: 2,
  retryBaseMs: 500,
  maxRetryDelayMs: 10_000,
  timeoutMs: 20_000,
} as const;

/** A stale copy older than this is not worth showing even for a moment; the caller waits for the network instead. */
const MAX_STALE_MS = 24 * 60 * MINUTE;

/** One network request (plus its retries) shared by every caller that asked for the same URL while it ran. */
interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  /** Callers waiting for it. When the last one aborts, so does the request. */
  waiters: number;
}

type Settled =
  | { ok: true; value: unknown; storedAt: number }
  | { ok: false; error: EmbedError; storedAt: number };

interface Entry {
  kind: EmbedDocumentKind;
  settled?: Settled;
  flight?: Flight;
}

type Loaded = { value: unknown; storedAt: number; fromNetwork: boolean };
type Attempt = { ok: true; value: unknown } | { ok: false; error: EmbedError; retryAfterMs?: number };

/** Freezes a document so that one caller changing it cannot corrupt what every other caller shares. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const reasonText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Adds the final `/` so relative paths resolve inside the API rather than beside it. */
export function normaliseApiBase(apiBase: string | null | undefined): string {
  const trimmed = (apiBase ?? '').trim();
  if (!trimmed) return '';
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/**
 * Creates a client for one Embed API v1 base URL: one request per URL however many callers ask at once, a TTL
 * cache that serves stale documents at once while one background request revalidates them, bounded in size (least
 * recently used first out), retries with backoff for transient failures, and validation of every document.
 */
export function createClient(options: ClientOptions): EmbedClient {
  const apiBase = normaliseApiBase(options.apiBase);
  const ttlMs = options.ttlMs ?? CLIENT_DEFAULTS.ttlMs;
  const maxEntries = Math.max(1, options.maxEntries ?? CLIENT_DEFAULTS.maxEntries);
  const retries = Math.max(0, options.retries ?? CLIENT_DEFAULTS.retries);
  const retryBaseMs = options.retryBaseMs ?? CLIENT_DEFAULTS.retryBaseMs;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? CLIENT_DEFAULTS.maxRetryDelayMs;
  const timeoutMs = options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs;
  const store: PersistentStore | undefined = options.store;
  const now = options.now ?? Date.now;
  // Called through globalThis at request time, so a page that patches fetch later (tests, service shims) is honoured.
  const fetchDocument: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  /** Insertion order is recency order: `touch` moves an entry to the end, eviction takes from the front. */
  const cache = new Map<string, Entry>();

  function locate(kind: EmbedDocumentKind, key: string | null | undefined): { url: string } | { error: EmbedError } {
    const path = (embedPaths[kind] as (key: string) => string)(key ?? '');
    if (!apiBase) {
      return {
        error: new EmbedError('no-api-base', 'No data service is configured: set the api-base attribute (or window.OccupationalMaps.apiBase) to the Embed API v1 address.', { url: path }),
      };
    }
    const parsed = parseEmbedPath(path);
    if (!parsed.ok) {
      return { error: new EmbedError('bad-request', `“${key ?? ''}” is not a valid ${kind} key: ${parsed.reason}`, { url: apiBase + path }) };
    }
    return { url: apiBase + parsed.path };
  }

  function touch(url: string): Entry | undefined {
    const entry = cache.get(url);
    if (entry) {
      cache.delete(url);
      cache.set(url, entry);
    }
    return entry;
  }

  function evictBeyondBound(): void {
    if (cache.size <= maxEntries) return;
    for (const [url, entry] of cache) {
      if (cache.size <= maxEntries) break;
      if (!entry.flight) cache.delete(url);
    }
  }

  const isFresh = (settled: Settled) => now() - settled.storedAt < ttlMs;
  const isTooStale = (storedAt: number) => now() - storedAt >= MAX_STALE_MS;

  async function readStore(url: string): Promise<StoredDocument | undefined> {
    try {
      return await store?.get(url);
    } catch {
      return undefined;
    }
  }
  const writeStore = (url: string, document: StoredDocument) => void store?.set(url, document).catch(() => {});
  const forgetStored = (url: string) => void store?.delete(url).catch(() => {});

  /** One attempt: fetch, map the status to an error kind, parse and validate. Never rejects except on abort. */
  async function attempt(url: string, kind: EmbedDocumentKind, signal: AbortSignal): Promise<Attempt> {
    const attemptController = new AbortController();
    const abortAttempt = () => attemptController.abort(signal.reason);
    signal.addEventListener('abort', abortAttempt, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      attemptController.abort();
    }, timeoutMs);
    const networkFailure = (error: unknown): Attempt => {
      if (signal.aborted) throw abortedError(url, signal.reason);
      const message = timedOut
        ? `The data service did not answer ${url} within ${Math.round(timeoutMs / 1000)} s.`
        : `The data service could not be reached at ${url} (${reasonText(error)}).`;
      return { ok: false, error: new EmbedError('network', message, { url, cause: error }) };
    };
    try {
      let response: Response;
      try {
        response = await fetchDocument(url, { signal: attemptController.signal, headers: { accept: 'application/json' } });
      } catch (error) {
        return networkFailure(error);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        return networkFailure(error);
      }
      if (!response.ok) {
        let serverMessage: string | undefined;
        let options: EmbedErrorOption[] | undefined;
        try {
          const body: unknown = JSON.parse(text);
          if (isErrorDocument(body)) {
            serverMessage = body.error.message;
            options = body.error.options;
          }
        } catch {
          // A proxy's HTML error page: the status says enough.
        }
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
        return { ok: false, error: errorForStatus(response.status, url, serverMessage, options), retryAfterMs };
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        const message = `The data at ${url} is not JSON (${reasonText(error)}).`;
        return { ok: false, error: new EmbedError('invalid-document', message, { url, status: response.status, cause: error }) };
      }
      // Only this kind's schema: a page that shows SOC documents never downloads the occupation schema. A large
      // document is checked in slices, so the page stays responsive while a route of hundreds of occupations arrives.
      const checked = await validateDocumentLazily(kind, body, pauseForHost);
      if (!checked.ok) {
        const message = `The data at ${url} is not a valid Embed API v1 ${kind} document: ${checked.reason}`;
        return { ok: false, error: new EmbedError('invalid-document', message, { url, status: response.status }) };
      }
      return { ok: true, value: checked.value };
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', abortAttempt);
    }
  }

  async function fetchWithRetries(url: string, kind: EmbedDocumentKind, signal: AbortSignal): Promise<unknown> {
    for (let retry = 0; ; retry++) {
      const result = await attempt(url, kind, signal);
      if (result.ok) return result.value;
      if (!result.error.retryable || retry >= retries) throw result.error;
      try {
        await sleep(retryDelay(retry, retryBaseMs, maxRetryDelayMs, result.retryAfterMs), signal);
      } catch {
        throw abortedError(url, signal.reason);
      }
    }
  }

  async function load(url: string, kind: EmbedDocumentKind, signal: AbortSignal, fromStore: boolean): Promise<Loaded> {
    if (fromStore && store) {
      const stored = await readStore(url);
      if (stored && !isTooStale(stored.storedAt)) {
        const checked = await validateDocumentLazily(kind, stored.value, pauseForHost);
        if (checked.ok) return { value: checked.value, storedAt: stored.storedAt, fromNetwork: false };
      }
      if (stored) forgetStored(url);
      if (signal.aborted) throw abortedError(url, signal.reason);
    }
    const value = await fetchWithRetries(url, kind, signal);
    return { value, storedAt: now(), fromNetwork: true };
  }

  function startFlight(url: string, entry: Entry, fromStore: boolean): Flight {
    const controller = new AbortController();
    const flight: Flight = { controller, waiters: 0, promise: Promise.resolve() };
    // Results land only in the entry that started the flight, and only while it is still cached: an
    // `invalidate` during the flight means its answer is already out of date.
    const current = () => cache.get(url) === entry;
    flight.promise = load(url, entry.kind, controller.signal, fromStore).then(
      (loaded) => {
        if (entry.flight === flight) entry.flight = undefined;
        const value = deepFreeze(loaded.value);
        if (current()) {
          entry.settled = { ok: true, value, storedAt: loaded.storedAt };
          if (loaded.fromNetwork) writeStore(url, { value, storedAt: loaded.storedAt });
          // A stale copy from the store: show it now, fetch the fresh one behind it.
          else if (!isFresh(entry.settled)) revalidate(url, entry);
          evictBeyondBound();
        }
        return value;
      },
      (error: unknown) => {
        if (entry.flight === flight) entry.flight = undefined;
        const failure = error instanceof EmbedError ? error : new EmbedError('network', reasonText(error), { url, cause: error });
        if (current()) {
          if (failure.cacheable) {
            entry.settled = { ok: false, error: failure, storedAt: now() };
            forgetStored(url);
          } else if (!entry.settled && !entry.flight) {
            // Transient failures are not cached; a stale copy, if any, stays and is served until the next try.
            cache.delete(url);
          }
        }
        throw failure;
      },
    );
    // Background revalidations have nobody waiting; their failures are already recorded above.
    flight.promise.catch(() => {});
    return flight;
  }

  function revalidate(url: string, entry: Entry): void {
    if (!entry.flight) entry.flight = startFlight(url, entry, false);
  }

  /** This caller's view of a shared flight: its own abort rejects it at once and leaves the others waiting. */
  function join(url: string, flight: Flight, signal: AbortSignal | undefined): Promise<unknown> {
    flight.waiters++;
    return new Promise((resolve, reject) => {
      let left = false;
      const leave = () => {
        if (left) return false;
        left = true;
        flight.waiters--;
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        reject(abortedError(url, signal?.reason));
        if (flight.waiters === 0) abandon(url, flight);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => leave() && resolve(value),
        (error: unknown) => leave() && reject(error),
      );
    });
  }

  /** Nobody wants this flight any more: cancel the request and let the next caller start afresh. */
  function abandon(url: string, flight: Flight): void {
    const entry = cache.get(url);
    if (entry?.flight === flight) {
      entry.flight = undefined;
      if (!entry.settled) cache.delete(url);
    }
    flight.controller.abort();
  }

  function get<K extends EmbedDocumentKind>(kind: K, key?: string | null, request: RequestOptions = {}): Promise<EmbedDocument<K>> {
    const located = locate(kind, key);
    if ('error' in located) return Promise.reject(located.error);
    const { url } = located;
    const { signal } = request;
    if (signal?.aborted) return Promise.reject(abortedError(url, signal.reason));

    let entry = touch(url);
    if (entry?.settled) {
      const { settled } = entry;
      if (settled.ok && isFresh(settled)) return Promise.resolve(settled.value as EmbedDocument<K>);
      if (settled.ok && !isTooStale(settled.storedAt)) {
        revalidate(url, entry);
        return Promise.resolve(settled.value as EmbedDocument<K>);
      }
      if (!settled.ok && isFresh(settled)) return Promise.reject(settled.error);
      entry.settled = undefined;
    }
    const isNew = !entry;
    if (!entry) {
      entry = { kind };
      cache.set(url, entry);
    }
    entry.flight ??= startFlight(url, entry, true);
    // Only once the new entry has its flight: eviction spares entries in flight, and must not drop this one.
    if (isNew) evictBeyondBound();
    return join(url, entry.flight, signal) as Promise<EmbedDocument<K>>;
  }

  function peek<K extends EmbedDocumentKind>(kind: K, key?: string | null): EmbedDocument<K> | undefined {
    const located = locate(kind, key);
    if ('error' in located) return undefined;
    const settled = cache.get(located.url)?.settled;
    if (!settled?.ok || isTooStale(settled.storedAt)) return undefined;
    touch(located.url);
    return settled.value as EmbedDocument<K>;
  }

  function invalidate(kind?: EmbedDocumentKind, key?: string | null): void {
    if (kind === undefined) {
      cache.clear();
      void store?.clear().catch(() => {});
      return;
    }
    if (key !== undefined && key !== null) {
      const located = locate(kind, key);
      if ('error' in located) return;
      cache.delete(located.url);
      forgetStored(located.url);
      return;
    }
    for (const [url, entry] of cache) {
      if (entry.kind !== kind) continue;
      cache.delete(url);
      forgetStored(url);
    }
  }

  return { apiBase, get, peek, invalidate };
}
