// The CDN bundles, for a plain <script type="module">, in packages/elements/dist/cdn/:
// - occupational-maps.js: Lit, the shared foundations and an autoloader that imports each element's chunk (beside it)
//   when its tag first appears in the page, so a page downloads only the elements it uses;
// - occupational-maps.all.js: every element defined at once, for hosts that prefer one request for the elements.
// Lazy pieces (the SOC titles, the data client, each document's schema) are chunks beside both and load only when
// needed. The npm build is tsc (scripts/build.mjs); bench/size.mjs reuses `bundlePlugins`.
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));
const elementsPackage = `${root}packages/elements/`;

export const CDN_DIR = `${elementsPackage}dist/cdn`;
export const CDN_ENTRY = `${elementsPackage}src/autoloader/cdn.ts`;
export const CDN_FILE = `${CDN_DIR}/occupational-maps.js`;
export const CDN_ALL_ENTRY = `${elementsPackage}src/define/all.ts`;
export const CDN_ALL_FILE = `${CDN_DIR}/occupational-maps.all.js`;

/**
 * Lit's production build (its default export; `production` is named for packages that use it), the `source`
 * condition so workspace packages bundle from their TypeScript, and browser builds over Node ones.
 */
export const EXPORT_CONDITIONS = ['source', 'production', 'browser'];

/** Collapses whitespace and comments inside Lit's css`` literals: they are a fifth of the bundle and ship verbatim. */
function minifyCssLiterals() {
  return {
    name: 'minify-css-literals',
    transform(code, id) {
      if (!/\.[cm]?[jt]s$/.test(id) || !code.includes('css`')) return null;
      const minified = code.replace(/\bcss`([^`]*)`/g, (_, body) => {
        const compact = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .replace(/\s*!important/g, '!important')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${compact}\``;
      });
      return minified === code ? null : { code: minified, map: null };
    },
  };
}

/** The plugins of every browser bundle we make: resolve, TypeScript through esbuild, then terser. */
export function bundlePlugins({ minify = true } = {}) {
  return [
    resolve({ exportConditions: EXPORT_CONDITIONS, browser: true, extensions: ['.ts', '.js', '.mjs'] }),
    // Papa Parse (CSV course lists, a lazy chunk) is the one CommonJS/UMD dependency.
    commonjs({ include: [/node_modules\/papaparse\//] }),
    esbuild({
      target: 'es2022',
      // tsconfig.base.json carries experimentalDecorators + useDefineForClassFields: false, which Lit's decorators need.
      tsconfig: `${root}tsconfig.base.json`,
      exclude: [/node_modules/],
    }),
    minifyCssLiterals(),
    minify &&
      terser({
        ecma: 2022,
        module: true,
        compress: { passes: 2 },
        format: { comments: false, preamble: '/*! @occupational-maps/elements | MIT | includes Lit, BSD-3-Clause */' },
      }),
  ].filter(Boolean);
}

/** Lit's dev-mode warnings are not in the production build; a circular import or a missing export still is a bug. */
function onwarn(warning, warn) {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
}

/** One CDN build; the two are separate builds so the eager file shares no chunk with the autoloader's (one request). */
const cdnBuild = (input, file, prefix) => ({
  input,
  output: {
    dir: CDN_DIR,
    format: 'es',
    entryFileNames: file,
    chunkFileNames: `${prefix}-[name]-[hash].js`,
    sourcemap: true,
    // Folds tiny shared chunks (a Lit directive, a decorator) into bigger ones, so an element costs fewer round trips.
    experimentalMinChunkSize: 4096,
  },
  // Chunks import the foundations (Lit, the base class) from the entry file itself rather than from a chunk of their own.
  preserveEntrySignatures: 'allow-extension',
  plugins: bundlePlugins(),
  onwarn,
});

export default [
  cdnBuild(CDN_ENTRY, 'occupational-maps.js', 'occupational-maps'),
  cdnBuild(CDN_ALL_ENTRY, 'occupational-maps.all.js', 'occupational-maps.all'),
];
