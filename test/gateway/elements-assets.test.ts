/**
 * /elements/: the files any page on any origin loads from the gateway (bundle, chunks, source maps, themes). CORS for
 * everyone whatever the /v1/ allowlist, immutable hashed chunks, revalidated entry files, read from disk once.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  assetCacheControl,
  configFromEnv,
  createElementsAssets,
  createGateway,
  elementsAssets,
  HASHED_CHUNK,
  startServer,
  type RunningServer,
} from '@occupational-maps/gateway';
import { FIXTURES_DIR, request } from './helpers.js';

const ROOT = new URL('../../', import.meta.url);
const CDN_DIR = new URL('packages/elements/dist/cdn/', ROOT);
const ENTRIES = ['occupational-maps.js', 'occupational-maps.all.js'];
const OTHER_ORIGIN = 'http://college.example';

/** An elements package of our own in a temporary folder: a bundle whose entry imports one chunk, and a theme. */
function fakePackage(withChunk = true) {
  const dir = mkdtempSync(`${tmpdir()}/om-assets-`);
  mkdirSync(`${dir}/dist/cdn`, { recursive: true });
  mkdirSync(`${dir}/themes`);
  writeFileSync(`${dir}/dist/cdn/occupational-maps.js`, 'import("./occupational-maps-x-AbCd12_-.js");');
  writeFileSync(`${dir}/dist/cdn/occupational-maps.all.js`, 'export {};');
  if (withChunk) writeFileSync(`${dir}/dist/cdn/occupational-maps-x-AbCd12_-.js`, 'export const x = 1;');
  writeFileSync(`${dir}/themes/govuk.css`, ':root { --om-color-focus: #ffdd00 }');
  return dir;
}

let server: RunningServer;
let entry: string;
let chunk: string;

before(async () => {
  // A gateway whose /v1/ documents are for one origin only: /elements/ must still be open to every page.
  const gateway = await createGateway({ config: { ...configFromEnv({ OM_ALLOWED_ORIGINS: 'https://only.example' }), fixturesDir: FIXTURES_DIR }, source: 'fixtures' });
  server = await startServer(gateway.createApp({ assets: elementsAssets }), 0);
  entry = readFileSync(new URL('occupational-maps.js', CDN_DIR), 'utf8');
  chunk = entry.match(/["']\.\/(occupational-maps-[\w.-]+\.js)["']/)![1];
});
after(() => server?.close());

describe('the built CDN folder', () => {
  test('rollup names every chunk with a content hash, and every file is an entry or a hashed chunk', () => {
    const config = readFileSync(new URL('rollup.config.js', ROOT), 'utf8');
    assert.match(config, /chunkFileNames: `\$\{prefix\}-\[name\]-\[hash\]\.js`/, 'rollup.config.js names chunks <prefix>-[name]-[hash].js');
    const names = readdirSync(CDN_DIR);
    assert.ok(names.length > 10, names.join());
    for (const name of names) {
      const isEntry = ENTRIES.some((file) => name === file || name === `${file}.map`);
      assert.notEqual(isEntry, HASHED_CHUNK.test(name), `${name}: ${isEntry ? 'an entry must not look hashed' : 'not an entry, so it needs a hash'}`);
    }
  });

  test('Cache-Control by name: hashed chunks and their maps immutable, entries and themes short, the demo page no-cache', () => {
    assert.equal(assetCacheControl(`/elements/${chunk}`), 'public, max-age=31536000, immutable');
    assert.equal(assetCacheControl(`/elements/${chunk}.map`), 'public, max-age=31536000, immutable');
    for (const path of ['/elements/occupational-maps.js', '/elements/occupational-maps.all.js', '/elements/occupational-maps.js.map', '/elements/themes/govuk.css']) {
      assert.equal(assetCacheControl(path), 'public, max-age=300', path);
    }
    assert.equal(assetCacheControl('/index.html'), 'no-cache');
  });
});

describe('served by the gateway', () => {
  test('the entry, a chunk, a source map and a theme carry CORS * and CORP cross-origin although /v1/ is allowlisted', async () => {
    for (const path of ['/elements/occupational-maps.js', `/elements/${chunk}`, `/elements/${chunk}.map`, '/elements/themes/govuk.css']) {
      const res = await request(server.url, path, { headers: { Origin: OTHER_ORIGIN } });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers['access-control-allow-origin'], '*', path);
      assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin', path);
      assert.equal(res.headers['x-content-type-options'], 'nosniff', path);
    }
    const doc = await request(server.url, '/v1/routes.json', { headers: { Origin: OTHER_ORIGIN } });
    assert.equal(doc.status, 200);
    assert.equal(doc.headers['access-control-allow-origin'], undefined, 'the /v1/ allowlist still applies');
    const missing = await request(server.url, '/elements/occupational-maps-nothing-AAAAAAAA.js', { headers: { Origin: OTHER_ORIGIN } });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['access-control-allow-origin'], '*', 'a page can read why its chunk failed');
  });

  test('content types: JavaScript modules, JSON source maps, CSS', async () => {
    assert.match(String((await request(server.url, '/elements/occupational-maps.js')).headers['content-type']), /^text\/javascript/);
    assert.match(String((await request(server.url, `/elements/${chunk}.map`)).headers['content-type']), /^application\/json/);
    assert.match(String((await request(server.url, '/elements/themes/govuk.css')).headers['content-type']), /^text\/css/);
  });

  test('a hashed chunk is immutable; entry files and themes revalidate with their ETag (304 in any coding)', async () => {
    const hashed = await request(server.url, `/elements/${chunk}`);
    assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(hashed.body.toString(), readFileSync(new URL(chunk, CDN_DIR), 'utf8'));
    for (const path of ['/elements/occupational-maps.js', '/elements/occupational-maps.all.js', '/elements/themes/govuk.css']) {
      const first = await request(server.url, path, { headers: { 'Accept-Encoding': 'br' } });
      assert.equal(first.headers['cache-control'], 'public, max-age=300', path);
      assert.ok(first.headers.etag, path);
      const again = await request(server.url, path, { headers: { 'If-None-Match': String(first.headers.etag) } });
      assert.equal(again.status, 304, path);
      assert.equal(again.headers['access-control-allow-origin'], '*', path);
    }
  });
});

describe('read once, kept in memory', () => {
  test('after the first request, changing or deleting the files on disk changes nothing served', async () => {
    const dir = fakePackage();
    try {
      const assets = createElementsAssets(pathToFileURL(`${dir}/`));
      const before = await assets('/elements/occupational-maps.js');
      const theme = await assets('/elements/themes/govuk.css');
      assert.ok(before && theme);
      writeFileSync(`${dir}/dist/cdn/occupational-maps.js`, 'changed');
      rmSync(`${dir}/dist/cdn/occupational-maps-x-AbCd12_-.js`);
      rmSync(`${dir}/themes/govuk.css`);
      assert.equal(await assets('/elements/occupational-maps.js'), before, 'the same bytes, not read again');
      assert.ok(await assets('/elements/occupational-maps-x-AbCd12_-.js'));
      assert.equal(await assets('/elements/themes/govuk.css'), theme);
      assert.equal(await assets('/elements/../package.json'), null);
      assert.equal(await assets('/elements/themes/x.js'), null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an incomplete bundle (a build in progress) is not kept: served once its chunks are all there', async () => {
    const dir = fakePackage(false);
    try {
      const assets = createElementsAssets(pathToFileURL(`${dir}/`));
      assert.equal(await assets('/elements/occupational-maps.js'), null, 'the entry imports a chunk that is missing');
      writeFileSync(`${dir}/dist/cdn/occupational-maps-x-AbCd12_-.js`, 'export const x = 1;');
      assert.ok(await assets('/elements/occupational-maps.js'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
