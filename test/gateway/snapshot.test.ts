import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEmbedPath, validateDocument } from '@occupational-maps/core';
import { configFromEnv, createGateway, DEFAULT_FIXTURES_DIR, startServer, writeSnapshot } from '@occupational-maps/gateway';
import { API_KEY, FIXTURES_DIR, json, liveGateway, request, startUpstream } from './helpers.js';

const work = await mkdtemp(join(tmpdir(), 'om-snapshot-'));
after(() => rm(work, { recursive: true, force: true }));
const fixedNow = () => new Date('2026-11-22T09:30:00.000Z');
const BIN = fileURLToPath(new URL('../../packages/gateway/bin/om-gateway.js', import.meta.url));

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await filesUnder(join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** The plainest static file server: what a CDN or any web host does with the tree. */
async function staticServer(root: string) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    try {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(await readFile(join(root, path)));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const fixturesGateway = () =>
  createGateway({ config: { ...configFromEnv({}), fixturesDir: FIXTURES_DIR }, source: 'fixtures', now: fixedNow, bulkStandards: true });

test('the snapshot tree, served by a plain static server, is byte-identical to the live server', async () => {
  const out = join(work, 'site');
  const snapshotGateway = await fixturesGateway();
  const summary = await writeSnapshot({ dataset: snapshotGateway.dataset, outDir: out, stats: snapshotGateway.http.stats });
  const files = await filesUnder(join(out, 'v1'));
  assert.equal(summary.documents, files.length);
  assert.ok(files.length > 412, `${files.length} files: every SOC unit group and more`);
  assert.ok(summary.upstreamCalls > 0);
  assert.deepEqual(summary.skippedDocuments, []);

  const liveSide = await createGateway({ config: { ...configFromEnv({}), fixturesDir: FIXTURES_DIR }, source: 'fixtures', now: fixedNow });
  // One client reads every document: not what the per-client rate limit is for.
  const server = await startServer(liveSide.createApp({ rateLimit: null }), 0);
  const statics = await staticServer(out);
  try {
    for (const file of files) {
      const [fromServer, fromStatic] = await Promise.all([request(server.url, `/v1/${file}`), request(statics.url, `/v1/${file}`)]);
      assert.equal(fromServer.status, 200, file);
      assert.ok(fromServer.body.equals(fromStatic.body), `${file} differs`);
      const parsed = parseEmbedPath(file);
      assert.ok(parsed.ok && validateDocument(parsed.kind, JSON.parse(fromStatic.body.toString())).ok, file);
    }
  } finally {
    await server.close();
    await statics.close();
  }
});

test('a failed run leaves the previous snapshot untouched and no temporary folder behind', async () => {
  const out = join(work, 'atomic');
  await mkdir(join(out, 'v1'), { recursive: true });
  await writeFile(join(out, 'v1', 'meta.json'), '{"previous":true}');
  const upstream = await startUpstream();
  try {
    const gateway = await liveGateway(upstream, { retries: 1 });
    upstream.override = ({ url }) => (url.includes('/OccupationalProgression/OCC0482C') ? json({ error: 'down' }, 500) : undefined);
    await assert.rejects(writeSnapshot({ dataset: gateway.dataset, outDir: out }), /HTTP 500/);
    assert.deepEqual(await filesUnder(out), ['v1/meta.json']);
    assert.equal(await readFile(join(out, 'v1', 'meta.json'), 'utf8'), '{"previous":true}');
    assert.deepEqual((await readdir(work)).filter((name) => name.startsWith('.')), []);

    upstream.override = null;
    const summary = await writeSnapshot({ dataset: gateway.dataset, outDir: out });
    assert.ok(summary.documents > 400);
    assert.equal(JSON.parse(await readFile(join(out, 'v1', 'meta.json'), 'utf8')).source, 'live');
    assert.deepEqual((await readdir(work)).filter((name) => name.startsWith('.')), [], 'the old tree is removed after the swap');
    assert.deepEqual((await readdir(out)).filter((name) => name.startsWith('.')), [], 'nothing temporary left in DIR');
  } finally {
    await upstream.close();
  }
});

test('a failed run stops building: no document is started after the failure', async () => {
  const upstream = await startUpstream();
  try {
    const gateway = await liveGateway(upstream, { retries: 0 });
    // One occupation's record fails: every other document could still be built, and must not be.
    let doneAtFailure = -1;
    upstream.override = ({ url }) => {
      if (!url.includes('/Occupations/OCC0482C')) return undefined;
      doneAtFailure = done;
      return json({ error: 'down' }, 500);
    };
    let total = 0;
    let done = 0;
    await assert.rejects(
      writeSnapshot({ dataset: gateway.dataset, outDir: join(work, 'stops'), onProgress: (count, of) => ((done = count), (total = of)) }),
      /HTTP 500/,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(total > 400);
    // Documents that need no upstream call are built beside the others, so some are done before the failure; after
    // it, only those already under way may finish.
    assert.ok(doneAtFailure >= 0);
    assert.ok(done - doneAtFailure < 50, `${done - doneAtFailure} of ${total} documents were still built after the run failed`);
    assert.deepEqual(await readdir(join(work, 'stops')), [], 'the temporary tree is removed');
  } finally {
    await upstream.close();
  }
});

test('the snapshot replaces DIR/v1/ only: the host page and anything else in DIR stay', async () => {
  const out = join(work, 'with-page');
  await mkdir(join(out, 'v1'), { recursive: true });
  await writeFile(join(out, 'index.html'), '<!doctype html><title>Host page</title>');
  await writeFile(join(out, 'v1', 'stale-extra.json'), '{}');
  const gateway = await fixturesGateway();
  const summary = await writeSnapshot({ dataset: gateway.dataset, outDir: out });
  assert.ok(summary.documents > 400);
  assert.equal(await readFile(join(out, 'index.html'), 'utf8'), '<!doctype html><title>Host page</title>');
  const files = await filesUnder(join(out, 'v1'));
  assert.ok(!files.includes('stale-extra.json'), 'the previous v1 tree is replaced whole');
  assert.deepEqual((await readdir(out)).sort(), ['index.html', 'v1']);
});

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, OM_API_KEY: '', OM_FIXTURES_DIR: FIXTURES_DIR, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, done: new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1))) };
}

test('om-gateway snapshot (bin, without a build) writes the tree and prints a summary', async () => {
  const out = join(work, 'cli');
  const cli = run(['snapshot', '--out', out, '--source', 'fixtures']);
  assert.equal(await cli.done, 0, cli.output());
  assert.match(cli.output(), /Wrote \d+ documents .* in [\d.]+ s/);
  assert.match(cli.output(), /\d+ upstream calls, \d+ retries/);
  assert.match(cli.output(), /Building: \d+\/\d+ documents \(100%\)/, 'a plain progress line when not on a terminal');
  assert.ok((await filesUnder(join(out, 'v1'))).includes('occupations/OCC0499.json'));
  const bad = run(['snapshot', '--out', out, '--source', 'live']);
  assert.equal(await bad.done, 1);
  assert.match(bad.output(), /needs OM_API_KEY/);
});

test('om-gateway serve says which source, the URL and how to switch, and serves /v1/', async () => {
  const cli = run(['serve', '--port', '0'], { HOST: '127.0.0.1' });
  try {
    const deadline = Date.now() + 20_000;
    let match: RegExpMatchArray | null = null;
    while (!(match = cli.output().match(/Embed API v1 at (http:\/\/[\d.:a-z]+)\/v1\/ from (.*)/)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(match, cli.output());
    assert.match(match[2], /embedded offline dataset.*set OM_API_KEY/);
    const health = await request(match[1], '/healthz');
    assert.deepEqual(JSON.parse(health.body.toString()), { status: 'ok', source: 'fixtures' });
  } finally {
    cli.child.kill('SIGTERM');
    await cli.done;
  }
});

test('live mode against any server that speaks the upstream shapes gives the same documents as the embedded dataset', async () => {
  // The embedded dataset served over HTTP as the two upstream APIs, reached with OM_API_KEY and the two base URLs.
  const upstream = await startUpstream(DEFAULT_FIXTURES_DIR);
  try {
    const live = await liveGateway(upstream, {}, fixedNow);
    const embedded = await createGateway({ config: { ...configFromEnv({}), fixturesDir: DEFAULT_FIXTURES_DIR }, source: 'fixtures', now: fixedNow, bulkStandards: true });
    const [liveOut, embeddedOut] = [join(work, 'live'), join(work, 'embedded')];
    await writeSnapshot({ dataset: live.dataset, outDir: liveOut, stats: live.http.stats });
    await writeSnapshot({ dataset: embedded.dataset, outDir: embeddedOut, stats: embedded.http.stats });
    const files = await filesUnder(join(embeddedOut, 'v1'));
    assert.deepEqual(await filesUnder(join(liveOut, 'v1')), files);
    assert.ok(files.includes('routes/digital.json') && files.length > 700, `${files.length} documents`);
    for (const file of files) {
      const [fromLive, fromEmbedded] = await Promise.all([readFile(join(liveOut, 'v1', file), 'utf8'), readFile(join(embeddedOut, 'v1', file), 'utf8')]);
      if (file === 'meta.json') {
        // Only where the data came from differs: live data is Skills England's, dated; the embedded one is the sample.
        assert.deepEqual({ ...JSON.parse(fromLive), source: 'x', data: 'x' }, { ...JSON.parse(fromEmbedded), source: 'x', data: 'x' });
        assert.equal(JSON.parse(fromLive).source, 'live');
        assert.deepEqual(JSON.parse(fromLive).data, { kind: 'skills-england', fetchedAt: fixedNow().toISOString() });
        assert.deepEqual(JSON.parse(fromEmbedded).data, { kind: 'sample', fetchedAt: null });
      } else {
        assert.equal(fromLive, fromEmbedded, `${file} differs between live and embedded`);
      }
    }
    // The key goes to the Occupational Maps API, and never to the open standards API.
    const mapsPath = new URL(upstream.mapsBase).pathname;
    const [mapsCalls, standardsCalls] = [upstream.requests.filter((r) => r.url.startsWith(mapsPath)), upstream.requests.filter((r) => !r.url.startsWith(mapsPath))];
    assert.ok(mapsCalls.length > 0 && standardsCalls.length > 0);
    assert.ok(mapsCalls.every((r) => r.headers['x-api-key'] === API_KEY), 'every API B call carries the key');
    assert.ok(standardsCalls.every((r) => r.headers['x-api-key'] === undefined), 'no API A call carries the key');
  } finally {
    await upstream.close();
  }
});
