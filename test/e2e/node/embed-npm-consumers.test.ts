/**
 * The packages as npm users get them: `npm pack` each publishable package, install the tarballs (not workspace links)
 * into a fresh app outside the repository, type-check it with the app's own TypeScript, build it with Vite (a page
 * importing define/route-map, a React 19 app using the wrappers), serve the build and check it in Chromium against a
 * gateway on another origin. Then the same tarballs with pnpm, whose strict layout lets a package reach only what it
 * declares: every import of every package must resolve from where it is installed. This proves exports, files, types
 * and (peer) dependencies as published. Only the npm cache and pnpm's store carry over between runs.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser } from 'playwright-core';
import { inPage, launchBrowser, poll, ROOT, startGateway, watch, type RunningGateway } from './harness.js';
import { startStaticHost, watchRequests, type StaticHost } from './embed.js';

const PACKAGES = ['core', 'elements', 'gateway'];
/** The app's tools at the versions the repository's lockfile installed, so the npm cache already has them. */
const version = (name: string) => (JSON.parse(readFileSync(`${ROOT}node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;

let work: string;
let tarballs: Record<string, string>;
let gateway: RunningGateway;
let apiBase: string;
let browser: Browser;
let served: StaticHost | undefined;

/** Runs a command in `cwd` and fails the test with its output when it fails. */
function sh(command: string, args: string[], cwd: string, what: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  assert.equal(result.status, 0, `${what} failed (${command} ${args.join(' ')}):\n${result.stdout}\n${result.stderr}`);
  return `${result.stdout}${result.stderr}`;
}

const write = (dir: string, files: Record<string, string>) => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(`${dir}/${path}`.replace(/\/[^/]+$/, ''), { recursive: true });
    writeFileSync(`${dir}/${path}`, text);
  }
};

const dependencies = () => Object.fromEntries(PACKAGES.map((name) => [`@occupational-maps/${name}`, `file:${tarballs[name]}`]));

/** A page of the app: the api-base meta tag points at the gateway, on another origin than the app's. */
const appPage = (title: string, script: string, body: string) => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="data:,">
<meta name="occupational-maps:api-base" content="${apiBase}">
<script type="module" src="${script}"></script>
</head>
<body>${body}</body>
</html>
`;

const APP_SOURCES = {
  'src/route-map-page.ts': `import '@occupational-maps/elements/define/route-map';

// Typed by the package: HTMLElementTagNameMap gives RouteMap, HTMLElementEventMap the om-* details.
const map = document.querySelector('route-map')!;
map.addEventListener('om-occupation-select', (event) => {
  event.preventDefault();
  document.querySelector('#chosen')!.textContent = event.detail.code;
});
map.levels = '4-5';
`,
  'src/react-app.tsx': `import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { OccupationCard, RouteMap, SocBadge } from '@occupational-maps/elements/react';

function App() {
  const [code, setCode] = useState('OCC0499');
  return (
    <main>
      <RouteMap route="digital" onOmOccupationSelect={(event) => { event.preventDefault(); setCode(event.detail.code); }} />
      <p id="chosen">{code}</p>
      <OccupationCard code={code} variant="compact" />
      <SocBadge code="5231" />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
`,
  // Compiled by tsc only: the published types make the DOM APIs typed, and wrong uses errors.
  'src/types-check.ts': `import type { OccupationCard, RouteMap } from '@occupational-maps/elements';
import '@occupational-maps/elements/define/route-map';

const map: RouteMap | null = document.querySelector('route-map');
const card: OccupationCard = document.createElement('occupation-card');
map?.addEventListener('om-occupation-select', (event) => {
  const code: string = event.detail.code;
  card.code = code;
});
map?.addEventListener('om-filter-change', (event) => console.log(event.detail.levels));
map?.addEventListener('om-error', (event) => console.log(event.detail.retryable));
// @ts-expect-error the select event's detail has no such field
map?.addEventListener('om-occupation-select', (event) => event.detail.nope);
// @ts-expect-error code is a string
card.code = 499;
// @ts-expect-error an unknown tag is a plain HTMLElement, not a RouteMap
const other: RouteMap = document.createElement('route-mapp');
console.log(other);
`,
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      include: ['src'],
    },
    null,
    2,
  ),
  'vite.config.js': `export default { build: { rollupOptions: { input: { main: 'index.html', react: 'react.html' } } } };\n`,
};

before(async () => {
  work = mkdtempSync(`${tmpdir()}/om-npm-consumers-`);
  sh('npm', ['pack', '--silent', '--pack-destination', work, ...PACKAGES.flatMap((name) => ['-w', `packages/${name}`])], ROOT, 'npm pack');
  tarballs = Object.fromEntries(PACKAGES.map((name) => [name, `${work}/occupational-maps-${name}-0.1.0.tgz`]));
  for (const file of Object.values(tarballs)) assert.ok(existsSync(file), `${file} packed`);
  [gateway, browser] = await Promise.all([startGateway(), launchBrowser()]);
  apiBase = `http://localhost:${gateway.port}/v1/`;
});
after(async () => {
  await browser?.close();
  await Promise.all([gateway?.stop(), served?.close()]);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm: the tarballs in a fresh app, built with Vite', () => {
  let app: string;

  test('npm installs the three tarballs as real folders with their built files', () => {
    app = `${work}/app`;
    write(app, {
      'package.json': JSON.stringify(
        {
          name: 'om-consumer-app',
          private: true,
          type: 'module',
          dependencies: { ...dependencies(), react: version('react'), 'react-dom': version('react-dom') },
          devDependencies: {
            '@types/react': version('@types/react'),
            '@types/react-dom': version('@types/react-dom'),
            typescript: version('typescript'),
            vite: version('vite'),
          },
          // The packages depend on each other at 0.1.0: the tarballs, never a registry lookup.
          overrides: { '@occupational-maps/core': '$@occupational-maps/core', '@occupational-maps/elements': '$@occupational-maps/elements' },
        },
        null,
        2,
      ),
      'index.html': appPage('define/route-map', '/src/route-map-page.ts', '<route-map route="digital"></route-map><p id="chosen"></p>'),
      'react.html': appPage('React 19', '/src/react-app.tsx', '<div id="root"></div>'),
      ...APP_SOURCES,
    });
    sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], app, 'npm install');
    for (const name of PACKAGES) {
      const dir = `${app}/node_modules/@occupational-maps/${name}`;
      assert.ok(!lstatSync(dir).isSymbolicLink(), `${name} is installed from its tarball, not linked`);
      assert.ok(existsSync(`${dir}/dist/index.js`) && existsSync(`${dir}/dist/index.d.ts`), `${name} ships dist/ with types`);
    }
    assert.ok(existsSync(`${app}/node_modules/@occupational-maps/elements/dist/cdn/occupational-maps.js`), 'the CDN bundle is in the package');
  });

  test("TypeScript: document.querySelector('route-map') and the om-* events are typed (and misuse is an error)", () => {
    sh(`${app}/node_modules/.bin/tsc`, ['-p', 'tsconfig.json'], app, 'tsc');
  });

  test('Vite builds the define/route-map page and the React 19 app', async () => {
    sh(`${app}/node_modules/.bin/vite`, ['build', '--logLevel', 'warn'], app, 'vite build');
    assert.ok(existsSync(`${app}/dist/index.html`) && existsSync(`${app}/dist/react.html`));
    served = await startStaticHost(`${app}/dist`);
  });

  test('in Chromium: the page that imports define/route-map shows the map from the gateway, filtered by a property, and hears om-occupation-select', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const seen = await watch(page);
    const requests = watchRequests(page);
    try {
      await page.goto(`${served!.url}/`);
      const tiles = page.locator('route-map').locator('[part~="tile"][data-code] >> visible=true');
      await tiles.first().waitFor({ timeout: 20_000 });
      const levels = await inPage<string[]>(page, `() => [...document.querySelector('route-map').shadowRoot.querySelectorAll('[part~="tile"][data-code]')].filter((tile) => tile.checkVisibility()).map((tile) => tile.textContent)`);
      assert.ok(levels.length > 0 && levels.every((text) => /Level [45]/.test(text)), `levels 4-5 only: ${levels.join(' | ')}`);
      const code = await tiles.first().getAttribute('data-code');
      await tiles.first().click();
      await poll(page, `document.querySelector('#chosen').textContent === ${JSON.stringify(code)}`);
      assert.ok(requests.urls.some((url) => url === `${apiBase}routes/digital.json`), 'the map read the gateway');
      assert.deepEqual(requests.failed, []);
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await page.close();
    }
  });

  test('in Chromium: the React app renders RouteMap, OccupationCard and SocBadge, and onOmOccupationSelect changes the card', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const seen = await watch(page);
    try {
      await page.goto(`${served!.url}/react.html`);
      await page.locator('occupation-card').getByRole('heading', { name: 'Autocare technician' }).waitFor({ timeout: 20_000 });
      await page.locator('main > soc-badge').locator('[part~="title"]').getByText('Vehicle technicians, mechanics and electricians').waitFor();
      const tile = page.locator('route-map').locator('[part~="tile"][data-code] >> visible=true').first();
      await tile.waitFor();
      const code = await tile.getAttribute('data-code');
      const title = await tile.locator('.tile__title').textContent();
      await tile.click();
      await poll(page, `document.querySelector('#chosen').textContent === ${JSON.stringify(code)}`);
      await page.locator('occupation-card').getByRole('heading', { name: String(title).trim() }).waitFor();
      assert.equal(await page.locator('route-map').locator('dialog[open]').count(), 0, "the app cancelled the map's dialog");
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.pageErrors, []);
    } finally {
      await page.close();
    }
  });
});

describe('pnpm: the same tarballs, strictly installed', () => {
  test('every import of every package resolves from where pnpm put it, and the gateway runs', () => {
    const app = `${work}/pnpm-app`;
    write(app, {
      'package.json': JSON.stringify({ name: 'om-strict-app', private: true, type: 'module', dependencies: { ...dependencies(), react: version('react') } }, null, 2),
      // hoist: false — no shared .pnpm/node_modules either, so a package reaches only what it declares (with pnpm's
      // default hoisting, elements could still import core's valibot). The packages depend on each other at 0.1.0:
      // the tarballs, never a registry lookup.
      'pnpm-workspace.yaml': `hoist: false\noverrides:\n${['core', 'elements'].map((name) => `  '@occupational-maps/${name}': 'file:${tarballs[name]}'\n`).join('')}`,
      'entry.js': [
        "import '@occupational-maps/elements';",
        "import '@occupational-maps/elements/define/all';",
        "import '@occupational-maps/elements/autoloader';",
        "import '@occupational-maps/elements/react';",
        "import '@occupational-maps/core';",
        "import '@occupational-maps/core/client';",
        '',
      ].join('\n'),
    });
    sh(`${ROOT}node_modules/.bin/pnpm`, ['install', '--prefer-offline', '--ignore-scripts', '--reporter=silent'], app, 'pnpm install');
    const store = readdirSync(`${app}/node_modules/.pnpm`);
    for (const name of PACKAGES) assert.ok(store.some((entry) => entry.startsWith(`@occupational-maps+${name}@file`)), `${name} installed from its tarball`);

    // A bundler resolves each import from the real folder pnpm put the package in, where only its declared
    // dependencies (and peers the app provides) are visible; the lazy chunks are followed too.
    const bundled = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { build } from ${JSON.stringify(`${ROOT}node_modules/esbuild/lib/main.js`)};
         try {
           const result = await build({ entryPoints: ['entry.js'], bundle: true, splitting: true, format: 'esm', platform: 'browser', outdir: 'out', write: false, logLevel: 'silent' });
           console.log(result.outputFiles.length);
         } catch (error) { console.error(error.errors.map((e) => e.text + ' (' + (e.location?.file ?? '') + ')').join('\\n')); process.exit(1); }`,
      ],
      { cwd: app, encoding: 'utf8' },
    );
    assert.equal(bundled.status, 0, `an import a package does not declare:\n${bundled.stderr}`);
    assert.ok(Number(bundled.stdout) > 10, `${bundled.stdout} files bundled`);

    // The gateway on Node: its own imports, and the bundle it serves from the elements package (an optional peer).
    const gatewayRun = sh(
      process.execPath,
      ['--input-type=module', '-e', `const g = await import('@occupational-maps/gateway'); const a = await g.elementsAssets('/elements/occupational-maps.js'); console.log(typeof g.createGateway, a ? a.body.length : 0);`],
      app,
      'importing the gateway',
    );
    const [kind, bytes] = gatewayRun.trim().split(' ');
    assert.equal(kind, 'function');
    assert.ok(Number(bytes) > 1000, 'the gateway finds the bundle of the elements package it depends on');
    const help = spawnSync(`${app}/node_modules/.bin/om-gateway`, ['help'], { cwd: app, encoding: 'utf8' });
    assert.match(`${help.stdout}${help.stderr}`, /om-gateway serve/, 'the om-gateway command runs');
  });
});
