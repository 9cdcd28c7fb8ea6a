/**
 * Operations pieces of the HTTP face that run on every runtime: who the client is (socket address, or
 * `X-Forwarded-For` behind trusted proxies), a per-client token bucket on hono-rate-limiter, and the record of one
 * request that the access log and the metrics are made from.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter, type ClientRateLimitInfo, type Store } from 'hono-rate-limiter';

import type { CacheOutcome } from '../observe.js';

export type { CacheOutcome } from '../observe.js';

/** One request as the access log and the metrics see it. */
export interface RequestRecord {
  method: string;
  /** The path only: a query is never logged. */
  path: string;
  status: number;
  /** Body bytes sent (after compression); 0 for HEAD, 204 and 304. */
  bytes: number;
  ms: number;
  /** For /v1/ documents: served from the server cache (`hit`), an expired copy (`stale`) or built now (`miss`). */
  cache?: CacheOutcome;
  /** Set for the gateway's own requests (`warm-up`), which no client sent; absent for every request from outside. */
  via?: string;
}

/** The access-log line of a request: one JSON object, no secrets (it holds no header, query or body). */
export const accessLogLine = (record: RequestRecord, time = new Date()) =>
  JSON.stringify({ time: time.toISOString(), method: record.method, path: record.path, status: record.status, bytes: record.bytes, ms: record.ms, cache: record.cache ?? null, ...(record.via ? { via: record.via } : {}) });

/** The Hono `env` of the gateway's own requests (`app.request(path, init, internalEnv('warm-up'))`); no client can set it. */
export const internalEnv = (via: string) => ({ omInternal: via });

/**
 * A request header, by lower-case name. On Node it is read from the parsed `IncomingMessage` headers (repeated ones
 * joined with ", ", as `Headers.get` does): asking Hono's request for a header first copies every header of the
 * request into a Fetch `Headers` object, a large part of the time of a cached answer. Elsewhere, the request's own.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: { headers?: Record<string, string | string[] | undefined> } } | undefined)?.incoming;
  if (!incoming?.headers) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

const unmapped = (address: string) => (address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address);

/**
 * The client's address. With `trustedProxies` = N, the proxies in front each append the address they were connected
 * from to `X-Forwarded-For`, so the client is the N-th entry from the right; entries further left are whatever the
 * client sent and are never believed. Undefined when the runtime tells no address (edge runtimes, `app.request`).
 */
export function clientAddress(c: Context, trustedProxies: number): string | undefined {
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
  if (trustedProxies > 0) {
    const forwarded = (requestHeader(c, 'x-forwarded-for') ?? '').split(',').map((item) => item.trim()).filter(Boolean);
    const entry = forwarded[Math.max(0, forwarded.length - trustedProxies)];
    if (entry) return unmapped(entry);
  }
  return socket ? unmapped(socket) : undefined;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * hono-rate-limiter's store interface over token buckets: each client may send `burst` requests at once, refilled at
 * `rate` per second. A client whose bucket has refilled is forgotten, so memory holds only recent clients (and at
 * most `maxClients`).
 */
export class TokenBucketStore implements Store {
  private readonly buckets = new Map<string, Bucket>();
  private increments = 0;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 100_000,
  ) {}

  /** Clients remembered now. @internal (tests) */
  get size(): number {
    return this.buckets.size;
  }

  private refill(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(key, bucket);
      if (this.buckets.size > this.maxClients) this.sweep(now);
    } else {
      bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.rate);
      bucket.at = now;
    }
    if (++this.increments % 1024 === 0) this.sweep(now);
    return bucket;
  }

  /** Forgets full buckets (the same as never seen), then the oldest clients while there are too many. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.rate >= this.burst) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxClients * 0.9) break;
      this.buckets.delete(key);
    }
  }

  /** Takes a token. Over the limit (`totalHits` > burst), `resetTime` is when the next token arrives. */
  increment(key: string): ClientRateLimitInfo {
    const now = this.now();
    const bucket = this.refill(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { totalHits: this.burst - Math.floor(bucket.tokens), resetTime: new Date(now + ((this.burst - bucket.tokens) / this.rate) * 1000) };
    }
    return { totalHits: this.burst + 1, resetTime: new Date(now + ((1 - bucket.tokens) / this.rate) * 1000) };
  }

  decrement(key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.burst, bucket.tokens + 1);
  }

  resetKey(key: string): void {
    this.buckets.delete(key);
  }

  resetAll(): void {
    this.buckets.clear();
  }
}

export interface ClientRateLimitOptions {
  /** Tokens per second. */
  rate: number;
  burst: number;
  /** The client's key; requests without one (no address known) are not limited. */
  key: (c: Context) => string | undefined;
  /** Paths never limited (probes and metrics). */
  exempt?: (path: string) => boolean;
  /** The 429 answer, given the seconds until the next token. */
  limited: (c: Context, retryAfterSeconds: number) => Response;
  now?: () => number;
}

export function clientRateLimit(options: ClientRateLimitOptions): MiddlewareHandler {
  const now = options.now ?? Date.now;
  const store = new TokenBucketStore(options.rate, options.burst, now);
  const exempt = options.exempt ?? (() => false);
  return rateLimiter({
    limit: options.burst,
    windowMs: Math.ceil((options.burst / options.rate) * 1000),
    // The headers are ours (on the 429 only): documents are shared by every client and cached by CDNs.
    standardHeaders: false,
    store,
    skip: (c) => exempt(c.req.path) || options.key(c) === undefined,
    keyGenerator: (c) => options.key(c)!,
    handler: (c) => {
      const info = c.get('rateLimit' as never) as { resetTime?: Date } | undefined;
      const waitMs = (info?.resetTime?.getTime() ?? now() + 1000) - now();
      return options.limited(c, Math.max(1, Math.ceil(waitMs / 1000)));
    },
  });
}

export type KeyState = 'accepted' | 'refused' | 'unknown' | 'not-needed';
export type WarmState = 'not-requested' | 'pending' | 'done' | 'failed';

export interface ReadinessReport {
  ready: boolean;
  checks: { catalogue: 'loaded' | 'not-loaded'; key: KeyState; warm: WarmState; accepting: boolean };
}

/**
 * What `/readyz` answers: ready when the catalogue (every route tree) has been loaded once, the upstream has not
 * refused the API key since, the start-up warm-up (if asked for) has finished (a failed one does not hold readiness
 * back: documents are then built on request), and the process is not shutting down.
 */
export class Readiness {
  private catalogueLoaded = false;
  private loading: Promise<void> | null = null;
  key: KeyState;
  warm: WarmState = 'not-requested';
  accepting = true;

  constructor(private readonly dataset: { source: string; catalogue(): Promise<unknown> }) {
    this.key = dataset.source === 'live' ? 'unknown' : 'not-needed';
  }

  /** An upstream answer to a request that carried the key: 401/403 refuse it, anything else below 500 accepts it. */
  keyAnswer(status: number): void {
    if (status === 401 || status === 403) this.key = 'refused';
    else if (status < 500) this.key = 'accepted';
  }

  /** Loads the catalogue if it never was (one load at a time), and says whether it is loaded now. */
  private async catalogue(): Promise<boolean> {
    if (this.catalogueLoaded) return true;
    this.loading ??= this.dataset.catalogue().then(
      () => {
        this.catalogueLoaded = true;
      },
      () => {},
    ).finally(() => {
      this.loading = null;
    });
    // A catalogue already held resolves at once; one being fetched does not make the probe wait.
    await Promise.race([this.loading, new Promise((resolve) => setTimeout(resolve, 0))]);
    return this.catalogueLoaded;
  }

  async report(): Promise<ReadinessReport> {
    const catalogue = await this.catalogue();
    const ready = catalogue && this.key !== 'refused' && this.warm !== 'pending' && this.accepting;
    return { ready, checks: { catalogue: catalogue ? 'loaded' : 'not-loaded', key: this.key, warm: this.warm, accepting: this.accepting } };
  }
}
