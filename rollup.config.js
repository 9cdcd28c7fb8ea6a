// The CDN bundle: packages/elements/dist/cdn/occupational-maps.js, one ES module with Lit inside that defines every
// element, for a plain <script type="module">. Lazy pieces (such as the SOC titles) become chunks beside it and load
// only when an element needs them. The npm build is tsc (scripts/build.mjs); bench/size.mjs reuses `bundlePlugins`.
import { fileURLToPath } from 'node:url';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));
const elementsPackage = `${root}packages/elements/`;

export const CDN_DIR = `${elementsPackage}dist/cdn`;
export const CDN_ENTRY = `${elementsPackage}src/define/all.ts`;
export const CDN_FILE = `${CDN_DIR}/occupational-maps.js`;

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

export default [
  {
    input: CDN_ENTRY,
    output: {
      dir: CDN_DIR,
      format: 'es',
      entryFileNames: 'occupational-maps.js',
      chunkFileNames: 'occupational-maps-[name]-[hash].js',
      sourcemap: true,
    },
    plugins: bundlePlugins(),
    onwarn,
  },
];
