#!/usr/bin/env node
// `npm run size`: what each entry costs a page, written to docs/size.md. Every define entry is bundled on its own
// with Lit (what a page that uses only that element downloads), then the two CDN files exactly as rollup.config.js
// builds them. "Initial" is what loads before anything renders (the entry and the chunks it imports statically);
// "lazy" is what may be fetched later (SOC titles, the data client, and for the autoloading CDN file every element's
// chunk). A benchmark, not a test: it reports, it does not fail.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import cdnBuilds, { CDN_ALL_ENTRY, CDN_ENTRY, bundlePlugins } from '../rollup.config.js';
import { defineEntries } from '../scripts/build.mjs';
import { printRow } from './rows.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const KB = 1024;

/** Budgets from issues #7 and #18: gzip bytes of the initial load. */
const GOALS = { 'soc-badge': 9 * KB, 'route-map': 30 * KB, 'CDN bundle': 30 * KB };

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const brotli = (code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * Bundles one entry in memory and splits its chunks into what loads up front and what loads on demand. `build` is a
 * rollup.config.js build (the CDN files, measured as shipped); otherwise a plain production bundle of `input`.
 */
async function measure(input, extraPlugins = [], build = null) {
  const quiet = { onwarn: () => {}, onLog: () => {} };
  const options = build ? { ...build, ...quiet } : { input, plugins: [...extraPlugins, bundlePlugins()], ...quiet };
  const bundle = await rollup(options);
  const { output } = await bundle.generate(build ? { ...build.output, sourcemap: false } : { format: 'es', chunkFileNames: '[name].js' });
  await bundle.close();
  const chunks = new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const entry = output.find((item) => item.type === 'chunk' && item.isEntry);
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of chunks.get(name).imports) visit(imported);
  };
  visit(entry.fileName);
  const sum = (names, size) => names.reduce((total, name) => total + size(chunks.get(name).code), 0);
  const lazy = [...chunks.keys()].filter((name) => !initial.has(name));
  const modules = [...initial].flatMap((name) => Object.entries(chunks.get(name).modules).map(([id, info]) => ({ id, bytes: info.renderedLength })));
  return {
    allGzip: sum([...chunks.keys()], gzip),
    chunkCount: chunks.size,
    min: sum([...initial], (code) => code.length),
    gzip: sum([...initial], gzip),
    brotli: sum([...initial], brotli),
    lazyGzip: sum(lazy, gzip),
    lazyCount: lazy.length,
    /** gzip bytes of the lazy chunks that hold a module whose id matches, e.g. /node_modules\/papaparse\// (0 if none). */
    lazyGzipOf: (pattern) => sum(lazy.filter((name) => Object.keys(chunks.get(name).modules).some((id) => pattern.test(id))), gzip),
    modules,
  };
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

/** Groups a module id by package (node_modules) or by source folder. */
function owner(id) {
  const path = id.replace(root, '');
  const inModules = path.split('node_modules/')[1];
  if (inModules) return inModules.split('/').slice(0, inModules.startsWith('@') ? 2 : 1).join('/');
  return path;
}

function breakdown(modules) {
  const byOwner = new Map();
  for (const { id, bytes } of modules) byOwner.set(owner(id), (byOwner.get(owner(id)) ?? 0) + bytes);
  const total = modules.reduce((sum, module) => sum + module.bytes, 0);
  return [...byOwner]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([name, bytes]) => `| \`${name}\` | ${kb(bytes)} | ${Math.round((bytes / total) * 100)} % |`);
}

const cdnBuild = (input) => cdnBuilds.find((build) => build.input === input);
const entries = [
  ...defineEntries().map((tag) => ({ name: tag, label: `\`<${tag}>\` alone`, input: `${root}packages/elements/src/define/${tag}.ts` })),
  { name: 'CDN bundle', label: 'CDN bundle `occupational-maps.js` (autoloader)', input: CDN_ENTRY, build: cdnBuild(CDN_ENTRY) },
  { name: 'CDN eager file', label: 'CDN file `occupational-maps.all.js` (eager)', input: CDN_ALL_ENTRY, build: cdnBuild(CDN_ALL_ENTRY) },
];

// The floor every element stands on, bundled the same way: a one-line Lit element. Ratios against it say how much
// an element adds to Lit itself.
const LIT_FLOOR = `${root}bench/lit-floor.virtual.js`;
const litFloorModule = {
  name: 'lit-floor',
  resolveId: (id) => (id === LIT_FLOOR ? id : null),
  load: (id) => (id === LIT_FLOOR ? "import { LitElement, html } from 'lit'; customElements.define('lit-floor', class extends LitElement { render() { return html`<p>Hello</p>`; } });" : null),
};
const floor = await measure(LIT_FLOOR, [litFloorModule]);
console.log(`${'Lit floor (baseline)'.padEnd(28)} ${kb(floor.gzip).padStart(9)} gzip ${kb(floor.brotli).padStart(9)} brotli`);

const rows = [];
const results = new Map();
for (const entry of entries) {
  try {
    const result = await measure(entry.input, [], entry.build);
    results.set(entry.name, result);
    const goal = GOALS[entry.name];
    const verdict = goal === undefined ? '' : result.gzip <= goal ? `≤ ${kb(goal)}: **pass**` : `≤ ${kb(goal)}: **fail**`;
    const lazy = result.lazyCount ? `${kb(result.lazyGzip)} (${result.lazyCount} chunk${result.lazyCount > 1 ? 's' : ''})` : '—';
    rows.push(`| ${entry.label} | ${kb(result.min)} | ${kb(result.gzip)} | ${kb(result.brotli)} | ${lazy} | ${verdict} |`);
    if (entry.name === 'CDN bundle') {
      // What a page with every element on it ends up fetching through the autoloader: all the files the build emits.
      rows.push(`| CDN bundle, all chunks (every file of \`occupational-maps.js\`'s build) | — | ${kb(result.allGzip)} | — | — | ${result.chunkCount} files |`);
      printRow({ section: 'Bundle size', name: 'CDN bundle, all chunks, min+gzip', value: result.allGzip, unit: 'B', note: `${result.chunkCount} files: what a page using every element fetches` });
      // A college's CSV course list ("Offered here") fetches Papa Parse, its own lazy chunk; a JSON list never does.
      const csvReader = result.lazyGzipOf(/node_modules\/papaparse\//);
      rows.push(`| CSV course-list reader (Papa Parse), lazy chunk of \`occupational-maps.js\` | — | — | — | ${kb(csvReader)} | only when a CSV course list is read |`);
      printRow({ section: 'Bundle size', name: 'CSV course-list reader (Papa Parse chunk), min+gzip', value: csvReader, unit: 'B', note: 'loaded only when a CSV course list is read' });
    }
    console.log(`${entry.name.padEnd(28)} ${kb(result.gzip).padStart(9)} gzip ${kb(result.brotli).padStart(9)} brotli  ${verdict.replace(/\*/g, '')}`);
    printRow({
      section: 'Bundle size', name: `${entry.label}, initial min+gzip`, value: result.gzip, unit: 'B', baselineName: 'a one-line Lit element, bundled the same way', baseline: floor.gzip,
      ...(goal === undefined ? {} : { goal: `≤ ${kb(goal)}`, pass: result.gzip <= goal }), note: `${kb(result.min)} minified${result.lazyCount ? `; ${kb(result.lazyGzip)} gzip loaded later` : ''}`,
    });
  } catch (error) {
    rows.push(`| ${entry.label} | — | — | — | — | does not build: ${String(error.message).split('\n')[0].replace(/\|/g, '\\|')} |`);
    console.log(`${entry.name.padEnd(28)} does not build: ${error.message.split('\n')[0]}`);
    printRow({ section: 'Bundle size', name: `${entry.label}, initial min+gzip`, value: Number.NaN, unit: 'B', ...(GOALS[entry.name] ? { goal: `≤ ${kb(GOALS[entry.name])}`, pass: false } : {}), note: `does not build: ${error.message.split('\n')[0]}` });
  }
}

/** The two entries with goals of their own, each with where its initial bytes go. */
const focuses = ['soc-badge', 'route-map'].filter((name) => results.has(name));
const breakdowns = focuses.map((name) => `## Where the bytes of \`<${name}>\` alone go

Bytes as rendered into the bundle (after tree-shaking, before minification), by package or source file, in the
initial load.

| Module | Rendered | Share |
| --- | --- | --- |
${breakdown(results.get(name).modules).join('\n')}
`);
const report = `# Bundle size

Generated by \`npm run size\` (bench/size.mjs) — do not edit by hand.

Each element's define entry bundled on its own with Lit, as a page that uses only that element downloads it, and the
two CDN files as rollup.config.js builds them. Production build (rollup + esbuild + terser, Lit's production build,
whitespace collapsed in \`css\` literals). **Initial** is what loads before anything renders (the entry and the
chunks it imports statically); **lazy** is fetched later, only when needed: the SOC 2020 titles, the data client and
each document's schema on the first request, a badge's detail data part when it opens, a route map's list and table
views, control bar and course-list code when a map shows them, and for \`occupational-maps.js\` each element's chunk
when its tag first appears in the page. The "all chunks" row is every
file that build emits, what a page using every element ends up fetching.
Goals: \`<soc-badge>\` alone ≤ 9 KB gzip with Lit; the CDN bundle ≤ 30 KB gzip (issue #7); \`<route-map>\` alone ≤ 30 KB
gzip, its dialog's \`<occupation-card>\` loading on the first open (issue #18).

| Entry | Initial min | Initial gzip | Initial brotli | Lazy (gzip) | Goal |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

${breakdowns.join('\n')}`;
writeFileSync(`${root}docs/size.md`, report);
console.log('Wrote docs/size.md');
