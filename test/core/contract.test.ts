import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { isErrorDocument, parseEmbedPath, validateDocument } from '@occupational-maps/core';

const docs = await readFile(new URL('../../docs/embed-api.md', import.meta.url), 'utf8');
const examples = [...docs.matchAll(/```json path=(\S+)\n([\s\S]*?)```/g)].map(([, path, body]) => ({ path, body: JSON.parse(body) }));

test('docs/embed-api.md has an example for every document kind', () => {
  const kinds = new Set(examples.map(({ path }) => (path === 'error' ? 'error' : parseEmbedPath(path).ok && (parseEmbedPath(path) as { kind: string }).kind)));
  for (const kind of ['meta', 'routes', 'routeMap', 'occupation', 'standard', 'progression', 'soc', 'searchIndex', 'error']) {
    assert.ok(kinds.has(kind), `no example for ${kind}`);
  }
});

for (const { path, body } of examples) {
  test(`example ${path} validates`, () => {
    if (path === 'error') {
      assert.ok(isErrorDocument(body));
      return;
    }
    const parsed = parseEmbedPath(path);
    assert.ok(parsed.ok, `example path ${path} must be a valid Embed path`);
    const result = validateDocument(parsed.kind, body);
    assert.ok(result.ok, result.ok ? '' : result.reason);
  });
}

const example = (path: string) => structuredClone(examples.find((e) => e.path === path)!.body);

const broken: Array<{ name: string; path: string; mutate: (doc: any) => unknown; reason: RegExp }> = [
  { name: 'occupation with a missing title', path: 'occupations/OCC0499.json', mutate: (d) => { delete d.title; }, reason: /^title: / },
  { name: 'occupation with raw HTML instead of blocks', path: 'occupations/OCC0499.json', mutate: (d) => { d.summary = '<p>Hi</p>'; }, reason: /^summary: / },
  { name: 'occupation with a javascript: link in rich text', path: 'occupations/OCC0499.json', mutate: (d) => { d.summary[0].content[0].href = 'javascript:alert(1)'; }, reason: /summary\.0\.content\.0\.href: must be an http\(s\) URL/ },
  { name: 'occupation with an unknown band', path: 'occupations/OCC0499.json', mutate: (d) => { d.band = 'expert'; }, reason: /^band: / },
  { name: 'occupation with a level out of range', path: 'occupations/OCC0499.json', mutate: (d) => { d.level = 12; }, reason: /^level: / },
  { name: 'occupation with a non-http official link', path: 'occupations/OCC0499.json', mutate: (d) => { d.links.map = 'data:text/html,x'; }, reason: /^links\.map: must be an http\(s\) URL/ },
  { name: 'occupation with a bad KSB id', path: 'occupations/OCC0499.json', mutate: (d) => { d.ksbs.knowledge[0].id = '3f2a-guid'; }, reason: /ksbs\.knowledge\.0\.id: must be a KSB id/ },
  { name: 'occupation with a string where a number belongs', path: 'occupations/OCC0499.json', mutate: (d) => { d.apprenticeship.maxFunding = '13000'; }, reason: /apprenticeship\.maxFunding/ },
  { name: 'occupation with "undefined" omitted instead of null', path: 'occupations/OCC0499.json', mutate: (d) => { delete d.overview; }, reason: /^overview: / },
  { name: 'route map with a cluster in no band', path: 'routes/digital.json', mutate: (d) => { delete d.pathways[0].clusters[0].band; }, reason: /pathways\.0\.clusters\.0\.band/ },
  { name: 'route map with a bad occupation code', path: 'routes/digital.json', mutate: (d) => { d.pathways[0].clusters[0].occupations[0].code = '../etc'; }, reason: /code: must be an occupation code/ },
  { name: 'routes list as a bare array', path: 'routes.json', mutate: (d) => d.routes, reason: /^routes: / },
  { name: 'meta with apiVersion 2', path: 'meta.json', mutate: (d) => { d.apiVersion = 2; }, reason: /^apiVersion: / },
  { name: 'SOC document with a three-digit code', path: 'soc/5231.json', mutate: (d) => { d.code = '523'; }, reason: /^code: must be a four-digit SOC code/ },
  { name: 'standard with no occupations', path: 'standards/ST1312.json', mutate: (d) => { d.occupations = []; }, reason: /^occupations: / },
  { name: 'progression edge with a missing end', path: 'progression/OCC0499.json', mutate: (d) => { delete d.edges[0].to; }, reason: /^edges\.0\.to: / },
  { name: 'product with a type slug that is not a slug', path: 'occupations/OCC0499.json', mutate: (d) => { d.products[1].typeSlug = 'Foundation Apprenticeship'; }, reason: /^products\.1\.typeSlug: must be a product type slug/ },
  { name: 'product with a type old clients do not know', path: 'occupations/OCC0499.json', mutate: (d) => { d.products[1].type = 'foundation-apprenticeship'; }, reason: /^products\.1\.type: / },
  { name: 'meta whose data kind is unknown', path: 'meta.json', mutate: (d) => { d.data.kind = 'guess'; }, reason: /^data\.kind: / },
  { name: 'search entry with no route', path: 'search-index.json', mutate: (d) => { delete d.occupations[0].route; }, reason: /occupations\.0\.route/ },
];

for (const { name, path, mutate, reason } of broken) {
  test(`rejects ${name} with a readable reason`, () => {
    const doc = example(path);
    const replaced = mutate(doc);
    const parsed = parseEmbedPath(path);
    assert.ok(parsed.ok);
    const result = validateDocument(parsed.kind, replaced === undefined ? doc : replaced);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.reason, reason);
  });
}

test('the validator reports at most three issues and counts the rest', () => {
  const result = validateDocument('occupation', {});
  assert.equal(result.ok, false);
  if (!result.ok) assert.match(result.reason, /… and \d+ more$/);
});

test('documents from older gateways still validate: type slugs and names, search slugs and meta data are filled in', () => {
  const occupation = example('occupations/OCC0499.json');
  for (const product of occupation.products) {
    delete product.typeSlug;
    delete product.typeName;
  }
  const old = validateDocument('occupation', occupation);
  assert.ok(old.ok, old.ok ? '' : old.reason);
  if (old.ok) assert.deepEqual(old.value.products.map((p) => [p.type, p.typeSlug, p.typeName]), [['apprenticeship', 'apprenticeship', null], ['other', 'other', null], ['tq', 'tq', null]]);

  const index = example('search-index.json');
  delete index.productTypes;
  delete index.occupations[0].productTypeSlugs;
  const oldIndex = validateDocument('searchIndex', index);
  assert.ok(oldIndex.ok);
  if (oldIndex.ok) assert.deepEqual([oldIndex.value.occupations[0].productTypeSlugs, oldIndex.value.productTypes], [['apprenticeship', 'htq', 'other'], []]);

  for (const [source, expected] of [['fixtures', { kind: 'sample', fetchedAt: null }], ['live', { kind: 'skills-england', fetchedAt: '2026-11-22T09:30:00.000Z' }]] as const) {
    const meta = { ...example('meta.json'), source, generatedAt: '2026-11-22T09:30:00.000Z' };
    delete meta.data;
    const checked = validateDocument('meta', meta);
    assert.ok(checked.ok);
    if (checked.ok) assert.deepEqual(checked.value.data, expected);
  }
});

test('an unknown product type validates with its own slug and name', () => {
  const occupation = example('occupations/OCC0499.json');
  occupation.products.push({ code: 'VL0001', type: 'other', typeSlug: 'v-level', typeName: 'V Level', title: 'Engineering V Level', status: null, level: 3, careerStarter: null });
  const checked = validateDocument('occupation', occupation);
  assert.ok(checked.ok, checked.ok ? '' : checked.reason);
  if (checked.ok) assert.deepEqual(checked.value.products.at(-1)!.typeName, 'V Level');
});
