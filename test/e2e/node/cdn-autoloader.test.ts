/**
 * The BUILT CDN files in Chromium: occupational-maps.js fetches an element's chunk only when its tag is on the page
 * (and defines it then), occupational-maps.all.js defines everything at once; either way the data client and a
 * badge's detail load only when used. One Chromium and one gateway (embedded dataset) for the whole file.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { inPage, PAGE_HELPERS, pageHtml, poll, startEmbedStack, waitForState, watch, type EmbedStack, type HostServer, type RunningGateway } from './harness.js';

let stack: EmbedStack;
let browser: Browser;
let gateway: RunningGateway;
let host: HostServer;
let files: Map<string, Buffer>;

before(async () => {
  stack = await startEmbedStack();
  ({ browser, gateway, host, files } = stack);
});
after(() => stack?.close());

/** The bundle files the page fetched, by name. */
const fetchedScripts = (page: Page) =>
  inPage<string[]>(page, `() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/elements/')).map((path) => path.slice('/elements/'.length))`);

/** The chunk files of the autoloading build that hold a module's code (rollup names a chunk after its main module). */
const chunkOf = (name: string) => [...files.keys()].filter((file) => new RegExp(`^occupational-maps-${name}-[\\w-]{8}\\.js$`).test(file));
/** The autoloading build's chunk with the data client in it, found by one of the client's messages. */
const clientChunk = () => [...files].filter(([file, code]) => file.startsWith('occupational-maps-') && code.includes('is not a valid Embed API v1')).map(([file]) => file);
const defined = (page: Page, tags: string[]) => inPage<boolean[]>(page, `(tags) => tags.map((tag) => customElements.get(tag) !== undefined)`, tags);

async function open(path: string, body: string, bundlePath?: string) {
  host.pages.set(path, pageHtml(body, bundlePath ? { bundlePath } : {}));
  const page = await browser.newPage();
  const seen = await watch(page);
  await page.addInitScript(PAGE_HELPERS);
  await page.goto(`${host.url}${path}`);
  return { page, seen };
}

describe('occupational-maps.js (autoloader)', () => {
  test('the build names a chunk after each element, so the checks below can see what loaded', () => {
    for (const name of ['soc-badge', 'route-map', 'occupation-card', 'map-builder', 'soc-badge-detail']) {
      assert.equal(chunkOf(name).length, 1, `one chunk for ${name}: ${[...files.keys()].join(', ')}`);
    }
    assert.equal(clientChunk().length, 1, 'one chunk holds the data client');
  });

  test('a page with one badge fetches the badge, not the maps, cards or data client, and defines only what it shows', async () => {
    const { page, seen } = await open('/badge.html', '<soc-badge id="badge" code="2134"></soc-badge>');
    try {
      await poll(page, `customElements.get('soc-badge') !== undefined`);
      await waitForState(page, 'soc-badge', 'ready');
      assert.match(await inPage<string>(page, `() => document.querySelector('#badge').shadowRoot.textContent`), /Programmers and software development professionals/);
      const scripts = await fetchedScripts(page);
      assert.ok(scripts.includes(chunkOf('soc-badge')[0]!), scripts.join(', '));
      for (const unused of ['route-map', 'occupation-card', 'map-builder', 'soc-badge-detail']) {
        assert.ok(!scripts.includes(chunkOf(unused)[0]!), `${unused} was not fetched: ${scripts.join(', ')}`);
      }
      assert.ok(!scripts.includes(clientChunk()[0]!), `no data client for a plain badge: ${scripts.join(', ')}`);
      assert.deepEqual(await defined(page, ['soc-badge', 'route-map', 'occupation-card', 'occupation-search']), [true, false, false, false]);
      assert.deepEqual(gateway.requests.filter((path) => path.includes('soc/2134')), [], 'a closed badge makes no request');
      assert.deepEqual([...seen.pageErrors, ...seen.errors], []);
    } finally {
      await page.close();
    }
  });

  test('an element added by script later is defined when it appears, with the elements it shows', async () => {
    const { page, seen } = await open('/later.html', '<p id="intro">No elements yet.</p>');
    try {
      await page.waitForTimeout(200);
      assert.deepEqual(await defined(page, ['occupation-card', 'soc-badge']), [false, false]);
      await inPage(page, `() => { const card = document.createElement('occupation-card'); card.id = 'card'; card.setAttribute('code', 'OCC0118'); card.setAttribute('api-base', '/v1/'); document.querySelector('main').append(card); }`);
      await poll(page, `customElements.get('occupation-card') !== undefined`);
      await waitForState(page, '#card', 'ready');
      assert.match(await inPage<string>(page, `() => document.querySelector('#card').shadowRoot.textContent`), /Data analyst/);
      // The card shows a badge: its define entry came with the card's, without the page holding a <soc-badge>.
      assert.deepEqual(await defined(page, ['soc-badge', 'favourite-toggle']), [true, true]);
      assert.deepEqual([...seen.pageErrors, ...seen.errors], []);
    } finally {
      await page.close();
    }
  });

  test('discover() reaches into a shadow root of the host page', async () => {
    const { page, seen } = await open('/shadow.html', '<div id="widget"></div>');
    try {
      await inPage(page, `() => { const root = document.querySelector('#widget').attachShadow({ mode: 'open' }); root.innerHTML = '<soc-badge code="5231"></soc-badge>'; }`);
      await page.waitForTimeout(300);
      assert.deepEqual(await defined(page, ['soc-badge']), [false], 'the document observer cannot see into the shadow root');
      await inPage(page, `async () => { const { discover } = await import('/elements/occupational-maps.js'); await discover(document.querySelector('#widget').shadowRoot); }`);
      assert.deepEqual(await defined(page, ['soc-badge']), [true]);
      await poll(page, `/Vehicle technicians/.test(document.querySelector('#widget').shadowRoot.querySelector('soc-badge').shadowRoot.textContent)`);
      assert.deepEqual([...seen.pageErrors, ...seen.errors], []);
    } finally {
      await page.close();
    }
  });
});

describe('occupational-maps.all.js (eager)', () => {
  test('defines every element at once and fetches no element chunk', async () => {
    const { page, seen } = await open('/all.html', '<soc-badge id="badge" code="2134"></soc-badge>', '/elements/occupational-maps.all.js');
    try {
      await poll(page, `customElements.get('soc-badge') !== undefined`);
      assert.deepEqual(await defined(page, ['route-map', 'occupation-card', 'occupation-search', 'map-builder', 'progression-map']), [true, true, true, true, true]);
      await waitForState(page, 'soc-badge', 'ready');
      const scripts = await fetchedScripts(page);
      assert.ok(scripts.every((script) => script.startsWith('occupational-maps.all')), `only the eager build's files: ${scripts.join(', ')}`);
      assert.deepEqual([...seen.pageErrors, ...seen.errors], []);
    } finally {
      await page.close();
    }
  });
});
