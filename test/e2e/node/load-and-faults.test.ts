/**
 * A heavy page and a flaky network, end to end: the built bundle, Chromium, and a real gateway (embedded dataset)
 * that the page calls cross-origin, so stopping the gateway is a real connection failure in the browser.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { configFromEnv, createGateway, startServer, type RunningServer } from '@occupational-maps/gateway';
import { inPage, launchBrowser, loadBundle, PAGE_HELPERS, pageHtml, poll, ROOT, startHost, waitForState, watch, writeResult, type HostServer } from './harness.js';

/** How the gateway misbehaves right now; the wrapper below reads it on every request. */
const fault = { delayMs: 0, malformed: false };
const served: string[] = [];
let gatewayServer: RunningServer;
let gatewayPort = 0;
let browser: Browser;
let host: HostServer;

const gateway = await createGateway({ config: configFromEnv({}), source: 'fixtures', log: { info() {}, warn() {}, error() {} } });
// Many page loads from one address: no per-client rate limit here.
const app = gateway.createApp({ rateLimit: null });
const faulty = {
  fetch: async (req: Request, env?: unknown) => {
    const { pathname } = new URL(req.url);
    if (pathname.startsWith('/v1/')) served.push(pathname);
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.malformed && pathname.startsWith('/v1/')) {
      return new Response('{"code": "OCC0118", "title": "Data an', { headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' } });
    }
    return app.fetch(req, env as never);
  },
};
const startGatewayServer = async () => {
  gatewayServer = await startServer(faulty as never, gatewayPort);
  gatewayPort = gatewayServer.port;
};

before(async () => {
  await startGatewayServer();
  browser = await launchBrowser();
  host = await startHost(loadBundle());
});
after(async () => {
  await browser?.close();
  await Promise.all([host?.close(), gatewayServer?.close()]);
});

const apiBase = () => `http://127.0.0.1:${gatewayPort}/v1/`;

async function open(path: string, body: string): Promise<{ page: Page; seen: Awaited<ReturnType<typeof watch>> }> {
  host.pages.set(path, pageHtml(body));
  const page = await browser.newPage();
  const seen = await watch(page);
  await page.addInitScript(PAGE_HELPERS);
  await page.goto(`${host.url}${path}`);
  return { page, seen };
}

describe('a heavy page', () => {
  test('one route map, 100 occupation cards (30 codes) and 100 SOC badges: at most 35 API requests, no console error', async () => {
    const codes = readdirSync(`${ROOT}packages/gateway/fixtures/maps/occupations`)
      .filter((name) => /^OCC\w+\.json$/.test(name))
      .map((name) => name.slice(0, -5))
      .sort()
      .slice(0, 30);
    assert.equal(codes.length, 30);
    const socCodes = ['2133', '2134', '2135', '2136', '2137', '3131', '3132', '3544', '5231', '5241'];
    // Compact cards: a listing page. (A full card also loads its progression document, one more request per code.)
    const cards = Array.from({ length: 100 }, (_, i) => `<occupation-card code="${codes[i % 30]}" variant="compact" api-base="${apiBase()}"></occupation-card>`);
    const badges = Array.from({ length: 100 }, (_, i) => `<soc-badge code="${socCodes[i % socCodes.length]}" api-base="${apiBase()}"></soc-badge>`);
    served.length = 0;
    const started = Date.now();
    const { page, seen } = await open('/heavy.html', `<route-map route="digital" api-base="${apiBase()}"></route-map>${cards.join('')}${badges.join('')}`);
    const browserRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(apiBase())) browserRequests.push(request.url());
    });
    try {
      await waitForState(page, 'route-map, occupation-card, soc-badge', 'ready', 40_000);
      const loadMs = Date.now() - started;
      const titles = await inPage<number>(page, `() => [...document.querySelectorAll('occupation-card')].filter((card) => card.shadowRoot.querySelector('[part~="title"]')?.textContent.trim()).length`);
      assert.equal(titles, 100, 'every card shows its title');
      const socTitles = await inPage<number>(page, `() => [...document.querySelectorAll('soc-badge')].filter((badge) => !/unknown|unavailable/i.test(badge.shadowRoot.querySelector('[part~="title"]')?.textContent ?? 'unknown')).length`);
      assert.equal(socTitles, 100, 'every badge shows its title');
      await page.waitForTimeout(300);
      assert.ok(served.length <= 35, `${served.length} requests reached the gateway: ${served.join(', ')}`);
      assert.ok(new Set(served).size === served.length, 'no document was fetched twice');
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.pageErrors, []);
      writeResult('load-and-faults', { heavyPageElements: 201, heavyPageApiRequests: served.length, heavyPageLoadMs: loadMs });
    } finally {
      await page.close();
    }
  });
});

describe('faults', () => {
  test('gateway stopped mid-page → Retry shows; restarted → Retry recovers', async () => {
    const { page, seen } = await open('/stop.html', `<occupation-card id="first" code="OCC0118" variant="compact" api-base="${apiBase()}"></occupation-card>`);
    try {
      await waitForState(page, '#first', 'ready');
      await gatewayServer.close();
      // Elements that arrive while the gateway is down: the route map and a card not yet cached.
      await inPage(page, `(base) => {
        document.querySelector('main').insertAdjacentHTML('beforeend',
          '<route-map id="map" route="construction" api-base="' + base + '"></route-map><occupation-card id="second" code="OCC0116" api-base="' + base + '"><a href="https://example.org">Software developer</a></occupation-card>');
      }`, apiBase());
      await waitForState(page, '#map, #second', 'error', 40_000);
      assert.equal(await page.locator('#second').locator('[part~="retry-button"]').count(), 1, 'the card offers Retry');
      assert.equal(await page.locator('#map').locator('[part~="retry-button"]').count(), 1, 'the map offers Retry');
      assert.equal(await inPage(page, `() => document.querySelector('#second').shadowRoot.querySelector('slot:not([name])')?.assignedElements().length`), 1, 'the fallback link shows');
      assert.match(await inPage<string>(page, `() => document.querySelector('#first').shadowRoot.textContent`), /Data analyst/, 'loaded content stays');

      await startGatewayServer();
      await page.locator('#second').locator('[part~="retry-button"]').click();
      await page.locator('#map').locator('[part~="retry-button"]').click();
      await waitForState(page, '#map, #second', 'ready');
      assert.match(await inPage<string>(page, `() => document.querySelector('#second').shadowRoot.textContent`), /Software developer/);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('a 5-second API: skeletons first, then content', async () => {
    fault.delayMs = 5000;
    try {
      const started = Date.now();
      const { page, seen } = await open('/slow.html', `<route-map route="engineering-manufacturing" api-base="${apiBase()}"></route-map><occupation-card code="OCC0499" api-base="${apiBase()}"></occupation-card>`);
      try {
        await page.waitForTimeout(1500);
        assert.equal(await inPage(page, `() => [...document.querySelectorAll('route-map, occupation-card')].map(window.__omState).join()`), 'loading,loading');
        assert.equal(await inPage(page, `() => [...document.querySelectorAll('route-map, occupation-card')].every((el) => el.shadowRoot.querySelector('[part~="skeleton"]') && el.shadowRoot.querySelector('[aria-busy="true"]'))`), true, 'skeletons with aria-busy');
        await waitForState(page, 'route-map, occupation-card', 'ready', 30_000);
        const elapsed = Date.now() - started;
        assert.ok(elapsed >= 5000, `${elapsed} ms`);
        assert.match(await inPage<string>(page, `() => document.querySelector('occupation-card').shadowRoot.textContent`), /Autocare technician/);
        assert.deepEqual(seen.errors, []);
        writeResult('load-and-faults', { slowApiMs: fault.delayMs, slowApiContentAfterMs: elapsed });
      } finally {
        await page.close();
      }
    } finally {
      fault.delayMs = 0;
    }
  });

  test('malformed JSON from the API → the error state, never a throw into the page', async () => {
    fault.malformed = true;
    try {
      const { page, seen } = await open('/malformed.html', `<occupation-card code="OCC0457" api-base="${apiBase()}"><a href="https://example.org">Engineering technician</a></occupation-card><route-map route="construction" api-base="${apiBase()}"></route-map>`);
      try {
        await waitForState(page, 'occupation-card, route-map', 'error', 30_000);
        const message = await inPage<string>(page, `() => document.querySelector('occupation-card').shadowRoot.querySelector('[part~="error"]').textContent`);
        assert.ok(!/undefined|null|NaN|SyntaxError|JSON\.parse/.test(message), message);
        assert.ok(message.trim().length > 10);
        assert.deepEqual(seen.pageErrors, []);
      } finally {
        await page.close();
      }
    } finally {
      fault.malformed = false;
    }
    writeResult('load-and-faults', { faultsInjected: ['gateway stopped', 'gateway restarted', '5 s latency', 'malformed JSON'] });
  });
});
