import { test, after, beforeEach, describe } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parseEmbedPath, validateDocument } from '@occupational-maps/core';
import { configFromEnv, createGateway, startServer, type RunningServer } from '@occupational-maps/gateway';
import { API_KEY, json, liveGateway, markupIn, poison, request, startUpstream, type TestGateway } from './helpers.js';
import { readFile } from 'node:fs/promises';
import { FIXTURES_DIR } from './helpers.js';

const upstream = await startUpstream();
let clock = Date.parse('2026-11-22T10:00:00Z');
const gateway = await liveGateway(upstream, { cacheTtlSeconds: 60 }, () => new Date(clock));
const server: RunningServer = await startServer(gateway.createApp({ now: () => clock }), 0);
after(async () => {
  await server.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.override = null;
});

const getJson = async (path: string, headers: Record<string, string> = {}) => {
  const res = await request(server.url, path, { headers });
  return { ...res, json: JSON.parse(res.body.toString('utf8')) };
};

/** Asks again until the background refresh has replaced the stale copy (stale-while-revalidate). */
async function untilFresh(path: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const res = await getJson(path);
    if (res.status === 200 && res.headers['x-om-stale'] === undefined) return res;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${path} stayed stale`);
}

const ALL_PATHS = ['meta.json', 'routes.json', 'routes/digital.json', 'routes/engineering-manufacturing.json', 'routes/care-services.json',
  'occupations/OCC0499.json', 'occupations/OCC0120A.json', 'occupations/OCC0120B.json', 'occupations/OCC0118.json', 'occupations/OCC0482C.json',
  'standards/ST0120.json', 'standards/ST0499.json', 'progression/OCC0499.json', 'progression/OCC0118.json', 'progression/OCC0031.json',
  'soc/5231.json', 'soc/1111.json', 'search-index.json'];

describe('documents', () => {
  test('every path answers 200 with a document that validates against the core contract', async () => {
    for (const path of ALL_PATHS) {
      const res = await getJson(`/v1/${path}`);
      assert.equal(res.status, 200, `${path}: ${res.body}`);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      const parsed = parseEmbedPath(path);
      assert.ok(parsed.ok);
      const valid = validateDocument(parsed.kind, res.json);
      assert.ok(valid.ok, `${path}: ${!valid.ok && valid.reason}`);
    }
  });

  test('joins API A into B: funding, duration, LARS and GUID-mapped duties', async () => {
    const { json: doc } = await getJson('/v1/occupations/OCC0118.json');
    assert.deepEqual(doc.apprenticeship, {
      standard: 'ST0118', version: '1.1', status: 'Approved for delivery', typicalDurationMonths: 24, maxFunding: 15000, larsCode: 91,
      entryRequirements: 'Employers will set their own entry requirements.', standardPageUrl: 'https://skillsengland.education.gov.uk/apprenticeships/st0118-v1-1',
    });
    assert.deepEqual(doc.duties, [{ id: 'D1', text: 'Duty one', ksbs: ['K2', 'S1', 'B1'] }]);
    assert.equal(doc.route.slug, 'digital');
  });

  test('the search index carries each occupation\'s LARS code from API A, and still answers when API A is down', async () => {
    const { json: index } = await getJson('/v1/search-index.json');
    const lars = Object.fromEntries(index.occupations.map((entry: any) => [entry.code, entry.larsCode]));
    assert.equal(lars.OCC0118, 91);
    assert.ok(Object.values(lars).every((code) => code === null || (Number.isInteger(code) && (code as number) > 0)));
    const fresh = await liveGateway(upstream, { cacheTtlSeconds: 60 });
    const app = await startServer(fresh.createApp(), 0);
    try {
      upstream.override = (request) => (request.url.includes('/standards/') ? json({ error: 'down' }, 503) : undefined);
      const res = await request(app.url, '/v1/search-index.json');
      assert.equal(res.status, 200);
      const entries = JSON.parse(res.body.toString('utf8')).occupations;
      assert.ok(entries.length > 0 && entries.every((entry: any) => entry.larsCode === null));
    } finally {
      await app.close();
    }
  });

  test('codes are trimmed, upper-cased and keep their suffixes; lower-case requests get the canonical document', async () => {
    const lower = await getJson('/v1/occupations/occ0120b.json');
    assert.equal(lower.status, 200);
    assert.equal(lower.json.code, 'OCC0120B');
    assert.equal(lower.json.version, '1.1');
    const standard = await getJson('/v1/standards/ST0120.json');
    assert.deepEqual(standard.json, { standard: 'ST0120', occupation: 'OCC0120A', occupations: ['OCC0120A', 'OCC0120B'] });
    const map = await getJson('/v1/routes/digital.json');
    const titles = map.json.pathways.flatMap((p: any) => p.clusters.flatMap((c: any) => c.occupations.map((o: any) => o.title)));
    assert.ok(titles.includes('Digital support technician - Digital Applications Technician (DAT)'), 'trailing space trimmed');
    assert.deepEqual(map.json.pathways.map((p: any) => p.id), [57, 58], 'pathways in upstream sequence order');
  });

  test('progression edges are de-duplicated and cross-route occupations are named', async () => {
    const { json: progression } = await getJson('/v1/progression/OCC0499.json');
    assert.deepEqual(progression.edges, [{ from: 'OCC0499', to: 'OCC0031' }, { from: 'OCC0499', to: 'OCC0068' }]);
    const { json: map } = await getJson('/v1/routes/engineering-manufacturing.json');
    assert.deepEqual(map.linkedOccupations.map((o: any) => [o.code, o.routeSlug]), [['OCC0068', 'transport-logistics']]);
    const { json: alone } = await getJson('/v1/progression/OCC0031.json');
    assert.deepEqual([alone.occupations.length, alone.edges.length], [1, 0], 'no map upstream: only itself');
  });

  test('meta carries the licence attribution and says it is not endorsed', async () => {
    const { json: meta } = await getJson('/v1/meta.json');
    assert.equal(meta.source, 'live');
    assert.match(meta.attribution.text, /Open Government Licence v3\.0/);
    assert.match(meta.attribution.text, /Not endorsed by Skills England/);
    assert.deepEqual(meta.counts, { routes: 15, occupations: 6, standards: 5, progressionEdges: 4, socUnitGroups: 4 });
  });
});

describe('HTTP behaviour', () => {
  test('ETag and If-None-Match give 304, in every coding', async () => {
    const first = await request(server.url, '/v1/routes/digital.json');
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[\w-]+"$/);
    assert.match(String(first.headers['cache-control']), /max-age=\d+.*stale-while-revalidate=\d+/);
    const again = await request(server.url, '/v1/routes/digital.json', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    const br = await request(server.url, '/v1/routes/digital.json', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': `W/${etag}` } });
    assert.equal(br.status, 304);
    const other = await request(server.url, '/v1/routes/digital.json', { headers: { 'If-None-Match': '"something-else"' } });
    assert.equal(other.status, 200);
  });

  test('gzip and brotli are negotiated and decode to the identical bytes', async () => {
    const plain = await request(server.url, '/v1/search-index.json');
    const gz = await request(server.url, '/v1/search-index.json', { headers: { 'Accept-Encoding': 'gzip, deflate' } });
    const br = await request(server.url, '/v1/search-index.json', { headers: { 'Accept-Encoding': 'gzip;q=0.5, br' } });
    const refused = await request(server.url, '/v1/search-index.json', { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' } });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(refused.headers['content-encoding'], undefined);
    assert.match(String(gz.headers.vary), /Accept-Encoding/);
    assert.deepEqual(gunzipSync(gz.body), plain.body);
    assert.deepEqual(brotliDecompressSync(br.body), plain.body);
    assert.ok(br.body.length < plain.body.length / 2);
    assert.notEqual(gz.headers.etag, br.headers.etag, 'each coding has its own strong validator');
  });

  test('HEAD has the headers and no body; other methods get 405 JSON', async () => {
    const head = await request(server.url, '/v1/routes.json', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.ok(head.headers.etag);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await request(server.url, '/v1/routes.json', { method });
      assert.equal(res.status, 405);
      assert.equal(res.headers.allow, 'GET, HEAD, OPTIONS');
      assert.equal(JSON.parse(res.body.toString()).error.code, 'method-not-allowed');
    }
  });

  test('malformed paths are 400 JSON, unknown keys 404 JSON, never a file read or a 500', async () => {
    const bad = ['/v1/../etc/passwd', '/v1/occupations/../../../etc/passwd', '/v1/occupations/%2e%2e%2f%2e%2e%2fetc%2fpasswd.json', '/v1/occupations/..%2f..%2fpackage.json',
      '/v1/occupations/%252e%252e%252f.json', `/v1/occupations/OCC${'1'.repeat(300)}.json`, '/v1/occupations/OCC0499', '/v1/occupations/ST0499.json',
      '/v1/soc/12345.json', '/v1/routes/Digital!.json', '/v1/unknown.json', '/v1/occupations/OCC0499.json/extra', '/v1/./meta.json', '/v1/occupations/OCC%00499.json',
      '/v1/constructor', '/v1/__proto__', '/v1/toString'];
    for (const path of bad) {
      const res = await request(server.url, path);
      assert.equal(res.status, 400, `${path} → ${res.status}`);
      const body = JSON.parse(res.body.toString());
      assert.equal(body.error.code, 'bad-request');
      assert.ok(!res.body.toString().includes('root:'), 'no file content');
    }
    for (const path of ['/v1/occupations/OCC9999.json', '/v1/routes/not-a-route.json', '/v1/soc/0000.json', '/v1/standards/ST9999.json', '/v1/progression/OCC9999.json']) {
      const res = await getJson(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.json.error.code, 'not-found');
      assert.ok(validateDocument('meta', res.json).ok === false && res.json.error.message.length > 5);
    }
    const outside = await getJson('/etc/passwd');
    assert.equal(outside.status, 404);
  });

  test('healthz', async () => {
    const res = await getJson('/healthz');
    assert.deepEqual(res.json, { status: 'ok', source: 'live' });
  });
});

describe('CORS', () => {
  test('"*" by default', async () => {
    const res = await request(server.url, '/v1/routes.json', { headers: { Origin: 'https://anywhere.example' } });
    assert.equal(res.headers['access-control-allow-origin'], '*');
  });

  test('an allowlist answers listed origins only, preflights included', async () => {
    const strict = await liveGateway(upstream, { allowedOrigins: ['https://good.example'] });
    const strictServer = await startServer(strict.createApp(), 0);
    try {
      const good = await request(strictServer.url, '/v1/routes.json', { headers: { Origin: 'https://good.example' } });
      assert.equal(good.headers['access-control-allow-origin'], 'https://good.example');
      assert.match(String(good.headers.vary), /Origin/);
      const evil = await request(strictServer.url, '/v1/routes.json', { headers: { Origin: 'https://evil.example' } });
      assert.equal(evil.status, 200);
      assert.equal(evil.headers['access-control-allow-origin'], undefined);
      const preflight = await request(strictServer.url, '/v1/routes.json', {
        method: 'OPTIONS',
        headers: { Origin: 'https://good.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], 'https://good.example');
      assert.match(String(preflight.headers['access-control-allow-methods']), /GET/);
      const evilPreflight = await request(strictServer.url, '/v1/routes.json', { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
      assert.equal(evilPreflight.headers['access-control-allow-origin'], undefined);
    } finally {
      await strictServer.close();
    }
  });
});

describe('upstream failures', () => {
  test('stale-while-revalidate: an expired copy is served at once, marked stale, and stays while the upstream fails', async () => {
    const fresh = await getJson('/v1/occupations/OCC0482C.json');
    assert.equal(fresh.status, 200);
    clock += 61_000;
    upstream.override = () => json({ error: 'down' }, 503);
    const stale = await getJson('/v1/occupations/OCC0482C.json');
    assert.equal(stale.status, 200);
    assert.equal(stale.headers['x-om-stale'], '1');
    assert.equal(stale.headers['x-om-cache'], 'stale');
    assert.match(String(stale.headers.warning), /^110 /);
    assert.deepEqual(stale.json, fresh.json);
    for (let attempt = 0; attempt < 100 && !gateway.logs.some((line) => /serving stale copy/.test(line)); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(gateway.logs.some((line) => /refresh failed; serving stale copy/.test(line)), 'the failed background refresh is logged');
    const still = await getJson('/v1/occupations/OCC0482C.json');
    assert.deepEqual([still.status, still.headers['x-om-stale']], [200, '1'], 'a failed refresh never replaces the good copy');
    upstream.override = null;
    clock += 61_000; // after a failed refresh the next waits (here the 60 s TTL), so a down upstream is not asked on every request
    const recovered = await untilFresh('/v1/occupations/OCC0482C.json');
    assert.equal(recovered.headers['x-om-cache'], 'hit');
  });

  test('with nothing cached, an upstream failure is a 502 JSON error', async () => {
    upstream.override = ({ url }) => (url.includes('/Occupations/OCC0031') ? new Response('<html>gateway timeout</html>', { status: 504 }) : undefined);
    const res = await getJson('/v1/occupations/OCC0031.json');
    assert.equal(res.status, 502);
    assert.equal(res.json.error.code, 'upstream-error');
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  test('malformed JSON upstream: 502, no crash, and the next good answer is served', async () => {
    let broken = true;
    upstream.override = ({ url }) => (broken && url.includes('/Occupations/OCC0120A') ? new Response('{"stdCode": "OCC0120A", "na', { status: 200 }) : undefined);
    clock += 61_000;
    const res = await getJson('/v1/occupations/OCC0120A.json');
    assert.ok(res.status === 502 || res.headers['x-om-stale'] === '1');
    broken = false;
    clock += 61_000;
    const ok = await untilFresh('/v1/occupations/OCC0120A.json');
    assert.equal(ok.status, 200);
  });

  test('a bad key (401) is reported as an upstream error without retries or leaks', async () => {
    // Its own upstream: the shared gateway's background refreshes must not count here.
    const refusing = await startUpstream();
    const fresh = await liveGateway(refusing);
    const freshServer = await startServer(fresh.createApp(), 0);
    try {
      refusing.override = () => json({ message: `Invalid key ${API_KEY}` }, 401);
      const res = await request(freshServer.url, '/v1/occupations/OCC0499.json');
      assert.equal(res.status, 502);
      assert.equal(refusing.requests.length, 1);
      assert.ok(!res.body.toString().includes(API_KEY));
      assert.ok(fresh.logs.some((line) => /refused/.test(line)));
      assert.equal(fresh.readiness.key, 'refused');
    } finally {
      await freshServer.close();
      await refusing.close();
    }
  });
});

describe('schema drift and hostile payloads', () => {
  test('renamed and missing fields: aliases are read, bad records are skipped with code and reason, every output stays valid', async () => {
    const drift = await liveGateway(upstream);
    const driftServer = await startServer(drift.createApp(), 0);
    const tree = JSON.parse(await readFile(`${FIXTURES_DIR}maps/routes/7.json`, 'utf8'));
    // Drift: `routeId` → `id`, pathway ids renamed, one occupation without a level, one with a number code.
    const driftedTree = { id: tree.routeId, routeName: tree.name, pathways: tree.pathways.map((p: any) => ({ pathwayId: p.id, pathwayName: p.name, sequence: p.sequence, clusterGroups: p.clusterGroups })) };
    const broken = driftedTree.pathways[1].clusterGroups[0].clusters[0].occupations;
    delete broken[1].level;
    broken.push({ stdCode: 12345, name: 'Not a code', level: 3 });
    upstream.override = ({ url }) => {
      if (url.includes('/Routes/7')) return json(driftedTree);
      if (url.includes('/Occupations/OCC0118')) return json({ code: ' OCC0118 ', title: 'Data analyst', level: '4', mapHierarchy: { routeName: 'Digital' } });
      return undefined;
    };
    try {
      const map = await request(driftServer.url, '/v1/routes/digital.json');
      assert.equal(map.status, 200);
      const doc = JSON.parse(map.body.toString());
      assert.ok(validateDocument('routeMap', doc).ok);
      const codes = doc.pathways.flatMap((p: any) => p.clusters.flatMap((c: any) => c.occupations.map((o: any) => o.code)));
      assert.deepEqual(codes.sort(), ['OCC0118', 'OCC0120A', 'OCC0482C']);
      assert.ok(drift.logs.some((line) => /skipped upstream record/.test(line) && /level/.test(line)), drift.logs.join('\n'));
      const occupation = await request(driftServer.url, '/v1/occupations/OCC0118.json');
      assert.equal(occupation.status, 200);
      const minimal = JSON.parse(occupation.body.toString());
      assert.ok(validateDocument('occupation', minimal).ok);
      // Fetched without products, the record takes its route tree's (ST0118); nothing else is invented.
      assert.deepEqual([minimal.summary, minimal.products.map((p: any) => p.code), minimal.soc.soc2020, minimal.apprenticeship.standard], [[], ['ST0118'], null, 'ST0118']);
    } finally {
      await driftServer.close();
    }
  });

  test('markup and script payloads in every upstream text field never reach a document', async () => {
    const hostile = await liveGateway(upstream);
    const hostileServer = await startServer(hostile.createApp(), 0);
    upstream.override = async (req) => {
      const answer = await (await import('@occupational-maps/gateway')).createFixtureFetch(FIXTURES_DIR, { mapsBase: upstream.mapsBase, standardsBase: upstream.standardsBase })(`${upstream.base}${req.url}`);
      if (answer.status !== 200) return answer;
      return json(poison(await answer.json()));
    };
    try {
      for (const path of ALL_PATHS) {
        const res = await request(hostileServer.url, `/v1/${path}`);
        assert.equal(res.status, 200, `${path}: ${res.body}`);
        const doc = JSON.parse(res.body.toString());
        const parsed = parseEmbedPath(path);
        assert.ok(parsed.ok && validateDocument(parsed.kind, doc).ok, path);
        assert.deepEqual(markupIn(doc), [], path);
        assert.ok(!/alert|steal\(/.test(res.body.toString()), `${path} carries script text`);
      }
      const occupation = JSON.parse((await request(hostileServer.url, '/v1/occupations/OCC0499.json')).body.toString());
      assert.equal(occupation.title, 'Autocare technician bold');
      assert.deepEqual(occupation.links, { occupation: null, map: null, standard: null, progression: null });
    } finally {
      await hostileServer.close();
    }
  });
});

test('the API key never appears in any response, header or log line', async () => {
  assert.ok(upstream.requests.some((req) => req.headers['x-api-key'] === API_KEY), 'the key is sent upstream');
  for (const path of [...ALL_PATHS.map((p) => `/v1/${p}`), '/healthz', '/v1/../x', '/v1/occupations/OCC9999.json']) {
    const res = await request(server.url, path, { headers: { 'Accept-Encoding': 'identity' } });
    assert.ok(!res.body.toString().includes(API_KEY), path);
    assert.ok(!JSON.stringify(res.headers).includes(API_KEY), path);
  }
  assert.ok(gateway.logs.length > 0);
  assert.ok(gateway.logs.every((line) => !line.includes(API_KEY)));
});

test('--demo serves the demo page, bundle files (by plain name only) and themes, compressed and revalidated', async () => {
  const { demoAssets } = await import('@occupational-maps/gateway');
  const demo = await startServer(gateway.createApp({ assets: demoAssets }), 0);
  try {
    const page = await request(demo.url, '/');
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    assert.match(page.body.toString(), /name="occupational-maps:api-base" content="\/v1\/"/);
    assert.match(page.body.toString(), /has not been built yet/, 'the page explains a missing bundle');
    for (const path of ['/elements/..%2f..%2fpackage.json', '/elements/%2e%2e', '/elements/x.json', '/elements/.hidden.js']) {
      const res = await request(demo.url, path);
      assert.ok(res.status === 400 || res.status === 404, `${path} → ${res.status}`);
    }
    assert.equal(await demoAssets('/elements/../../../package.json'), null);

    // Assets are compressed and revalidated like documents: the bundle is most of a demo page's bytes.
    const plain = await request(demo.url, '/elements/themes/govuk.css');
    assert.equal(plain.status, 200);
    assert.match(String(plain.headers['content-type']), /^text\/css/);
    const zipped = await request(demo.url, '/elements/themes/govuk.css', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.ok(zipped.body.length < plain.body.length);
    assert.deepEqual(gunzipSync(zipped.body), plain.body);
    const revalidated = await request(demo.url, '/elements/themes/govuk.css', { headers: { 'If-None-Match': String(zipped.headers.etag) } });
    assert.equal(revalidated.status, 304);
  } finally {
    await demo.close();
  }
});

test('a plain serve offers the elements bundle and themes beside the API, but no demo page', async () => {
  const { elementsAssets } = await import('@occupational-maps/gateway');
  const plain = await startServer(gateway.createApp({ assets: elementsAssets }), 0);
  try {
    const theme = await request(plain.url, '/elements/themes/govuk.css');
    assert.equal(theme.status, 200);
    assert.match(theme.body.toString(), /--om-color-focus:\s*#ffdd00/);
    assert.equal((await request(plain.url, '/')).status, 404);
    assert.equal((await request(plain.url, '/elements/themes/..%2f..%2fpackage.json')).status, 404);
  } finally {
    await plain.close();
  }
});

test('requests for many well-formed unknown codes cannot grow the upstream memo without limit', async () => {
  const bounded = await createGateway({ config: { ...configFromEnv({}), fixturesDir: FIXTURES_DIR }, source: 'fixtures', maxRemembered: 40 });
  for (let n = 0; n < 300; n++) {
    const result = await bounded.dataset.document('occupation', `OCC${String(90000 + n)}`);
    assert.equal(result.found, false);
  }
  assert.ok(bounded.dataset.rememberedCount <= 40, `${bounded.dataset.rememberedCount} answers remembered`);
  assert.equal((await bounded.dataset.document('routeMap', 'digital')).found, true, 'evicted entries are simply fetched again');
});

test('the portable fetch handler answers a Request directly, as on an edge runtime (gzip via CompressionStream)', async () => {
  const { createApp } = await import('@occupational-maps/gateway/edge');
  assert.equal((await import('@occupational-maps/gateway/portable')).createApp, createApp, 'the former name still works');
  const app = createApp({ dataset: gateway.dataset });
  const response = await app.fetch(new Request('https://edge.example/v1/routes/digital.json', { headers: { 'Accept-Encoding': 'br, gzip' } }));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-encoding'), 'gzip', 'no brotli without Node zlib');
  const body = gunzipSync(Buffer.from(await response.arrayBuffer()));
  assert.ok(validateDocument('routeMap', JSON.parse(body.toString())).ok);
  const traversal = await app.fetch(new Request('https://edge.example/v1/occupations/%2e%2e%2fsecret.json'));
  assert.equal(traversal.status, 400);
});
