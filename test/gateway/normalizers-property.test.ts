/**
 * Property-based tests (fast-check) of every normalizer on arbitrary JSON: never throws; the output either validates
 * against the core contract or is rejected with a reason. Inputs are both wholly arbitrary JSON and real upstream
 * records (test/gateway/fixtures) with random parts replaced, deleted or retyped, which reach far deeper.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as v from 'valibot';
import { embedPaths, parseEmbedPath, richText, ROUTES, validateDocument, type EmbedDocumentKind } from '@occupational-maps/core';
import { Dataset, htmlToBlocks, loadSocTable, plainText, safeHref, UnusableRecordError, type MapsClient, type StandardsClient } from '@occupational-maps/gateway';
import { FIXTURES_DIR } from './helpers.js';

const RUNS = Number(process.env.OM_PROPERTY_RUNS ?? 150);
const soc = await loadSocTable();
const readJson = (path: string) => JSON.parse(readFileSync(`${FIXTURES_DIR}${path}`, 'utf8')) as unknown;
const filesIn = (dir: string) => readdirSync(`${FIXTURES_DIR}${dir}`).filter((name) => name.endsWith('.json'));

const upstreamFixtures = {
  routes: readJson('maps/routes.json'),
  trees: Object.fromEntries(filesIn('maps/routes').map((name) => [name.slice(0, -5), readJson(`maps/routes/${name}`)])),
  occupations: Object.fromEntries(filesIn('maps/occupations').map((name) => [name.slice(0, -5), readJson(`maps/occupations/${name}`)])),
  progression: Object.fromEntries(filesIn('maps/progression').map((name) => [name.slice(0, -5), readJson(`maps/progression/${name}`)])),
  standards: Object.fromEntries(filesIn('standards').map((name) => [name.slice(0, -5), readJson(`standards/${name}`)])),
};

/** Values that break naive code: odd types, huge and tiny numbers, markup, lone surrogates, prototype keys. */
const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', ' ', 0, -1, 1e308, -0, 3.5, true, [], {}, 'NaN', 'undefined', '<script>alert(1)</script>', 'javascript:alert(1)', '\u0000', '\ud800', '__proto__', 'OCC0499', 'ST0499', '5231', '2026-13-45'),
  fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
);

/** A copy of `value` with random parts replaced by nasty values, deleted, or kept (recursively). */
function mutated(value: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(value);
  if (Array.isArray(value)) {
    return fc.oneof(
      { weight: 8, arbitrary: fc.tuple(...value.slice(0, 12).map((item) => mutated(item, depth + 1))).map((items) => items as unknown[]) },
      { weight: 1, arbitrary: nasty },
      { weight: 1, arbitrary: fc.constant([]) },
    );
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return fc.oneof(
      {
        weight: 8,
        arbitrary: fc.tuple(...entries.map(([, child]) => fc.oneof({ weight: 10, arbitrary: mutated(child, depth + 1) }, { weight: 1, arbitrary: fc.constant(undefined) }))).map((children) =>
          Object.fromEntries(entries.map(([key], index) => [key, children[index]]).filter(([, child]) => child !== undefined)),
        ),
      },
      { weight: 1, arbitrary: nasty },
    );
  }
  return fc.oneof({ weight: 6, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: nasty });
}

const bodyOf = (value: unknown) => fc.oneof({ weight: 3, arbitrary: mutated(value) }, { weight: 1, arbitrary: nasty });
const upstreamArbitrary = fc.record({
  routes: bodyOf(upstreamFixtures.routes),
  trees: fc.record(Object.fromEntries(Object.entries(upstreamFixtures.trees).map(([id, tree]) => [id, bodyOf(tree)]))),
  occupations: fc.record(Object.fromEntries(Object.entries(upstreamFixtures.occupations).map(([code, record]) => [code, bodyOf(record)]))),
  progression: fc.record(Object.fromEntries(Object.entries(upstreamFixtures.progression).map(([code, record]) => [code, bodyOf(record)]))),
  standards: fc.record(Object.fromEntries(Object.entries(upstreamFixtures.standards).map(([ref, record]) => [ref, bodyOf(record)]))),
});
type Upstream = { routes: unknown; trees: Record<string, unknown>; occupations: Record<string, unknown>; progression: Record<string, unknown>; standards: Record<string, unknown> };

const found = (body: unknown) => Promise.resolve(body === undefined ? { found: false as const } : { found: true as const, body });

/** A dataset over in-memory upstream answers: the clients' network layer is the only part left out. */
function datasetOver(upstream: Upstream, bulkStandards = false): Dataset {
  const maps = {
    routes: () => found(upstream.routes),
    route: (id: number) => found(upstream.trees[String(id)]),
    occupation: (code: string) => found(upstream.occupations[code]),
    progression: (code: string) => found(upstream.progression[code]),
  } as unknown as MapsClient;
  const standards = {
    all: () => found(Object.values(upstream.standards).flatMap((record) => (Array.isArray(record) ? record : [record]))),
    standard: (ref: string) => found(upstream.standards[ref]),
  } as unknown as StandardsClient;
  return new Dataset({ maps, standards, soc, source: 'live', bulkStandards, now: () => new Date('2026-11-22T10:00:00Z') });
}

/** Every path a client could ask for over these fixtures, including ones that should be 404s. */
const PATHS = [
  embedPaths.meta(), embedPaths.routes(), embedPaths.searchIndex(),
  ...ROUTES.slice(0, 4).map((route) => embedPaths.routeMap(route.slug)), embedPaths.routeMap('digital'), embedPaths.routeMap('engineering-manufacturing'),
  ...Object.keys(upstreamFixtures.occupations).flatMap((code) => [embedPaths.occupation(code), embedPaths.progression(code)]),
  ...Object.keys(upstreamFixtures.standards).map(embedPaths.standard),
  embedPaths.soc('5231'), embedPaths.soc('2136'), embedPaths.occupation('OCC9999'),
];

let documentsChecked = 0;
let rejectedWithReason = 0;

/** The property: a document validates, or it is a not-found with a message, or an UnusableRecordError with a reason. */
async function everyDocumentIsValidOrRejected(dataset: Dataset): Promise<void> {
  for (const path of new Set(PATHS)) {
    const parsed = parseEmbedPath(path);
    assert.ok(parsed.ok, path);
    let result;
    try {
      result = await dataset.document(parsed.kind as EmbedDocumentKind, parsed.key);
    } catch (error) {
      assert.ok(error instanceof UnusableRecordError, `${path} threw ${(error as Error)?.stack ?? error}`);
      assert.ok(error.reason.trim().length > 0, `${path}: rejected without a reason`);
      rejectedWithReason++;
      continue;
    }
    documentsChecked++;
    if (!result.found) {
      assert.ok(result.message.trim().length > 0, `${path}: not found without a message`);
      continue;
    }
    const valid = validateDocument(parsed.kind, result.doc);
    assert.ok(valid.ok, `${path}: ${!valid.ok && valid.reason}`);
  }
  for (const reason of dataset.skipped.values()) assert.ok(reason.trim().length > 0, 'every skipped record has a reason');
}

test('the whole pipeline on mutated and arbitrary upstream JSON: never throws; valid documents or reasons', async () => {
  await fc.assert(
    fc.asyncProperty(upstreamArbitrary, fc.boolean(), async (upstream, bulk) => {
      await everyDocumentIsValidOrRejected(datasetOver(upstream as Upstream, bulk));
    }),
    { numRuns: RUNS },
  );
  assert.ok(documentsChecked > RUNS * 10, `${documentsChecked} documents checked`);
  // Written for `npm run reliability` (test/.results is gitignored); the e2e harness owns the helper, so plain fs here.
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(new URL('../.results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('../.results/normalizers-property.json', import.meta.url),
    `${JSON.stringify({ pipelineRuns: RUNS, documentsChecked, rejectedWithReason, updatedAt: new Date().toISOString() }, null, 2)}\n`,
  );
});

test('the unmutated fixtures still give valid documents (so the property above is not vacuous)', async () => {
  const dataset = datasetOver(upstreamFixtures);
  const occupation = await dataset.document('occupation', 'OCC0499');
  assert.ok(occupation.found && validateDocument('occupation', occupation.doc).ok);
  const map = await dataset.document('routeMap', 'digital');
  assert.ok(map.found && map.doc.pathways.length > 0);
});

test('htmlToBlocks and plainText on arbitrary strings and markup: never throw; blocks validate; no markup survives', () => {
  const markup = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.array(fc.oneof(fc.constantFrom('<p>', '</p>', '<ul>', '<li>', '</li>', '</ul>', '<a href="javascript:alert(1)">', '<a href="https://example.org/x">', '</a>', '<script>', '</script>', '<img src=x onerror=alert(1)>', '<b>', '&lt;', '&amp;', '&#x3c;script&#x3e;', '<!--', '-->', '<![CDATA[', '<br>', '<h2>', '<table><tr><td>', '\u0000'), fc.string({ maxLength: 12 })), { maxLength: 40 }).map((parts) => parts.join('')),
  );
  fc.assert(
    fc.property(markup, (html) => {
      const blocks = htmlToBlocks(html);
      assert.ok(v.safeParse(richText, blocks).success, `not RichText: ${JSON.stringify(blocks)}`);
      // A tag opens only at `<` or `</` directly followed by a letter, or at `<!`/`<?`; "< A" and "</" are text to any parser.
      const tagOpen = /<\/?[a-z]|<[!?]/i;
      const text = JSON.stringify(blocks);
      assert.ok(!tagOpen.test(text) && !/javascript:/i.test(text), `markup survived: ${text}`);
      const plain = plainText(html);
      assert.ok(plain === null || (typeof plain === 'string' && !tagOpen.test(plain)), `plainText kept markup: ${plain}`);
    }),
    { numRuns: RUNS * 4 },
  );
});

test('safeHref on arbitrary strings: http(s) URLs or nothing', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom('javascript:alert(1)', ' JaVaScRiPt:x', 'data:text/html,x', 'vbscript:x', '//evil.example', 'java\nscript:x', 'http://', 'https://ok.example/a?b#c')), (href) => {
      const safe = safeHref(href);
      if (safe === undefined) return;
      const url = new URL(safe);
      assert.ok(url.protocol === 'https:' || url.protocol === 'http:', `${href} → ${safe}`);
    }),
    { numRuns: RUNS * 4 },
  );
});
