/**
 * End-to-end harness: the BUILT CDN bundle (packages/elements/dist/cdn), a real gateway on 127.0.0.1 port 0, a host
 * page server of our own (its own headers, e.g. a strict CSP) and Debian's Chromium through playwright-core.
 * Node only: page-side code is passed to Chromium as strings, so this file needs no DOM types.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { configFromEnv, createGateway, startServer, type AppOptions, type Gateway, type GatewayConfig, type RunningServer } from '@occupational-maps/gateway';
// @ts-expect-error plain ESM script without types
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/chromium.mjs';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CDN_DIR = `${ROOT}packages/elements/dist/cdn/`;
const RESULTS_DIR = `${ROOT}test/.results/`;

/**
 * The CDN bundle and its lazy chunks, read into memory once: a parallel `npm run build` elsewhere deletes and
 * rewrites dist/cdn, and a test must not see it half-written. When dist/cdn has no complete bundle (a lone test
 * run, or a build in progress elsewhere), rollup builds one into a private folder instead.
 */
export function loadBundle(): Map<string, Buffer> {
  const read = (dir: string) => {
    try {
      const files = new Map<string, Buffer>();
      for (const name of readdirSync(dir)) if (name.endsWith('.js')) files.set(name, readFileSync(`${dir}${name}`));
      // Every chunk the entry imports must be there too, or the page would fail later.
      const entry = files.get('occupational-maps.js')?.toString('utf8');
      const chunks = [...(entry ?? '').matchAll(/["']\.\/([\w.-]+\.js)["']/g)].map((match) => match[1]);
      return entry && chunks.every((chunk) => files.has(chunk)) ? files : null;
    } catch {
      return null;
    }
  };
  const shared = read(CDN_DIR);
  if (shared) return shared;
  const own = mkdtempSync(`${tmpdir()}/om-e2e-cdn-`);
  const built = spawnSync(`${ROOT}node_modules/.bin/rollup`, ['-c', 'rollup.config.js', '--silent', '--dir', own], { cwd: ROOT, stdio: 'inherit' });
  const files = built.status === 0 ? read(`${own}/`) : null;
  rmSync(own, { recursive: true, force: true });
  if (!files) throw new Error('The CDN bundle could not be built (rollup -c rollup.config.js).');
  return files;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found (install Debian\'s chromium or set CHROME_PATH).');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

export interface RunningGateway {
  gateway: Gateway;
  url: string;
  port: number;
  /** Paths requested under /v1/, in order. */
  requests: string[];
  stop(): Promise<void>;
  /** Starts again on the same port (after `stop`). */
  restart(): Promise<void>;
}

/** A gateway over the embedded offline dataset (or any config), counting the requests it serves. */
export async function startGateway(
  overrides: Partial<GatewayConfig> = {},
  source: 'fixtures' | 'live' = 'fixtures',
  log?: Gateway['log'],
  appOptions: Partial<AppOptions> = {},
): Promise<RunningGateway> {
  const gateway = await createGateway({ config: { ...configFromEnv({}), ...overrides }, source, log: log ?? { info() {}, warn() {}, error() {} } });
  // Every page of a test file loads from one address: no per-client rate limit here.
  const app = gateway.createApp({ rateLimit: null, ...appOptions });
  const requests: string[] = [];
  const counted = {
    fetch: (req: Request, env?: unknown) => {
      const { pathname } = new URL(req.url);
      if (pathname.startsWith('/v1/')) requests.push(pathname);
      return app.fetch(req, env as never);
    },
  };
  let server: RunningServer = await startServer(counted as never, 0);
  const running: RunningGateway = {
    gateway,
    url: server.url,
    port: server.port,
    requests,
    stop: () => server.close(),
    restart: async () => {
      server = await startServer(counted as never, running.port);
    },
  };
  return running;
}

export interface HostServer {
  url: string;
  /** Pages by path (`/csp.html`); set more at any time. */
  pages: Map<string, string>;
  /** Response headers for every page (e.g. a Content-Security-Policy). */
  pageHeaders: Record<string, string>;
  /** Where /v1/ is proxied to; null answers /v1/ with 404. */
  apiTarget: string | null;
  close(): Promise<void>;
}

/**
 * The host site: HTML pages with headers of our choosing, the bundle at /elements/ and again at /copy/ (two URLs,
 * one file), extra static text files, and /v1/ proxied to a gateway so a `default-src 'self'` page can reach the API.
 */
export async function startHost(bundle: Map<string, Buffer>, options: { apiTarget?: string | null; pageHeaders?: Record<string, string>; files?: Record<string, { body: string | Buffer; type: string }> } = {}): Promise<HostServer> {
  const pages = new Map<string, string>();
  const host: HostServer = { url: '', pages, pageHeaders: options.pageHeaders ?? {}, apiTarget: options.apiTarget ?? null, close: async () => {} };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    const asset = path.match(/^\/(?:elements|copy)\/([\w.-]+\.js)$/);
    if (asset && bundle.has(asset[1])) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }).end(bundle.get(asset[1]));
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = options.files?.[path];
    if (file) {
      res.writeHead(200, { 'Content-Type': file.type }).end(file.body);
      return;
    }
    if (path.startsWith('/v1/') && host.apiTarget) {
      const target = new URL(req.url ?? '/', host.apiTarget);
      const upstream = httpRequest(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502, { 'Content-Type': 'application/json' }).end('{"error":{"code":"upstream-error","message":"gateway down"}}'));
      req.pipe(upstream);
      return;
    }
    const page = pages.get(path);
    if (page !== undefined) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...host.pageHeaders }).end(page);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  host.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return host;
}

export interface EmbedStack {
  /** The built CDN bundle, by file name. */
  files: Map<string, Buffer>;
  browser: Browser;
  /** The gateway over the embedded dataset (another origin than the host). */
  gateway: RunningGateway;
  /** The host site, with /v1/ proxied to the gateway. */
  host: HostServer;
  close(): Promise<void>;
}

/**
 * The set-up most end-to-end files share: the built bundle, one Chromium, a gateway over the embedded dataset and a
 * host site that serves the bundle and proxies /v1/ to the gateway. `hostOptions` adds pages' headers or files.
 */
export async function startEmbedStack(hostOptions: Omit<Parameters<typeof startHost>[1] & object, 'apiTarget'> = {}): Promise<EmbedStack> {
  const files = loadBundle();
  const [browser, gateway] = await Promise.all([launchBrowser(), startGateway()]);
  const host = await startHost(files, { ...hostOptions, apiTarget: gateway.url });
  return {
    files,
    browser,
    gateway,
    host,
    close: async () => {
      await browser.close();
      await Promise.all([host.close(), gateway.stop()]);
    },
  };
}

/** A page of ours: the bundle as a module script (no inline script or style: strict CSPs allow it). */
export function pageHtml(body: string, { head = '', bundlePath = '/elements/occupational-maps.js' } = {}): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Occupational maps end-to-end test page</title>
${head}
<script type="module" src="${bundlePath}"></script>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** Collects console messages, page errors and CSP violations of a page (the latter with an init script). */
export async function watch(page: Page) {
  const seen = { errors: [] as string[], warnings: [] as string[], pageErrors: [] as string[] };
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
    if (message.type() === 'warning') seen.warnings.push(message.text());
  });
  page.on('pageerror', (error) => seen.pageErrors.push(String(error)));
  await page.addInitScript(`
    window.__omViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__omViolations.push(event.violatedDirective + ' ' + (event.blockedURI || '') + ' ' + (event.sample || '') + ' @' + (event.sourceFile || '') + ':' + event.lineNumber);
    });
  `);
  return seen;
}

/** Runs a function (source text) in the page with one JSON argument: keeps DOM code out of the Node type-check. */
export function inPage<T>(page: Page, fn: string, arg: unknown = null): Promise<T> {
  return page.evaluate(`(${fn})(${JSON.stringify(arg)})`) as Promise<T>;
}

/**
 * Page-side helper source: every shadow root under a node, recursively, and each element's state
 * (`loading` while aria-busy or a skeleton shows, `error` when the error block shows, else `ready`).
 */
export const PAGE_HELPERS = `
  window.__omRoots = (node) => {
    const roots = [];
    const visit = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) { roots.push(element.shadowRoot); visit(element.shadowRoot); }
      }
    };
    visit(node);
    return roots;
  };
  window.__omState = (element) => {
    const root = element.shadowRoot;
    if (!root) return 'undefined';
    // Upgraded, not yet rendered: an element's first render comes a task after its upgrade.
    if (root.childNodes.length === 0) return 'loading';
    if (root.querySelector('[part~="error"]')) return 'error';
    if (root.querySelector('[aria-busy="true"], [part~="skeleton"]')) return 'loading';
    return 'ready';
  };
`;

/**
 * Polls an expression until it is truthy. Not page.waitForFunction: that compiles the predicate with eval inside the
 * page, which a strict CSP (rightly) refuses; a DevTools evaluation is outside the page's policy.
 */
export async function poll(page: Page, expression: string, timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate(expression)) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeout} ms waiting for ${expression.slice(0, 200)}${last ? ` (last error: ${last})` : ''}`);
}

/** Waits until every element matching `selector` is in `state` (see PAGE_HELPERS). */
export function waitForState(page: Page, selector: string, state: 'ready' | 'error' | 'loading', timeout = 20_000): Promise<void> {
  return poll(
    page,
    `(() => { const all = [...document.querySelectorAll(${JSON.stringify(selector)})]; return all.length > 0 && all.every((el) => window.__omState(el) === ${JSON.stringify(state)}); })()`,
    timeout,
  );
}

/** Merges figures into test/.results/<name>.json, which `npm run reliability` turns into docs/reliability.md. */
export function writeResult(name: string, figures: Record<string, unknown>): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = `${RESULTS_DIR}${name}.json`;
  const before = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(path, `${JSON.stringify({ ...before, ...figures, updatedAt: new Date().toISOString() }, null, 2)}\n`);
}
