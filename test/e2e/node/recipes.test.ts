// The recipes in examples/, built and loaded in headless Chromium the way a host site would serve them: the plain
// HTML page with the CDN bundle, and the React and Vue apps bundled with esbuild. A loopback server lays the files out
// like a gateway (elements at /elements/, themes at /elements/themes/, the Embed API at /v1/ from a fresh snapshot of
// the embedded dataset). Every request must succeed, and no page may log an error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './harness.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const importScript = <T>(path: string) => import(new URL(path, `file://${root}`).href) as Promise<T>;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
};

/** URL prefix → folder, longest first: the layout of a gateway that also serves the examples. */
function routes(snapshot: string): [string, string][] {
  return [
    ['/elements/themes/', `${root}packages/elements/themes/`],
    ['/elements/', `${root}packages/elements/dist/cdn/`],
    ['/v1/', `${snapshot}/v1/`],
    ['/', `${root}examples/`],
  ];
}

interface Loaded {
  page: Page;
  failures: string[];
  errors: string[];
}

describe('recipes in Chromium', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  let snapshot: string;

  before(async () => {
    const { ensureCdnBundle } = await importScript<{ ensureCdnBundle(): boolean }>('scripts/build.mjs');
    const { buildRecipe } = await importScript<{ buildRecipe(name: string): Promise<unknown> }>('examples/build.mjs');
    ensureCdnBundle();
    await Promise.all([buildRecipe('react'), buildRecipe('vue')]);

    snapshot = mkdtempSync(join(tmpdir(), 'om-recipes-'));
    const written = spawnSync(process.execPath, ['packages/gateway/bin/om-gateway.js', 'snapshot', '--out', snapshot, '--source', 'fixtures', '--quiet'], { cwd: root, encoding: 'utf8' });
    assert.equal(written.status, 0, `snapshot: ${written.stderr}`);

    const table = routes(snapshot);
    server = createServer(async (request, response) => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const [prefix, folder] = table.find(([prefix]) => path.startsWith(prefix))!;
      const file = normalize(join(folder, path.slice(prefix.length) || 'index.html'));
      try {
        if (!file.startsWith(folder)) throw new Error('outside the folder');
        const body = await readFile(path.endsWith('/') ? join(file, 'index.html') : file);
        response.writeHead(200, { 'Content-Type': TYPES[extname(file) || '.html'] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('Not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (snapshot) rmSync(snapshot, { recursive: true, force: true });
  });

  /** Opens a recipe page and records failed requests and console errors. */
  async function open(path: string): Promise<Loaded> {
    const page = await browser.newPage();
    const failures: string[] = [];
    const errors: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => failures.push(`failed ${request.url()}`));
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${origin}${path}`);
    return { page, failures, errors };
  }

  const clean = ({ failures, errors }: Loaded) => {
    assert.deepEqual(failures, [], 'every request succeeds');
    assert.deepEqual(errors, [], 'no console errors');
  };

  /** A private token's value on an element, i.e. what the element really draws with. */
  const token = (page: Page, selector: string, name: string) =>
    page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).getPropertyValue(${JSON.stringify(name)}).trim()`);

  it('plain HTML: one script tag embeds a route map, a card and a SOC badge, themed with two tokens', async () => {
    const loaded = await open('/plain-html/');
    const { page } = loaded;
    await page.locator('route-map').getByRole('button', { name: /DevOps engineer/ }).first().waitFor();
    await page.locator('occupation-card').getByRole('heading', { name: 'DevOps engineer' }).waitFor();
    await page.locator('soc-badge').getByText('Programmers and software development professionals').first().waitFor();
    assert.equal(await token(page, 'occupation-card', '--_om-color-brand'), '#6b2c91');
    assert.match(String(await token(page, 'occupation-card', '--_om-font-family')), /Trebuchet MS/);
    // The licence's attribution shows wherever data does.
    await page.locator('occupation-card').getByText('Open Government Licence v3.0').waitFor();
    // Keyboard: a tile opens the occupation's card in a dialog, as the map does by itself.
    await page.locator('route-map').getByRole('button', { name: /DevOps engineer/ }).first().focus();
    await page.keyboard.press('Enter');
    await page.locator('route-map').getByRole('dialog').waitFor();
    clean(loaded);
    await page.close();
  });

  it('plain HTML: the GOV.UK preset is one stylesheet link', async () => {
    const loaded = await open('/plain-html/govuk.html');
    const { page } = loaded;
    await page.locator('occupation-card').getByRole('heading', { name: 'DevOps engineer' }).waitFor();
    assert.equal(await token(page, 'occupation-card', '--_om-color-focus'), '#ffdd00');
    assert.equal(await token(page, 'occupation-card', '--_om-radius'), '0');
    assert.doesNotMatch(String(await token(page, 'occupation-card', '--_om-font-family')), /GDS Transport/);
    clean(loaded);
    await page.close();
  });

  for (const recipe of ['react', 'vue']) {
    it(`${recipe}: the app hears om-occupation-select, cancels the map's dialog and shows the chosen card`, async () => {
      const loaded = await open(`/${recipe}/`);
      const { page } = loaded;
      await page.getByText('Choose an occupation in the map to see it here.').waitFor();
      await page.locator('soc-badge').getByText('Programmers and software development professionals').first().waitFor();
      await page.locator('route-map').getByRole('button', { name: /DevOps engineer/ }).first().click();
      await page.getByRole('heading', { name: 'You chose DevOps engineer' }).waitFor();
      await page.locator('section occupation-card').getByRole('heading', { name: 'DevOps engineer' }).waitFor();
      assert.equal(await page.locator('route-map').getByRole('dialog').count(), 0, "the app cancelled the map's own dialog");
      assert.equal(await token(page, 'occupation-card', '--_om-color-brand'), '#00594f');
      clean(loaded);
      await page.close();
    });
  }
});
