/**
 * Test harness: a mock upstream on loopback (node:http, port 0) that speaks the documented shapes — it answers
 * from test/gateway/fixtures/ through the same URL mapping as the embedded dataset, and each test can override
 * any URL (status codes, Retry-After, delays, malformed or hostile bodies) — plus a gateway wired to it.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  configFromEnv,
  createFixtureFetch,
  createGateway,
  createLogger,
  type Gateway,
  type GatewayConfig,
} from '@occupational-maps/gateway';

export const FIXTURES_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const API_KEY = 'test-key-9f8e7d6c5b4a';

export interface UpstreamRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: IncomingHttpHeaders;
}

/** Return a Response to answer a request yourself, `'hang'` to never answer, or undefined for the fixture answer. */
export type Override = (request: UpstreamRequest) => Response | 'hang' | undefined | Promise<Response | 'hang' | undefined>;

export interface MockUpstream {
  base: string;
  mapsBase: string;
  standardsBase: string;
  requests: UpstreamRequest[];
  override: Override | null;
  close(): Promise<void>;
}

export async function startUpstream(fixturesDir = FIXTURES_DIR): Promise<MockUpstream> {
  let server: Server;
  const requests: UpstreamRequest[] = [];
  const mock: MockUpstream = {
    base: '',
    mapsBase: '',
    standardsBase: '',
    requests,
    override: null,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  let fixtures: ReturnType<typeof createFixtureFetch>;
  server = createServer(async (req, res) => {
    const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers };
    requests.push(request);
    try {
      const custom = mock.override ? await mock.override(request) : undefined;
      if (custom === 'hang') return;
      const response = custom ?? (await fixtures(`${mock.base}${request.url}`));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      // Streamed as the Response produces it, so a test can trickle a body or stall it half-way.
      if (response.body) for await (const chunk of response.body) res.write(chunk);
      res.end();
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mock.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mock.mapsBase = `${mock.base}/maps/api/v1`;
  mock.standardsBase = `${mock.base}/standards/api/apprenticeshipstandards`;
  fixtures = createFixtureFetch(fixturesDir, { mapsBase: mock.mapsBase, standardsBase: mock.standardsBase });
  return mock;
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

export interface TestGateway extends Gateway {
  logs: string[];
  sleeps: number[];
}

/** A live-source gateway on the mock upstream, with fast retries and every log line captured. */
export async function liveGateway(upstream: MockUpstream, overrides: Partial<GatewayConfig> = {}, now?: () => Date): Promise<TestGateway> {
  const logs: string[] = [];
  const sleeps: number[] = [];
  const config: GatewayConfig = {
    ...configFromEnv({}),
    apiKey: API_KEY,
    mapsBase: upstream.mapsBase,
    standardsBase: upstream.standardsBase,
    retryBaseMs: 1,
    retries: 3,
    timeoutMs: 2000,
    ...overrides,
  };
  const gateway = await createGateway({
    config,
    source: 'live',
    log: createLogger({ secrets: [API_KEY], write: (line) => logs.push(line) }),
    now,
    sleep: async (ms) => {
      sleeps.push(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5)));
    },
  });
  // A request waits for a never-built document as long as one upstream attempt (here 2 s); on a loaded test machine a
  // cold meta.json can take longer, so tests that do not set the timeout themselves give requests 15 s.
  if (overrides.timeoutMs === undefined) {
    const createApp = gateway.createApp;
    gateway.createApp = (extra = {}) => createApp({ requestTimeoutMs: 15_000, ...extra });
  }
  return Object.assign(gateway, { logs, sleeps });
}

/** Every string in a value, deeply. */
export function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((item) => allStrings(item, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => allStrings(item, out));
  return out;
}

export const HOSTILE = `<script>alert("x")</script><img src=x onerror="alert(1)"><b onclick="steal()">bold</b>&lt;iframe src=javascript:alert(2)&gt;&lt;/iframe&gt;`;
/** Keys whose values are codes or ids: poisoning them only tests that bad codes are skipped, not escaped. */
const KEYS_KEPT = new Set(['stdCode', 'productCode', 'code', 'keyStdCode', 'stdCodeFrom', 'stdCodeTo', 'referenceNumber', 'occupationCode', 'id', 'knowledgeId', 'skillId', 'behaviourId', 'dutyId', 'dutyID', 'rel', 'object', 'typeName', 'statusLastUpdated', 'versionNo']);

/** Adds markup and script payloads to every text field of an upstream record; hrefs become `javascript:` URLs. */
export function poison(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (KEYS_KEPT.has(key)) return value;
    if (key === 'href' || key.endsWith('Url')) return 'javascript:alert(document.cookie)';
    return `${value} ${HOSTILE}`;
  }
  if (Array.isArray(value)) return value.map((item) => poison(item, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  return value;
}

/** Asserts no string in a document could act as markup or script if someone did put it into HTML. */
export function markupIn(doc: unknown): string[] {
  return allStrings(doc).filter((text) => /<\s*[a-z!/?]|javascript:|onerror=|onclick=/i.test(text));
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request with node:http, so the path goes out exactly as written and bodies are not decompressed for us. */
export async function request(base: string, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const { request: send } = await import('node:http');
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = send({ host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
