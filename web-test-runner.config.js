// Browser tests in real headless Chromium (Debian's chromium; CHROME_PATH overrides). TypeScript through esbuild, which
// reads tsconfig.base.json (it does not follow `extends`) for the decorator settings; workspace packages resolve
// to their sources through the `source` export condition.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { mockApi } from './test/mock-api.js';

/**
 * Papa Parse (CSV course lists) ships only a UMD file; the bundles convert it with @rollup/plugin-commonjs, which
 * the dev server's rollup adapter does not run correctly. Its UMD wrapper assigns `module.exports` when `module` and
 * `exports` exist, so giving it those and exporting the result makes it a module.
 */
const papaParseAsModule = {
  name: 'papaparse-as-module',
  transform(context) {
    if (!context.path.endsWith('/node_modules/papaparse/papaparse.min.js')) return undefined;
    return `const module = { exports: {} }; const exports = module.exports;\n${context.body}\nexport default module.exports;\n`;
  },
};

export default {
  files: ['test/elements/**/*.test.ts', 'test/e2e/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'development'] },
  concurrency: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 10000 } },
  middleware: [mockApi],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  plugins: [
    papaParseAsModule,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.base.json', import.meta.url)) }),
    // Accessible names as Chromium computes them (not built in, unlike sendKeys).
    a11ySnapshotPlugin(),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: findChromium() ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS } })],
};
