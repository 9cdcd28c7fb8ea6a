/**
 * The demo page (`npm start`) as a visitor on a phone uses it: what is on screen loads at once, the elements further
 * down (loading="lazy") only as the visitor scrolls to them, and picking a search result reveals its card (a hidden
 * lazy card) with its data. The page is served by the gateway with the built CDN bundle, as `npm start` serves it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { demoAssets } from '@occupational-maps/gateway';
import { inPage, launchBrowser, loadBundle, PAGE_HELPERS, poll, startGateway, watch, type RunningGateway } from './harness.js';
import { waitForData } from './embed.js';

let browser: Browser;
let gateway: RunningGateway;

before(async () => {
  loadBundle(); // builds the CDN bundle when dist/cdn has none
  [browser, gateway] = await Promise.all([launchBrowser(), startGateway({}, 'fixtures', undefined, { assets: demoAssets })]);
});
after(async () => {
  await browser?.close();
  await gateway?.stop();
});

test('the demo page on a phone: the map at once, the rest as it is scrolled to, a chosen result’s card on demand', async () => {
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const seen = await watch(page);
  await page.addInitScript(PAGE_HELPERS);
  try {
    await page.goto(`${gateway.url}/`);
    await poll(page, `window.__omState(document.querySelector('route-map')) === 'ready' && document.querySelector('route-map').shadowRoot.querySelector('.map .tile') != null`);
    await page.waitForTimeout(500);
    // Below the map, nothing has loaded: not the code of the compare table, not its documents.
    assert.equal(await inPage(page, `() => customElements.get('occupation-compare') === undefined`), true, 'the compare table’s code waits');
    assert.ok(!gateway.requests.some((path) => path.includes('/progression/OCC0116')), 'the progression map’s data waits');

    // Search, pick the first result: the hidden card under the search box shows it.
    await inPage(page, `() => document.querySelector('occupation-search').scrollIntoView()`);
    await poll(page, `document.querySelector('occupation-search')?.shadowRoot?.querySelector('[part~="input"]') != null`);
    await page.locator('occupation-search [part~="input"]').fill('software');
    await poll(page, `document.querySelector('occupation-search').shadowRoot.querySelector('[part~="option"]') != null`);
    const chosenTitle = await inPage<string>(page, `() => document.querySelector('occupation-search').shadowRoot.querySelector('[part~="option"]').textContent`);
    await page.locator('occupation-search [part~="option"]').first().click();
    await poll(page, `document.querySelector('#chosen')?.shadowRoot?.querySelector('[part~="title"]') != null`);
    const shown = await inPage<string>(page, `() => document.querySelector('#chosen').shadowRoot.querySelector('[part~="title"]').textContent.trim()`);
    assert.ok(chosenTitle.includes(shown), `the card shows the chosen occupation (${shown} in ${chosenTitle.trim()})`);

    // Scrolling on down loads every other element, with its data.
    const report = await waitForData(page);
    assert.ok(report.length >= 12, `every element on the page reported (${report.length})`);
    for (const element of report) assert.ok(element.hasData, `<${element.tag}> has its data`);
    assert.ok(gateway.requests.some((path) => path.includes('/progression/OCC0116')));
    assert.deepEqual([...seen.errors, ...seen.pageErrors], [], 'no console or page errors');
  } finally {
    await page.close();
  }
});
