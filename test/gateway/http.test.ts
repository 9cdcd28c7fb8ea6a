import { test, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { UpstreamBusyError, UpstreamError, UpstreamHttp, parseRetryAfter, createLogger } from '@occupational-maps/gateway';
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

/** A body sent in `parts` pieces `gapMs` apart; `stallAfter` pieces, then silence (the connection stays open). */
function trickle(text: string, parts: number, gapMs: number, stallAfter = Infinity): Response {
  const size = Math.ceil(text.length / parts);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= stallAfter) return new Promise<void>(() => {}); // never another byte
      if (sent > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
      const piece = text.slice(sent * size, (sent + 1) * size);
      sent++;
      if (!piece) return controller.close();
      controller.enqueue(new TextEncoder().encode(piece));
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) } });
}

test('a long body that keeps arriving is not cut off by the timeout, and its progress is reported', async () => {
  const text = JSON.stringify(Array.from({ length: 2000 }, (_, index) => ({ referenceNumber: `ST${String(index).padStart(4, '0')}`, title: 'x'.repeat(40) })));
  upstream.override = () => trickle(text, 10, 60); // ~540 ms in all, never more than 60 ms of silence
  const progress: Array<[number, number | null]> = [];
  const { http } = client({ timeoutMs: 200, retries: 0 });
  const result = await http.getJson(url('/Routes'), {}, (received, total) => progress.push([received, total]));
  assert.ok(result.found && Array.isArray(result.body) && result.body.length === 2000);
  assert.ok(progress.length >= 5, `${progress.length} progress reports`);
  assert.deepEqual(progress.at(-1), [Buffer.byteLength(text), Buffer.byteLength(text)]);
  assert.ok(progress.every(([received], index) => index === 0 || received > progress[index - 1][0]), 'bytes only grow');
});

test('a body that stalls half-way fails as "stalled" after the stall timeout, and is retried', async () => {
  const text = JSON.stringify({ routes: 'y'.repeat(5000) });
  let calls = 0;
  upstream.override = () => (++calls === 1 ? trickle(text, 4, 10, 2) : undefined);
  const { http, logs } = client({ timeoutMs: 2000, stallTimeoutMs: 150, retries: 1 });
  const started = performance.now();
  assert.ok((await http.getJson(url('/Routes'))).found, 'the retry gets the whole body');
  assert.ok(performance.now() - started < 1900, 'ended by the stall timeout, not the 2 s header timeout');
  assert.ok(logs.some((line) => /no bytes of the body for 150 ms/.test(line)), logs.join('\n'));
  const { http: once } = client({ timeoutMs: 2000, stallTimeoutMs: 150, retries: 0 });
  upstream.override = () => trickle(text, 4, 10, 2);
  await assert.rejects(once.getJson(url('/Routes')), (error: UpstreamError) => error.kind === 'stalled');
});

test('a full queue refuses new requests at once, unsent, with a Retry-After estimate', async () => {
  upstream.override = () => 'hang';
  const { http } = client({ concurrency: 1, queueLimit: 1, timeoutMs: 300, retries: 0 });
  const running = http.getJson(url('/Routes/1')).catch((error) => error);
  const waiting = http.getJson(url('/Routes/2')).catch((error) => error);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(http.queueState(), { active: 1, waiting: 1, limit: 1 });
  await assert.rejects(http.getJson(url('/Routes/3')), (error: UpstreamBusyError) => {
    assert.equal(error.kind, 'busy');
    assert.ok(error.retryAfterSeconds >= 1 && error.retryAfterSeconds <= 60);
    return error instanceof UpstreamBusyError;
  });
  assert.equal(upstream.requests.filter((req) => req.url.includes('/Routes/3')).length, 0, 'a refused request is never sent');
  assert.equal((await running).kind, 'timeout');
  assert.equal((await waiting).kind, 'timeout');
});
