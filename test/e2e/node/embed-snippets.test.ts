/**
 * Executable documentation: every fenced ```html block of README.md and docs/*.md runs in Chromium on a college's page
 * (origin A, 127.0.0.1) that serves neither the elements nor the data; the bundle, themes and Embed API come from a
 * gateway on origin B (localhost), as the snippets say. A snippet that breaks fails here. Blocks marked
 * ```html no-run (markup that is not a page, such as a Vue template) are the only ones skipped.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { inPage, launchBrowser, loadBundle, startGateway, startHost, type HostServer, type RunningGateway } from './harness.js';
import { documentedSnippets, gatewayElements, openHostPage, snippetPage, waitForData } from './embed.js';

const SNIPPETS = documentedSnippets();
/** Elements that read documents from the Embed API as soon as they show (a closed soc-badge needs none). */
const READS_DATA = ['route-map', 'occupation-card', 'progression-map', 'occupation-compare', 'map-builder'];

let browser: Browser;
let gateway: RunningGateway;
let gatewayUrl: string;
let host: HostServer;

before(async () => {
  const bundle = loadBundle();
  [browser, gateway] = await Promise.all([launchBrowser(), startGateway({}, 'fixtures', undefined, { assets: gatewayElements(bundle) })]);
  // Another host name as well as another port: the page's origin and the gateway's differ however one compares them.
  gatewayUrl = `http://localhost:${gateway.port}`;
  // The college's site: its pages only. No bundle, no /v1/ (an element that looked there would get a 404).
  host = await startHost(new Map(), { apiTarget: null });
});
after(async () => {
  await browser?.close();
  await Promise.all([host?.close(), gateway?.stop()]);
});

/** Opens a snippet page on the host and returns what happened, once every element has its data. */
async function run(name: string, html: string) {
  const { page, seen, requests } = await openHostPage(browser, host, name, html);
  const report = await waitForData(page);
  // Late failures (a chunk, a stylesheet) show up after the first render.
  await page.waitForLoadState('networkidle');
  return { page, seen, requests, report };
}

test('README.md and docs/ have html snippets, and only blocks marked no-run are skipped', () => {
  assert.ok(new URL(host.url).origin !== new URL(gatewayUrl).origin);
  const runnable = SNIPPETS.filter((snippet) => snippet.runnable);
  assert.ok(runnable.length >= 12, `${runnable.length} runnable snippets`);
  assert.ok(runnable.filter((snippet) => snippet.file === 'README.md').length >= 8);
  for (const skipped of SNIPPETS.filter((snippet) => !snippet.runnable)) {
    assert.doesNotMatch(skipped.html, /<script type="module"/, `${skipped.file}:${skipped.line} is a page: let it run`);
  }
});

describe('every documented snippet, cross-origin', () => {
  SNIPPETS.forEach((snippet, index) => {
    test(`${snippet.file}:${snippet.line}`, { skip: snippet.runnable ? false : 'marked no-run' }, async () => {
      const { html, tags } = snippetPage(snippet.html, gatewayUrl);
      const before = gateway.requests.length;
      const { page, seen, requests, report } = await run(`snippet-${index}`, html);
      try {
        assert.deepEqual([...new Set(report.map((element) => element.tag))].sort(), [...tags].sort(), 'every element of the snippet is in the page');
        for (const element of report) {
          assert.ok(element.defined && element.state === 'ready' && element.hasData, `<${element.tag}> has its data: ${JSON.stringify(element)}`);
        }
        assert.deepEqual(seen.pageErrors, []);
        assert.deepEqual(seen.errors, [], 'no console error');
        assert.deepEqual(requests.failed, [], 'no failed request');
        assert.deepEqual(requests.urls.filter((url) => url.startsWith(`${host.url}/v1/`) || url.startsWith(`${host.url}/elements/`)), [], "nothing asked of the page's own origin");
        if (tags.some((tag) => READS_DATA.includes(tag))) assert.ok(gateway.requests.length > before, 'documents came from the gateway');
        const sheets = await inPage<Array<{ href: string; loaded: boolean }>>(page, `() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => ({ href: link.href, loaded: Boolean(link.sheet) }))`);
        for (const sheet of sheets) assert.ok(sheet.loaded, `${sheet.href} loaded`);
      } finally {
        await page.close();
      }
    });
  });
});

describe("the issue's done-when", () => {
  test("exactly README's first snippet and its GOV.UK theme link: route map, card and badge with data, no console error", async () => {
    const readme = SNIPPETS.filter((snippet) => snippet.file === 'README.md');
    const first = readme[0].html;
    assert.match(first, /<script type="module" src="https:\/\/your-gateway\.example\/elements\/occupational-maps\.js"><\/script>/);
    assert.doesNotMatch(first, /api-base/);
    const theme = readme.find((snippet) => snippet.html.includes('/elements/themes/govuk.css'))!.html;
    const { html } = snippetPage(`${theme}\n${first}`, gatewayUrl);
    const { page, seen, requests } = await run('done-when', html);
    try {
      const shown = await inPage<Record<string, string>>(
        page,
        `() => Object.fromEntries(['route-map', 'occupation-card', 'soc-badge'].map((tag) => [tag, document.querySelector(tag).shadowRoot.textContent.replace(/\\s+/g, ' ')]))`,
      );
      const occupation = (await (await fetch(`${gateway.url}/v1/occupations/OCC0499.json`)).json()) as { title: string };
      const digital = (await (await fetch(`${gateway.url}/v1/routes/digital.json`)).json()) as { route: { name: string }; pathways: Array<{ name: string }> };
      assert.ok(shown['occupation-card'].includes(occupation.title), `the card shows ${occupation.title}`);
      assert.ok(shown['route-map'].includes(digital.pathways[0].name), `the map shows the ${digital.pathways[0].name} pathway`);
      assert.match(shown['soc-badge'], /5231/);
      assert.equal(await inPage<string>(page, `() => getComputedStyle(document.documentElement).getPropertyValue('--om-color-focus').trim()`), '#ffdd00', 'the GOV.UK theme applies');
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.pageErrors, []);
      assert.deepEqual(requests.failed, []);
      const fromGateway = requests.urls.filter((url) => url.startsWith(`${gatewayUrl}/`));
      assert.ok(fromGateway.some((url) => /\/elements\/occupational-maps-route-map-[\w-]+\.js$/.test(url)), 'the route map chunk came from the gateway');
      assert.ok(fromGateway.some((url) => url.endsWith('/v1/occupations/OCC0499.json')), 'the data came from the gateway');
    } finally {
      await page.close();
    }
  });
});
