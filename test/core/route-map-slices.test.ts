import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import * as v from 'valibot';
import { routeMapDocument, validateDocument, validateDocumentLazily, validateRouteMapInSlices } from '@occupational-maps/core';

// The route map example of docs/embed-api.md, grown to many clusters so that slicing has something to slice.
const docs = await readFile(new URL('../../docs/embed-api.md', import.meta.url), 'utf8');
const exampleBody = [...docs.matchAll(/```json path=(\S+)\n([\s\S]*?)```/g)].find(([, path]) => /^routes\/[a-z-]+\.json$/.test(path!))![2]!;
const example = () => JSON.parse(exampleBody);
function largeRoute(pathways = 3, clustersPerPathway = 16) {
  const document = example();
  const [firstPathway] = document.pathways;
  const [firstCluster] = firstPathway.clusters;
  document.pathways = Array.from({ length: pathways }, (_, p) => ({
    ...structuredClone(firstPathway),
    id: p + 1,
    clusters: Array.from({ length: clustersPerPathway }, (_, c) => ({ ...structuredClone(firstCluster), id: p * 100 + c })),
  }));
  return document;
}
const noPause = async () => {};
/** Every place the whole-document check finds wrong (valibot's dot paths), not just the first three. */
const issuePaths = (value: unknown) => {
  const result = v.safeParse(routeMapDocument, value);
  return result.success ? [] : result.issues.map((issue) => v.getDotPath(issue) ?? '(document)');
};

test('a route map checked in slices gives the same document as the whole check', async () => {
  for (const document of [example(), largeRoute()]) {
    const whole = validateDocument('routeMap', structuredClone(document));
    const sliced = await validateRouteMapInSlices(structuredClone(document), noPause, 0);
    assert.ok(whole.ok && sliced.ok, 'both accept the document');
    assert.deepEqual(sliced.value, whole.value);
  }
});

test('a route map checked in slices pauses between clusters once a slice has run its time', async () => {
  let pauses = 0;
  const result = await validateRouteMapInSlices(largeRoute(3, 16), async () => void pauses++, 0);
  assert.ok(result.ok);
  // With no time allowed per slice, it pauses after the outline and after every cluster but the last: 48 clusters.
  assert.equal(pauses, 48);
  let generousPauses = 0;
  await validateRouteMapInSlices(largeRoute(3, 16), async () => void generousPauses++, 60_000);
  assert.equal(generousPauses, 0, 'a slice that may run a minute never pauses');
});

test('a bad cluster is named by its place in the whole document', async () => {
  const document = largeRoute(3, 4);
  document.pathways[2].clusters[3].band = 'expert';
  const sliced = await validateRouteMapInSlices(document, noPause, 0);
  assert.ok(!sliced.ok);
  assert.match(sliced.reason, /^pathways\.2\.clusters\.3\.band: /);
  const whole = validateDocument('routeMap', document);
  assert.ok(!whole.ok);
  assert.equal(sliced.reason, whole.reason, 'the same words as the whole check');
});

test('the client’s lazy check gives the same route map with a pause (in slices) as without (whole)', async () => {
  const document = largeRoute();
  const withPause = await validateDocumentLazily('routeMap', structuredClone(document), noPause);
  const without = await validateDocumentLazily('routeMap', structuredClone(document));
  assert.ok(withPause.ok && without.ok);
  assert.deepEqual(withPause.value, without.value);
});

// Any damage anywhere in a route map: the sliced check accepts exactly what the whole check accepts, never throws,
// and when it refuses, the place it names is one the whole check finds wrong.
const jsonValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 6 }), fc.constant([]), fc.constant({}), fc.constantFrom('expert', 'OCC0001', 'ST0001', 'technical'));
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
}

test('property: damaged route maps are judged the same in slices as whole', async () => {
  const base = largeRoute(2, 3);
  const allPaths = pathsOf(base).filter((path) => path.length > 0);
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: allPaths.length - 1 }), jsonValue, fc.boolean()), { minLength: 1, maxLength: 3 }), async (damages) => {
      const document = structuredClone(base);
      for (const [pathIndex, replacement, remove] of damages) {
        const path = allPaths[pathIndex]!;
        let parent: any = document;
        for (const key of path.slice(0, -1)) parent = parent?.[key];
        if (parent === null || typeof parent !== 'object') continue;
        const last = path.at(-1)!;
        if (remove && !Array.isArray(parent)) delete parent[last];
        else parent[last] = replacement;
      }
      const wholePaths = issuePaths(structuredClone(document));
      const whole = validateDocument('routeMap', structuredClone(document));
      const sliced = await validateRouteMapInSlices(structuredClone(document), noPause, 0);
      assert.equal(sliced.ok, whole.ok, whole.ok ? 'the whole check accepts it' : whole.reason);
      if (sliced.ok && whole.ok) assert.deepEqual(sliced.value, whole.value);
      if (!sliced.ok) {
        const named = sliced.reason.split(': ')[0]!;
        assert.ok(wholePaths.includes(named), `${named} is among ${wholePaths.join(', ')}`);
      }
    }),
    { numRuns: 300 },
  );
});
