/**
 * The documents the server has built, held stale-while-revalidate (memo.ts): fresh for the TTL; past it the held
 * copy answers at once (marked stale) while ONE background build replaces it on success, and a failed build never
 * replaces it. Only a document never built waits for the upstream, and never longer than `requestTimeoutMs` (then
 * 504; the build goes on and a later request gets it). Upstream failures become the JSON errors of the Embed API.
 */
import type { CodeOption, EmbedDocumentKind } from '@occupational-maps/core';
import { UnusableRecordError, type Dataset, type DocumentResult } from '../dataset.js';
import type { Logger } from '../log.js';
import { Memo } from '../memo.js';
import type { CacheOutcome } from '../observe.js';
import { UpstreamBusyError, UpstreamError } from '../upstream/http.js';

export interface DocumentFailure {
  status: 404 | 502 | 503 | 504;
  code: string;
  message: string;
  options?: CodeOption[];
  headers?: Record<string, string>;
}

export type DocumentOutcome<T> = { entry: T; cache: CacheOutcome } | { error: DocumentFailure };

export interface DocumentCacheOptions<T> {
  dataset: Dataset;
  /** Turns a built document into what is held and served (the rendered, precompressed bytes). */
  encode: (doc: unknown) => Promise<T>;
  log: Logger;
  ttlMs: number;
  requestTimeoutMs: number;
  maxDocuments?: number;
  now: () => number;
}

/** The upstream says this document does not exist (any more). */
class DocumentGone extends Error {
  constructor(readonly result: Extract<DocumentResult, { found: false }>) {
    super(result.message);
  }
}

class RequestTimeout extends Error {}

/** `promise`, or a `RequestTimeout` after `ms`; the promise goes on either way (its failure is not left unhandled). */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  promise.catch(() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RequestTimeout()), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const reasonOf = (error: unknown) =>
  error instanceof UpstreamError || error instanceof UnusableRecordError ? error.message : String((error as Error)?.stack ?? error);

export function createDocumentCache<T>(options: DocumentCacheOptions<T>) {
  const { dataset, log, requestTimeoutMs } = options;
  const events = dataset.events;
  const documents: Memo<T> = new Memo<T>({
    ttlMs: options.ttlMs,
    now: options.now,
    maxEntries: options.maxDocuments,
    staleWhileRevalidate: true,
    onRefreshed: (path) => events.emit('refresh', { key: path, ok: true }),
    onRefreshFailed: (path, error) => {
      if (error instanceof DocumentGone) {
        documents.delete(path);
        log.info('document gone upstream; no longer served', { path });
      } else log.warn('refresh failed; serving stale copy', { path, reason: reasonOf(error) });
      events.emit('refresh', { key: path, ok: false, reason: reasonOf(error) });
    },
  });

  async function build(kind: EmbedDocumentKind, key: string | null): Promise<T> {
    const result = await dataset.document(kind, key);
    if (!result.found) throw new DocumentGone(result);
    return options.encode(result.doc);
  }

  function failure(path: string, error: unknown): DocumentFailure {
    if (error instanceof DocumentGone) return { status: 404, code: 'not-found', message: error.result.message, options: error.result.options };
    if (error instanceof UpstreamBusyError) {
      events.emit('shed', { path, retryAfterSeconds: error.retryAfterSeconds });
      const message = 'The gateway is busy with other requests to the upstream data service; try again shortly.';
      return { status: 503, code: 'upstream-busy', message, headers: { 'Retry-After': String(error.retryAfterSeconds) } };
    }
    if (error instanceof RequestTimeout) {
      log.warn('upstream too slow; answered 504, the build goes on', { path, waitedMs: requestTimeoutMs });
      const message = `The upstream data service did not answer within ${Math.round(requestTimeoutMs / 1000)} s; try again shortly.`;
      return { status: 504, code: 'upstream-timeout', message, headers: { 'Retry-After': '5' } };
    }
    if (!(error instanceof UpstreamError || error instanceof UnusableRecordError)) log.error('document build failed', { path, reason: reasonOf(error) });
    else log.warn('upstream failed', { path, reason: reasonOf(error) });
    const message = error instanceof UnusableRecordError ? error.message : 'The upstream data service failed; try again shortly.';
    return { status: 502, code: 'upstream-error', message };
  }

  return {
    /** The held copy (fresh or stale), else one shared build that this request waits for, up to `requestTimeoutMs`. */
    async outcome(path: string, kind: EmbedDocumentKind, key: string | null): Promise<DocumentOutcome<T>> {
      try {
        const load = () => build(kind, key);
        // A held copy answers at once; only a request that waits for a build gets a timer.
        const found = documents.ready(path, load) ?? (await within(documents.get(path, load), requestTimeoutMs));
        const cache: CacheOutcome = found.freshness === 'fresh' ? 'hit' : found.freshness;
        events.emit('cache', { path, outcome: cache });
        return { entry: found.value, cache };
      } catch (error) {
        return { error: failure(path, error) };
      }
    },
  };
}
