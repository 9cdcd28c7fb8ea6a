/**
 * `om-gateway publish`: the whole static site (v1/, elements/, index.html, _headers, .nojekyll), its host headers,
 * the index page's escaping, the file-by-file swap (never a moment without v1/, undone on failure) and a failing
 * upstream that leaves the previous site byte for byte.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  assetCacheControl,
  configFromEnv,
  createGateway,
  DEFAULT_FIXTURES_DIR,
  filesUnder,
  indexPage,
  publishSite,
  readElementsBundle,
  siteRank,
  swapIn,
  writeSnapshot,
  HASHED_CHUNK,
  type IndexPageOptions,
} from '@occupational-maps/gateway';
import { json, liveGateway, startUpstream } from './helpers.js';
import { fingerprint, headersFor, parseHeadersFile } from './static-site.js';

const work = await mkdtemp(join(tmpdir(), 'om-publish-'));
after(() => rm(work, { recursive: true, force: true }));
const BIN = fileURLToPath(new URL('../../packages/gateway/bin/om-gateway.js', import.meta.url));
const fixedNow = () => new Date('2026-09-11T06:00:00.000Z');

const embeddedGateway = (now = fixedNow) =>
  createGateway({ config: { ...configFromEnv({}), fixturesDir: DEFAULT_FIXTURES_DIR }, source: 'fixtures', now, bulkStandards: true });

const site = join(work, 'site');
let published: Awaited<ReturnType<typeof publishSite>>;

test('publish writes a complete site from the embedded dataset: v1/ as the snapshot writes it, the whole bundle, the page, host files', async () => {
  const gateway = await embeddedGateway();
  published = await publishSite({ dataset: gateway.dataset, outDir: site, stats: gateway.http.stats });
  const files = await filesUnder(site);
  for (const required of ['_headers', '.nojekyll', 'index.html', 'elements/occupational-maps.js', 'elements/occupational-maps.all.js', 'elements/themes/govuk.css', 'v1/meta.json', 'v1/routes.json', 'v1/search-index.json']) {
    assert.ok(files.includes(required), `${required} is missing`);
  }
  assert.equal(published.files, files.length, 'the summary counts every file');
  assert.deepEqual(files.filter((path) => path.startsWith('.') && path !== '.nojekyll'), [], 'nothing temporary is left');

  // v1/ is byte-identical to what the snapshot writer (and so the server) produces for the same data.
  const snapshotGateway = await embeddedGateway();
  await writeSnapshot({ dataset: snapshotGateway.dataset, outDir: join(work, 'snapshot') });
  assert.deepEqual(await fingerprint(join(site, 'v1')), await fingerprint(join(work, 'snapshot', 'v1')));

  // elements/ is the installed bundle, every chunk and source map, and the theme presets.
  const bundle = await readElementsBundle();
  const elements = files.filter((path) => path.startsWith('elements/') && !path.startsWith('elements/themes/')).map((path) => path.slice('elements/'.length));
  assert.deepEqual(elements.sort(), [...bundle.files.keys()].sort());
  assert.ok(elements.some((name) => name.endsWith('.js.map')) && elements.filter((name) => HASHED_CHUNK.test(name)).length > 10);
  for (const name of elements) assert.ok(Buffer.from(bundle.files.get(name)!).equals(await readFile(join(site, 'elements', name))), name);
  assert.deepEqual(files.filter((path) => path.startsWith('elements/themes/')).sort(), ['dark.css', 'default.css', 'govuk.css', 'high-contrast.css'].map((name) => `elements/themes/${name}`));

  const page = await readFile(join(site, 'index.html'), 'utf8');
  const meta = JSON.parse(await readFile(join(site, 'v1', 'meta.json'), 'utf8'));
  assert.match(page, /11 September 2026/);
  assert.match(page, /sample data/i, 'the embedded dataset is called sample data, not Skills England data');
  assert.ok(page.includes(`<th scope="row">Occupations</th><td>${meta.counts.occupations}</td>`), 'the counts come from meta.json');
  for (const tag of ['route-map', 'occupation-card', 'soc-badge', 'progression-map', 'occupation-search', 'occupation-compare', 'favourite-toggle', 'occupation-favourites', 'map-builder']) {
    assert.match(page, new RegExp(`<${tag}[ >]`), `${tag} is live on the page`);
    assert.match(page, new RegExp(`&lt;${tag}[ &]`), `${tag} has a snippet`);
  }
  // Relative without --base-url: the page works under any path (GitHub project pages live under /repo/).
  assert.match(page, /<script type="module" src="elements\/occupational-maps.js"><\/script>/);
  assert.match(page, /<meta name="occupational-maps:api-base" content="v1\/">/);
  const size = published.siteBytes / 1e6;
  console.log(`site of the embedded dataset: ${published.files} files, ${size.toFixed(2)} MB, published in ${published.seconds.toFixed(1)} s`);
});

test('_headers: CORS, content type and caching for every file of the site, each header from exactly one rule', async () => {
  const rules = parseHeadersFile(await readFile(join(site, '_headers'), 'utf8'));
  assert.ok(rules.length <= 100, 'Cloudflare Pages reads at most 100 rules');
  assert.ok(rules.every((rule) => (rule.path.match(/\*/g) ?? []).length <= 1), 'Cloudflare Pages allows one * per path');
  const config = configFromEnv({});
  for (const file of await filesUnder(site)) {
    const path = `/${file}`;
    const { headers, sources } = headersFor(rules, path);
    for (const [name, from] of Object.entries(sources)) assert.equal(from.length, 1, `${path}: ${name} is set by ${from.join(' and ')} (the host would join them)`);
    if (file.startsWith('v1/')) {
      assert.equal(headers['access-control-allow-origin'], '*', path);
      assert.equal(headers['content-type'], 'application/json; charset=utf-8', path);
      assert.equal(headers['cache-control'], `public, max-age=${config.maxAgeSeconds}, stale-while-revalidate=${config.staleWhileRevalidateSeconds}, stale-if-error=${config.staleWhileRevalidateSeconds}`);
    } else if (file.startsWith('elements/')) {
      assert.equal(headers['access-control-allow-origin'], '*', path);
      assert.equal(headers['cross-origin-resource-policy'], 'cross-origin', path);
      // The same caching the gateway sends for the same file: immutable hashed chunks, short for entries and themes.
      assert.equal(headers['cache-control'], assetCacheControl(path), path);
      const type = file.endsWith('.js') ? 'text/javascript; charset=utf-8' : file.endsWith('.map') ? 'application/json; charset=utf-8' : 'text/css; charset=utf-8';
      assert.equal(headers['content-type'], type, path);
    } else if (file === 'index.html') {
      assert.equal(headers['cache-control'], 'public, max-age=300');
    }
  }
  assert.equal(headersFor(rules, '/elements/occupational-maps-route-map-AbCd1234.js').headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(headersFor(rules, '/elements/occupational-maps.js').headers['cache-control'], 'public, max-age=300');
});

test('index.html escapes every value from the data and the options', () => {
  const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
  const options: IndexPageOptions = {
    meta: {
      apiVersion: 1,
      generatedAt: '2026-09-11T06:00:00.000Z',
      source: 'live',
      data: { kind: 'skills-england', fetchedAt: '2026-09-11T06:00:00.000Z' },
      attribution: { text: `Skills England ${hostile}`, licence: `OGL ${hostile}`, url: 'https://example.org/?a="><script>' },
      counts: { routes: 15, occupations: 1287, standards: 700, progressionEdges: 900, socUnitGroups: 412 },
    },
    examples: {
      route: { slug: `digital${hostile}`, name: `Digital ${hostile}` },
      occupation: { code: `OCC0118${hostile}`, title: `Data analyst ${hostile}`, soc: `3544${hostile}` },
      other: { code: `OCC0116${hostile}`, title: hostile },
    },
    baseUrl: 'https://college.example/maps/?q="><script>alert(3)</script>',
    themes: [`govuk.css${hostile}`],
    version: `0.1.0${hostile}`,
  };
  const page = indexPage(options);
  assert.equal(page.match(/<script/g)?.length, 2, 'only the page\'s own two scripts');
  assert.ok(!page.includes('<img'), 'no markup from the data');
  assert.ok(!/onerror=alert\(2\)>(?!&)/.test(page.replace(/&lt;img src=x onerror=alert\(2\)&gt;/g, '')), 'attributes from the data stay text');
  assert.match(page, /Skills England data, 11 September 2026/);
  assert.match(page, /1,287/);
  // The base URL is written in, as a URL (its query and quotes cannot end the attribute or the element).
  assert.ok(page.includes('https://college.example/maps/?q=%22%3E%3Cscript%3Ealert(3)%3C/script%3E/elements/occupational-maps.js') ||
    page.includes('https://college.example/maps/elements/occupational-maps.js'), 'snippets carry the site\'s URL');
});

test('the swap moves files in one by one: v1/ and every old path stay readable at each step, what others refer to first', async () => {
  // A second version of the site: another date (meta.json and the page change), one document gone, one new file.
  const root = join(work, 'swap-root');
  await cp(site, root, { recursive: true });
  const before = await filesUnder(root);
  const staged = join(root, '.staged');
  await cp(site, staged, { recursive: true });
  await rm(join(staged, '.nojekyll'));
  const meta = JSON.parse(await readFile(join(staged, 'v1', 'meta.json'), 'utf8'));
  await writeFile(join(staged, 'v1', 'meta.json'), JSON.stringify({ ...meta, generatedAt: '2026-09-12T06:00:00.000Z' }));
  const gone = (await filesUnder(join(root, 'v1'))).find((path) => path.startsWith('soc/'))!;
  await rm(join(staged, 'v1', gone));
  await writeFile(join(staged, 'v1', 'soc', '9999.json'), '{}');
  const sample = before.filter((_, index) => index % 37 === 0).concat('v1/meta.json', 'v1/routes.json', 'elements/occupational-maps.js');

  const order: string[] = [];
  let checks = 0;
  await swapIn({
    root,
    staged,
    replaces: ['v1', 'elements'],
    rank: siteRank,
    onStep: async (path) => {
      order.push(path);
      for (const old of sample) {
        if (old === `v1/${gone}` && order.includes(old)) continue;
        await stat(join(root, old)); // throws ENOENT if the path went missing
        checks++;
      }
    },
  });
  assert.ok(checks > 10_000, `${checks} reads between the steps`);
  assert.deepEqual(order.at(-1), `v1/${gone}`, 'files no longer published go last');
  const inOrder = order.slice(0, -1);
  const position = (path: string) => inOrder.indexOf(path);
  const lastChunk = Math.max(...inOrder.filter((path) => path.startsWith('elements/') && HASHED_CHUNK.test(path.slice(9))).map(position));
  assert.ok(lastChunk < position('elements/occupational-maps.js'), 'chunks before the entry that imports them');
  const lastOccupation = Math.max(...inOrder.filter((path) => path.startsWith('v1/occupations/')).map(position));
  const firstRouteMap = Math.min(...inOrder.filter((path) => path.startsWith('v1/routes/')).map(position));
  assert.ok(lastOccupation < firstRouteMap, 'occupations before the route maps that list them');
  assert.ok(inOrder.filter((path) => path.startsWith('v1/')).every((path) => position(path) <= position('v1/meta.json')), 'meta.json last of v1/');

  assert.equal(JSON.parse(await readFile(join(root, 'v1', 'meta.json'), 'utf8')).generatedAt, '2026-09-12T06:00:00.000Z');
  await assert.rejects(stat(join(root, 'v1', gone)));
  assert.ok((await filesUnder(root)).includes('.nojekyll'), 'files outside the replaced folders stay');
  assert.deepEqual((await readdir(root)).filter((name) => name.startsWith('.') && name !== '.nojekyll'), [], 'staging and backup folders are gone');
});

test('a swap that fails half-way puts every file back as it was', async () => {
  const root = join(work, 'rollback');
  await cp(site, root, { recursive: true });
  const before = await fingerprint(root);
  const staged = join(root, '.staged');
  await cp(join(site, 'elements'), join(staged, 'elements'), { recursive: true });
  await cp(join(site, 'v1', 'occupations'), join(staged, 'v1', 'occupations'), { recursive: true });
  for (const path of await filesUnder(staged)) await writeFile(join(staged, path), 'new bytes');
  // v1/routes.json is a file in the site: a staged v1/routes.json/x.json cannot move in, and it moves late.
  await mkdir(join(staged, 'v1', 'routes.json'), { recursive: true });
  await writeFile(join(staged, 'v1', 'routes.json', 'x.json'), '{}');
  let moved = 0;
  await assert.rejects(swapIn({ root, staged, replaces: ['v1', 'elements'], rank: siteRank, onStep: () => void moved++ }));
  assert.ok(moved > 100, `${moved} files had moved in before the failure`);
  assert.deepEqual(await fingerprint(root), before);
});

test('a second publish with the upstream failing leaves the site byte-identical', async () => {
  const upstream = await startUpstream();
  try {
    const out = join(work, 'live-site');
    const first = await liveGateway(upstream, { retries: 1 });
    await publishSite({ dataset: first.dataset, outDir: out, stats: first.http.stats, baseUrl: 'https://college.example/maps' });
    const before = await fingerprint(out);
    assert.ok(Object.keys(before).length > 400);
    assert.ok((await readFile(join(out, 'index.html'), 'utf8')).includes('https://college.example/maps/elements/occupational-maps.js'));
    assert.match(await readFile(join(out, 'index.html'), 'utf8'), /Skills England data, \d{1,2} [A-Z][a-z]+ 20\d\d/, 'live data is dated as the elements date it');

    upstream.override = ({ url }) => (url.includes('/Routes') ? json({ error: 'down' }, 503) : undefined);
    const second = await liveGateway(upstream, { retries: 1 });
    await assert.rejects(publishSite({ dataset: second.dataset, outDir: out, stats: second.http.stats }), /HTTP 503/);
    assert.deepEqual(await fingerprint(out), before);
  } finally {
    await upstream.close();
  }
});

function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, OM_API_KEY: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return { output: () => output, done: new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1))) };
}

test('om-gateway publish (bin): the site with --base-url in its snippets, a summary, and clear refusals', async () => {
  const out = join(work, 'cli');
  const cli = run(['publish', '--out', out, '--source', 'fixtures', '--base-url', 'https://college.example/maps']);
  assert.equal(await cli.done, 0, cli.output());
  assert.match(cli.output(), /Published \d+ files \([\d.]+ MB\) to .* in [\d.]+ s/);
  assert.match(cli.output(), /Building: \d+\/\d+ documents \(100%\)/);
  assert.match(cli.output(), /Downloading API A: [\d.]+\/[\d.]+ MB \(100%\)/, 'API A\'s full list, as it streams in');
  const page = await readFile(join(out, 'index.html'), 'utf8');
  assert.ok(page.includes('https://college.example/maps/elements/occupational-maps.js'));
  assert.ok(page.includes('https://college.example/maps/v1/'));

  const before = await fingerprint(out);
  const bad = run(['publish', '--out', out, '--base-url', 'ftp://college.example/']);
  assert.equal(await bad.done, 1);
  assert.match(bad.output(), /--base-url must be an http\(s\) URL/);
  assert.match(bad.output(), /previous site, if any, is unchanged/);
  const missing = run(['publish']);
  assert.equal(await missing.done, 1);
  assert.match(missing.output(), /publish needs --out DIR/);
  assert.deepEqual(await fingerprint(out), before);
});

test('without the elements package, publish says what to install', async () => {
  const nowhere = join(work, 'no-elements', 'x.js');
  await mkdir(join(work, 'no-elements'), { recursive: true });
  await assert.rejects(readElementsBundle(nowhere), /install it beside the gateway \(npm install @occupational-maps\/elements\)/);
});

test('a run removes the staging folders of killed runs, and only those', async () => {
  const out = join(work, 'stale');
  const dead = spawn(process.execPath, ['-e', '']);
  const deadPid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid!)));
  await mkdir(join(out, `.publish.tmp-${deadPid}-1`, 'v1'), { recursive: true });
  await mkdir(join(out, `.v1.tmp-${deadPid}-2`), { recursive: true });
  await mkdir(join(out, `.publish.tmp-${process.ppid}-3`), { recursive: true }); // a run in progress elsewhere
  const gateway = await embeddedGateway();
  await publishSite({ dataset: gateway.dataset, outDir: out });
  const hidden = (await readdir(out)).filter((name) => name.startsWith('.')).sort();
  assert.deepEqual(hidden, ['.nojekyll', `.publish.tmp-${process.ppid}-3`, `.v1.tmp-${deadPid}-2`], 'publish clears its own kind of leftovers');
  await writeSnapshot({ dataset: gateway.dataset, outDir: out });
  assert.deepEqual((await readdir(out)).filter((name) => name.startsWith('.')).sort(), ['.nojekyll', `.publish.tmp-${process.ppid}-3`]);
});
