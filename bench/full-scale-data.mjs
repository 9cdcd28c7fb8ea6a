// The full-scale benchmark dataset (issue #18): the embedded-sample generator's full-scale mode
// (packages/gateway/fixtures/build.mjs --scale full) written once under .cache/bench-full/, in upstream shapes, and
// the Embed API snapshot the gateway builds from it. Deterministic, so it is rebuilt only when the generator changes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const GENERATOR = `${root}packages/gateway/fixtures/build.mjs`;
const SOURCE_DIR = `${root}packages/gateway/fixtures/source/`;
export const FULL_DIR = `${root}.cache/bench-full/`;
/** The upstream-shaped files (what the gateway's fixture source reads). */
export const FULL_FIXTURES_DIR = `${FULL_DIR}fixtures/`;
/** The Embed API tree written from them (`v1/…`). */
export const FULL_SNAPSHOT_DIR = `${FULL_DIR}snapshot/`;
/** Occupations on the whole live map (September 2026). */
export const FULL_SCALE_OCCUPATIONS = 1287;
/** The real map's largest route (Engineering and manufacturing, 368 occupations). */
export const LARGEST_ROUTE = 'engineering-manufacturing';

/** A hash of the generator and its sources: the dataset is rebuilt when it changes. */
function generatorStamp() {
  const hash = createHash('sha256').update(readFileSync(GENERATOR));
  const files = readdirSync(SOURCE_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath ?? entry.path}/${entry.name}`)
    .sort();
  for (const path of files) hash.update(path.slice(SOURCE_DIR.length)).update(readFileSync(path));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Makes sure the full-scale dataset and its snapshot exist and are current; returns their folders. Throws with one
 * line when the generator or the snapshot fails.
 */
export function ensureFullScaleDataset({ quiet = false } = {}) {
  const stamp = generatorStamp();
  const stampFile = `${FULL_DIR}stamp`;
  const current = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(`${FULL_SNAPSHOT_DIR}v1/routes.json`);
  if (!current) {
    if (!quiet) console.log('Generating the full-scale benchmark dataset (.cache/bench-full/)…');
    rmSync(FULL_DIR, { recursive: true, force: true });
    const generate = spawnSync(process.execPath, [GENERATOR, '--scale', 'full', '--out', FULL_FIXTURES_DIR], { cwd: root, encoding: 'utf8' });
    if (generate.status !== 0) throw new Error(`The full-scale dataset could not be generated: ${(generate.stderr || generate.stdout).trim().split('\n').at(-1)}`);
    const occupations = existsSync(`${FULL_FIXTURES_DIR}maps/occupations`) ? readdirSync(`${FULL_FIXTURES_DIR}maps/occupations`).length : 0;
    if (occupations !== FULL_SCALE_OCCUPATIONS) {
      rmSync(FULL_DIR, { recursive: true, force: true });
      throw new Error(`The generator wrote ${occupations} occupations, not ${FULL_SCALE_OCCUPATIONS}: it has no full-scale mode (--scale full) yet.`);
    }
    const snapshot = spawnSync(process.execPath, ['packages/gateway/bin/om-gateway.js', 'snapshot', '--out', FULL_SNAPSHOT_DIR, '--source', 'fixtures', '--quiet'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, OM_FIXTURES_DIR: FULL_FIXTURES_DIR },
    });
    if (snapshot.status !== 0) throw new Error(`The full-scale snapshot could not be written: ${(snapshot.stderr || snapshot.stdout).trim().split('\n').at(-1)}`);
    writeFileSync(stampFile, stamp);
  }
  return { fixturesDir: FULL_FIXTURES_DIR, snapshotDir: FULL_SNAPSHOT_DIR };
}

/** The Embed API document at `path` (e.g. `routes/digital.json`) in the full-scale snapshot, as text. */
export const fullScaleDocument = (path) => readFileSync(`${FULL_SNAPSHOT_DIR}v1/${path}`, 'utf8');
