/** Gateway configuration from environment variables (docs/gateway.md lists them all). */
import { DEFAULT_MAPS_API_BASE } from './upstream/maps-client.js';
import { DEFAULT_STANDARDS_API_BASE } from './upstream/standards-client.js';

export interface GatewayConfig {
  port: number;
  host: string;
  /** API B key; absent means the embedded offline dataset. */
  apiKey: string | null;
  mapsBase: string;
  standardsBase: string;
  allowedOrigins: '*' | string[];
  cacheTtlSeconds: number;
  maxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
  timeoutMs: number;
  concurrency: number;
  /** Upstream requests that may wait for a slot; more are answered 503. */
  queueLimit: number;
  retries: number;
  retryBaseMs: number;
  fixturesDir: string | null;
  /** Sustained requests per second allowed per client (token refill rate); 0 turns the limit off. */
  rateLimitPerSecond: number;
  /** Requests a client may send at once before the sustained rate applies (bucket size). */
  rateLimitBurst: number;
  /** Proxies in front whose `X-Forwarded-For` entries are trusted (0: use the socket address). */
  trustProxy: number;
  /** How long SIGTERM waits for requests in flight before closing their connections. */
  shutdownTimeoutMs: number;
  /** One JSON line per request on stdout. */
  accessLog: boolean;
  /** Prometheus text at /metrics. */
  metrics: boolean;
}

export class ConfigError extends Error {}

/** The `--source` option of the CLI: `live`, `fixtures`, or unset (live when OM_API_KEY is set). */
export function sourceOption(value: string | undefined): 'live' | 'fixtures' | undefined {
  if (value === undefined) return undefined;
  if (value === 'live' || value === 'fixtures') return value;
  throw new ConfigError(`--source must be "live" or "fixtures", not "${value}".`);
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  return value;
}

function baseUrl(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim() || fallback;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
    return raw.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, not "${raw}".`);
  }
}

function decimal(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || value < min || value > max) throw new ConfigError(`${name} must be a number from ${min} to ${max}, not "${raw}".`);
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be on or off (true/false, 1/0), not "${env[name]}".`);
}

/** `false`/`0` (or unset): the socket address; `true`: one proxy; a number: that many proxies in front. */
function trustProxy(env: Env): number {
  const raw = env.OM_TRUST_PROXY?.trim().toLowerCase();
  if (raw === 'true' || raw === 'yes' || raw === 'on') return 1;
  if (raw === 'false' || raw === 'no' || raw === 'off') return 0;
  return integer(env, 'OM_TRUST_PROXY', 0, 0, 10);
}

/** `*` (or unset) allows every origin; otherwise a comma list of exact origins. */
export function parseOrigins(value: string | undefined): '*' | string[] {
  const items = (value ?? '*').split(',').map((item) => item.trim()).filter(Boolean);
  if (items.length === 0 || items.includes('*')) return '*';
  return items.map((item) => {
    try {
      return new URL(item).origin;
    } catch {
      throw new ConfigError(`OM_ALLOWED_ORIGINS: "${item}" is not an origin such as https://example.org.`);
    }
  });
}

export function configFromEnv(env: Env = process.env): GatewayConfig {
  return {
    port: integer(env, 'PORT', 8787, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    apiKey: env.OM_API_KEY?.trim() || null,
    mapsBase: baseUrl(env, 'OM_MAPS_API_BASE', DEFAULT_MAPS_API_BASE),
    standardsBase: baseUrl(env, 'OM_STANDARDS_API_BASE', DEFAULT_STANDARDS_API_BASE),
    allowedOrigins: parseOrigins(env.OM_ALLOWED_ORIGINS),
    cacheTtlSeconds: integer(env, 'OM_CACHE_TTL', 3600, 1, 31_536_000),
    maxAgeSeconds: integer(env, 'OM_MAX_AGE', 300, 0, 31_536_000),
    staleWhileRevalidateSeconds: integer(env, 'OM_STALE_WHILE_REVALIDATE', 86_400, 0, 31_536_000),
    timeoutMs: integer(env, 'OM_UPSTREAM_TIMEOUT_MS', 20_000, 100, 600_000),
    concurrency: integer(env, 'OM_UPSTREAM_CONCURRENCY', 4, 1, 64),
    // At least 32: the catalogue walk asks for the 15 route trees at once, and a smaller queue would shed it for ever.
    queueLimit: integer(env, 'OM_UPSTREAM_QUEUE', 2000, 32, 1_000_000),
    retries: integer(env, 'OM_UPSTREAM_RETRIES', 4, 0, 10),
    retryBaseMs: integer(env, 'OM_RETRY_BASE_MS', 2000, 0, 60_000),
    fixturesDir: env.OM_FIXTURES_DIR?.trim() || null,
    rateLimitPerSecond: decimal(env, 'OM_RATE_LIMIT_RPS', 20, 0, 1_000_000),
    rateLimitBurst: integer(env, 'OM_RATE_LIMIT_BURST', 200, 1, 1_000_000),
    trustProxy: trustProxy(env),
    shutdownTimeoutMs: integer(env, 'OM_SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    accessLog: flag(env, 'OM_ACCESS_LOG', true),
    metrics: flag(env, 'OM_METRICS', true),
  };
}
