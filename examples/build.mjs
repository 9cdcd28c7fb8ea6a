#!/usr/bin/env node
// Bundles the React and Vue recipes with esbuild into examples/<recipe>/dist/app.js, as an app's own build would.
// Usage: node examples/build.mjs [react] [vue]. The recipes test (test/e2e/node/recipes.test.ts) runs it too.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

const common = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
  // In this repository the elements come from their TypeScript sources; an app that installed the package from npm
  // gets its built dist/ files and needs none of this.
  conditions: ['source'],
  tsconfig: `${here}../tsconfig.base.json`,
  define: { 'process.env.NODE_ENV': '"production"' },
};

export const RECIPES = {
  react: { ...common, entryPoints: [`${here}react/app.tsx`], outfile: `${here}react/dist/app.js`, jsx: 'automatic' },
  vue: {
    ...common,
    entryPoints: [`${here}vue/app.js`],
    outfile: `${here}vue/dist/app.js`,
    // The full build compiles the in-page template; with single-file components, the runtime-only build suffices.
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
    define: { ...common.define, __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  },
};

/** Builds one recipe; resolves with esbuild's result (errors throw). */
export function buildRecipe(name) {
  return build(RECIPES[name]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(RECIPES);
  for (const name of names) {
    await buildRecipe(name);
    console.log(`examples/${name}/dist/app.js`);
  }
}
