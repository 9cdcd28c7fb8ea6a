import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  backoffDelay, createClient, createMemoryStore, EmbedError, getSharedClient, parseRetryAfter, resetSharedClients,
  type ClientOptions, type SocDocument,
} from '@occupational-maps/core';

// A real HTTP server on loopback. Each test installs a handler; every request is logged so tests count them.
type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;
let server: Server;
let base: string;
let handler: Handler;
let log: string[];
/** Requests whose connection closed before a response was sent (i.e. the client aborted them). */
let abortedOnServer: string[];

const sendJson = (res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const hits = (path: string) => log.filter((entry) => entry === path).length;
/**
 * Waits (polling on real timers) until `condition` holds: tests synchronise on events, not on elapsed time, so a
 * loaded machine only makes them slower, never wrong. Gives up after 10 s.
 */
async function until(condition: () => boolean, what = 'condition'): Promise<void> {
  for (const started = Date.now(); !condition(); await wait(5)) {
    if (Date.now() - started > 10_000) assert.fail(`timed out waiting for ${what}`);
  }
}
/** A fetch for the client that counts attempts client-side (a request aborted before the server saw it counts too). */
function countingFetch() {
  const counts = { calls: 0, answered: 0 };
  const counted: typeof fetch = async (input, init) => {
    counts.calls++;
    const response = await fetch(input, init);
    const body = await response.text();
    counts.answered++;
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return { fetch: counted, counts };
}

const socDocument = (code: string, title = 'Programmers and software development professionals'): SocDocument => ({
  edition: 2020,
  code,
  title,
  hierarchy: {
    major: { code: code[0], title: 'Professional occupations' },
    subMajor: { code: code.slice(0, 2), title: 'Science, research, engineering and technology professionals' },
    minor: { code: code.slice(0, 3), title: 'Information technology professionals' },
  },
  description: null,
  occupations: [],
});

/** Serves a valid SOC document for any soc/{code}.json, after `delay` ms. */
const serveSoc = (delay = 0, title?: string): Handler => (req, res) => {
  const code = req.url!.match(/soc\/(\d{4})\.json$/)?.[1] ?? '0000';
  setTimeout(() => sendJson(res, socDocument(code, title)), delay);
};

let clock = 1_000_000;
const client = (options: Partial<ClientOptions> = {}) =>
  createClient({ apiBase: base, retryBaseMs: 1, maxRetryDelayMs: 2000, now: () => clock, ...options });

beforeEach(async () => {
  log = [];
  abortedOnServer = [];
  clock = 1_000_000;
  handler = serveSoc();
  // This server's own arrays: a previous test's connections may still close after the next test has begun.
  const serverLog = log;
  const serverAborts = abortedOnServer;
  server = createServer((req, res) => {
    const path = req.url!.replace(/^\/v1\//, '');
    serverLog.push(path);
    res.on('close', () => { if (!res.writableEnded) serverAborts.push(path); });
    handler(req, res, serverLog.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function rejection(promise: Promise<unknown>): Promise<EmbedError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof EmbedError, `expected an EmbedError, got ${error}`);
    return error;
  }
  assert.fail('expected the promise to reject');
}

describe('de-duplication and caching', () => {
  test('many simultaneous callers make one request and share one frozen document', async () => {
    handler = serveSoc(40);
    const api = client();
    const results = await Promise.all(Array.from({ length: 50 }, () => api.get('soc', '2136')));
    assert.equal(hits('soc/2136.json'), 1);
    assert.ok(results.every((doc) => doc === results[0]));
    assert.equal(results[0].title, 'Programmers and software development professionals');
    assert.ok(Object.isFrozen(results[0]) && Object.isFrozen(results[0].hierarchy.major));
  });

  test('keys are normalised before they become URLs, so equivalent keys share one request', async () => {
    handler = (_req, res) => sendJson(res, { standard: 'ST0120', occupation: 'OCC0120A', occupations: ['OCC0120A'] });
    const api = client();
    await Promise.all([api.get('standard', 'st0120'), api.get('standard', ' ST0120 '), api.get('standard', 'ST0120')]);
    assert.deepEqual(log, ['standards/ST0120.json']);
  });

  test('a fresh document is served from memory within the TTL, and peek sees it synchronously', async () => {
    const api = client({ ttlMs: 1000 });
    assert.equal(api.peek('soc', '2136'), undefined);
    const first = await api.get('soc', '2136');
    clock += 999;
    assert.equal(await api.get('soc', '2136'), first);
    assert.equal(api.peek('soc', '2136'), first);
    assert.equal(hits('soc/2136.json'), 1);
  });

  test('a stale document is served at once while exactly one background request revalidates it', async () => {
    const api = client({ ttlMs: 1000 });
    const first = await api.get('soc', '2136');
    handler = serveSoc(50, 'Revised title');
    clock += 1001;
    const stale = await Promise.all([api.get('soc', '2136'), api.get('soc', '2136'), api.get('soc', '2136')]);
    assert.ok(stale.every((doc) => doc === first), 'stale copy served without waiting');
    await until(() => api.peek('soc', '2136')?.title === 'Revised title', 'the revalidated copy');
    assert.equal(hits('soc/2136.json'), 2, 'one background request');
    const fresh = await api.get('soc', '2136');
    assert.equal(fresh.title, 'Revised title');
    assert.equal(hits('soc/2136.json'), 2);
  });

  test('a failed revalidation keeps the stale copy', async () => {
    const api = client({ ttlMs: 1000, retries: 0 });
    const first = await api.get('soc', '2136');
    handler = (_req, res) => sendJson(res, { error: { code: 'upstream-error', message: 'Upstream down.' } }, 502);
    clock += 1001;
    assert.equal(await api.get('soc', '2136'), first);
    await until(() => log.length === 2, 'the revalidation');
    await wait(30);
    assert.equal(api.peek('soc', '2136'), first);
  });

  test('the cache is bounded: the least recently used document is dropped first', async () => {
    const api = client({ maxEntries: 2 });
    await api.get('soc', '1111');
    await api.get('soc', '2222');
    await api.get('soc', '1111'); // now 2222 is the least recently used
    await api.get('soc', '3333');
    assert.equal(api.peek('soc', '2222'), undefined);
    await api.get('soc', '1111');
    await api.get('soc', '3333');
    assert.equal(log.length, 3, 'documents still cached made no request');
    await api.get('soc', '2222');
    assert.equal(hits('soc/2222.json'), 2);
  });

  test('a full cache of requests in flight still shares the next request and caches its answer', async () => {
    // The server holds every answer until the test releases it: 1111 is in flight (filling the cache) while 2222
    // is requested twice, then 1111 settles first and 2222 after it, whatever the machine's load.
    const held = new Map<string, () => void>();
    handler = (req, res) => {
      const code = req.url!.match(/soc\/(\d{4})\.json$/)![1];
      held.set(code, () => sendJson(res, socDocument(code)));
    };
    const api = client({ maxEntries: 1 });
    const slow = api.get('soc', '1111');
    const shared = Promise.all([api.get('soc', '2222'), api.get('soc', '2222')]);
    await until(() => held.size === 2, 'both requests on the server');
    held.get('1111')!();
    await slow;
    held.get('2222')!();
    const [a, b] = await shared;
    assert.equal(a, b, 'both callers got the one shared document');
    assert.equal(hits('soc/2222.json'), 1);
    assert.equal(api.peek('soc', '2222'), a);
  });

  test('invalidate forgets one document, a kind, or everything', async () => {
    handler = (req, res, hit) => req.url!.includes('standards/')
      ? sendJson(res, { standard: 'ST0120', occupation: 'OCC0120A', occupations: ['OCC0120A'] })
      : serveSoc()(req, res, hit);
    const api = client();
    await api.get('soc', '1111');
    await api.get('soc', '2222');
    await api.get('standard', 'ST0120');
    api.invalidate('soc', '1111');
    assert.equal(api.peek('soc', '1111'), undefined);
    assert.ok(api.peek('soc', '2222'));
    api.invalidate('soc');
    assert.equal(api.peek('soc', '2222'), undefined);
    assert.ok(api.peek('standard', 'ST0120'), 'other kinds stay');
    api.invalidate();
    assert.equal(api.peek('standard', 'ST0120'), undefined);
    await api.get('soc', '1111');
    assert.equal(hits('soc/1111.json'), 2);
  });
});

describe('error taxonomy', () => {
  test('404 is not-found: readable, carries the server message, cached and not retried', async () => {
    handler = (_req, res) => sendJson(res, { error: { code: 'not-found', message: 'No SOC unit group 9999.' } }, 404);
    const api = client();
    const error = await rejection(api.get('soc', '9999'));
    assert.equal(error.kind, 'not-found');
    assert.equal(error.status, 404);
    assert.equal(error.retryable, false);
    assert.equal(error.url, `${base}soc/9999.json`);
    assert.match(error.message, /Nothing was found at .*soc\/9999\.json \(HTTP 404\)\. The server said: “No SOC unit group 9999\.”/);
    assert.equal((await rejection(api.get('soc', '9999'))).kind, 'not-found');
    assert.equal(log.length, 1, 'cached, not retried');
    api.invalidate('soc', '9999');
    await rejection(api.get('soc', '9999'));
    assert.equal(log.length, 2, 'asks again after invalidate');
  });

  test('a 404 naming the options of a standard carries them on the error (OCC1312 → OCC1312A, OCC1312B), also from the cache', async () => {
    const options = [
      { code: 'OCC1312A', title: 'Legal technician - conveyancing technician' },
      { code: 'OCC1312B', title: 'Legal technician - probate technician' },
    ];
    handler = (_req, res) => sendJson(res, { error: { code: 'not-found', message: 'OCC1312 has options: OCC1312A, OCC1312B.', options } }, 404);
    const api = client();
    const error = await rejection(api.get('occupation', 'OCC1312'));
    assert.equal(error.kind, 'not-found');
    assert.deepEqual(error.options, options);
    assert.deepEqual((await rejection(api.get('occupation', 'OCC1312'))).options, options);
    handler = (_req, res) => sendJson(res, { error: { code: 'not-found', message: 'No occupation OCC9999.' } }, 404);
    assert.deepEqual((await rejection(api.get('occupation', 'OCC9999'))).options, [], 'none named: an empty list');
  });

  test('a cached not-found expires with the TTL', async () => {
    handler = (_req, res) => sendJson(res, { error: { code: 'not-found', message: 'Gone.' } }, 404);
    const api = client({ ttlMs: 1000 });
    await rejection(api.get('soc', '9999'));
    clock += 1001;
    await rejection(api.get('soc', '9999'));
    assert.equal(log.length, 2);
  });

  test('a body that is not JSON is invalid-document, cached and not retried', async () => {
    handler = (_req, res) => sendJson(res, '<html>Welcome to our proxy</html>');
    const api = client();
    const error = await rejection(api.get('soc', '2136'));
    assert.equal(error.kind, 'invalid-document');
    assert.match(error.message, /is not JSON/);
    await rejection(api.get('soc', '2136'));
    assert.equal(log.length, 1);
  });

  test('a document of the wrong shape is invalid-document and says where and why', async () => {
    handler = (_req, res) => sendJson(res, { ...socDocument('2136'), hierarchy: { major: { code: '2', title: '' } } });
    const error = await rejection(client().get('soc', '2136'));
    assert.equal(error.kind, 'invalid-document');
    assert.match(error.message, /not a valid Embed API v1 soc document: hierarchy\.major\.title: must not be empty/);
    assert.equal(error.retryable, false);
  });

  test('400 is bad-request and is not retried', async () => {
    handler = (_req, res) => sendJson(res, { error: { code: 'bad-request', message: 'Malformed key.' } }, 400);
    const error = await rejection(client().get('soc', '2136'));
    assert.equal(error.kind, 'bad-request');
    assert.equal(error.status, 400);
    assert.equal(log.length, 1);
  });

  test('a malformed key is refused as bad-request without any request', async () => {
    const api = client();
    for (const key of ['21', '../x', 'abcd', '', null]) {
      const error = await rejection(api.get('soc', key));
      assert.equal(error.kind, 'bad-request', `key ${JSON.stringify(key)}`);
    }
    assert.equal(log.length, 0);
  });

  test('no api base is its own kind, not a request to the page itself', async () => {
    const error = await rejection(createClient({ apiBase: '  ' }).get('routes'));
    assert.equal(error.kind, 'no-api-base');
    assert.match(error.message, /api-base/);
  });
});

describe('retries', () => {
  test('5xx is retried with backoff until it succeeds', async () => {
    handler = (req, res, hit) => (hit < 3 ? sendJson(res, { error: { code: 'unavailable', message: 'Building.' } }, 503) : serveSoc()(req, res, hit));
    const doc = await client({ retries: 2 }).get('soc', '2136');
    assert.equal(doc.code, '2136');
    assert.equal(log.length, 3);
  });

  test('when retries run out the server error is reported, retryable and not cached', async () => {
    handler = (_req, res) => sendJson(res, { error: { code: 'upstream-error', message: 'Upstream down.' } }, 502);
    const api = client({ retries: 2 });
    const error = await rejection(api.get('soc', '2136'));
    assert.equal(error.kind, 'server');
    assert.equal(error.status, 502);
    assert.equal(error.retryable, true);
    assert.equal(log.length, 3);
    await rejection(api.get('soc', '2136'));
    assert.equal(log.length, 6, 'not cached: the next caller tries again');
  });

  test('429 honours Retry-After in seconds', async () => {
    const times: number[] = [];
    handler = (req, res, hit) => {
      times.push(performance.now());
      if (hit === 1) sendJson(res, { error: { code: 'rate-limited', message: 'Slow down.' } }, 429, { 'retry-after': '1' });
      else serveSoc()(req, res, hit);
    };
    await client().get('soc', '2136');
    assert.equal(log.length, 2);
    assert.ok(times[1] - times[0] >= 950, `waited ${times[1] - times[0]} ms`);
  });

  test('Retry-After as an HTTP date is honoured, and any wait is capped', async () => {
    const times: number[] = [];
    handler = (req, res, hit) => {
      times.push(performance.now());
      const later = new Date(Date.now() + 60_000).toUTCString();
      if (hit === 1) sendJson(res, { error: { code: 'rate-limited', message: 'Slow down.' } }, 429, { 'retry-after': later });
      else serveSoc()(req, res, hit);
    };
    await client({ maxRetryDelayMs: 150 }).get('soc', '2136');
    const waited = times[1] - times[0];
    // The upper bound leaves a loaded machine 10 s of slack and still fails an uncapped 60 s wait.
    assert.ok(waited >= 140 && waited < 10_000, `waited ${waited} ms: the 60 s date is capped at 150 ms`);
  });

  test('a dropped connection is a network error, retried', async () => {
    handler = (req, res, hit) => (hit === 1 ? req.socket.destroy() : serveSoc()(req, res, hit));
    assert.equal((await client().get('soc', '2136')).code, '2136');
    assert.equal(log.length, 2);
  });

  test('a server that never answers times out as a network error', async () => {
    handler = () => {};
    // Attempts are counted where they start: under load an 80 ms attempt may be abandoned before the server logs it.
    const { fetch: counted, counts } = countingFetch();
    const error = await rejection(client({ timeoutMs: 80, retries: 1, fetch: counted }).get('soc', '2136'));
    assert.equal(error.kind, 'network');
    assert.equal(error.retryable, true);
    assert.match(error.message, /did not answer/);
    assert.equal(counts.calls, 2, 'the first attempt and one retry');
    assert.equal(counts.answered, 0);
  });
});

describe('abort semantics', () => {
  test('an aborting caller is rejected at once; the shared request goes on for the others', async () => {
    // The server holds its answer until the aborted caller has been rejected: "at once" means without waiting for it.
    let answer = () => {};
    handler = (req, res) => { answer = () => serveSoc()(req, res, 0); };
    const api = client();
    const leaving = new AbortController();
    const staying = api.get('soc', '2136');
    const aborted = api.get('soc', '2136', { signal: leaving.signal });
    await until(() => log.length === 1, 'the request on the server');
    leaving.abort();
    const error = await Promise.race([rejection(aborted), wait(5000).then(() => assert.fail('not rejected while the shared request was pending'))]);
    answer();
    assert.equal(error.kind, 'aborted');
    assert.equal(error.name, 'AbortError');
    assert.equal((await staying).code, '2136');
    assert.deepEqual(abortedOnServer, []);
    assert.equal(log.length, 1);
  });

  test('when the last waiter aborts the request itself is aborted, and the next caller starts afresh', async () => {
    handler = () => {}; // never answers: only the client's abort can end this request
    const api = client();
    const first = new AbortController();
    const second = new AbortController();
    const a = api.get('soc', '2136', { signal: first.signal });
    const b = api.get('soc', '2136', { signal: second.signal });
    await until(() => log.length === 1, 'the request on the server');
    first.abort();
    await rejection(a);
    await wait(30);
    assert.deepEqual(abortedOnServer, [], 'still one waiter');
    second.abort();
    await rejection(b);
    await until(() => abortedOnServer.length > 0, 'the connection to close');
    assert.deepEqual(abortedOnServer, ['soc/2136.json']);
    handler = serveSoc();
    assert.equal((await api.get('soc', '2136')).code, '2136');
    assert.equal(log.length, 2);
  });

  test('aborting during a retry wait stops the retries', async () => {
    handler = (_req, res) => sendJson(res, { error: { code: 'unavailable', message: 'Building.' } }, 503, { 'retry-after': '1' });
    const controller = new AbortController();
    const { fetch: counted, counts } = countingFetch();
    const pending = client({ retries: 5, fetch: counted }).get('soc', '2136', { signal: controller.signal });
    // Once the 503 has been read, the client is in its 1 s retry wait (the rest is synchronous).
    await until(() => counts.answered === 1, 'the first answer');
    controller.abort();
    assert.equal((await rejection(pending)).kind, 'aborted');
    // Timers fire in order: a retry the abort failed to cancel (due 1 s after the wait began) would start before this.
    await wait(1100);
    assert.equal(counts.calls, 1, 'no retry after the last waiter left');
    assert.equal(log.length, 1);
  });

  test('an already aborted signal rejects without a request', async () => {
    const error = await rejection(client().get('soc', '2136', { signal: AbortSignal.abort() }));
    assert.equal(error.kind, 'aborted');
    assert.equal(log.length, 0);
  });
});

describe('persistence', () => {
  test('a second client (a reload) within the TTL reads the store and makes no request', async () => {
    const store = createMemoryStore();
    const before = await client({ store }).get('soc', '2136');
    await wait(10);
    const after = await client({ store }).get('soc', '2136');
    assert.deepEqual(after, before);
    assert.equal(log.length, 1);
  });

  test('a stale stored copy is shown at once and revalidated behind it', async () => {
    const store = createMemoryStore();
    await client({ store, ttlMs: 1000 }).get('soc', '2136');
    await wait(10);
    clock += 1001;
    handler = serveSoc(0, 'Revised title');
    const reloaded = client({ store, ttlMs: 1000 });
    assert.equal((await reloaded.get('soc', '2136')).title, 'Programmers and software development professionals');
    await until(() => reloaded.peek('soc', '2136')?.title === 'Revised title', 'the revalidated copy');
    assert.equal(log.length, 2);
    assert.equal(((await store.get(`${base}soc/2136.json`))?.value as SocDocument).title, 'Revised title');
  });

  test('a stored copy that no longer validates is ignored, and a store that throws is survived', async () => {
    const store = createMemoryStore();
    await store.set(`${base}soc/2136.json`, { value: { edition: 2010 }, storedAt: clock });
    assert.equal((await client({ store }).get('soc', '2136')).edition, 2020);
    const broken = { get: () => Promise.reject(new Error('quota')), set: () => Promise.reject(new Error('quota')), delete: () => Promise.reject(new Error('x')), clear: () => Promise.reject(new Error('x')) };
    assert.equal((await client({ store: broken }).get('soc', '2136')).code, '2136');
    assert.equal(log.length, 2);
  });
});

describe('shared clients', () => {
  test('one client per API base per page, kept on globalThis under a registered symbol', () => {
    resetSharedClients();
    const one = getSharedClient('https://maps.example/v1');
    assert.equal(getSharedClient('https://maps.example/v1/'), one);
    assert.notEqual(getSharedClient('https://other.example/v1/'), one);
    const registry = (globalThis as Record<symbol, unknown>)[Symbol.for('occupational-maps.clients')] as Map<string, unknown>;
    assert.equal(registry.get('https://maps.example/v1/'), one);
    resetSharedClients();
    assert.notEqual(getSharedClient('https://maps.example/v1/'), one);
  });
});

describe('backoff arithmetic', () => {
  test('Retry-After parses seconds and HTTP dates, and ignores nonsense', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  test('backoff doubles, has jitter within half of each step, and is capped', () => {
    assert.equal(backoffDelay(0, 100, 10_000, () => 0), 50);
    assert.equal(backoffDelay(0, 100, 10_000, () => 1), 100);
    assert.equal(backoffDelay(3, 100, 10_000, () => 0), 400);
    assert.equal(backoffDelay(20, 100, 10_000, () => 1), 10_000);
  });
});
