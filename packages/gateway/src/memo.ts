/**
 * The gateway's one caching policy, used for upstream answers, the catalogue and the served documents:
 * - a TTL, after which a value is stale;
 * - single flight: one load per key at a time, shared by every caller;
 * - a bound on the values held (the oldest stored go first), so many distinct keys cannot grow memory without limit;
 * - optionally stale-while-revalidate: past its TTL a held value is returned at once and ONE background load
 *   replaces it when it succeeds. A failed load never replaces a held value, and is never itself remembered; after
 *   a failed refresh the next one waits `refreshRetryMs`, so a down upstream is not asked again on every request.
 * Runtime-neutral (no Node built-ins), so the edge build uses it too.
 */

/** How a value was found: held and fresh, held but past its TTL (a refresh is under way), or loaded for this call. */
export type Freshness = 'fresh' | 'stale' | 'miss';

export interface MemoOptions<T> {
  ttlMs: number;
  /** Most values held at once (default 10,000). */
  maxEntries?: number;
  /** Past the TTL, answer with the held value and refresh in the background (else wait for a new load). */
  staleWhileRevalidate?: boolean;
  /** After a failed background refresh, how long before the next may start (default: the TTL, at most 60 s). */
  refreshRetryMs?: number;
  now?: () => number;
  /** May a freshly loaded value replace the one held? (The catalogue refuses an empty walk over a good one.) */
  replaces?: (next: T, held: T) => boolean;
  /** A background refresh replaced the held value. */
  onRefreshed?: (key: string) => void;
  /** A background refresh failed (or was refused); the held value stays. */
  onRefreshFailed?: (key: string, error: unknown) => void;
}

export interface Found<T> {
  value: T;
  freshness: Freshness;
}

interface Held<T> {
  value: T;
  storedAt: number;
}

/** Thrown by a load whose result must not replace the held value (see `replaces`). */
export class RefusedRefresh extends Error {
  constructor(key: string) {
    super(`The new value for ${key} was refused; the held one stays.`);
    this.name = 'RefusedRefresh';
  }
}

export class Memo<T> {
  private readonly held = new Map<string, Held<T>>();
  private readonly loading = new Map<string, Promise<T>>();
  /** When the last background refresh of a held key failed. */
  private readonly failedAt = new Map<string, number>();
  private readonly now: () => number;
  private readonly maxEntries: number;

  constructor(private readonly options: MemoOptions<T>) {
    this.now = options.now ?? Date.now;
    this.maxEntries = Math.max(1, options.maxEntries ?? 10_000);
  }

  /**
   * The value for `key`: held and fresh; held and stale (stale-while-revalidate: a background refresh starts unless
   * one is running or the last one failed moments ago); or loaded now, joining a load already under way.
   */
  async get(key: string, load: () => Promise<T>): Promise<Found<T>> {
    return this.ready(key, load) ?? { value: await this.start(key, load), freshness: 'miss' };
  }

  /**
   * What `get` answers without waiting, synchronously: the held value when fresh, or when stale under
   * stale-while-revalidate (starting the background refresh as `get` does); undefined when a caller must wait for a
   * load. The server's hot path for a held document (no promise, no request timer).
   */
  ready(key: string, load: () => Promise<T>): Found<T> | undefined {
    const held = this.held.get(key);
    if (!held) return undefined;
    if (this.now() - held.storedAt < this.options.ttlMs) return { value: held.value, freshness: 'fresh' };
    if (!this.options.staleWhileRevalidate) return undefined;
    const failed = this.failedAt.get(key);
    const cooling = failed !== undefined && this.now() - failed < (this.options.refreshRetryMs ?? Math.min(this.options.ttlMs, 60_000));
    if (!cooling || this.loading.has(key)) this.start(key, load);
    return { value: held.value, freshness: 'stale' };
  }

  /** The held value, fresh or not, without loading. */
  peek(key: string): T | undefined {
    return this.held.get(key)?.value;
  }

  /** Forgets a held value (the upstream said it is gone). */
  delete(key: string): void {
    this.held.delete(key);
    this.failedAt.delete(key);
  }

  /** How many values are held now. */
  get size(): number {
    return this.held.size;
  }

  private start(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.loading.get(key);
    if (running) return running;
    const background = this.held.has(key);
    const promise = (async () => {
      try {
        const value = await load();
        const held = this.held.get(key);
        if (held && this.options.replaces && !this.options.replaces(value, held.value)) throw new RefusedRefresh(key);
        this.store(key, value);
        return value;
      } finally {
        this.loading.delete(key);
      }
    })();
    this.loading.set(key, promise);
    // A background refresh has no caller to hear its failure: report it, and keep the held value.
    if (background) {
      promise.then(
        () => this.options.onRefreshed?.(key),
        (error) => {
          if (this.held.has(key)) this.failedAt.set(key, this.now());
          this.options.onRefreshFailed?.(key, error);
        },
      );
    }
    return promise;
  }

  private store(key: string, value: T): void {
    // Re-inserting keeps the Map in storage order, so the first keys are the oldest (and, with one TTL, the expired).
    this.held.delete(key);
    this.failedAt.delete(key);
    this.held.set(key, { value, storedAt: this.now() });
    for (const oldest of this.held.keys()) {
      if (this.held.size <= this.maxEntries) break;
      this.delete(oldest);
    }
  }
}
