/**
 * Hosts that are not our gateway, served by a plain static file server from npm (sirv-cli):
 * - a static site (origin C) with the bundle in elements/ and a snapshot in v1/, and a college's page (origin A)
 *   that points at it — with api-base, with the page's meta tag, or with nothing (the data beside elements/);
 * - a public CDN (origin D) that serves the bundle's files and no data, as jsDelivr or unpkg do: no request for data
 *   anywhere, each element explains once which attribute or meta tag to set, and its fallback content stays visible.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser } from 'playwright-core';
import { inPage, launchBrowser, loadBundle, poll, startHost, type HostServer } from './harness.js';
import { openHostPage, startStaticHost, waitForData, writeElementsFolder, writeStaticSite, type StaticHost } from './embed.js';

/** Where jsDelivr puts a package's CDN build; the static server stands in for it. */
const CDN_PATH = '/npm/@occupational-maps/elements@0.1.0/dist/cdn/';

let browser: Browser;
let host: HostServer;
let site: { dir: string; server: StaticHost };
let cdn: { dir: string; server: StaticHost };

before(async () => {
  const bundle = loadBundle();
  const siteDir = writeStaticSite(bundle);
  const cdnDir = mkdtempSync(`${tmpdir()}/om-public-cdn-`);
  writeElementsFolder(bundle, `${cdnDir}${CDN_PATH}`);
  let siteServer: StaticHost;
  let cdnServer: StaticHost;
  [browser, siteServer, cdnServer] = await Promise.all([launchBrowser(), startStaticHost(siteDir), startStaticHost(cdnDir)]);
  site = { dir: siteDir, server: siteServer };
  cdn = { dir: cdnDir, server: cdnServer };
  host = await startHost(new Map(), { apiTarget: null });
});
after(async () => {
  await browser?.close();
  await Promise.all([host?.close(), site?.server.close(), cdn?.server.close()]);
  for (const dir of [site?.dir, cdn?.dir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const page = (head: string, body: string) =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>A college's page</title>${head}</head><body>${body}</body></html>`;

/** Opens a page on the college's origin and collects what happened. */
async function open(name: string, html: string) {
  const { page: tab, seen, requests } = await openHostPage(browser, host, name, html);
  return { tab, seen, requests };
}

describe('a static site (elements/ and v1/ side by side) on another origin', () => {
  test('the static server sends what docs/gateway.md asks of a static host: CORS on modules and JSON, the right types', async () => {
    for (const [path, type] of [
      ['/elements/occupational-maps.js', /javascript/],
      ['/v1/routes/digital.json', /^application\/json/],
      ['/elements/themes/govuk.css', /^text\/css/],
    ] as const) {
      const response = await fetch(`${site.server.url}${path}`, { headers: { Origin: host.url } });
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', path);
      assert.match(String(response.headers.get('content-type')), type, path);
    }
  });

  const BODY = (extra: string) => `
    <route-map route="digital"${extra}><a href="https://occupational-maps.skillsengland.education.gov.uk/maps/route/digital">The Digital route</a></route-map>
    <occupation-card code="OCC0499"${extra}></occupation-card>
    <soc-badge code="5231" detail open${extra}></soc-badge>`;

  for (const [name, head, extra] of [
    ['api-base', '', ' api-base="SITE/v1/"'],
    ['meta tag', '<meta name="occupational-maps:api-base" content="SITE/v1/">', ''],
    ['nothing set (the data beside elements/)', '', ''],
  ] as const) {
    test(`map, card and badge render with ${name}, every document from the static host`, async () => {
      const fill = (text: string) => text.replaceAll('SITE', site.server.url);
      const { tab, seen, requests } = await open(`static-${name.split(' ')[0]}`, page(`${fill(head)}<script type="module" src="${site.server.url}/elements/occupational-maps.js"></script>`, fill(BODY(extra))));
      try {
        const report = await waitForData(tab);
        assert.deepEqual(report.map((element) => element.tag), ['route-map', 'occupation-card', 'soc-badge']);
        await poll(tab, `(() => { const root = document.querySelector('soc-badge').shadowRoot; return root.querySelector('[part~="detail"]') && !root.querySelector('[aria-busy="true"]') && root.querySelector('[part~="description"]'); })()`);
        const data = requests.urls.filter((url) => url.includes('/v1/'));
        assert.ok(data.some((url) => url === `${site.server.url}/v1/routes/digital.json`), data.join('\n'));
        assert.ok(data.some((url) => url === `${site.server.url}/v1/occupations/OCC0499.json`), data.join('\n'));
        assert.ok(data.some((url) => url === `${site.server.url}/v1/soc/5231.json`), data.join('\n'));
        assert.ok(data.every((url) => url.startsWith(`${site.server.url}/v1/`)), data.join('\n'));
        assert.deepEqual(requests.failed, []);
        assert.deepEqual(seen.errors, []);
        assert.deepEqual(seen.pageErrors, []);
      } finally {
        await tab.close();
      }
    });
  }
});

describe('a public CDN that serves the bundle and no data, and no api-base', () => {
  test('no request for data; each element says which attribute or meta tag to set, once; fallback content stays visible', async () => {
    const { tab, seen, requests } = await open(
      'public-cdn',
      page(
        `<script type="module" src="${cdn.server.url}${CDN_PATH}occupational-maps.js"></script>`,
        `<route-map route="digital"><a id="map-fallback" href="https://occupational-maps.skillsengland.education.gov.uk/maps/route/digital">The Digital route on the occupational maps</a></route-map>
         <occupation-card code="OCC0499"><a id="card-fallback" href="https://occupational-maps.skillsengland.education.gov.uk/maps/occupation/OCC0499">Autocare technician</a></occupation-card>
         <progression-map code="OCC0499"><a id="progression-fallback" href="https://occupational-maps.skillsengland.education.gov.uk/">Progression</a></progression-map>
         <soc-badge id="plain" code="5231"></soc-badge>
         <soc-badge id="detail" code="5231" detail></soc-badge>`,
      ),
    );
    try {
      const tags = ['route-map', 'occupation-card', 'progression-map'];
      await poll(tab, `${JSON.stringify(tags)}.every((tag) => window.__omState(document.querySelector(tag)) === 'error')`);
      // The badge names its code with no data at all; its detail needs data, and says so when opened.
      await poll(tab, `document.querySelector('#plain').shadowRoot && /Vehicle technicians/.test(document.querySelector('#plain').shadowRoot.textContent)`);
      await tab.locator('#detail').locator('[part~="badge"]').click();
      await poll(tab, `window.__omState(document.querySelector('#detail')) === 'error'`);
      await tab.waitForTimeout(300);

      // Shown once (visible text) and announced once (the element's polite live region, for screen readers).
      const shown = await inPage<Array<{ tag: string; errors: number; message: string; mentions: number; announced: number }>>(
        tab,
        `() => [...document.querySelectorAll('route-map, occupation-card, progression-map, #detail')].map((element) => {
          const root = element.shadowRoot;
          const says = (node) => node.textContent.includes('No data source is set');
          const leaves = [...root.querySelectorAll('*')].filter((node) => node.children.length === 0 && says(node));
          return {
            tag: element.localName,
            errors: root.querySelectorAll('[part~="error"]').length,
            message: root.querySelector('[part~="error"]').textContent.replace(/\\s+/g, ' ').trim(),
            mentions: leaves.filter((node) => node.checkVisibility() && !node.closest('.om-visually-hidden')).length,
            announced: leaves.filter((node) => node.closest('[role="status"]')).length,
          };
        })`,
      );
      assert.equal(shown.length, 4);
      for (const element of shown) {
        assert.equal(element.errors, 1, `<${element.tag}> shows one error block`);
        assert.equal(element.mentions, 1, `<${element.tag}> shows it once: ${element.message}`);
        assert.equal(element.announced, 1, `<${element.tag}> announces it once`);
        assert.match(element.message, /api-base/, element.tag);
        assert.match(element.message, /<meta name="occupational-maps:api-base">/, element.tag);
      }
      for (const id of ['map-fallback', 'card-fallback', 'progression-fallback']) {
        assert.ok(await tab.locator(`#${id}`).isVisible(), `#${id} stays visible`);
      }
      assert.deepEqual(requests.urls.filter((url) => url.includes('/v1/')), [], 'no request for data, on the CDN or anywhere');
      assert.deepEqual(requests.failed, []);
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await tab.close();
    }
  });
});
