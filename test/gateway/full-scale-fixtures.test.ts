// The full-scale benchmark dataset (issue #18: `fixtures/build.mjs --scale full`) must look like the live map, or the
// benchmarks measure something no college will see: the live per-route counts (1,287 occupations; Engineering and
// manufacturing 368), and clusters of a handful of occupations each, as live clusters are — not a few huge ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUILD = fileURLToPath(new URL('../../packages/gateway/fixtures/build.mjs', import.meta.url));
// The September 2026 capture of all 15 route trees (shared/reference-data/README.md), by Occupational Maps route id.
const LIVE_COUNTS: Record<number, number> = { 8: 368, 5: 151, 10: 127, 6: 121, 1: 97, 15: 74, 11: 73, 7: 64, 2: 52, 13: 46, 12: 33, 3: 27, 14: 20, 4: 19, 9: 15 };

interface Tree {
  pathways: Array<{ clusterGroups: Array<{ clusters: Array<{ id: number; occupations: unknown[] }> }> }>;
}

test('the full-scale dataset has the live per-route counts in clusters of a handful of occupations', () => {
  const out = mkdtempSync(join(tmpdir(), 'om-full-scale-'));
  try {
    execFileSync(process.execPath, [BUILD, '--scale', 'full', '--out', out], { stdio: 'pipe' });
    const dir = join(out, 'maps', 'routes');
    // One file a route, named by its id (the trees themselves carry it as `id` or `routeId`, as the live API does).
    const trees = readdirSync(dir).map((name) => ({ ...(JSON.parse(readFileSync(join(dir, name), 'utf8')) as Tree), id: Number.parseInt(name, 10) }));
    const clusters = trees.flatMap((tree) => tree.pathways.flatMap((pathway) => pathway.clusterGroups.flatMap((group) => group.clusters)));
    const counts = Object.fromEntries(trees.map((tree) => [tree.id, tree.pathways.flatMap((p) => p.clusterGroups.flatMap((g) => g.clusters.flatMap((c) => c.occupations))).length]));
    assert.deepEqual(counts, LIVE_COUNTS);
    assert.equal(Object.values(counts).reduce((sum, count) => sum + count, 0), 1287);
    const largest = Math.max(...clusters.map((cluster) => cluster.occupations.length));
    assert.ok(largest <= 20, `the largest cluster holds ${largest} occupations: live clusters hold a handful, never dozens`);
    assert.equal(new Set(clusters.map((cluster) => cluster.id)).size, clusters.length, 'cluster ids are unique');
    const engineering = trees.find((tree) => tree.id === 8)!;
    assert.ok(engineering.pathways.flatMap((p) => p.clusterGroups.flatMap((g) => g.clusters)).length >= 40, 'Engineering and manufacturing has dozens of clusters');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
