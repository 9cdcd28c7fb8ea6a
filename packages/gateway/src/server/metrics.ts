/**
 * Prometheus metrics (prom-client) for `/metrics`: requests by status and their latency, server-cache outcomes,
 * upstream calls by result with their latency, upstream errors, calls in flight and waiting, and the process's own
 * figures (memory, CPU, event-loop lag). Node only. One registry per gateway, so several can run in one process.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestRecord } from './operations.js';

/** How one upstream attempt ended: its HTTP status, or no answer. */
export type UpstreamResult = { status: number; seconds: number } | { failure: 'network' | 'timeout'; seconds: number };

export interface GatewayMetrics {
  request(record: RequestRecord): void;
  upstream(result: UpstreamResult): void;
  render(): Promise<{ body: string; type: string }>;
  readonly registry: Registry;
}

export interface MetricsOptions {
  /** Upstream requests sent and not answered yet. */
  upstreamInFlight: () => number;
  /** Upstream requests waiting for a slot (the bounded queue), when the gateway can tell. */
  upstreamQueueDepth?: () => number;
  /** Process metrics (memory, CPU, event loop); on by default. */
  processMetrics?: boolean;
}

const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** `404` stays itself (it means "none" upstream); other statuses are grouped by class. */
const statusClass = (status: number) => (status === 404 || status === 401 || status === 403 || status === 429 ? String(status) : `${Math.floor(status / 100)}xx`);

export function createMetrics(options: MetricsOptions): GatewayMetrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'om_' });
  const requests = new Counter({ name: 'om_http_requests_total', help: 'HTTP requests answered, by status code.', labelNames: ['status'], registers: [registry] });
  const latency = new Histogram({ name: 'om_http_request_duration_seconds', help: 'Time to answer a request (until the handler returns).', buckets: LATENCY_BUCKETS, registers: [registry] });
  const cache = new Counter({ name: 'om_cache_outcomes_total', help: 'Embed API documents served from the server cache (hit), an expired copy (stale) or built on request (miss).', labelNames: ['outcome'], registers: [registry] });
  const upstreamCalls = new Counter({ name: 'om_upstream_calls_total', help: 'Upstream attempts (retries included), by result: status class, 404/401/403/429, network or timeout.', labelNames: ['result'], registers: [registry] });
  const upstreamErrors = new Counter({ name: 'om_upstream_errors_total', help: 'Upstream attempts that failed: 5xx, 429, a refused key, network errors and timeouts.', labelNames: ['kind'], registers: [registry] });
  const upstreamLatency = new Histogram({ name: 'om_upstream_request_duration_seconds', help: 'Time to an upstream answer (headers) or failure.', buckets: LATENCY_BUCKETS, registers: [registry] });
  new Gauge({ name: 'om_upstream_in_flight', help: 'Upstream requests sent and not yet answered.', registers: [registry], collect() { this.set(options.upstreamInFlight()); } });
  if (options.upstreamQueueDepth) {
    const depth = options.upstreamQueueDepth;
    new Gauge({ name: 'om_upstream_queue_depth', help: 'Upstream requests waiting for a free slot.', registers: [registry], collect() { this.set(depth()); } });
  }
  // Every label value that can occur, so rates start from 0 rather than from a missing series.
  for (const outcome of ['hit', 'stale', 'miss']) cache.inc({ outcome }, 0);

  return {
    registry,
    request(record) {
      requests.inc({ status: String(record.status) });
      latency.observe(record.ms / 1000);
      if (record.cache) cache.inc({ outcome: record.cache });
    },
    upstream(result) {
      upstreamLatency.observe(result.seconds);
      if ('failure' in result) {
        upstreamCalls.inc({ result: result.failure });
        upstreamErrors.inc({ kind: result.failure });
        return;
      }
      const label = statusClass(result.status);
      upstreamCalls.inc({ result: label });
      if (result.status === 401 || result.status === 403) upstreamErrors.inc({ kind: 'auth' });
      else if (result.status === 429 || result.status >= 500) upstreamErrors.inc({ kind: 'http' });
    },
    async render() {
      return { body: await registry.metrics(), type: registry.contentType };
    },
  };
}
