/**
 * Accessibility audit of every Storybook story (storybook-static, built by the `storybook` step of scripts/test.mjs
 * or here when missing): axe-core at WCAG 2.2 AA, reflow at a 320 px viewport with no horizontal scrolling, no motion
 * under prefers-reduced-motion, and a visible focus indicator on every control reached with Tab, in normal and in
 * forced-colours mode. Run by the `a11y` step (not a *.test.ts file, so the Node and e2e steps leave it alone):
 *   node --conditions=source --import tsx --test test/e2e/node/storybook-a11y.audit.ts
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { inPage, launchBrowser, PAGE_HELPERS, ROOT, writeResult } from './harness.js';

const STATIC = `${ROOT}storybook-static`;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE = readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, 'utf8');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' };
const PARALLEL = 2;

let browser: Browser;
let server: Server;
let base = '';

before(async () => {
  if (!existsSync(`${STATIC}/index.json`)) {
    const built = spawnSync(`${ROOT}node_modules/.bin/storybook`, ['build', '-o', 'storybook-static', '--quiet'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
    assert.equal(built.status, 0, 'storybook build');
  }
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(STATIC, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(STATIC) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    // Cacheable assets: each worker's browser context then loads Storybook's bundle once, not once per story.
    const cache = extname(file) === '.html' || extname(file) === '.json' ? 'no-cache' : 'max-age=3600';
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': cache }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface StoryReport {
  id: string;
  ms: number;
  errors: string[];
  violations: string[];
  overflowPx: number;
  moving: string[];
  focusStops: number;
  invisibleFocus: string[];
  forcedInvisibleFocus: string[];
}

/** Waits for the story to settle: rendered, and no element still loading (stories of the loading state excepted). */
async function settle(page: Page, id: string): Promise<void> {
  const deadline = Date.now() + (/loading/.test(id) ? 800 : 8000);
  while (Date.now() < deadline) {
    const state = await inPage<string>(page, `() => {
      const root = document.querySelector('#storybook-root');
      if (!root || !root.children.length) return 'empty';
      const hosts = window.__omRoots(document).map((shadow) => shadow.host);
      return hosts.some((host) => window.__omState(host) === 'loading') ? 'loading' : 'ready';
    }`);
    if (state === 'ready') return;
    await page.waitForTimeout(100);
  }
}

/** Tabs through the story; for each control that takes focus, whether an outline or box shadow is drawn. */
async function focusWalk(page: Page): Promise<{ stops: number; invisible: string[] }> {
  const invisible: string[] = [];
  const seen = new Set<string>();
  let stops = 0;
  await inPage(page, `() => { document.activeElement?.blur?.(); window.scrollTo(0, 0); }`);
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const focus = await inPage<{ key: string; visible: boolean } | null>(page, `() => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow && style.boxShadow !== 'none';
      const background = style.backgroundColor;
      const key = el.localName + '#' + (el.id || '') + '.' + (el.getAttribute('part') || el.className || '') + ':' + (el.textContent || '').trim().slice(0, 30);
      return { key, visible: outline || !!shadow };
    }`);
    if (!focus) break;
    if (seen.has(focus.key)) break;
    seen.add(focus.key);
    stops++;
    if (!focus.visible) invisible.push(focus.key);
  }
  return { stops, invisible };
}

/** Renders a story in the worker's already-loaded preview (Storybook's own channel), so the bundle loads once per worker. */
async function show(page: Page, id: string): Promise<void> {
  await inPage(page, `(id) => new Promise((resolve, reject) => {
    const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
    const timer = setTimeout(() => reject(new Error('story ' + id + ' did not render')), 15000);
    const done = (event) => { clearTimeout(timer); channel.off('storyRendered', done); channel.off('storyErrored', done); channel.off('storyThrewException', done); resolve(event); };
    channel.on('storyRendered', done);
    channel.on('storyErrored', done);
    channel.on('storyThrewException', done);
    channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
  })`, id);
}

async function audit(page: Page, id: string, pageErrors: string[]): Promise<StoryReport> {
  const started = Date.now();
  pageErrors.length = 0;
  await page.emulateMedia({ forcedColors: 'none' });
  await show(page, id);
  await settle(page, id);
  const violations = await inPage<string[]>(
    page,
    `async (tags) => {
      const result = await axe.run(document.querySelector('#storybook-root'), { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '));
    }`,
    TAGS,
  );
  const overflowPx = await inPage<number>(page, `() => document.documentElement.scrollWidth - document.documentElement.clientWidth`);
  // Under prefers-reduced-motion, nothing in our shadow roots may transition or animate.
  const moving = await inPage<string[]>(page, `() => window.__omRoots(document).flatMap((root) => [...root.querySelectorAll('*')]).filter((el) => {
    const style = getComputedStyle(el);
    const long = (list) => list.split(',').some((value) => parseFloat(value) > 0.01);
    return (style.transitionProperty !== 'none' && long(style.transitionDuration)) || (style.animationName !== 'none' && long(style.animationDuration));
  }).slice(0, 5).map((el) => el.localName + '.' + el.className)`);
  const walk = await focusWalk(page);
  await page.emulateMedia({ forcedColors: 'active' });
  const forced = walk.stops ? await focusWalk(page) : { stops: 0, invisible: [] };
  return { id, ms: Date.now() - started, errors: [...pageErrors], violations, overflowPx, moving, focusStops: walk.stops, invisibleFocus: walk.invisible, forcedInvisibleFocus: forced.invisible };
}

test('every story: axe WCAG 2.2 AA clean, reflows at 320 px, still under reduced motion, visible focus (also in forced colours)', async () => {
  const index = JSON.parse(readFileSync(`${STATIC}/index.json`, 'utf8')) as { entries: Record<string, { id: string; type: string }> };
  // OM_A11Y_STORIES=<regex> audits only the matching stories (while fixing one).
  const only = process.env.OM_A11Y_STORIES ? new RegExp(process.env.OM_A11Y_STORIES) : null;
  const ids = Object.values(index.entries).filter((entry) => entry.type === 'story' && (!only || only.test(entry.id))).map((entry) => entry.id);
  assert.ok(ids.length >= (only ? 1 : 10), `${ids.length} stories`);
  const reports: StoryReport[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 800 }, reducedMotion: 'reduce' });
      await context.addInitScript(PAGE_HELPERS);
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(String(error).slice(0, 200)));
      try {
        await page.goto(`${base}/iframe.html`);
        await page.waitForFunction('!!window.__STORYBOOK_ADDONS_CHANNEL__ && !!window.__STORYBOOK_PREVIEW__');
        await page.evaluate(AXE);
        while (next < ids.length) reports.push(await audit(page, ids[next++], pageErrors));
      } finally {
        await context.close();
      }
    }),
  );
  const problems = reports.flatMap((report) => [
    ...[...new Set(report.errors)].map((error) => `${report.id}: threw ${error}`),
    ...report.violations.map((violation) => `${report.id}: axe ${violation}`),
    ...(report.overflowPx > 0 ? [`${report.id}: scrolls sideways by ${report.overflowPx} px at 320 px`] : []),
    ...report.moving.map((element) => `${report.id}: moves under reduced motion: ${element}`),
    ...report.invisibleFocus.map((element) => `${report.id}: no visible focus on ${element}`),
    ...report.forcedInvisibleFocus.map((element) => `${report.id}: no visible focus in forced colours on ${element}`),
  ]);
  if (process.env.OM_A11Y_VERBOSE) for (const report of reports) console.log(`${report.id}: ${report.ms} ms, ${report.focusStops} focus stops`);
  const focusStops = reports.reduce((sum, report) => sum + report.focusStops, 0);
  writeResult('a11y', {
    stories: reports.length,
    axeRuns: reports.length,
    axeTags: TAGS,
    axeViolations: reports.reduce((sum, report) => sum + report.violations.length, 0),
    reflowChecks: reports.length,
    reducedMotionChecks: reports.length,
    forcedColoursChecks: reports.length,
    focusStopsChecked: focusStops * 2,
    problems,
  });
  assert.ok(focusStops > ids.length, `${focusStops} focus stops checked`);
  assert.deepEqual(problems, []);
});
