/**
 * Injected content, end to end: a mock upstream (node:http on loopback, the documented upstream shapes, from the
 * gateway tests' fixtures) puts script and markup payloads in every text field and `javascript:` URLs in every link
 * field → the gateway in live mode (an API key, both upstream bases on the mock) → every element on a page.
 * Nothing may run, and every link in every shadow root must be http(s) or a relative link of ours.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createFixtureFetch } from '@occupational-maps/gateway';
import { FIXTURES_DIR, json, startUpstream, type MockUpstream } from '../../gateway/helpers.js';
import { inPage, launchBrowser, loadBundle, PAGE_HELPERS, pageHtml, poll, startGateway, startHost, waitForState, watch, writeResult, type HostServer, type RunningGateway } from './harness.js';

const API_KEY = 'e2e-secret-key-5d1f0c';
const FLAG = 'window.__omPwned = (window.__omPwned || 0) + 1';
/** What an attacker who controls an upstream text field would try. */
const PAYLOADS = [
  `<script>${FLAG}</script>`,
  `<img src=x onerror="${FLAG}">`,
  `"><svg onload="${FLAG}">`,
  `'><iframe srcdoc="<script>parent.${FLAG}</script>">`,
  `javascript:${FLAG}`,
  `<a href="javascript:${FLAG}">click</a>`,
  `&lt;script&gt;${FLAG}&lt;/script&gt;`,
];
/** Codes and ids: poisoning them tests only that bad codes are skipped (the gateway tests do that). */
const KEYS_KEPT = new Set(['stdCode', 'productCode', 'code', 'keyStdCode', 'stdCodeFrom', 'stdCodeTo', 'referenceNumber', 'occupationCode', 'id', 'knowledgeId', 'skillId', 'behaviourId', 'dutyId', 'dutyID', 'rel', 'object', 'typeName', 'statusLastUpdated', 'versionNo', 'routeId', 'pathwayId', 'level', 'sequence']);

let injected = 0;
function poison(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (KEYS_KEPT.has(key)) return value;
    injected++;
    if (/href|url$/i.test(key)) return `javascript:${FLAG}`;
    return `${value} ${PAYLOADS[injected % PAYLOADS.length]}`;
  }
  if (Array.isArray(value)) return value.map((item) => poison(item, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  return value;
}

let browser: Browser;
let upstream: MockUpstream;
let gateway: RunningGateway;
let host: HostServer;
const gatewayLogs: string[] = [];

before(async () => {
  upstream = await startUpstream();
  const fixtures = createFixtureFetch(FIXTURES_DIR, { mapsBase: upstream.mapsBase, standardsBase: upstream.standardsBase });
  upstream.override = async (req) => {
    const answer = await fixtures(`${upstream.base}${req.url}`);
    if (answer.status !== 200) return answer;
    return json(poison(await answer.json()));
  };
  const log = { info: (m: string) => gatewayLogs.push(m), warn: (m: string) => gatewayLogs.push(m), error: (m: string) => gatewayLogs.push(m) };
  [browser, gateway] = await Promise.all([
    launchBrowser(),
    startGateway({ apiKey: API_KEY, mapsBase: upstream.mapsBase, standardsBase: upstream.standardsBase, retries: 0, retryBaseMs: 1 }, 'live', log),
  ]);
  host = await startHost(loadBundle(), { apiTarget: gateway.url });
});
after(async () => {
  await browser?.close();
  await Promise.all([host?.close(), gateway?.stop(), upstream?.close()]);
});

const PAGE = `
<route-map id="map" route="digital" controls api-base="/v1/"></route-map>
<occupation-card id="card" code="OCC0499" api-base="/v1/" occupation-href="/occupations/{code}"></occupation-card>
<occupation-card id="card2" code="OCC0118" api-base="/v1/"></occupation-card>
<progression-map id="progression" code="OCC0499" api-base="/v1/"></progression-map>
<soc-badge id="badge" code="5231" detail api-base="/v1/"></soc-badge>
<occupation-compare id="compare" codes="OCC0499,OCC0118" api-base="/v1/"></occupation-compare>
<occupation-search id="search" api-base="/v1/"></occupation-search>
`;

test('script and markup payloads in every upstream field flow through the gateway to every element, and nothing runs', async () => {
  host.pages.set('/injected.html', pageHtml(PAGE));
  const page = await browser.newPage();
  const seen = await watch(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const strayRequests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/v1/') && !url.pathname.startsWith('/elements/') && url.pathname !== '/injected.html' && url.pathname !== '/favicon.ico') strayRequests.push(request.url());
  });
  await page.addInitScript(PAGE_HELPERS);
  try {
    await page.goto(`${host.url}/injected.html`);
    await waitForState(page, 'route-map, occupation-card, progression-map, occupation-compare', 'ready');
    // Open everything that opens, so text behind disclosures renders too.
    await page.locator('#badge').locator('[part~="badge"]').click();
    await poll(page, `!!document.querySelector('#badge').shadowRoot.querySelector('[part~="detail"]')`);
    for (const summary of await page.locator('#card').locator('summary').all()) await summary.click();
    await page.locator('#search').locator('input[role="combobox"]').fill('technician');
    await page.locator('#map').locator('[part~="tile"]').first().click();
    await page.waitForTimeout(800);

    const report = await inPage<{ text: string; links: string[]; scripts: number; handlers: string[]; frames: number }>(
      page,
      `() => {
        const roots = [document, ...window.__omRoots(document)];
        const all = roots.flatMap((root) => [...root.querySelectorAll('*')]);
        return {
          text: roots.slice(1).map((root) => root.textContent).join(' '),
          links: all.filter((el) => el.localName === 'a' && el.hasAttribute('href')).map((el) => el.getAttribute('href') + ' -> ' + el.href),
          scripts: roots.slice(1).reduce((n, root) => n + root.querySelectorAll('script, iframe, object, embed').length, 0),
          handlers: all.flatMap((el) => [...el.attributes].filter((attr) => /^on/i.test(attr.name)).map((attr) => el.localName + ' ' + attr.name)),
          frames: window.frames.length,
        };
      }`,
    );
    assert.equal(await inPage(page, '() => window.__omPwned ?? 0'), 0, 'an injected script ran');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(strayRequests, [], 'an injected <img>/<iframe> made a request');
    assert.equal(report.scripts, 0, 'no script, iframe, object or embed in any shadow root');
    assert.equal(report.frames, 0);
    assert.deepEqual(report.handlers, [], 'no inline event handler attributes anywhere');
    // The payload text may show as inert text, never as markup; the titles still render.
    assert.match(report.text, /Autocare technician/);
    assert.ok(report.links.length > 5, `${report.links.length} links checked`);
    for (const link of report.links) {
      const [raw, resolved] = link.split(' -> ');
      const protocol = new URL(resolved).protocol;
      assert.ok(protocol === 'https:' || protocol === 'http:', `link ${link}`);
      assert.ok(!/javascript:/i.test(raw), `link ${link}`);
    }
    assert.deepEqual(seen.pageErrors, []);
    assert.ok(injected > 100, `${injected} upstream fields poisoned`);
    assert.ok(upstream.requests.every((request) => !request.url.includes(API_KEY)), 'the key travels in a header, not the URL');
    assert.ok(gatewayLogs.every((line) => !line.includes(API_KEY)));
    writeResult('injection', { upstreamFieldsPoisoned: injected, payloadKinds: PAYLOADS.length, linksChecked: report.links.length, scriptsRun: 0 });
  } finally {
    await page.close();
  }
});
