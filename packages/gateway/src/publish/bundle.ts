/**
 * Finds the elements' CDN bundle and theme presets for `publish`: through the `./cdn/*` and `./themes/*` exports of
 * @occupational-maps/elements, a dependency of the gateway package. That is the workspace's packages/elements in this
 * repository and the installed package after `npm install @occupational-maps/gateway` (its tarball ships dist/cdn).
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ConfigError } from '../config.js';
import { BUNDLE_FILE, THEME_FILE, wholeBundle, type Asset } from '../server/node.js';

export interface ElementsBundle {
  /** The folder the bundle was read from (for messages). */
  folder: string;
  /** Entry files, chunks and source maps by name. */
  files: Map<string, Uint8Array>;
  /** Theme presets by name. */
  themes: Map<string, Uint8Array>;
}

async function readFolder(folder: string, accept: RegExp): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const name of (await readdir(folder)).sort()) if (accept.test(name)) files.set(name, new Uint8Array(await readFile(join(folder, name))));
  return files;
}

/** Reads the whole bundle into memory, or says what to do when it is not installed or not built. */
export async function readElementsBundle(from: string | URL = import.meta.url): Promise<ElementsBundle> {
  const require = createRequire(from);
  try {
    require.resolve('@occupational-maps/elements/package.json');
  } catch {
    throw new ConfigError('publish needs the elements bundle, from @occupational-maps/elements: install it beside the gateway (npm install @occupational-maps/elements).');
  }
  let entry: string;
  let theme: string;
  try {
    entry = require.resolve('@occupational-maps/elements/cdn/occupational-maps.js');
    theme = require.resolve('@occupational-maps/elements/themes/default.css');
  } catch {
    throw new ConfigError('The elements bundle is not built (no @occupational-maps/elements/cdn/occupational-maps.js): run npm run build.');
  }
  const folder = dirname(entry);
  const files = await readFolder(folder, BUNDLE_FILE);
  const assets = new Map<string, Asset>([...files].map(([name, body]) => [name, { body, type: '' }]));
  if (!wholeBundle(assets)) throw new ConfigError(`The elements bundle in ${folder} is incomplete (a chunk an entry imports is missing): run npm run build again.`);
  return { folder, files, themes: await readFolder(dirname(theme), THEME_FILE) };
}
