/**
 * The done-when with the BUILT CDN bundle in Chromium: a college's page with
 * `<route-map route="digital" courses-src="courses.csv">` and the README's five-row CSV, served by the college's own
 * site, marks exactly the occupations the rows reach "Offered here", filters to them, and lists the courses on each
 * chosen occupation's card. Papa Parse arrives as its own chunk, only for a CSV; a bad list never breaks the map.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { RouteMapDocument, SearchIndexDocument } from '@occupational-maps/core';
import { offeredByFiveRows } from '../../fixtures/courses/expected.js';
import { inPage, PAGE_HELPERS, pageHtml, poll, ROOT, startEmbedStack, watch, type EmbedStack, type HostServer, type RunningGateway } from './harness.js';

const CSV = readFileSync(`${ROOT}test/fixtures/courses/digital.csv`, 'utf8');
const JSON_LIST = JSON.stringify([{ code: 'ST0119', title: 'Network engineer apprenticeship', url: '/courses/network' }]);

let stack: EmbedStack;
let browser: Browser;
let gateway: RunningGateway;
let host: HostServer;
let files: Map<string, Buffer>;

before(async () => {
  stack = await startEmbedStack({
    files: {
      '/courses.csv': { body: CSV, type: 'text/csv; charset=utf-8' },
      '/courses.json': { body: JSON_LIST, type: 'application/json' },
      '/broken.csv': { body: 'title;link\nSomething;/x\n', type: 'text/csv' },
    },
  });
  ({ browser, gateway, host, files } = stack);
});
after(() => stack?.close());

/** The Digital occupations the five rows reach, worked out from the gateway's own documents. */
async function expectedOffered(): Promise<string[]> {
  const route = (await (await fetch(`${gateway.url}/v1/routes/digital.json`)).json()) as RouteMapDocument;
  const index = (await (await fetch(`${gateway.url}/v1/search-index.json`)).json()) as SearchIndexDocument;
  return offeredByFiveRows(route, index);
}

async function open(path: string, body: string) {
  host.pages.set(path, pageHtml(body));
  const page = await browser.newPage();
  const seen = await watch(page);
  await page.addInitScript(PAGE_HELPERS);
  await page.goto(`${host.url}${path}`);
  // The map draws its tiles a few clusters a frame; it is ready once no cluster waits (no aria-busy left).
  await poll(page, `document.querySelector('route-map')?.shadowRoot?.querySelector('.map .tile') != null && window.__omState(document.querySelector('route-map')) === 'ready'`);
  return { page, seen };
}

const marked = (page: Page) =>
  inPage<string[]>(page, `() => [...document.querySelector('route-map').shadowRoot.querySelectorAll('.map .tile')].filter((tile) => tile.querySelector('[part="offered-marker"]')).map((tile) => tile.dataset.code).sort()`);
const shown = (page: Page) =>
  inPage<string[]>(page, `() => [...document.querySelector('route-map').shadowRoot.querySelectorAll('.map .tile')].filter((tile) => tile.getClientRects().length > 0).map((tile) => tile.dataset.code).sort()`);
const scripts = (page: Page) =>
  inPage<string[]>(page, `() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/elements/')).map((path) => path.slice('/elements/'.length))`);
/** The autoloading build's chunk(s) holding Papa Parse: named after course-csv.ts, with Papa Parse's own code in it. */
const papaChunks = () =>
  [...files].filter(([file, code]) => /^occupational-maps-course-csv-[\w-]{8}\.js$/.test(file) && code.includes('delimitersToGuess') && code.includes('MissingQuotes')).map(([file]) => file);

/** Chooses an occupation's tile and returns the course titles its card lists. */
async function openCard(page: Page, code: string): Promise<string[]> {
  await inPage(page, `(code) => document.querySelector('route-map').shadowRoot.querySelector('.map .tile[data-code="' + code + '"]').click()`, code);
  await poll(page, `document.querySelector('route-map').shadowRoot.querySelector('dialog[open] occupation-card[code="${code}"]')?.shadowRoot?.querySelector('[part="course-link"]') != null`);
  return inPage<string[]>(
    page,
    `() => [...document.querySelector('route-map').shadowRoot.querySelector('dialog[open] occupation-card').shadowRoot.querySelectorAll('[part="course-link"]')].map((link) => link.textContent.trim())`,
  );
}

describe('<route-map courses-src="courses.csv"> with the built bundle', () => {
  test('Papa Parse is a chunk of its own, not in the entry', () => {
    assert.equal(papaChunks().length, 1, [...files.keys()].join(', '));
    const elsewhere = [...files].filter(([file, code]) => file.endsWith('.js') && /^occupational-maps[-.]/.test(file) && !file.includes('course-csv') && code.includes('MissingQuotes'));
    assert.deepEqual(elsewhere.map(([file]) => file), [], 'no other file of either build holds Papa Parse code');
  });

  test('marks exactly the occupations the five rows reach, filters to them, and lists the courses on a chosen card', async () => {
    const expected = await expectedOffered();
    assert.deepEqual(expected, ['OCC0116', 'OCC0118', 'OCC0119', 'OCC0120A', 'OCC0120B', 'OCC0122', 'OCC0865', 'OCC0973']);
    const { page, seen } = await open('/college.html', '<route-map route="digital" controls courses-src="courses.csv"></route-map>');
    try {
      await poll(page, `document.querySelector('route-map').shadowRoot.querySelectorAll('[part="offered-marker"]').length === 8`);
      assert.deepEqual(await marked(page), expected);
      const total = (await shown(page)).length;
      assert.equal(
        await inPage<string>(page, `() => document.querySelector('route-map').shadowRoot.querySelector('[part="offered-summary"]').textContent.trim()`),
        `8 of ${total} occupations offered here`,
      );
      assert.ok((await scripts(page)).includes(papaChunks()[0]!), 'the CSV reader chunk loaded');

      await inPage(page, `() => document.querySelector('route-map').shadowRoot.querySelector('#offered-only').click()`);
      await poll(page, `[...document.querySelector('route-map').shadowRoot.querySelectorAll('.map .tile')].filter((tile) => tile.getClientRects().length > 0).length === 8`);
      assert.deepEqual(await shown(page), expected);

      const cards: Record<string, string[]> = {};
      cards.OCC0116 = await openCard(page, 'OCC0116');
      // One occupation per page: reopening the dialog after closing it is route-map's own business, tested there.
      for (const code of ['OCC0118', 'OCC0120A']) {
        const other = await open(`/college-${code}.html`, '<route-map route="digital" courses-src="courses.csv"></route-map>');
        try {
          await poll(other.page, `document.querySelector('route-map').shadowRoot.querySelectorAll('[part="offered-marker"]').length === 8`);
          cards[code] = await openCard(other.page, code);
          assert.deepEqual(other.seen.pageErrors, []);
        } finally {
          await other.page.close();
        }
      }
      assert.deepEqual(cards, {
        OCC0116: ['Software developer apprenticeship', 'HND Software Development'],
        OCC0118: ['Data analyst apprenticeship'],
        OCC0120A: ['T Level in Digital Support Services'],
      });
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('a JSON list never fetches the CSV reader', async () => {
    const { page, seen } = await open('/json.html', '<route-map route="digital" courses-src="courses.json"></route-map>');
    try {
      await poll(page, `document.querySelector('route-map').shadowRoot.querySelectorAll('[part="offered-marker"]').length === 1`);
      assert.deepEqual(await marked(page), ['OCC0119']);
      assert.ok(!(await scripts(page)).includes(papaChunks()[0]!), 'no CSV reader for JSON');
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('an unreachable list and a CSV without the needed columns each show one notice, and the map works', async () => {
    for (const src of ['missing.csv', 'broken.csv']) {
      const { page, seen } = await open(`/bad-${src}.html`, `<route-map route="digital" controls courses-src="${src}"></route-map>`);
      try {
        await poll(page, `document.querySelector('route-map').shadowRoot.querySelector('[part="courses-notice"]') != null`);
        assert.equal(await inPage<number>(page, `() => document.querySelector('route-map').shadowRoot.querySelectorAll('[part="courses-notice"]').length`), 1);
        assert.deepEqual(await marked(page), []);
        assert.ok((await shown(page)).length > 40, 'every occupation still shows');
        assert.deepEqual(seen.pageErrors, []);
      } finally {
        await page.close();
      }
    }
  });
});
