#!/usr/bin/env node
// `node scripts/gateway-image.mjs --out DIR`: assembles the gateway's runtime tree — everything `om-gateway serve` needs
// and nothing else — into DIR. It is the one list of what the container image holds: packages/gateway/Dockerfile
// runs it after the build and copies DIR into the image as /app, and test/gateway/image.test.ts runs the gateway
// from the same output. Needs a build first (`npm run build`, or `node scripts/build.mjs npm cdn`).
//
// DIR/
//   packages/core/      package.json, dist/
//   packages/gateway/   package.json, dist/, bin/, data/ (SOC 2020), fixtures/ (the embedded offline dataset)
//   packages/elements/  package.json, dist/cdn/ (the CDN bundle and its chunks), themes/ — served under /elements/
//   node_modules/       the production dependencies of core and gateway, copied from this checkout's node_modules;
//                       @occupational-maps/* are relative links to packages/, as npm workspaces make them
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const MARKER = '.om-gateway-image';

/** The files of each workspace package that the runtime needs; the elements bundle is self-contained (no dependencies). */
export const WORKSPACE_FILES = {
  core: { files: ['package.json', 'dist'], dependencies: true },
  gateway: { files: ['package.json', 'dist', 'bin', 'data', 'fixtures'], dependencies: true },
  elements: { files: ['package.json', 'dist/cdn', 'themes'], dependencies: false },
};
/** Checked after assembling: without these the image would start and then answer 404 or fail. */
const REQUIRED = ['packages/gateway/dist/cli.js', 'packages/core/dist/index.js', 'packages/elements/dist/cdn/occupational-maps.js', 'packages/elements/themes', 'packages/gateway/fixtures/maps/routes.json', 'packages/gateway/data/soc2020.json'];

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** Node's lookup: `node_modules/NAME` in `from` or the nearest folder above it, up to the repository root. */
function findPackage(name, from) {
  for (let dir = from; dir.startsWith(root.slice(0, -1)); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === dirname(dir)) break;
  }
  return null;
}

export function assemble(out) {
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(join(out, MARKER))) throw new Error(`${out} is not empty and was not made by this script; choose an empty or new folder.`);
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, MARKER), 'Made by scripts/gateway-image.mjs; safe to delete.\n');

  const workspaces = new Map(Object.keys(WORKSPACE_FILES).map((name) => [readJson(join(root, 'packages', name, 'package.json')).name, name]));
  const copied = new Set();
  const queue = [];
  // Dependencies, optional dependencies when installed, and peers that are not optional (an optional peer such as
  // valibot's typescript is for build tools, not for running).
  const enqueue = (manifest, from) => {
    const optionalPeers = new Set(Object.entries(manifest.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional).map(([name]) => name));
    for (const name of Object.keys(manifest.dependencies ?? {})) queue.push({ name, from, optional: false });
    for (const name of Object.keys(manifest.optionalDependencies ?? {})) queue.push({ name, from, optional: true });
    for (const name of Object.keys(manifest.peerDependencies ?? {})) if (!optionalPeers.has(name)) queue.push({ name, from, optional: false });
  };

  for (const [name, { files, dependencies }] of Object.entries(WORKSPACE_FILES)) {
    const source = join(root, 'packages', name);
    if (name !== 'elements' && newest(join(source, 'src')) > newest(join(source, 'dist'))) {
      throw new Error(`packages/${name}/dist is older than its src/: run \`npm run build\` first.`);
    }
    for (const file of files) {
      if (!existsSync(join(source, file))) throw new Error(`packages/${name}/${file} is missing: run \`npm run build\` first.`);
      cpSync(join(source, file), join(out, 'packages', name, file), { recursive: true });
    }
    const manifest = readJson(join(source, 'package.json'));
    const link = join(out, 'node_modules', manifest.name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(relative(dirname(link), join(out, 'packages', name)), link, 'dir');
    if (dependencies) enqueue(manifest, source);
  }

  while (queue.length) {
    const { name, from, optional } = queue.shift();
    if (workspaces.has(name)) continue;
    const found = findPackage(name, from);
    if (!found) {
      if (optional) continue;
      throw new Error(`${name} (needed by ${relative(root, from) || 'the root'}) is not installed: run npm ci.`);
    }
    const real = realpathSync(found);
    if (copied.has(real)) continue;
    copied.add(real);
    // The same place in the tree as in this checkout, so nested versions resolve as they do here.
    const target = join(out, relative(root, found));
    cpSync(real, target, { recursive: true, filter: (path) => !relative(real, path).split(sep).includes('node_modules') });
    enqueue(readJson(join(real, 'package.json')), found);
  }

  const missing = REQUIRED.filter((path) => !existsSync(join(out, path)));
  if (missing.length) throw new Error(`the runtime tree lacks ${missing.join(', ')}: run \`npm run build\` first.`);
  return { packages: copied.size, bytes: folderBytes(out) };
}

/** The newest modification time of the files under a folder (0 when it does not exist). */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let time = 0;
  for (const entry of readdirSync(dir, { recursive: true })) {
    const stat = lstatSync(join(dir, entry));
    if (stat.isFile()) time = Math.max(time, stat.mtimeMs);
  }
  return time;
}

function folderBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true })) {
    const path = join(dir, entry);
    const stat = lstatSync(path);
    if (stat.isFile()) total += stat.size;
  }
  return total;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  if (!values.out) {
    console.error('Usage: node scripts/gateway-image.mjs --out DIR');
    process.exit(1);
  }
  try {
    const out = values.out.startsWith('/') ? values.out : join(process.cwd(), values.out);
    const { packages, bytes } = assemble(out);
    console.log(`gateway runtime tree in ${values.out}: core, gateway, elements bundle and themes, ${packages} dependencies, ${(bytes / 1e6).toFixed(1)} MB`);
  } catch (error) {
    console.error(`gateway-image: ${error.message}`);
    process.exit(1);
  }
}
