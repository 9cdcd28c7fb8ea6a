/**
 * The gateway's HTTP face: a Hono app whose `fetch` handler runs on Node (@hono/node-server) and on edge runtimes.
 * Exactly the Embed API v1 paths under /v1/, with ETags and 304s, Cache-Control with stale-while-revalidate,
 * precompressed gzip/brotli, CORS from an allowlist, and JSON errors. Built documents are held
 * stale-while-revalidate (documents.ts): an expired copy is served at once, marked stale (`X-OM-Stale`, `Warning`),
 * while one background build replaces it. `X-OM-Cache` says hit, stale or miss on every document answer.
 */
import { Hono, type Context } from 'hono';
import { parseEmbedPath, type CodeOption } from '@occupational-maps/core';
import type { Dataset } from '../dataset.js';
import { silentLogger, type Logger } from '../log.js';
import { mountAssets, type AssetSource } from './assets.js';
import { createDocumentCache } from './documents.js';
import { negotiateEncoding, webCompressor, type Coding, type Compressor } from './compress.js';
import { clientAddress, clientRateLimit, Readiness, requestHeader, type CacheOutcome, type RequestRecord } from './operations.js';
import { entityTag, renderDocument } from './render.js';

export interface AppOptions {
  dataset: Dataset;
  log?: Logger;
  /** `'*'` or exact origins (`https://example.org`); others get no `Access-Control-Allow-Origin`. */
  allowedOrigins?: '*' | readonly string[];
  /** Server cache lifetime of a built document (OM_CACHE_TTL). */
  cacheTtlMs?: number;
  /** Browser/CDN freshness, seconds. */
  maxAge?: number;
  staleWhileRevalidate?: number;
  compressor?: Compressor;
  /** Static files: the elements bundle and theme presets under /elements/, and with `--demo` the demo page at `/` (see assets.ts). */
  assets?: AssetSource;
  now?: () => number;
  /** Longest a request waits for a document never built before answering 504 (default 20 s, OM_UPSTREAM_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Most built documents held (default 10,000). */
  maxDocuments?: number;
  /** Per-client token bucket (OM_RATE_LIMIT_RPS, OM_RATE_LIMIT_BURST); absent or a rate of 0: no limit. */
  rateLimit?: { perSecond: number; burst: number } | null;
  /** Proxies in front whose `X-Forwarded-For` entries are believed (OM_TRUST_PROXY); 0 by default. */
  trustProxy?: number;
  /** Called once per answered request (the access log and the metrics). */
  onRequest?: (record: RequestRecord) => void;
  /** What `/readyz` reports; by default the catalogue state of `dataset`. */
  readiness?: Readiness;
  /** Prometheus text for `/metrics`; absent: no `/metrics`. */
  metrics?: () => Promise<{ body: string; type: string }>;
}

/** Never rate limited: probes and scrapes come often from one address. */
const OPERATIONS_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** A body with its precompressed codings and entity tag. */
interface Encoded {
  body: Uint8Array;
  gzip: Uint8Array | null;
  br: Uint8Array | null;
  etag: string;
}

const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';
/** Below this, compression saves less than its headers cost. */
const COMPRESS_MIN_BYTES = 256;
const JSON_TYPE = 'application/json; charset=utf-8';
/** Context key of the body length noted by `sent`. */
const BYTES_KEY = 'omBytes';
const EXPOSED_HEADERS = 'ETag, X-OM-Stale, X-OM-Cache, Warning, Retry-After';

/** Documents take no query; a short one (a cache-buster) is ignored, a long one is refused rather than parsed and logged. */
const MAX_QUERY_LENGTH = 256;

/** Dot segments that URL parsing would silently resolve away before routing (`/v1/../x`, `%2e%2e`). */
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$|\?)/i;

export function createApp(options: AppOptions): Hono {
  const { dataset } = options;
  const log = options.log ?? silentLogger;
  const compressor = options.compressor ?? webCompressor;
  const ttlMs = options.cacheTtlMs ?? 3_600_000;
  const maxAge = options.maxAge ?? 300;
  const swr = options.staleWhileRevalidate ?? 86_400;
  const now = options.now ?? Date.now;
  const allowed = options.allowedOrigins ?? '*';
  const documents = createDocumentCache<Encoded>({
    dataset,
    encode: (doc) => encode(renderDocument(doc)),
    log,
    ttlMs,
    requestTimeoutMs: options.requestTimeoutMs ?? 20_000,
    maxDocuments: options.maxDocuments,
    now,
  });

  /** The bytes with their precompressed codings and entity tag, computed once per body. */
  async function encode(body: Uint8Array): Promise<Encoded> {
    const big = body.length >= COMPRESS_MIN_BYTES;
    const [gzip, br, etag] = await Promise.all([
      big ? compressor.gzip(body) : null,
      big && compressor.brotli ? compressor.brotli(body) : null,
      entityTag(body),
    ]);
    return { body, gzip, br, etag };
  }

  /** A 200 (or 304) in the best coding the client accepts, with a strong ETag per representation. */
  function respondEncoded(c: Context, entry: Encoded, headers: Record<string, string>): Response {
    const coding: Coding = negotiateEncoding(requestHeader(c, 'accept-encoding'), [...(entry.br ? ['br' as const] : []), ...(entry.gzip ? ['gzip' as const] : [])]);
    const body = coding === 'br' ? entry.br! : coding === 'gzip' ? entry.gzip! : entry.body;
    // A strong validator per representation (RFC 9110 §8.8.3); If-None-Match uses weak comparison, so any coding of the same bytes matches.
    headers.ETag = `"${entry.etag}${coding === 'identity' ? '' : `-${coding}`}"`;
    const ifNoneMatch = requestHeader(c, 'if-none-match');
    if (ifNoneMatch && matches(ifNoneMatch, entry.etag)) return sent(c, new Response(null, { status: 304, headers }), 0);
    if (coding !== 'identity') headers['Content-Encoding'] = coding;
    headers['Content-Length'] = String(body.length);
    return sent(c, new Response(c.req.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers }), body.length);
  }

  /**
   * Notes the body length of a response for the access log and the metrics, which would otherwise read its
   * Content-Length back: on Node that turns the response's plain header object into a Fetch `Headers` object.
   */
  function sent(c: Context, response: Response, bytes: number): Response {
    c.set(BYTES_KEY as never, { response, bytes } as never);
    return response;
  }


  const corsHeaders = (c: Context): Record<string, string> => {
    if (allowed === '*') return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED_HEADERS };
    const origin = requestHeader(c, 'origin');
    const headers: Record<string, string> = { Vary: 'Origin' };
    if (origin && allowed.includes(origin)) {
      headers['Access-Control-Allow-Origin'] = origin;
      headers['Access-Control-Expose-Headers'] = EXPOSED_HEADERS;
    }
    return headers;
  };

  const errorResponse = (c: Context, status: number, code: string, message: string, cacheControl = 'no-store', extra: Record<string, string> = {}, options?: CodeOption[]) =>
    jsonResponse(c, status, { error: { code, message, ...(options?.length ? { options } : {}) } }, { 'Cache-Control': cacheControl, ...extra });

  const jsonResponse = (c: Context, status: number, value: unknown, extra: Record<string, string> = {}) => {
    const body = new TextEncoder().encode(JSON.stringify(value));
    const response = new Response(c.req.method === 'HEAD' ? null : body, {
      status,
      headers: { 'Content-Type': JSON_TYPE, 'Content-Length': String(body.length), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...corsHeaders(c), ...extra },
    });
    return sent(c, response, body.length);
  };

  const app = new Hono();
  const readiness = options.readiness ?? new Readiness(dataset);

  // First, so it sees every answer, including the rate limiter's and the errors'.
  if (options.onRequest) {
    const onRequest = options.onRequest;
    app.use('*', async (c, next) => {
      const started = performance.now();
      await next();
      // The length noted when this very response was made; another response (a route of its own) is asked.
      const noted = c.get(BYTES_KEY as never) as { response: Response; bytes: number } | undefined;
      const length = noted?.response === c.res ? noted.bytes : Number(c.res.headers.get('content-length') ?? 0);
      const bytes = c.req.method === 'HEAD' ? 0 : length;
      onRequest({ method: c.req.method, path: c.req.path, status: c.res.status, bytes, ms: Math.round((performance.now() - started) * 10) / 10, cache: c.get('omCache' as never) as CacheOutcome | undefined, via: (c.env as { omInternal?: string } | undefined)?.omInternal });
    });
  }

  if (options.rateLimit && options.rateLimit.perSecond > 0) {
    const trustProxy = options.trustProxy ?? 0;
    app.use(
      '*',
      clientRateLimit({
        rate: options.rateLimit.perSecond,
        burst: options.rateLimit.burst,
        key: (c) => clientAddress(c, trustProxy),
        exempt: (path) => OPERATIONS_PATHS.has(path),
        now,
        limited: (c, seconds) =>
          errorResponse(c, 429, 'rate-limited', `Too many requests from this client; try again in ${seconds} s.`, 'no-store', { 'Retry-After': String(seconds) }),
      }),
    );
  }

  app.use('*', async (c, next) => {
    const method = c.req.method;
    if (method === 'OPTIONS') {
      const requested = requestHeader(c, 'access-control-request-headers');
      return new Response(null, {
        status: 204,
        headers: {
          ...corsHeaders(c),
          'Access-Control-Allow-Methods': ALLOWED_METHODS,
          'Access-Control-Allow-Headers': requested && /^[\w\s,-]{1,500}$/.test(requested) ? requested : 'If-None-Match, Content-Type',
          'Access-Control-Max-Age': '86400',
          Allow: ALLOWED_METHODS,
        },
      });
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return errorResponse(c, 405, 'method-not-allowed', `${method} is not allowed; use GET, HEAD or OPTIONS.`, 'no-store', { Allow: ALLOWED_METHODS });
    }
    // The raw request target when the runtime has it (Node), since URL parsing resolves `..` before routing.
    const raw = (c.env as { incoming?: { url?: string } } | undefined)?.incoming?.url ?? new URL(c.req.url).pathname;
    if (DOT_SEGMENT.test(raw.split('?')[0])) return errorResponse(c, 400, 'bad-request', 'Path contains characters or segments that are not allowed.', 'public, max-age=3600');
    const query = raw.indexOf('?') < 0 ? '' : raw.slice(raw.indexOf('?') + 1);
    if (query.length > MAX_QUERY_LENGTH) return errorResponse(c, 414, 'uri-too-long', `The query is longer than ${MAX_QUERY_LENGTH} characters; documents take no query.`, 'public, max-age=3600');
    await next();
  });

  app.get('/healthz', (c) => jsonResponse(c, 200, { status: 'ok', source: dataset.source }));

  app.get('/readyz', async (c) => {
    const report = await readiness.report();
    return jsonResponse(c, report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not-ready', source: dataset.source, checks: report.checks });
  });

  if (options.metrics) {
    const metrics = options.metrics;
    app.get('/metrics', async () => {
      const { body, type } = await metrics();
      return new Response(body, { headers: { 'Content-Type': type, 'Cache-Control': 'no-store' } });
    });
  }

  app.get('/v1/*', async (c) => {
    const rest = new URL(c.req.url).pathname.slice('/v1/'.length);
    const parsed = parseEmbedPath(rest);
    if (!parsed.ok) return errorResponse(c, 400, 'bad-request', parsed.reason, 'public, max-age=3600');

    const result = await documents.outcome(parsed.path, parsed.kind, parsed.key);
    if ('error' in result) {
      const { status, code, message, headers, options } = result.error;
      return errorResponse(c, status, code, message, status === 404 ? 'public, max-age=60' : 'no-store', headers, options);
    }
    const { entry, cache } = result;
    const stale = cache === 'stale';
    c.set('omCache' as never, cache as never); // for the access log and the metrics (onRequest)
    const headers: Record<string, string> = {
      'Content-Type': JSON_TYPE,
      'Cache-Control': stale ? 'public, max-age=60, stale-while-revalidate=600' : `public, max-age=${maxAge}, stale-while-revalidate=${swr}, stale-if-error=${swr}`,
      Vary: allowed === '*' ? 'Accept-Encoding' : 'Accept-Encoding, Origin',
      'X-Content-Type-Options': 'nosniff',
      'X-OM-Cache': cache,
      ...corsHeaders(c),
    };
    if (stale) {
      headers.Warning = '110 - "Response is Stale"';
      headers['X-OM-Stale'] = '1';
    }
    return respondEncoded(c, entry, headers);
  });

  if (options.assets) {
    mountAssets(app, {
      assets: options.assets,
      encode,
      respond: respondEncoded,
      notFound: (c, headers) => errorResponse(c, 404, 'not-found', 'Not found.', 'no-cache', headers),
    });
  }

  app.notFound((c) => errorResponse(c, 404, 'not-found', 'Not found. The Embed API lives under /v1/ (see docs/embed-api.md).', 'public, max-age=60'));
  app.onError((error, c) => {
    log.error('unhandled error', { path: new URL(c.req.url).pathname, reason: String(error?.message ?? error) });
    return errorResponse(c, 500, 'internal-error', 'Something went wrong in the gateway.');
  });
  return app;
}

/** `If-None-Match` with weak comparison: `*`, or any listed tag whose opaque part is ours in any coding. */
function matches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => {
    const opaque = tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
    return opaque === etag || opaque === `${etag}-gzip` || opaque === `${etag}-br`;
  });
}
