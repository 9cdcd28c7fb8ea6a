/**
 * The one HTTP path to the upstream APIs: timeouts, bounded concurrency, retries with exponential backoff and
 * jitter on network errors, 5xx and malformed bodies, `Retry-After` on 429, and no retry on 401/403 (a bad key).
 * `fetch` is injectable so the embedded dataset and the tests drive exactly this code.
 */
import { redact, silentLogger, type Logger } from '../log.js';

export type FetchLike = (input: string, init?: { headers?: Record<string, string>; signal?: AbortSignal }) => Promise<Response>;

export type UpstreamErrorKind = 'auth' | 'http' | 'network' | 'timeout' | 'malformed';

export class UpstreamError extends Error {
  constructor(
    readonly kind: UpstreamErrorKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

export interface HttpOptions {
  fetch?: FetchLike;
  /** Per attempt. */
  timeoutMs?: number;
  /** Requests in flight at once, across every client sharing this instance. */
  concurrency?: number;
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

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** A counting semaphore: at most `limit` holders at once, served in arrival order. */
class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}

export class UpstreamHttp {
  readonly stats: UpstreamStats = { calls: 0, retries: 0 };
  private readonly fetch: FetchLike;
  private readonly semaphore: Semaphore;
  private readonly options: Required<Omit<HttpOptions, 'fetch' | 'log' | 'secrets'>>;
  private readonly secrets: readonly string[];
  private readonly log: Logger;

  constructor(options: HttpOptions = {}) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.secrets = options.secrets ?? [];
    this.log = options.log ?? silentLogger;
    this.options = {
      timeoutMs: options.timeoutMs ?? 20_000,
      concurrency: Math.max(1, options.concurrency ?? 4),
      retries: Math.max(0, options.retries ?? 4),
      retryBaseMs: options.retryBaseMs ?? 2_000,
      retryMaxMs: options.retryMaxMs ?? 30_000,
      retryAfterMaxMs: options.retryAfterMaxMs ?? 120_000,
      sleep: options.sleep ?? defaultSleep,
      random: options.random ?? Math.random,
    };
    this.semaphore = new Semaphore(this.options.concurrency);
  }

  /** GETs JSON. 404 is `{ found: false }`; anything else that is not a 2xx JSON body throws `UpstreamError`. */
  async getJson(url: string, headers: Record<string, string> = {}): Promise<JsonResult> {
    const safeUrl = redact(url, this.secrets);
    for (let attempt = 0; ; attempt++) {
      let waitMs: number | null = null;
      let failure: UpstreamError;
      const release = await this.semaphore.acquire();
      try {
        this.stats.calls++;
        const outcome = await this.attempt(url, safeUrl, headers);
        if (!(outcome instanceof UpstreamError)) return outcome.result;
        failure = outcome;
        waitMs = outcome.status === 429 ? (outcome as RetryableError).retryAfterMs ?? null : null;
      } finally {
        release();
      }
      const retryable = failure.kind !== 'auth' && !(failure.kind === 'http' && failure.status !== 429 && (failure.status ?? 0) < 500);
      if (!retryable || attempt >= this.options.retries) throw failure;
      if (waitMs !== null && waitMs > this.options.retryAfterMaxMs) {
        throw new UpstreamError('http', `${safeUrl}: rate limited for ${Math.round(waitMs / 1000)} s, longer than we wait`, 429);
      }
      const backoff = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** attempt);
      // Equal jitter: at least half the backoff, so retries spread out without collapsing to zero.
      const delay = waitMs ?? Math.round(backoff / 2 + (this.options.random() * backoff) / 2);
      this.stats.retries++;
      this.log.warn('upstream retry', { url: safeUrl, reason: failure.message, attempt: attempt + 1, delayMs: delay });
      await this.options.sleep(delay);
    }
  }

  private async attempt(url: string, safeUrl: string, headers: Record<string, string>): Promise<{ result: JsonResult } | UpstreamError> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    try {
      let response: Response;
      try {
        response = await this.fetch(url, { headers: { Accept: 'application/json', ...headers }, signal: controller.signal });
      } catch (error) {
        if (controller.signal.aborted) return new UpstreamError('timeout', `${safeUrl}: no response within ${this.options.timeoutMs} ms`);
        return new UpstreamError('network', redact(`${safeUrl}: ${(error as Error)?.message ?? String(error)}`, this.secrets));
      }
      const { status } = response;
      if (status === 404) {
        await response.body?.cancel().catch(() => {});
        return { result: { found: false } };
      }
      if (status === 401 || status === 403) {
        await response.body?.cancel().catch(() => {});
        return new UpstreamError('auth', `${safeUrl}: ${status}, the API key (OM_API_KEY) was refused`, status);
      }
      if (status < 200 || status > 299) {
        await response.body?.cancel().catch(() => {});
        const error = new UpstreamError('http', `${safeUrl}: HTTP ${status}`, status) as RetryableError;
        if (status === 429) error.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        return error;
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        if (controller.signal.aborted) return new UpstreamError('timeout', `${safeUrl}: body not complete within ${this.options.timeoutMs} ms`);
        return new UpstreamError('network', redact(`${safeUrl}: ${(error as Error)?.message}`, this.secrets));
      }
      try {
        return { result: { found: true, body: JSON.parse(text) } };
      } catch {
        return new UpstreamError('malformed', `${safeUrl}: the body is not JSON (${text.length} bytes)`, status);
      }
    } finally {
      clearTimeout(timer);
    }
  }
}

type RetryableError = UpstreamError & { retryAfterMs?: number | null };
