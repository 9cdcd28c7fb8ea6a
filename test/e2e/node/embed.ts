/**
 * Embedding as people really do it, from an origin that serves neither the elements nor the data: the HTML snippets of
 * README.md and docs/ (extracted and run), a static host (a plain static file server from npm, not our gateway), and
 * the page-side checks that every element upgraded and shows its data. Node only; page code is passed as strings.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createElementsAssets, type AssetSource } from '@occupational-maps/gateway';
import { inPage, PAGE_HELPERS, poll, ROOT, watch, type HostServer } from './harness.js';

/** Every tag the library defines (src/define/all.ts imports one define module per tag). */
export const TAGS = [...readFileSync(`${ROOT}packages/elements/src/define/all.ts`, 'utf8').matchAll(/import '\.\/([a-z-]+)\.js'/g)].map((match) => match[1]);

/**
 * What shows that an element has its data, by tag: a selector that must match inside its shadow root. An element in
 * its error state never matches (the error block replaces the content).
 */
export const DATA_PROBES: Record<string, string> = {
  'route-map': '[part~="tile"][data-code], [part~="table"] tbody tr',
  'occupation-card': '[part~="title"]',
  'soc-badge': '[part~="title"]',
  'progression-map': '[part~="node"]',
  'occupation-compare': '[part~="table"], [part~="cards"]',
  'occupation-search': '[part~="input"]',
  'favourite-toggle': '[part~="button"]',
  'occupation-favourites': '[part~="heading"]',
  'map-builder': '[part~="snippet"]',
};

/**
 * The info string that marks a fenced block as not runnable: ```` ```html no-run ````. Use it only for markup that is
 * not a page (a framework template, say); every other html block of README.md and docs/*.md runs in the tests.
 */
export const NO_RUN = 'no-run';

export interface Snippet {
  /** README.md or docs/….md, and the line of the opening fence. */
  file: string;
  line: number;
  html: string;
  runnable: boolean;
}

/** The fenced ```html blocks of README.md and every docs/*.md, in order. */
export function documentedSnippets(): Snippet[] {
  const files = ['README.md', ...readdirSync(`${ROOT}docs`).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];
  const snippets: Snippet[] = [];
  for (const file of files) {
    const lines = readFileSync(`${ROOT}${file}`, 'utf8').split('\n');
    for (let index = 0; index < lines.length; index++) {
      const open = lines[index].match(/^(\s*)(`{3,}|~{3,})\s*html\b(.*)$/);
      if (!open) continue;
      const [, indent, fence, rest] = open;
      const body: string[] = [];
      let end = index + 1;
      while (end < lines.length && !lines[end].trim().startsWith(fence)) body.push(lines[end++].slice(indent.length));
      snippets.push({ file, line: index + 1, html: body.join('\n'), runnable: !rest.split(/\s+/).includes(NO_RUN) });
      index = end;
    }
  }
  return snippets;
}

/** The element tags a piece of markup uses, in order of first use. */
export const tagsIn = (markup: string) => [...new Set([...markup.matchAll(/<([a-z]+(?:-[a-z]+)+)[\s>]/g)].map((match) => match[1]).filter((tag) => TAGS.includes(tag)))];

/**
 * A snippet as a page on the host's origin runs it: the placeholder hosts become the gateway (`your-gateway.example`
 * serves /elements/ and /v1/; `cdn.example` stands for wherever the bundle is, here the gateway's /elements/), and a
 * fragment with no module script gets the bundle's, as the README's first snippet shows. A snippet with no element
 * (a stylesheet link, a meta tag) gets a compact card to show it works.
 */
export function snippetPage(snippet: string, gateway: string): { html: string; tags: string[] } {
  let body = snippet.replaceAll('https://your-gateway.example', gateway).replaceAll('https://cdn.example/', `${gateway}/elements/`);
  const probe = '<occupation-card code="OCC0499" variant="compact"></occupation-card>';
  if (tagsIn(body).length === 0) body += `\n${probe}`;
  const script = /<script type="module" src="[^"]*occupational-maps[^"]*\.js"><\/script>/.test(body) ? '' : `<script type="module" src="${gateway}/elements/occupational-maps.js"></script>\n`;
  return {
    html: `<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>A college's page</title>\n</head>\n<body>\n${script}${body}\n</body>\n</html>`,
    tags: tagsIn(body),
  };
}

/** Failed requests and 4xx/5xx answers of a page, besides its console errors (watch() in the harness). */
export function watchRequests(page: Page) {
  const seen = { failed: [] as string[], urls: [] as string[] };
  page.on('requestfailed', (request) => seen.failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) seen.failed.push(`${response.url()} → ${response.status()}`);
  });
  page.on('request', (request) => seen.urls.push(request.url()));
  return seen;
}

/** Puts `html` on the host at `/name.html` and opens it, watching console, page errors and requests. */
export async function openHostPage(browser: Browser, host: HostServer, name: string, html: string) {
  host.pages.set(`/${name}.html`, html);
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const seen = await watch(page);
  const requests = watchRequests(page);
  await page.addInitScript(PAGE_HELPERS);
  await page.goto(`${host.url}/${name}.html`);
  return { page, seen, requests };
}

export interface ElementReport {
  tag: string;
  defined: boolean;
  state: string;
  hasData: boolean;
  text: string;
}

/** Every element of ours in the page's light DOM, with its state and whether its data probe matches. */
export function reportElements(page: Page): Promise<ElementReport[]> {
  return inPage<ElementReport[]>(
    page,
    `({ tags, probes }) => [...document.querySelectorAll(tags.join(','))].map((element) => {
      const tag = element.localName;
      const root = element.shadowRoot;
      const probe = root && root.querySelector(probes[tag]);
      return {
        tag,
        defined: Boolean(customElements.get(tag)) && element.matches(':defined'),
        state: window.__omState(element),
        hasData: Boolean(probe && (probe.textContent.trim() || probe.matches('input, textarea, [part~="table"]'))),
        text: root ? root.textContent.replace(/\\s+/g, ' ').trim().slice(0, 160) : '',
      };
    })`,
    { tags: TAGS, probes: DATA_PROBES },
  );
}

/**
 * Waits until every element of ours in the page is defined and has its data (or the timeout says which did not).
 * `loading="lazy"` elements load as a reader scrolls to them, so the page is scrolled through them first, slowly
 * enough for each to come near the viewport.
 */
export async function waitForData(page: Page, timeout = 20_000): Promise<ElementReport[]> {
  const allReady = (selector: string) =>
    `(() => { const all = [...document.querySelectorAll(${JSON.stringify(selector)})]; return all.every((el) => el.shadowRoot && window.__omState(el) === 'ready' && el.shadowRoot.querySelector(${JSON.stringify(DATA_PROBES)}[el.localName])); })()`;
  try {
    // The eager elements first (a reader scrolls once the page has drawn), then a scroll past each lazy one.
    await poll(page, allReady(TAGS.map((tag) => `${tag}:not([loading="lazy"])`).join(',')), timeout);
    const lazy = await inPage<number>(page, `() => document.querySelectorAll('[loading="lazy"]').length`);
    for (let index = 0; index < lazy; index++) {
      await inPage(page, `(index) => document.querySelectorAll('[loading="lazy"]')[index].scrollIntoView()`, index);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await poll(page, `document.querySelector(${JSON.stringify(TAGS.join(','))}) != null && ${allReady(TAGS.join(','))}`, timeout);
  } catch (error) {
    const report = await reportElements(page).catch(() => []);
    throw new Error(`${(error as Error).message}\n${JSON.stringify(report, null, 2)}`);
  }
  return reportElements(page);
}

/** Writes the CDN bundle (files by name, from loadBundle) into `dir`, and the theme presets into `themes` (`dir/themes/`). */
export function writeElementsFolder(bundle: Map<string, Buffer>, dir: string, themes = `${dir}/themes`): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, body] of bundle) writeFileSync(`${dir}/${name}`, body);
  cpSync(`${ROOT}packages/elements/themes`, themes, { recursive: true });
}

/**
 * The gateway's real /elements/ serving (createElementsAssets) over a private copy of the bundle, laid out as the
 * elements package is (dist/cdn/ and themes/), so a build running elsewhere cannot change it under the test.
 */
export function gatewayElements(bundle: Map<string, Buffer>): AssetSource {
  const root = mkdtempSync(`${tmpdir()}/om-e2e-elements-`);
  writeElementsFolder(bundle, `${root}/dist/cdn`, `${root}/themes`);
  return createElementsAssets(pathToFileURL(`${root}/`));
}

/**
 * A static site as a college without a server publishes it: `elements/` (the CDN bundle and themes) beside `v1/`
 * (a snapshot written by `om-gateway snapshot`). Returns the folder. `om-gateway publish` (when it exists) writes the
 * same layout; a test of it can pass its folder to startStaticHost instead.
 */
export function writeStaticSite(bundle: Map<string, Buffer>, { data = true } = {}): string {
  const dir = mkdtempSync(`${tmpdir()}/om-static-site-`);
  writeElementsFolder(bundle, `${dir}/elements`);
  if (data) {
    const written = spawnSync(process.execPath, [`${ROOT}packages/gateway/bin/om-gateway.js`, 'snapshot', '--out', dir, '--source', 'fixtures', '--quiet'], { encoding: 'utf8' });
    if (written.status !== 0) throw new Error(`om-gateway snapshot failed: ${written.stderr}`);
  }
  return dir;
}

export interface StaticHost {
  url: string;
  close(): Promise<void>;
}

/**
 * A plain static file server from npm (sirv-cli, not our gateway) over `dir` on 127.0.0.1, sending what
 * docs/gateway.md tells a static host to send: `Access-Control-Allow-Origin: *` (--cors) and ETags.
 */
export async function startStaticHost(dir: string): Promise<StaticHost> {
  const child: ChildProcess = spawn(`${ROOT}node_modules/.bin/sirv`, [dir, '--cors', '--etag', '--host', '127.0.0.1', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sirv did not start: ${output}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      const found = output.match(/Local:\s+(http:\/\/127\.0\.0\.1:\d+)/);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`sirv exited (${code}): ${output}`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}
