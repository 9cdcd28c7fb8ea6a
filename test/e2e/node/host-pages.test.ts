/**
 * The built bundle on host pages nobody here controls: a strict Content-Security-Policy, aggressive global CSS, and
 * the library loaded twice. One Chromium and one gateway (embedded dataset) for the whole file.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { inPage, poll, ROOT, PAGE_HELPERS, pageHtml, startEmbedStack, startHost, waitForState, watch, writeResult, type EmbedStack, type HostServer } from './harness.js';

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** Markup for every element, reading the API through the host's own origin (/v1/ is proxied). */
const MARKUP: Record<string, string> = {
  'route-map': '<route-map id="map" route="digital" controls api-base="/v1/"></route-map>',
  'occupation-card':
    '<occupation-card id="card" code="OCC0118" api-base="/v1/"><a href="https://example.org/data-analyst">Data analyst</a></occupation-card>' +
    '<occupation-card id="compact" code="OCC0116" variant="compact" api-base="/v1/"></occupation-card>',
  'soc-badge': '<soc-badge id="badge" code="3544" detail api-base="/v1/"></soc-badge><soc-badge id="plain-badge" code="2134"></soc-badge>',
  'progression-map': '<progression-map id="progression" code="OCC0118" api-base="/v1/"></progression-map>',
  'favourite-toggle': '<favourite-toggle id="favourite" code="OCC0118" title="Data analyst"></favourite-toggle>',
  'occupation-favourites': '<occupation-favourites id="favourites"></occupation-favourites>',
  'occupation-compare': '<occupation-compare id="compare" codes="OCC0118,OCC0116" api-base="/v1/"></occupation-compare>',
  'occupation-search': '<occupation-search id="search" api-base="/v1/"></occupation-search>',
  'map-builder': '<map-builder id="builder" api-base="/v1/"></map-builder>',
};
/** Every tag the CDN bundle defines (its entry, src/define/all.ts, imports one define module per tag). */
const TAGS = [...readFileSync(`${ROOT}packages/elements/src/define/all.ts`, 'utf8').matchAll(/import '\.\/([a-z-]+)\.js'/g)].map((match) => match[1]);
const EVERY_ELEMENT = TAGS.map((tag) => MARKUP[tag] ?? '').join('\n');

test('the pages below cover every element the bundle defines', () => {
  assert.ok(TAGS.length >= 6, TAGS.join());
  assert.deepEqual(TAGS.filter((tag) => !MARKUP[tag]), [], 'add markup for new elements to MARKUP');
});

const HOSTILE_CSS = `
* { font: 30px serif !important; line-height: 3 !important; letter-spacing: 2px !important; box-sizing: content-box !important; text-transform: uppercase !important }
div { display: none !important }
button { all: unset !important }
`;

let stack: EmbedStack;
let browser: Browser;
let host: HostServer;
let strictHost: HostServer;

before(async () => {
  stack = await startEmbedStack({ files: { '/hostile.css': { body: HOSTILE_CSS, type: 'text/css' } } });
  ({ browser, host } = stack);
  strictHost = await startHost(stack.files, { apiTarget: stack.gateway.url, pageHeaders: { 'Content-Security-Policy': STRICT_CSP } });
});
after(async () => {
  await strictHost?.close();
  await stack?.close();
});

/** Opens a page of `host` with every element and waits until all of them have data. */
async function openEveryElement(server: HostServer, path: string, head = '', width = 1100) {
  server.pages.set(path, pageHtml(EVERY_ELEMENT, { head }));
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const seen = await watch(page);
  await page.addInitScript(PAGE_HELPERS);
  await page.goto(`${server.url}${path}`);
  await poll(page, `${JSON.stringify(TAGS)}.every((tag) => customElements.get(tag))`);
  await waitForState(page, TAGS.join(','), 'ready');
  // The SOC badge's detail is a disclosure: open it, so its data (the soc document) loads too.
  await page.locator('#badge').locator('[part~="badge"]').click();
  await poll(page, `(() => { const root = document.querySelector('#badge').shadowRoot; return root.querySelector('[part~="detail"]') && !root.querySelector('[aria-busy="true"]'); })()`);
  return { page, seen };
}

describe('strict CSP host page', () => {
  test(`every element renders under "${STRICT_CSP}" with zero securitypolicyviolation events`, async () => {
    const { page, seen } = await openEveryElement(strictHost, '/csp.html');
    try {
      const content = await inPage<Record<string, string>>(page, `() => Object.fromEntries([...document.querySelectorAll('main > *')].map((el) => [el.id, el.shadowRoot.textContent.replace(/\\s+/g, ' ').trim()]))`);
      assert.match(content.map, /Digital/);
      assert.match(content.card, /Data analyst/);
      assert.match(content.compact, /Software developer/);
      assert.match(content.badge, /3544/);
      assert.match(content.badge, /Data analysts/);
      assert.match(content.progression, /Data analyst/);
      assert.equal(await page.locator('#favourite').locator('button').count(), 1);
      if ('compare' in content) assert.match(content.compare, /Data analyst[\s\S]*Software developer/);
      if ('search' in content) {
        await page.locator('#search').locator('input[role="combobox"]').fill('data analyst');
        await poll(page, `/\\d+ occupations? found/.test(document.querySelector('#search').shadowRoot.textContent)`);
        assert.match(await inPage<string>(page, `() => document.querySelector('#search').shadowRoot.textContent`), /Data analyst/);
      }
      // Interact a little, so styles applied on interaction are covered too.
      await page.locator('#favourite').locator('button').click();
      await poll(page, `document.querySelector('#favourites').shadowRoot.textContent.includes('Data analyst')`);
      await page.locator('#map').locator('[part~="tile"]').first().click();
      await page.waitForTimeout(300);
      const violations = await inPage<string[]>(page, '() => window.__omViolations');
      assert.deepEqual(violations, [], 'securitypolicyviolation events');
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(seen.errors, []);
      writeResult('host-pages', { cspElements: TAGS.length, cspViolations: violations.length });
    } finally {
      await page.close();
    }
  });
});

/**
 * Typography and layout of every text-bearing and every `part` node inside the shadow roots, relative to its host:
 * the same numbers on a plain page and under hostile CSS means the page's CSS does not reach in.
 */
const MEASURE = `() => {
  const out = {};
  for (const host of document.querySelectorAll('main > *')) {
    const origin = host.getBoundingClientRect();
    const rows = [];
    const nodes = [host.shadowRoot, ...window.__omRoots(host.shadowRoot)].flatMap((root) => [...root.querySelectorAll('*')]);
    for (const node of nodes) {
      const hasText = [...node.childNodes].some((child) => child.nodeType === 3 && child.textContent.trim());
      if (!hasText && !node.hasAttribute('part')) continue;
      const style = getComputedStyle(node);
      if (style.display === 'none') continue;
      const box = node.getBoundingClientRect();
      rows.push([
        node.localName + (node.getAttribute('part') ? '[' + node.getAttribute('part') + ']' : ''),
        style.fontSize, style.lineHeight, style.letterSpacing, style.textTransform, style.fontWeight,
        // Boxless nodes (a closed select's options) report positions of no meaning.
        box.width || box.height ? [Math.round(box.x - origin.x), Math.round(box.y - origin.y), Math.round(box.width), Math.round(box.height)].join(' ') : 'no box',
      ].join(' '));
    }
    out[host.id] = { width: Math.round(origin.width), height: Math.round(origin.height), rows, fontFamily: getComputedStyle(host).fontFamily };
  }
  return out;
}`;

describe('hostile host CSS', () => {
  test('computed typography and the boxes of inner parts match a plain page (font-family is inherited by design)', async () => {
    // Same font family on both pages, so only the hostile rules differ: the family alone is the host's to choose.
    const plain = await openEveryElement(host, '/plain.html');
    const hostile = await openEveryElement(host, '/hostile.html', '<link rel="stylesheet" href="/hostile.css">');
    try {
      const [calm, attacked] = await Promise.all([inPage<Record<string, any>>(plain.page, MEASURE), inPage<Record<string, any>>(hostile.page, MEASURE)]);
      let compared = 0;
      for (const id of Object.keys(calm)) {
        assert.ok(attacked[id], `${id} is on the hostile page`);
        assert.equal(attacked[id].rows.length, calm[id].rows.length, `${id}: the same parts show`);
        assert.ok(calm[id].rows.length > 0 || id === 'favourites', `${id}: something measured`);
        if (process.env.DEBUG_E2E) for (const [index, row] of calm[id].rows.entries()) if (attacked[id].rows[index] !== row) console.log(id, index, row, '|', attacked[id].rows[index]);
        for (const [index, row] of calm[id].rows.entries()) assert.equal(attacked[id].rows[index], row, `${id}: inner node ${index}`);
        assert.equal(attacked[id].width, calm[id].width, `${id}: host width`);
        assert.equal(attacked[id].height, calm[id].height, `${id}: host height`);
        compared += calm[id].rows.length;
      }
      // By design the family comes from the host page (so embedded elements match the site); the hostile page set serif.
      assert.match(attacked.card.fontFamily, /serif/);
      assert.ok(compared > 100, `${compared} inner nodes compared`);
      assert.deepEqual(hostile.seen.pageErrors, []);
      writeResult('host-pages', { hostileCssNodesCompared: compared });
    } finally {
      await Promise.all([plain.page.close(), hostile.page.close()]);
    }
  });
});

describe('the bundle loaded twice', () => {
  test('the same file under two URLs: no exception, exactly one console warning, elements still work', async () => {
    host.pages.set(
      '/twice.html',
      pageHtml(`<occupation-card id="card" code="OCC0116" variant="compact" api-base="/v1/"></occupation-card><soc-badge id="badge" code="2134"></soc-badge>`, {
        head: '<script type="module" src="/copy/occupational-maps.js"></script>',
      }),
    );
    const page = await browser.newPage();
    const seen = await watch(page);
    await page.addInitScript(PAGE_HELPERS);
    try {
      await page.goto(`${host.url}/twice.html`);
      await waitForState(page, 'occupation-card, soc-badge', 'ready');
      await page.waitForTimeout(300);
      const scripts = await inPage<string[]>(page, `() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.endsWith('occupational-maps.js'))`);
      assert.deepEqual(scripts.sort(), ['/copy/occupational-maps.js', '/elements/occupational-maps.js'], 'both copies loaded');
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(seen.errors, []);
      const ours = seen.warnings.filter((line) => /occupational-maps/i.test(line));
      assert.equal(ours.length, 1, seen.warnings.join('\n'));
      assert.equal(seen.warnings.length, 1, seen.warnings.join('\n'));
      assert.match(ours[0], /loaded more than once/);
      assert.match(await inPage<string>(page, `() => document.querySelector('#card').shadowRoot.textContent`), /Software developer/);
    } finally {
      await page.close();
    }
  });
});
