/**
 * The one HTTP path to the upstream APIs:
 * - a bounded queue (p-queue): at most `concurrency` requests in flight, at most `queueLimit` waiting; past that a
 *   new request fails at once with `UpstreamBusyError` (the server answers 503 with `Retry-After`) instead of the
 *   queue growing without limit;
 * - a timeout for the response headers, then a stall timeout while the body streams in (no bytes for
 *   `stallTimeoutMs`), so a 79 MB list on an ordinary connection is not cut off by a whole-body deadline; progress
 *   is reported as bytes arrive;
 * - retries with core's backoff (exponential, equal jitter) on network errors, timeouts, stalls, 5xx and malformed
 *   bodies, `Retry-After` on 429, and no retry on 401/403 (a bad key).
 * `fetch` is injectable so the embedded dataset and the tests drive exactly this code.
 */
import PQueue from 'p-queue';
import { backoffDelay, parseRetryAfter } from '@occupational-maps/core';
import { redact, silentLogger, type Logger } from '../log.js';
import type { QueueState } from '../observe.js';

export type FetchLike = (input: string, init?: { headers?: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;

export type UpstreamErrorKind = 'auth' | 'http' | 'network' | 'timeout' | 'stalled' | 'malformed' | 'busy';

export class UpstreamError extends Error {
  constructor(
    readonly kind: UpstreamErrorKind,
    message: string,
    readonly status: number | null = null,
    /** 429: how long the upstream asked us to wait. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

/** The upstream queue is full: the request was not sent. `retryAfterSeconds` estimates when there will be room. */
export class UpstreamBusyError extends UpstreamError {
  constructor(readonly retryAfterSeconds: number) {
    super('busy', `The upstream queue is full; try again in ${retryAfterSeconds} s.`);
    this.name = 'UpstreamBusyError';
  }
}

/** Bytes of one response body received so far, and its announced length (null when not sent). */
export type DownloadProgress = (received: number, total: number | null) => void;

export interface HttpOptions {
  fetch?: FetchLike;
  /** Per attempt, until the response headers arrive. */
  timeoutMs?: number;
  /** Per attempt, longest gap between two chunks of the body (default: `timeoutMs`). */
  stallTimeoutMs?: number;
  /** Requests in flight at once, across every client sharing this instance. */
  concurrency?: number;
  /** Requests that may wait for a slot; more are refused with `UpstreamBusyError` (default: unbounded). */
  queueLimit?: number;
  /** Attempts after the first. */
  retries?: number;
  /** First backoff delay; doubles each retry, with jitter. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Longest `Retry-After` we honour; a longer one fails the request instead of stalling a run. */
  retryAfterMaxMs?: number;
  /** Strings that must never appear in errors or logs (the API key). */
  secrets?: readonly string[];
  log?: Logger;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export type JsonResult = { found: true; body: unknown } | { found: false };

export interface UpstreamStats {
  /** Attempts sent, including retries. */
  calls: number;
  retries: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class UpstreamHttp {
  readonly stats: UpstreamStats = { calls: 0, retries: 0 };
  private readonly fetch: FetchLike;
  private readonly queue: PQueue;
  private readonly options: Required<Omit<HttpOptions, 'fetch' | 'log' | 'secrets'>>;
  private readonly secrets: readonly string[];
  private readonly log: Logger;
  /** Moving average of an attempt's duration, for the `Retry-After` of a refused request. */
  private averageMs = 1_000;

  constructor(options: HttpOptions = {}) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.secrets = options.secrets ?? [];
    this.log = options.log ?? silentLogger;
    const timeoutMs = options.timeoutMs ?? 20_000;
    this.options = {
      timeoutMs,
      stallTimeoutMs: options.stallTimeoutMs ?? timeoutMs,
      concurrency: Math.max(1, options.concurrency ?? 4),
      queueLimit: Math.max(0, options.queueLimit ?? Infinity),
      retries: Math.max(0, options.retries ?? 4),
      retryBaseMs: options.retryBaseMs ?? 2_000,
      retryMaxMs: options.retryMaxMs ?? 30_000,
      retryAfterMaxMs: options.retryAfterMaxMs ?? 120_000,
      sleep: options.sleep ?? defaultSleep,
      random: options.random ?? Math.random,
    };
    this.queue = new PQueue({ concurrency: this.options.concurrency });
  }

  /** Requests in flight at once, at most. */
  get concurrency(): number {
    return this.options.concurrency;
  }

  /** Requests running and waiting now, and the bound on waiting ones. */
  queueState(): QueueState {
    return { active: this.queue.pending, waiting: this.queue.size, limit: this.options.queueLimit };
  }

  /**
   * GETs JSON. 404 is `{ found: false }`; anything else that is not a 2xx JSON body throws `UpstreamError`
   * (`UpstreamBusyError` at once when the queue is full). Retries queue again but are never refused.
   */
  async getJson(url: string, headers: Record<string, string> = {}, onProgress?: DownloadProgress): Promise<JsonResult> {
    if (this.queue.size >= this.options.queueLimit) {
      const seconds = Math.ceil(((this.queue.size + this.queue.pending) * this.averageMs) / this.options.concurrency / 1000);
      throw new UpstreamBusyError(Math.min(60, Math.max(1, seconds)));
    }
    const safeUrl = redact(url, this.secrets);
    for (let attempt = 0; ; attempt++) {
      const outcome = (await this.queue.add(() => this.attempt(url, safeUrl, headers, onProgress)))!;
      // The body is parsed once its slot is free: parsing needs no connection, and the next request can go out.
      const parsed = outcome instanceof UpstreamError ? outcome : parseBody(outcome, safeUrl);
      if (!(parsed instanceof UpstreamError)) return parsed;
      const failure = parsed;
      const retryable = failure.kind !== 'auth' && !(failure.kind === 'http' && failure.status !== 429 && (failure.status ?? 0) < 500);
      if (!retryable || attempt >= this.options.retries) throw failure;
      const waitMs = failure.status === 429 ? failure.retryAfterMs : null;
      if (waitMs !== null && waitMs > this.options.retryAfterMaxMs) {
        throw new UpstreamError('http', `${safeUrl}: rate limited for ${Math.round(waitMs / 1000)} s, longer than we wait`, 429);
      }
      const delay = waitMs ?? Math.round(backoffDelay(attempt, this.options.retryBaseMs, this.options.retryMaxMs, this.options.random));
      this.stats.retries++;
      this.log.warn('upstream retry', { url: safeUrl, reason: failure.message, attempt: attempt + 1, delayMs: delay });
      await this.options.sleep(delay);
    }
  }

  /** One attempt, timed: a result, or the error that ended it (returned, so the caller decides on retry). */
  private async attempt(url: string, safeUrl: string, headers: Record<string, string>, onProgress?: DownloadProgress) {
    this.stats.calls++;
    const started = performance.now();
    const outcome = await this.send(url, safeUrl, headers, onProgress);
    this.averageMs = this.averageMs * 0.9 + (performance.now() - started) * 0.1;
    return outcome;
  }

  private async send(url: string, safeUrl: string, headers: Record<string, string>, onProgress?: DownloadProgress) {
    const controller = new AbortController();
    let timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    let stalled = false;
    try {
      let response: Response;
      try {
        response = await this.fetch(url, { headers: { Accept: 'application/json', ...headers }, signal: controller.signal });
      } catch (error) {
        if (controller.signal.aborted) return new UpstreamError('timeout', `${safeUrl}: no response within ${this.options.timeoutMs} ms`);
        return new UpstreamError('network', redact(`${safeUrl}: ${(error as Error)?.message ?? String(error)}`, this.secrets));
      }
      const { status } = response;
      if (status === 404 || status === 401 || status === 403 || status < 200 || status > 299) {
        await response.body?.cancel().catch(() => {});
        if (status === 404) return { text: null, status };
        if (status === 401 || status === 403) return new UpstreamError('auth', `${safeUrl}: ${status}, the API key (OM_API_KEY) was refused`, status);
        const retryAfterMs = status === 429 ? (parseRetryAfter(response.headers.get('retry-after'), Date.now()) ?? null) : null;
        return new UpstreamError('http', `${safeUrl}: HTTP ${status}`, status, retryAfterMs);
      }
      // The body streams in: each chunk restarts the stall timer, so only silence ends a long download.
      const restart = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          stalled = true;
          controller.abort();
        }, this.options.stallTimeoutMs);
      };
      restart();
      let text: string;
      try {
        text = await readText(response, onProgress, restart);
      } catch (error) {
        if (stalled) return new UpstreamError('stalled', `${safeUrl}: no bytes of the body for ${this.options.stallTimeoutMs} ms`, status);
        return new UpstreamError('network', redact(`${safeUrl}: ${(error as Error)?.message}`, this.secrets), status);
      }
      return { text, status };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A 2xx body as JSON (`text` null: a 404, not found), or the error that makes the attempt a failure. */
function parseBody({ text, status }: { text: string | null; status: number }, safeUrl: string): JsonResult | UpstreamError {
  if (text === null) return { found: false };
  try {
    return { found: true, body: JSON.parse(text) };
  } catch {
    return new UpstreamError('malformed', `${safeUrl}: the body is not JSON (${text.length} bytes)`, status);
  }
}

/** Reads a body chunk by chunk, calling `onChunk` on each and `onProgress` with the bytes so far. */
async function readText(response: Response, onProgress: DownloadProgress | undefined, onChunk: () => void): Promise<string> {
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onChunk();
    received += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    onProgress?.(received, total);
  }
  parts.push(decoder.decode());
  return parts.join('');
}
