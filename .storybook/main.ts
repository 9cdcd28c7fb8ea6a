// Storybook 10 (web components + Vite). Stories import the elements from their TypeScript sources (the `source`
// export condition), read real Embed API documents from the test snapshot served at /v1/, and the docs pages come
// from custom-elements.json, regenerated here so they never lag the JSDoc.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { generateManifest } from '../scripts/build.mjs';

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

generateManifest();

// The snapshot is written by the `fixtures` step of scripts/test.mjs
// (`node packages/gateway/bin/om-gateway.js snapshot --out test/.snapshot --source fixtures`).
const snapshot = fromRoot('test/.snapshot/v1');
if (!existsSync(snapshot)) {
  console.warn('storybook: test/.snapshot/v1 is missing, so stories will show their error state. Run `node scripts/test.mjs fixtures` first.');
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  staticDirs: [
    ...(existsSync(snapshot) ? [{ from: '../test/.snapshot/v1', to: '/v1' }] : []),
    { from: '../packages/elements/themes', to: '/themes' },
    // The five-row course list of the README's quick start, for the "Offered here" stories.
    { from: '../test/fixtures/courses', to: '/courses' },
  ],
  async viteFinal(viteConfig) {
    const { mergeConfig, defaultClientConditions } = await import('vite');
    return mergeConfig(viteConfig, {
      resolve: { conditions: ['source', ...defaultClientConditions] },
      // Lit's dev build warns in the console on every story; the docs show the production behaviour.
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: { chunkSizeWarningLimit: 4000 },
    });
  },
};
export default config;
