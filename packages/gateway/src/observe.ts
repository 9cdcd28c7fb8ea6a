/**
 * What the gateway's core tells operations code (metrics, logs) as it works, without knowing who listens: a small
 * typed event hub. One `GatewayEvents` is shared by the dataset and the app; `createGateway` makes it and exposes it
 * as `gateway.events` (also `dataset.events`).
 *
 *   events.on('cache', ({ path, outcome }) => …)          every /v1/ document answer: 'hit' | 'stale' | 'miss'
 *   events.on('shed', ({ path, retryAfterSeconds }) => …)  a request answered 503 because the upstream queue was full
 *   events.on('refresh', ({ key, ok, reason }) => …)       every background refresh (a document or the catalogue)
 *
 * Per request, the app also puts the cache outcome in the `X-OM-Cache` response header and in the Hono context
 * (`omCache`, read by the access log). The queue gauge is read on demand: `dataset.upstreamQueue()`.
 * Runtime-neutral: no Node built-ins.
 */

export type CacheOutcome = 'hit' | 'stale' | 'miss';

export interface GatewayEventMap {
  cache: { path: string; outcome: CacheOutcome };
  shed: { path: string; retryAfterSeconds: number };
  refresh: { key: string; ok: boolean; reason?: string };
}

export type GatewayEventName = keyof GatewayEventMap;
export type GatewayListener<K extends GatewayEventName> = (event: GatewayEventMap[K]) => void;

export interface QueueState {
  /** Upstream requests running now. */
  active: number;
  /** Upstream requests waiting for a slot. */
  waiting: number;
  /** Most that may wait before new ones are refused (503); Infinity when unbounded. */
  limit: number;
}

export class GatewayEvents {
  private readonly listeners = new Map<GatewayEventName, Set<(event: never) => void>>();

  /** Adds a listener; returns the function that removes it. */
  on<K extends GatewayEventName>(name: K, listener: GatewayListener<K>): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener as (event: never) => void);
    this.listeners.set(name, set);
    return () => void set.delete(listener as (event: never) => void);
  }

  /** Tells every listener; a listener that throws cannot break the request that emitted. */
  emit<K extends GatewayEventName>(name: K, event: GatewayEventMap[K]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        (listener as GatewayListener<K>)(event);
      } catch {
        // Observers are never allowed to fail a request.
      }
    }
  }
}
