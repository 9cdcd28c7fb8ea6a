/** Wires config → upstream (live or the embedded dataset) → clients → dataset → app. Node only (reads files). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { embedPaths, ROUTES } from '@occupational-maps/core';
import type { GatewayConfig } from './config.js';
import { ConfigError } from './config.js';
import { Dataset, type DataSource } from './dataset.js';
import { createLogger, redact, type Logger } from './log.js';
import { GatewayEvents } from './observe.js';
import { loadSocTable } from './soc-data.js';
import { createApp, type AppOptions } from './server/app.js';
import { nodeCompressor } from './server/compress-node.js';
import { createMetrics, type GatewayMetrics } from './server/metrics.js';
import { accessLogLine, internalEnv, Readiness } from './server/operations.js';
import { createFixtureFetch } from './upstream/fixture-upstream.js';
import { UpstreamHttp, type DownloadProgress, type FetchLike } from './upstream/http.js';
import { MapsClient } from './upstream/maps-client.js';
import { StandardsClient } from './upstream/standards-client.js';

/** The embedded offline dataset, shipped in the package. */
export const DEFAULT_FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface GatewayOptions {
  config: GatewayConfig;
  /** Defaults to live when a key is set, else fixtures. */
  source?: DataSource;
  log?: Logger;
  /** Replaces the network (tests); the fixture source ignores it. */
  fetch?: FetchLike;
  bulkStandards?: boolean;
  /** Progress of API A's full list as it streams in (with bulkStandards). */
  onStandardsProgress?: DownloadProgress;
  /** Upstream requests that may wait (default `config.queueLimit`); a snapshot passes Infinity. */
  queueLimit?: number;
  /** Most upstream answers the dataset remembers at once (see DatasetOptions). */
  maxRemembered?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Where the access log goes, one JSON line per request (the CLI: stdout); absent: no access log. */
  accessLog?: (line: string) => void;
}

export interface Gateway {
  source: DataSource;
  dataset: Dataset;
  http: UpstreamHttp;
  log: Logger;
  /** What the core reports as it works: cache outcomes, shed requests, background refreshes (observe.ts). */
  events: GatewayEvents;
  metrics: GatewayMetrics;
  /** `/readyz`'s state; `serve` marks it not accepting on SIGTERM. */
  readiness: Readiness;
  createApp(extra?: Partial<AppOptions>): Hono;
  /**
   * Builds the documents a first visit needs (meta.json, routes.json, every route map, the search index) through
   * `app`, so they are in its cache; `/readyz` waits for it. Resolves with what failed (none is fatal).
   */
  warm(app: Hono): Promise<{ documents: number; failed: string[]; seconds: number }>;
}

/** How long `--warm` keeps asking for a document whose build outlives a request (live, meta.json takes minutes). */
const WARM_LIMIT_MS = 30 * 60_000;

/** The documents `serve --warm` builds at start-up. */
export const WARM_PATHS: readonly string[] = [embedPaths.routes(), embedPaths.meta(), ...ROUTES.map((route) => embedPaths.routeMap(route.slug)), embedPaths.searchIndex()];

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const source: DataSource = options.source ?? (config.apiKey ? 'live' : 'fixtures');
  const secrets = config.apiKey ? [config.apiKey] : [];
  const log = options.log ?? createLogger({ secrets });
  if (source === 'live' && !config.apiKey) throw new ConfigError('The live source needs OM_API_KEY (the Occupational Maps API key).');

  let baseFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  if (source === 'fixtures') {
    const dir = config.fixturesDir ?? DEFAULT_FIXTURES_DIR;
    if (!existsSync(`${dir}/maps/routes.json`)) throw new ConfigError(`The embedded dataset is missing: no maps/routes.json under ${dir}.`);
    baseFetch = createFixtureFetch(dir, { mapsBase: config.mapsBase, standardsBase: config.standardsBase });
  }
  // Every upstream attempt passes here: the metrics count it, and an answer to the key tells /readyz about the key.
  let inFlight = 0;
  let readiness: Readiness | undefined;
  // The gauges are read at scrape time, when `http` exists.
  const metrics = createMetrics({ upstreamInFlight: () => inFlight, upstreamQueueDepth: () => http.queueState().waiting });
  const fetch: FetchLike = async (input, init) => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    inFlight++;
    try {
      const response = await baseFetch(input, init);
      metrics.upstream({ status: response.status, seconds: seconds() });
      if (init?.headers?.['X-API-KEY'] !== undefined) readiness?.keyAnswer(response.status);
      return response;
    } catch (error) {
      metrics.upstream({ failure: init?.signal?.aborted ? 'timeout' : 'network', seconds: seconds() });
      throw error;
    } finally {
      inFlight--;
    }
  };
  const events = new GatewayEvents();
  const http = new UpstreamHttp({
    fetch,
    timeoutMs: config.timeoutMs,
    concurrency: config.concurrency,
    queueLimit: options.queueLimit ?? config.queueLimit,
    retries: config.retries,
    retryBaseMs: config.retryBaseMs,
    secrets,
    log,
    sleep: options.sleep,
  });
  const dataset = new Dataset({
    maps: new MapsClient(http, { base: config.mapsBase, apiKey: source === 'live' ? (config.apiKey ?? undefined) : undefined }),
    standards: new StandardsClient(http, { base: config.standardsBase }),
    soc: await loadSocTable(),
    source,
    log,
    ttlMs: config.cacheTtlSeconds * 1000,
    bulkStandards: options.bulkStandards,
    onStandardsProgress: options.onStandardsProgress,
    events,
    maxRemembered: options.maxRemembered,
    now: options.now,
  });
  const ready = (readiness = new Readiness(dataset));
  const accessLog = options.accessLog;
  return {
    source,
    dataset,
    http,
    log,
    events,
    metrics,
    readiness: ready,
    createApp: (extra = {}) =>
      createApp({
        dataset,
        log,
        allowedOrigins: config.allowedOrigins,
        cacheTtlMs: config.cacheTtlSeconds * 1000,
        maxAge: config.maxAgeSeconds,
        staleWhileRevalidate: config.staleWhileRevalidateSeconds,
        compressor: nodeCompressor,
        requestTimeoutMs: config.timeoutMs,
        rateLimit: { perSecond: config.rateLimitPerSecond, burst: config.rateLimitBurst },
        trustProxy: config.trustProxy,
        readiness: ready,
        metrics: config.metrics ? () => metrics.render() : undefined,
        onRequest: (record) => {
          metrics.request(record);
          // The line holds no header, query or body; redacting is a second lock.
          accessLog?.(redact(accessLogLine(record), secrets));
        },
        ...extra,
      }),
    async warm(app) {
      const started = performance.now();
      ready.warm = 'pending';
      const failed: string[] = [];
      const deadline = started + WARM_LIMIT_MS;
      await Promise.all(
        WARM_PATHS.map(async (path) => {
          for (;;) {
            const response = await app.request(`/v1/${path}`, undefined, internalEnv('warm-up'));
            await response.arrayBuffer();
            // 504: the build outlived one request's wait and goes on, so asking again joins it; 503: the upstream
            // queue was full, so wait as told. Anything else is the answer.
            const retryable = response.status === 504 || response.status === 503;
            if (!retryable || performance.now() > deadline) {
              if (response.status !== 200) failed.push(`${path}: ${response.status}`);
              return;
            }
            const seconds = Number(response.headers.get('retry-after'));
            await new Promise((resolve) => setTimeout(resolve, response.status === 503 && seconds > 0 ? seconds * 1000 : 250));
          }
        }),
      );
      ready.warm = failed.length ? 'failed' : 'done';
      return { documents: WARM_PATHS.length - failed.length, failed, seconds: (performance.now() - started) / 1000 };
    },
  };
}
