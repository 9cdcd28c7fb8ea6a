import { expect } from '@open-wc/testing';
import { createClient, EmbedError, getSharedClient, resetSharedClients, type ClientOptions } from '@occupational-maps/core';
import { defaultApiBase, resolveApiBase, API_BASE_META } from '../../packages/elements/src/shared/api-base.js';
import { createIndexedDbStore, createSessionStore } from '../../packages/elements/src/shared/persistent-store.js';

// The shared data client in real Chromium against the mock API (test/mock-api.js), whose request log lets each test
// count what reached the network. Faults are asked for in a `~options` path segment of the api-base.

interface LogEntry { path: string }
const clearLog = () => fetch('/mock-api/__log', { method: 'DELETE' });
const requests = async (suffix: string) =>
  ((await (await fetch('/mock-api/__log')).json()) as LogEntry[]).filter((entry) => entry.path.endsWith(suffix)).length;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A base no other test uses, so no cache or mock counter carries over. */
let run = 0;
const mockBase = (options = '') => `/mock-api/~run=${Date.now()}-${++run}${options ? `&${options}` : ''}/v1/`;
const client = (options: Partial<ClientOptions> = {}) => createClient({ apiBase: mockBase(), retryBaseMs: 1, ...options });

async function rejection(promise: Promise<unknown>): Promise<EmbedError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(EmbedError);
    return error as EmbedError;
  }
  throw new Error('expected a rejection');
}

beforeEach(clearLog);

describe('data client in the browser', () => {
  it('fifty callers for one document make one request', async () => {
    const api = client({ apiBase: mockBase('delay=50') });
    const documents = await Promise.all(Array.from({ length: 50 }, () => api.get('soc', '5231')));
    expect(await requests('soc/5231.json')).to.equal(1);
    expect(new Set(documents).size).to.equal(1);
    expect(documents[0].title).to.equal('Vehicle technicians, mechanics and electricians');
  });

  it('an aborting caller leaves at once; the last one to leave cancels the request', async () => {
    const api = client({ apiBase: mockBase('delay=400') });
    const first = new AbortController();
    const second = new AbortController();
    const a = api.get('soc', '5231', { signal: first.signal });
    const b = api.get('soc', '5231', { signal: second.signal });
    await wait(30);
    first.abort();
    const error = await rejection(a);
    expect(error.name).to.equal('AbortError');
    expect(error.kind).to.equal('aborted');
    second.abort();
    await rejection(b);
    // A third caller after both left starts a new request rather than joining the cancelled one.
    const c = api.get('soc', '5231');
    expect((await c).code).to.equal('5231');
    expect(await requests('soc/5231.json')).to.equal(2);
  });

  it('an aborting caller does not cancel the request for a caller still waiting', async () => {
    const api = client({ apiBase: mockBase('delay=150') });
    const leaving = new AbortController();
    const staying = api.get('soc', '5231');
    const aborted = api.get('soc', '5231', { signal: leaving.signal });
    leaving.abort();
    await rejection(aborted);
    expect((await staying).code).to.equal('5231');
    expect(await requests('soc/5231.json')).to.equal(1);
  });

  it('retries 5xx with backoff, honouring Retry-After', async () => {
    const api = client({ apiBase: mockBase('status=503&fail=1&retryAfter=1') });
    const started = performance.now();
    expect((await api.get('soc', '5231')).code).to.equal('5231');
    expect(performance.now() - started).to.be.at.least(950);
    expect(await requests('soc/5231.json')).to.equal(2);
  });

  it('gives up after its retries with a retryable server error, and 429 is rate-limited', async () => {
    const server = await rejection(client({ apiBase: mockBase('status=502'), retries: 1 }).get('soc', '5231'));
    expect(server.kind).to.equal('server');
    expect(server.retryable).to.equal(true);
    expect(await requests('soc/5231.json')).to.equal(2);
    const busy = await rejection(client({ apiBase: mockBase('status=429'), retries: 0 }).get('soc', '5231'));
    expect(busy.kind).to.equal('rate-limited');
  });

  it('an invalid document is reported with its reason, cached and never retried', async () => {
    const api = client({ apiBase: mockBase(`body=${encodeURIComponent(JSON.stringify({ edition: 2020, code: '5231' }))}`) });
    const error = await rejection(api.get('soc', '5231'));
    expect(error.kind).to.equal('invalid-document');
    expect(error.message).to.match(/title/);
    await rejection(api.get('soc', '5231'));
    expect(await requests('soc/5231.json')).to.equal(1);
  });

  it('serves a stale document at once and revalidates it with one request', async () => {
    let clock = 0;
    const api = client({ ttlMs: 1000, now: () => clock });
    const first = await api.get('soc', '5231');
    clock = 5000;
    const [again, andAgain] = await Promise.all([api.get('soc', '5231'), api.get('soc', '5231')]);
    expect(again).to.equal(first);
    expect(andAgain).to.equal(first);
    await wait(100);
    expect(await requests('soc/5231.json')).to.equal(2);
    expect(api.peek('soc', '5231')).to.not.equal(first, 'replaced by the revalidated copy');
  });

  it('one shared client per api base, even for a second copy of the library', () => {
    resetSharedClients();
    const base = new URL(mockBase(), location.href).href;
    const shared = getSharedClient(base);
    expect(getSharedClient(base.replace(/\/$/, ''))).to.equal(shared);
    const registry = (globalThis as Record<symbol, Map<string, unknown>>)[Symbol.for('occupational-maps.clients')];
    expect(registry.get(base)).to.equal(shared);
  });
});

describe('persistent stores', () => {
  afterEach(() => sessionStorage.clear());

  it('sessionStorage: a reload within the TTL makes no request', async () => {
    const apiBase = mockBase();
    await client({ apiBase, store: createSessionStore() }).get('soc', '5231');
    const reloaded = client({ apiBase, store: createSessionStore() });
    expect((await reloaded.get('soc', '5231')).code).to.equal('5231');
    expect(await requests('soc/5231.json')).to.equal(1);
  });

  it('IndexedDB: a reload within the TTL makes no request', async () => {
    const apiBase = mockBase();
    const databaseName = `om-test-${run}`;
    await client({ apiBase, store: createIndexedDbStore(indexedDB, databaseName) }).get('soc', '5231');
    await wait(50); // the write is not awaited by the client
    const reloaded = client({ apiBase, store: createIndexedDbStore(indexedDB, databaseName) });
    expect((await reloaded.get('soc', '5231')).code).to.equal('5231');
    expect(await requests('soc/5231.json')).to.equal(1);
    indexedDB.deleteDatabase(databaseName);
  });

  it('storage that throws or is missing falls back to memory without failing a request', async () => {
    const throwing = {
      getItem() { throw new DOMException('denied', 'SecurityError'); },
      setItem() { throw new DOMException('full', 'QuotaExceededError'); },
      removeItem() { throw new DOMException('denied', 'SecurityError'); },
    } as unknown as Storage;
    for (const store of [createSessionStore(throwing), createSessionStore(null), createIndexedDbStore(null)]) {
      await store.set('key', { value: { a: 1 }, storedAt: 1 });
      expect(await store.get('key')).to.deep.equal({ value: { a: 1 }, storedAt: 1 });
      expect((await client({ store }).get('soc', '5231')).code).to.equal('5231');
    }
  });
});

describe('api-base resolution', () => {
  afterEach(() => document.head.querySelector(`meta[name="${API_BASE_META}"]`)?.remove());

  it('prefers the attribute, then the page meta tag, then /v1/ beside the module', () => {
    const element = document.createElement('div');
    expect(resolveApiBase(element)).to.equal(new URL('/v1/', location.href).href);
    const meta = Object.assign(document.createElement('meta'), { name: API_BASE_META, content: 'https://meta.example/api/v1' });
    document.head.append(meta);
    expect(resolveApiBase(element)).to.equal('https://meta.example/api/v1/');
    element.setAttribute('api-base', '/from-attribute/v1');
    expect(resolveApiBase(element)).to.equal(new URL('/from-attribute/v1/', location.href).href);
    element.setAttribute('api-base', 'javascript:alert(1)');
    expect(resolveApiBase(element)).to.equal(null);
  });

  it('defaults by where the module came from: v1/ beside an elements/ folder, the page origin for an app bundle, none from a public CDN', () => {
    const page = 'https://college.example';
    expect(defaultApiBase('https://gateway.example/elements/occupational-maps.js', page)).to.equal('https://gateway.example/v1/');
    expect(defaultApiBase('https://static.example/om/elements/occupational-maps-route-map-AbCd1234.js', page)).to.equal('https://static.example/om/v1/');
    expect(defaultApiBase('https://college.example/assets/index-1a2b3c.js', page)).to.equal('https://college.example/v1/');
    expect(defaultApiBase('https://cdn.jsdelivr.net/npm/@occupational-maps/elements@0.1.0/dist/cdn/occupational-maps.js', page)).to.equal(null);
    expect(defaultApiBase('https://unpkg.com/@occupational-maps/elements/dist/cdn/occupational-maps.js', page)).to.equal(null);
    expect(defaultApiBase('blob:https://college.example/1234', page)).to.equal(null);
  });
});
