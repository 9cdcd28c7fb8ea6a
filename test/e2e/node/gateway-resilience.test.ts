/**
 * The gateway under faults, load and attack: snapshot runs against an upstream that fails at random, 1,000 requests
 * at concurrency 50 on cached documents, the API key hunted for in everything the gateway says, the CORS allowlist
 * enforced in a real browser, and traversal and oversized requests refused.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error autocannon ships no type declarations.
import autocannon from 'autocannon';
import { parseEmbedPath, validateDocument } from '@occupational-maps/core';
import { configFromEnv, createGateway, createLogger, startServer, writeSnapshot } from '@occupational-maps/gateway';
import { FIXTURES_DIR, json, liveGateway, request, startUpstream, API_KEY, type RawResponse } from '../../gateway/helpers.js';
import { inPage, launchBrowser, loadBundle, PAGE_HELPERS, pageHtml, startHost, waitForState, writeResult } from './harness.js';

const work = await mkdtemp(join(tmpdir(), 'om-resilience-'));
after(() => rm(work, { recursive: true, force: true }));

async function treeHash(dir: string): Promise<{ files: number; hash: string }> {
  const hash = createHash('sha256');
  let files = 0;
  const walk = async (folder: string, prefix: string) => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = `${prefix}/${entry.name}`;
      if (entry.isDirectory()) await walk(join(folder, entry.name), rel);
      else {
        hash.update(rel).update(await readFile(join(folder, entry.name)));
        files++;
      }
    }
  };
  await walk(dir, '');
  return { files, hash: hash.digest('hex') };
}

/** A deterministic random source (mulberry32), so a failing run can be replayed from its seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('snapshot runs against a randomly failing upstream', () => {
  test('each run completes with valid documents or fails cleanly, and the previous snapshot stays intact', async () => {
    const out = join(work, 'site');
    const fixtures = await createGateway({ config: { ...configFromEnv({}), fixturesDir: FIXTURES_DIR }, source: 'fixtures', bulkStandards: true });
    await writeSnapshot({ dataset: fixtures.dataset, outDir: join(out) });
    const upstream = await startUpstream();
    const outcomes: string[] = [];
    let faultsInjected = 0;
    try {
      // Failure rates per upstream call: low enough for retries to win, and far too high for them to.
      for (const [seed, rate] of [[1, 0.1], [2, 0.25], [3, 0.7]] as const) {
        const before = await treeHash(join(out, 'v1'));
        const random = seeded(seed);
        upstream.override = () => {
          const roll = random();
          if (roll >= rate) return undefined;
          faultsInjected++;
          if (roll < rate / 3) return json({ error: 'boom' }, 500);
          if (roll < (2 * rate) / 3) return json({ error: 'slow down' }, 429, { 'Retry-After': '0' });
          return 'hang';
        };
        const gateway = await liveGateway(upstream, { retries: 3, retryBaseMs: 1, timeoutMs: 250 });
        try {
          const summary = await writeSnapshot({ dataset: gateway.dataset, outDir: out, stats: gateway.http.stats });
          outcomes.push(`rate ${rate}: completed, ${summary.documents} documents, ${summary.retries} retries`);
          const after = await treeHash(join(out, 'v1'));
          assert.equal(after.files, summary.documents);
          for (const path of ['meta.json', 'routes.json', 'routes/digital.json', 'occupations/OCC0499.json', 'search-index.json']) {
            const parsed = parseEmbedPath(path);
            assert.ok(parsed.ok && validateDocument(parsed.kind, JSON.parse(await readFile(join(out, 'v1', path), 'utf8'))).ok, path);
          }
          assert.equal(JSON.parse(await readFile(join(out, 'v1', 'meta.json'), 'utf8')).source, 'live');
        } catch (error) {
          assert.ok(error instanceof Error && error.message.length > 0, `a clean error, not ${String(error)}`);
          assert.ok(!error.message.includes(API_KEY));
          outcomes.push(`rate ${rate}: failed cleanly (${error.message.slice(0, 80)})`);
          assert.deepEqual(await treeHash(join(out, 'v1')), before, 'the previous snapshot is byte-identical');
        }
        assert.deepEqual((await readdir(work)).filter((name) => name.startsWith('.')), [], 'no temporary folders left behind');
        assert.ok(gateway.logs.every((line) => !line.includes(API_KEY)));
      }
    } finally {
      upstream.override = null;
      await upstream.close();
    }
    assert.match(outcomes[0], /completed/, outcomes.join('\n'));
    assert.match(outcomes[2], /failed cleanly/, outcomes.join('\n'));
    writeResult('gateway-resilience', { snapshotRuns: outcomes, snapshotFaultsInjected: faultsInjected });
  });
});

describe('load on cached documents', () => {
  test('1,000 requests at concurrency 50: zero errors, zero non-2xx, bounded memory', async () => {
    const gateway = await createGateway({ config: configFromEnv({}), source: 'fixtures', log: createLogger({ quiet: true, write: () => {} }) });
    // One load generator is one address: the per-client rate limit is tested in test/gateway/operations.test.ts.
    const server = await startServer(gateway.createApp({ rateLimit: null }), 0);
    const paths = ['/v1/meta.json', '/v1/routes.json', '/v1/routes/digital.json', '/v1/occupations/OCC0118.json', '/v1/progression/OCC0118.json', '/v1/soc/3544.json', '/v1/search-index.json', '/v1/standards/ST0118.json'];
    try {
      for (const path of paths) assert.equal((await request(server.url, path)).status, 200, path);
      const before = process.memoryUsage();
      const result = await autocannon({ url: server.url, connections: 50, amount: 1000, requests: paths.map((path) => ({ method: 'GET', path })), headers: { 'accept-encoding': 'br, gzip' } });
      const after = process.memoryUsage();
      assert.equal(result.errors, 0, 'connection errors');
      assert.equal(result.timeouts, 0);
      assert.equal(result.non2xx, 0);
      assert.ok(result.requests.total >= 1000, `${result.requests.total} requests`);
      const growthMb = (after.rss - before.rss) / 1e6;
      assert.ok(growthMb < 150, `RSS grew ${growthMb.toFixed(1)} MB`);
      writeResult('gateway-resilience', {
        load: { requests: result.requests.total, connections: 50, errors: result.errors, non2xx: result.non2xx, p99Ms: result.latency.p99, requestsPerSecond: Math.round(result.requests.average), rssGrowthMb: Number(growthMb.toFixed(1)) },
      });
    } finally {
      await server.close();
    }
  });
});

describe('security', () => {
  test('the API key never appears in any response body, header or log line, even when the upstream echoes it', async () => {
    const upstream = await startUpstream();
    const gateway = await liveGateway(upstream, { retries: 1, retryBaseMs: 1, timeoutMs: 500 });
    const server = await startServer(gateway.createApp(), 0);
    const captured: RawResponse[] = [];
    try {
      const paths = ['/v1/meta.json', '/v1/routes/digital.json', '/v1/occupations/OCC0499.json', '/v1/progression/OCC0118.json', '/v1/soc/5231.json', '/v1/standards/ST0499.json', '/v1/search-index.json', '/healthz', '/v1/occupations/OCC9999.json', '/v1/nope.json', '/nope'];
      for (const path of paths) captured.push(await request(server.url, path, { headers: { 'accept-encoding': 'identity' } }));
      // An upstream that echoes the key in errors, bodies, headers and redirects.
      const echoes = [
        () => json({ message: `Invalid subscription key ${API_KEY}` }, 401),
        () => json({ message: `Internal error for key=${API_KEY}` }, 500),
        () => new Response(`{"stdCode":"OCC0031","name":"${API_KEY}"`, { status: 200 }),
        () => json({ error: 'moved' }, 302, { Location: `https://elsewhere.example/?key=${API_KEY}` }),
        () => json({ error: 'slow' }, 429, { 'Retry-After': '99999', 'X-Echo': API_KEY }),
      ];
      for (const [index, echo] of echoes.entries()) {
        upstream.override = echo;
        const fresh = await liveGateway(upstream, { retries: 1, retryBaseMs: 1, timeoutMs: 500 });
        const freshServer = await startServer(fresh.createApp(), 0);
        try {
          for (const path of ['/v1/occupations/OCC0031.json', `/v1/routes/digital.json`, '/v1/meta.json']) {
            const res = await request(freshServer.url, path, { headers: { 'accept-encoding': 'identity' } });
            assert.ok(res.status >= 400 || index === 2, `${path} with echo ${index}: ${res.status}`);
            captured.push(res);
          }
          assert.ok(fresh.logs.length > 0, 'the failures were logged');
          gateway.logs.push(...fresh.logs);
        } finally {
          await freshServer.close();
        }
      }
      assert.ok(upstream.requests.some((req) => req.headers['x-api-key'] === API_KEY || JSON.stringify(req.headers).includes(API_KEY)), 'the key does go upstream');
      for (const res of captured) {
        assert.ok(!res.body.toString('latin1').includes(API_KEY), 'body');
        assert.ok(!JSON.stringify(res.headers).includes(API_KEY), 'headers');
      }
      assert.ok(gateway.logs.every((line) => !line.includes(API_KEY) && !line.includes(encodeURIComponent(API_KEY))), gateway.logs.join('\n'));
      writeResult('gateway-resilience', { keyLeakChecks: { responses: captured.length, logLines: gateway.logs.length, leaks: 0 } });
    } finally {
      upstream.override = null;
      await server.close();
      await upstream.close();
    }
  });

  test('traversal, oversized paths and oversized queries are refused with 4xx', async () => {
    const gateway = await createGateway({ config: configFromEnv({}), source: 'fixtures', log: createLogger({ quiet: true, write: () => {} }) });
    const server = await startServer(gateway.createApp(), 0);
    try {
      const refused = [
        '/v1/../../etc/passwd', '/v1/%2e%2e/%2e%2e/etc/passwd', '/v1/occupations/..%2f..%2f..%2fpackage.json', '/v1/occupations/%2e%2e%5c%2e%2e%5cpackage.json',
        '/v1/occupations/..\\..\\package.json', '/v1/routes/%00.json', '/v1//etc/passwd', '/v1/occupations/OCC0118.json%00.txt',
        `/v1/occupations/${'A'.repeat(5000)}.json`, `/v1/${'a/'.repeat(2000)}meta.json`,
        `/v1/meta.json?${'q'.repeat(5000)}`, `/v1/occupations/OCC0118.json?${Array.from({ length: 500 }, (_, i) => `p${i}=${i}`).join('&')}`,
      ];
      const statuses: Record<string, number> = {};
      for (const path of refused) {
        const res = await request(server.url, path);
        statuses[path.slice(0, 60)] = res.status;
        assert.ok(res.status >= 400 && res.status < 500, `${path.slice(0, 80)} → ${res.status}`);
        assert.ok(!res.body.toString().includes('"name": "occupational-maps') && !res.body.toString().includes('root:'), 'no file content');
      }
      // A short query (a cache-buster) is still fine.
      assert.equal((await request(server.url, '/v1/meta.json?v=2')).status, 200);
      writeResult('gateway-resilience', { refusedRequests: refused.length });
    } finally {
      await server.close();
    }
  });

  test('the CORS allowlist, in a browser: an allowed origin gets data, any other origin is blocked', async () => {
    const browser = await launchBrowser();
    const bundle = loadBundle();
    const allowedHost = await startHost(bundle);
    const otherHost = await startHost(bundle);
    const gateway = await createGateway({ config: { ...configFromEnv({}), allowedOrigins: [allowedHost.url] }, source: 'fixtures', log: createLogger({ quiet: true, write: () => {} }) });
    const server = await startServer(gateway.createApp(), 0);
    try {
      const body = `<occupation-card code="OCC0118" variant="compact" api-base="${server.url}/v1/"><a href="https://example.org/">Data analyst</a></occupation-card>`;
      const states: Record<string, string> = {};
      for (const [name, host] of [['allowed', allowedHost], ['other', otherHost]] as const) {
        host.pages.set('/cors.html', pageHtml(body));
        const page = await browser.newPage();
        await page.addInitScript(PAGE_HELPERS);
        await page.goto(`${host.url}/cors.html`);
        await waitForState(page, 'occupation-card', name === 'allowed' ? 'ready' : 'error', 30_000);
        states[name] = await inPage<string>(page, `() => window.__omState(document.querySelector('occupation-card'))`);
        await page.close();
      }
      assert.deepEqual(states, { allowed: 'ready', other: 'error' });
      writeResult('gateway-resilience', { corsOriginsChecked: 2 });
    } finally {
      await browser.close();
      await Promise.all([server.close(), allowedHost.close(), otherHost.close()]);
    }
  });
});
