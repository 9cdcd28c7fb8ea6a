/**
 * Zero-server publishing as a college runs it: the three packages packed with `npm pack` and installed from the
 * tarballs into an empty folder (no workspace links), the workflow's own publish command (publish-command.ts) run
 * there against a loopback upstream that serves the embedded dataset in the upstream shapes, the site served by a
 * plain static file server from npm (sirv, applying the site's `_headers` as Netlify or Cloudflare Pages would), and
 * a host page on ANOTHER origin embedding map, card, badge, search and progression map with the snippets copied from
 * the site's index.html, in Chromium. A second publish with the upstream failing leaves the site byte-identical.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sirv from 'sirv';
import { DEFAULT_FIXTURES_DIR, filesUnder } from '@occupational-maps/gateway';
import { API_KEY, json, startUpstream, type MockUpstream } from '../../gateway/helpers.js';
import { fingerprint, headersFor, parseHeadersFile } from '../../gateway/static-site.js';
import { inPage, launchBrowser, PAGE_HELPERS, poll, ROOT, startHost, waitForState, watch, writeResult, type HostServer } from './harness.js';
import { PUBLISH_COMMAND, PUBLISH_OUT } from './publish-command.js';

const PACKAGES = ['core', 'elements', 'gateway'];

/** The newest file time under a folder. */
function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { recursive: true })) {
    const stats = statSync(join(dir, String(entry)));
    if (stats.isFile()) time = Math.max(time, stats.mtimeMs);
  }
  return time;
}

let work: string;
let app: string;
let site: string;
let upstream: MockUpstream;
let statics: { url: string; server: Server };
let browser: Browser;
let host: HostServer;

/** Runs the workflow's command in the college's folder, as the Actions runner's shell does. */
function runPublish(): Promise<{ code: number; output: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', PUBLISH_COMMAND], {
      cwd: app,
      env: {
        ...process.env,
        OM_API_KEY: API_KEY,
        OM_MAPS_API_BASE: upstream.mapsBase,
        OM_STANDARDS_API_BASE: upstream.standardsBase,
        OM_UPSTREAM_RETRIES: '1',
        OM_RETRY_BASE_MS: '1',
        SITE_URL: statics.url,
        // npx must find the installed CLI, never fetch a package of that name from the registry.
        npm_config_offline: 'true',
        NODE_OPTIONS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output, seconds: (performance.now() - started) / 1000 }));
  });
}

before(async () => {
  for (const name of PACKAGES) {
    const dir = `${ROOT}packages/${name}/`;
    if (newest(`${dir}src`) > newest(`${dir}dist`)) throw new Error(`packages/${name}/dist is older than its src/: run npm run build first (the tarball ships dist/).`);
  }
  work = await mkdtemp(join(tmpdir(), 'om-publish-e2e-'));
  const packed = spawnSync('npm', ['pack', '--json', '--pack-destination', work, ...PACKAGES.flatMap((name) => ['--workspace', `packages/${name}`])], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(packed.status, 0, packed.stderr);
  const tarballs = (JSON.parse(packed.stdout) as Array<{ filename: string }>).map((entry) => join(work, entry.filename));
  app = join(work, 'college-site');
  site = join(app, PUBLISH_OUT);
  await mkdir(app);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'college-site', private: true }));
  const installed = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs], { cwd: app, encoding: 'utf8' });
  assert.equal(installed.status, 0, installed.stderr);

  upstream = await startUpstream(DEFAULT_FIXTURES_DIR);
  // A plain static file server, reading the files on each request, with the headers of the site's own _headers.
  let rules: ReturnType<typeof parseHeadersFile> = [];
  const serve = sirv(site, {
    dev: true,
    setHeaders: (res, pathname) => {
      for (const [name, value] of Object.entries(headersFor(rules, pathname).headers)) res.setHeader(name, value);
    },
  });
  const server = createServer(async (req, res) => {
    rules = parseHeadersFile(await readFile(join(site, '_headers'), 'utf8').catch(() => ''));
    serve(req, res, () => void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  statics = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
  [browser, host] = await Promise.all([launchBrowser(), startHost(new Map())]);
});

after(async () => {
  await browser?.close();
  await Promise.all([
    host?.close(),
    upstream?.close(),
    statics && new Promise<void>((resolve) => {
      statics.server.closeAllConnections();
      statics.server.close(() => resolve());
    }),
  ]);
  if (work) await rm(work, { recursive: true, force: true });
});

test('the gateway installed from its npm tarballs publishes the site with the workflow\'s command', async () => {
  const run = await runPublish();
  assert.equal(run.code, 0, run.output);
  assert.match(run.output, new RegExp(`the elements bundle from ${join(app, 'node_modules', '@occupational-maps', 'elements').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`), 'the bundle of the installed package');
  const files = await filesUnder(site);
  for (const required of ['_headers', 'index.html', 'elements/occupational-maps.js', 'v1/meta.json', '.nojekyll']) assert.ok(files.includes(required), required);
  assert.equal(JSON.parse(await readFile(join(site, 'v1', 'meta.json'), 'utf8')).source, 'live');
  let bytes = 0;
  for (const file of files) bytes += (await stat(join(site, file))).size;
  writeResult('publish', { files: files.length, megabytes: Number((bytes / 1e6).toFixed(2)), seconds: Number(run.seconds.toFixed(1)) });
  console.log(`published from the tarballs: ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB, ${run.seconds.toFixed(1)} s including npx`);
});

/** The snippets of the site's index.html, as a person copies them (entities decoded), by id. */
async function snippets(): Promise<Record<string, string>> {
  const page = await readFile(join(site, 'index.html'), 'utf8');
  const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return Object.fromEntries([...page.matchAll(/<pre id="([\w-]+)-code"><code>([\s\S]*?)<\/code><\/pre>/g)].map((match) => [match[1], decode(match[2])]));
}

async function openWatched(url: string): Promise<{ page: Page; seen: Awaited<ReturnType<typeof watch>> }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const seen = await watch(page);
  await page.addInitScript(PAGE_HELPERS);
  await page.goto(url);
  return { page, seen };
}

const SHOWN = ['route-map', 'occupation-card', 'soc-badge', 'occupation-search', 'progression-map'];

test('a page on another origin embeds map, card, badge, search and progression map with the snippets from index.html', async () => {
  const code = await snippets();
  assert.ok(code.start.includes(`${statics.url}/elements/occupational-maps.js`), 'the snippet carries the site\'s URL');
  assert.ok(!Object.values(code).some((text) => text.includes('<span')), 'no markup in the copied code');
  host.pages.set('/college.html', `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>A college page</title><link rel="icon" href="data:,"></head>
<body><main>
${code.start}
${SHOWN.map((id) => code[id]).join('\n')}
</main></body></html>`);
  assert.notEqual(new URL(host.url).origin, new URL(statics.url).origin);
  const { page, seen } = await openWatched(`${host.url}/college.html`);
  try {
    await poll(page, `${JSON.stringify(SHOWN)}.every((tag) => customElements.get(tag))`);
    await waitForState(page, SHOWN.join(','), 'ready');
    const text = await page.evaluate(`Object.fromEntries(${JSON.stringify(SHOWN)}.map((tag) => [tag, document.querySelector(tag).shadowRoot.textContent.replace(/\\s+/g, ' ')]))`) as Record<string, string>;
    const meta = JSON.parse(await readFile(join(site, 'v1', 'meta.json'), 'utf8'));
    assert.ok(meta.counts.occupations > 0);
    const routeName = (await readFile(join(site, 'index.html'), 'utf8')).match(/<h2 id="route-map-title">Route map<\/h2>\s*<p>The (.*?) route/)![1];
    assert.ok(text['route-map'].includes(routeName), `the map shows ${routeName}`);
    const cardCode = code['occupation-card'].match(/code="([^"]+)"/)![1];
    const occupation = JSON.parse(await readFile(join(site, 'v1', 'occupations', `${cardCode}.json`), 'utf8'));
    assert.ok(text['occupation-card'].includes(occupation.title), 'the card shows its occupation');
    assert.ok(text['progression-map'].includes(occupation.title), 'the progression map centres on it');
    assert.ok(text['soc-badge'].includes(occupation.soc2020), 'the badge shows the SOC code');

    // Search loads its index from the site when someone types.
    await page.locator('occupation-search input').first().fill(occupation.title.split(' ')[0]);
    await poll(page, `document.querySelector('occupation-search').shadowRoot.querySelectorAll('[role="option"]').length > 0`);
    assert.deepEqual([...seen.errors, ...seen.pageErrors], [], 'no console error');
  } finally {
    await page.close();
  }
});

test('the site\'s own index.html shows every element live against the site, with no console error', async () => {
  const { page, seen } = await openWatched(`${statics.url}/index.html`);
  try {
    const tags = ['route-map', 'occupation-card', 'soc-badge', 'progression-map', 'occupation-search', 'occupation-compare', 'favourite-toggle', 'occupation-favourites', 'map-builder'];
    await poll(page, `${JSON.stringify(tags)}.every((tag) => customElements.get(tag))`);
    await waitForState(page, tags.join(','), 'ready');
    await page.addScriptTag({ content: readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8') });
    const violations = await inPage<string[]>(page, `async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] }))
      .violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '))`);
    assert.deepEqual(violations, [], 'axe WCAG 2.2 AA');
    await page.setViewportSize({ width: 320, height: 800 });
    assert.equal(await inPage<number>(page, '() => document.documentElement.scrollWidth - document.documentElement.clientWidth'), 0, 'no horizontal scrolling at 320 px');
    assert.deepEqual([...seen.errors, ...seen.pageErrors], [], 'no console error');
  } finally {
    await page.close();
  }
});

test('a second publish with the upstream failing leaves the site byte-identical', async () => {
  const before = await fingerprint(site);
  upstream.override = () => json({ error: 'down' }, 503);
  try {
    const run = await runPublish();
    assert.notEqual(run.code, 0, run.output);
    assert.match(run.output, /previous site, if any, is unchanged/);
  } finally {
    upstream.override = null;
  }
  assert.deepEqual(await fingerprint(site), before);
});

test('npx om-gateway publish --source fixtures works from the installed tarballs too (no key, the embedded sample)', async () => {
  const out = join(app, 'sample-site');
  const result = spawnSync('npx', ['om-gateway', 'publish', '--out', out, '--source', 'fixtures', '--quiet'], {
    cwd: app,
    encoding: 'utf8',
    env: { ...process.env, OM_API_KEY: '', npm_config_offline: 'true', NODE_OPTIONS: '' },
  });
  assert.equal(result.status, 0, result.stderr);
  const files = await filesUnder(out);
  for (const required of ['_headers', 'index.html', 'elements/occupational-maps.js', 'v1/meta.json']) assert.ok(files.includes(required), required);
  assert.equal(JSON.parse(await readFile(join(out, 'v1', 'meta.json'), 'utf8')).source, 'fixtures');
});
