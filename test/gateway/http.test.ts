import { test, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { UpstreamError, UpstreamHttp, parseRetryAfter, createLogger } from '@occupational-maps/gateway';
import { API_KEY, json, startUpstream } from './helpers.js';

const upstream = await startUpstream();
after(() => upstream.close());
beforeEach(() => {
  upstream.override = null;
  upstream.requests.length = 0;
});

function client(options: ConstructorParameters<typeof UpstreamHttp>[0] = {}) {
  const sleeps: number[] = [];
  const logs: string[] = [];
  const http = new UpstreamHttp({
    retries: 3,
    retryBaseMs: 100,
    timeoutMs: 2000, // generous: a loaded CI machine must not turn a cold first request into a retry
    secrets: [API_KEY],
    log: createLogger({ secrets: [API_KEY], write: (line) => logs.push(line) }),
    sleep: async (ms) => void sleeps.push(ms),
    ...options,
  });
  return { http, sleeps, logs };
}
const url = (path: string) => `${upstream.mapsBase}${path}`;

test('a 200 JSON body is returned and a 404 is "not found", neither retried', async () => {
  const { http } = client();
  const ok = await http.getJson(url('/Routes'), { 'X-API-KEY': API_KEY });
  assert.ok(ok.found && Array.isArray(ok.body) && ok.body.length === 15);
  assert.equal(upstream.requests[0].headers['x-api-key'], API_KEY);
  assert.deepEqual(await http.getJson(url('/Occupations/OCC9999')), { found: false });
  assert.deepEqual(http.stats, { calls: 2, retries: 0 });
});

test('429 waits for Retry-After (seconds), then succeeds', async () => {
  let calls = 0;
  upstream.override = () => (++calls === 1 ? json({ message: 'slow down' }, 429, { 'Retry-After': '7' }) : undefined);
  const { http, sleeps } = client();
  const result = await http.getJson(url('/Routes'));
  assert.ok(result.found);
  assert.deepEqual(sleeps, [7000]);
  assert.equal(http.stats.retries, 1);
});

test('429 with a Retry-After longer than we wait fails fast instead of stalling', async () => {
  upstream.override = () => json({}, 429, { 'Retry-After': '3600' });
  const { http, sleeps } = client({ retryAfterMaxMs: 60_000 });
  await assert.rejects(http.getJson(url('/Routes')), (error: UpstreamError) => error.status === 429 && /rate limited/.test(error.message));
  assert.deepEqual(sleeps, []);
});

test('5xx retries with exponential backoff and jitter, then gives up', async () => {
  upstream.override = () => json({ error: 'boom' }, 503);
  const { http, sleeps } = client({ random: () => 1 });
  await assert.rejects(http.getJson(url('/Routes')), (error: UpstreamError) => error.kind === 'http' && error.status === 503);
  assert.equal(upstream.requests.length, 4);
  assert.deepEqual(sleeps, [100, 200, 400]);
  const jittered = client({ random: () => 0 });
  await assert.rejects(jittered.http.getJson(url('/Routes')));
  assert.deepEqual(jittered.sleeps, [50, 100, 200], 'equal jitter keeps at least half of each backoff');
});

test('a 500 then a 200 succeeds', async () => {
  let calls = 0;
  upstream.override = () => (++calls <= 2 ? json('oops', 500) : undefined);
  const { http } = client();
  assert.ok((await http.getJson(url('/Routes'))).found);
  assert.equal(http.stats.retries, 2);
});

test('401/403 is a bad key: fatal at once, and the key is never in the error or logs', async () => {
  for (const status of [401, 403]) {
    upstream.requests.length = 0;
    upstream.override = () => json({ message: `key ${API_KEY} refused` }, status);
    const { http, sleeps, logs } = client();
    await assert.rejects(http.getJson(url('/Routes'), { 'X-API-KEY': API_KEY }), (error: UpstreamError) => {
      assert.equal(error.kind, 'auth');
      assert.ok(!error.message.includes(API_KEY));
      return true;
    });
    assert.equal(upstream.requests.length, 1);
    assert.deepEqual(sleeps, []);
    assert.ok(logs.every((line) => !line.includes(API_KEY)));
  }
});

test('a hanging upstream times out and is retried', async () => {
  let calls = 0;
  upstream.override = () => (++calls === 1 ? 'hang' : undefined);
  const { http } = client({ timeoutMs: 150 });
  const started = Date.now();
  assert.ok((await http.getJson(url('/Routes'))).found);
  assert.ok(Date.now() - started >= 140);
  assert.equal(http.stats.retries, 1);
});

test('malformed JSON is an error after retries, with no crash', async () => {
  upstream.override = () => new Response('{"routes": [', { status: 200, headers: { 'Content-Type': 'application/json' } });
  const { http } = client({ retries: 1 });
  await assert.rejects(http.getJson(url('/Routes')), (error: UpstreamError) => error.kind === 'malformed');
});

test('network errors (connection refused) are retried and reported', async () => {
  const { http } = client({ retries: 2 });
  await assert.rejects(http.getJson('http://127.0.0.1:1/Routes'), (error: UpstreamError) => error.kind === 'network');
  assert.equal(http.stats.calls, 3);
});

test('no more than the configured number of requests are ever in flight', async () => {
  let inFlight = 0;
  let peak = 0;
  upstream.override = async () => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 20));
    inFlight--;
    return undefined;
  };
  const { http } = client({ concurrency: 3 });
  await Promise.all(Array.from({ length: 12 }, () => http.getJson(url('/Routes'))));
  assert.equal(peak, 3);
});

test('Retry-After as an HTTP date', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now), 30_000);
  assert.equal(parseRetryAfter('soon', now), undefined);
  assert.equal(parseRetryAfter(null, now), undefined);
});
