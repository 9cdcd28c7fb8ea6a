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
  retries: number;
  retryBaseMs: number;
  fixturesDir: string | null;
}

export class ConfigError extends Error {}

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
    retries: integer(env, 'OM_UPSTREAM_RETRIES', 4, 0, 10),
    retryBaseMs: integer(env, 'OM_RETRY_BASE_MS', 2000, 0, 60_000),
    fixturesDir: env.OM_FIXTURES_DIR?.trim() || null,
  };
}
