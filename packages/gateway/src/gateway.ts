/** Wires config → upstream (live or the embedded dataset) → clients → dataset → app. Node only (reads files). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import type { GatewayConfig } from './config.js';
import { ConfigError } from './config.js';
import { Dataset, type DataSource } from './dataset.js';
import { createLogger, type Logger } from './log.js';
import { loadSocTable } from './soc-data.js';
import { createApp, type AppOptions } from './server/app.js';
import { nodeCompressor } from './server/compress-node.js';
import { createFixtureFetch } from './upstream/fixture-upstream.js';
import { UpstreamHttp, type FetchLike } from './upstream/http.js';
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
  /** Most upstream answers the dataset remembers at once (see DatasetOptions). */
  maxRemembered?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface Gateway {
  source: DataSource;
  dataset: Dataset;
  http: UpstreamHttp;
  log: Logger;
  createApp(extra?: Partial<AppOptions>): Hono;
}

export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const source: DataSource = options.source ?? (config.apiKey ? 'live' : 'fixtures');
  const secrets = config.apiKey ? [config.apiKey] : [];
  const log = options.log ?? createLogger({ secrets });
  if (source === 'live' && !config.apiKey) throw new ConfigError('The live source needs OM_API_KEY (the Occupational Maps API key).');

  let fetch = options.fetch;
  if (source === 'fixtures') {
    const dir = config.fixturesDir ?? DEFAULT_FIXTURES_DIR;
    if (!existsSync(`${dir}/maps/routes.json`)) throw new ConfigError(`The embedded dataset is missing: no maps/routes.json under ${dir}.`);
    fetch = createFixtureFetch(dir, { mapsBase: config.mapsBase, standardsBase: config.standardsBase });
  }
  const http = new UpstreamHttp({
    fetch,
    timeoutMs: config.timeoutMs,
    concurrency: config.concurrency,
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
    maxRemembered: options.maxRemembered,
    now: options.now,
  });
  return {
    source,
    dataset,
    http,
    log,
    createApp: (extra = {}) =>
      createApp({
        dataset,
        log,
        allowedOrigins: config.allowedOrigins,
        cacheTtlMs: config.cacheTtlSeconds * 1000,
        maxAge: config.maxAgeSeconds,
        staleWhileRevalidate: config.staleWhileRevalidateSeconds,
        compressor: nodeCompressor,
        ...extra,
      }),
  };
}
