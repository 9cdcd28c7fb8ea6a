/**
 * Conformance: records captured from the live Skills England services (../shared/reference-data/captured/, kept
 * beside the checkout and never copied into it) go through the real upstream clients and normalizers, served by a
 * loopback mock upstream, and the Embed API documents say what a person would see. Skipped, with a message, when
 * the folder is absent (a user's clone has no ../shared).
 *
 * The captured files are served as they are. What they do not cover (the route trees, the option occupation
 * OCC1312A) is written here in the same shapes, as the project's own records.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { validateDocument } from '@occupational-maps/core';
import { configFromEnv, createGateway, createLogger, type Gateway } from '@occupational-maps/gateway';
import { API_KEY, json, startUpstream, type MockUpstream } from './helpers.js';

/** `OM_REFERENCE_DATA`, else `shared/reference-data` beside the checkout or beside any folder above it (worktrees). */
function findReferenceData(): string | null {
  if (process.env.OM_REFERENCE_DATA) return existsSync(process.env.OM_REFERENCE_DATA) ? process.env.OM_REFERENCE_DATA : null;
  let dir = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  for (;;) {
    const candidate = join(dirname(dir), 'shared', 'reference-data');
    if (existsSync(join(candidate, 'captured'))) return candidate;
    if (dirname(dir) === dir) return null;
    dir = dirname(dir);
  }
}

const REFERENCE = findReferenceData();
const skip = REFERENCE ? false : 'no ../shared/reference-data/captured/ beside the checkout (set OM_REFERENCE_DATA to its folder): conformance with the captured live records not checked';
if (!REFERENCE) console.log(`# conformance skipped: ${skip}`);

const captured = (name: string) => readFileSync(join(REFERENCE!, 'captured', name), 'utf8');

// The project's own records in API B shapes, for what the captures do not hold.
const product = (productCode: string, name: string, level: number, typeName: string, extra: Record<string, unknown> = {}) => ({
  object: 'Product', productCode, name, level, typeName, careerStarter: false, royal: false, ...extra,
});
const treeOccupation = (stdCode: string, name: string, level: number, products: unknown[]) => ({
  object: 'Occupation', stdCode, name, level, versionNo: '1.0', status: 1, statusName: 'Approved occupation', statusLastUpdated: '2024-01-03', products,
});
const tree = (routeId: number, name: string, pathway: [number, string], cluster: [number, string], occupations: unknown[]) => ({
  routeId,
  name,
  pathways: [{ id: pathway[0], name: pathway[1], sequence: 0, clusterGroups: [{ id: 1, sequence: 0, clusters: [
    { object: 'Cluster', id: cluster[0], name: cluster[1], description: '', technicalLevel: 1, technicalLevelName: 'Technical', sequence: 0, occupations },
  ] }] }],
});
const OPTION_TITLE = 'Legal technician - conveyancing technician';
const TREES: Record<number, unknown> = {
  13: tree(13, 'Sales, marketing and procurement', [12, 'Customer service'], [14, 'Customer service assistant'], [
    treeOccupation('OCC0072', 'Customer service practitioner', 2, [
      product('ST0072', 'Customer service practitioner', 2, 'Apprenticeship', { type: 1, status: 1, statusName: 'Approved for delivery' }),
      product('FA0001', 'Customer service foundation apprenticeship', 2, 'Foundation Apprenticeship'),
      product('AU0003', 'Customer service apprenticeship unit', 2, 'Apprenticeship Unit'),
      product('VL0001', 'Customer service V Level', 3, 'V Level'),
    ]),
  ]),
  11: tree(11, 'Legal, finance and accounting', [63, 'Legal'], [250, 'Legal technician'], [
    treeOccupation('OCC1312A', OPTION_TITLE, 4, [product('ST1312', OPTION_TITLE, 4, 'Apprenticeship', { type: 1, status: 2, statusName: 'Development stage' })]),
    treeOccupation('OCC1312B', 'Legal technician - probate technician', 4, [product('ST1312', 'Legal technician - probate technician', 4, 'Apprenticeship', { type: 1, statusName: 'Withdrawn' })]),
    treeOccupation('OCC1399', 'Paralegal', 4, [product('HTQDZ0022b', 'Higher national certificate in law', 0, 'HTQ', { type: 2 })]),
  ]),
};
// OCC1312A as a full record: no KSBs of its own, so they come from API A's ST1312 (GUID-keyed, 17 duties).
const OCC1312A = {
  ...treeOccupation('OCC1312A', OPTION_TITLE, 4, [product('ST1312', OPTION_TITLE, 4, 'Apprenticeship', { type: 1, statusName: 'Approved for delivery' })]),
  mapHierarchy: { routeId: 11, routeName: 'Legal, finance and accounting', pathwayId: 63, pathwayName: 'Legal', clusterId: 250, clusterName: 'Legal technician', technicalLevel: 2 },
  soc: { soc2010Code: 2419, soc2010Description: 'Legal professionals n.e.c.', soc2020Code: null, soc2020Description: null, soc2020SubUnitGroups: [] },
};

describe('conformance with records captured from the live services', { skip }, () => {
  let upstream: MockUpstream;
  let gateway: Gateway;
  const get = async (path: string) => {
    const response = await gateway.createApp().fetch(new Request(`https://gateway.example/v1/${path}`));
    return { status: response.status, body: (await response.json()) as any };
  };

  before(async () => {
    upstream = await startUpstream();
    const maps = new URL(upstream.mapsBase).pathname;
    const standards = new URL(upstream.standardsBase).pathname;
    upstream.override = ({ url }) => {
      const path = url.split('?')[0];
      const route = /^\/Routes\/(\d+)$/.exec(path.slice(maps.length));
      if (path.startsWith(maps) && route) return TREES[Number(route[1])] ? json(TREES[Number(route[1])]) : json({ message: 'Not found' }, 404);
      if (path === `${maps}/Occupations/OCC0072`) return json(captured('api-b-occupation-OCC0072.json'));
      // The capture records the live answer: 404 with no body.
      if (path === `${maps}/Occupations/OCC1312`) return new Response(null, { status: JSON.parse(captured('api-b-occupation-OCC1312.404.json')).status });
      if (path === `${maps}/Occupations/OCC1312A`) return json(OCC1312A);
      if (path.startsWith(`${maps}/OccupationalProgression/`)) return json({ message: 'Not found' }, 404);
      if (path === standards) return json(captured('api-a-standards-ST1312-ST0072.json'));
      return undefined; // the route list: the project's own fixture answer
    };
    gateway = await createGateway({
      config: { ...configFromEnv({}), apiKey: API_KEY, mapsBase: upstream.mapsBase, standardsBase: upstream.standardsBase, retries: 0 },
      source: 'live',
      bulkStandards: true,
      log: createLogger({ secrets: [API_KEY], write: () => {} }),
    });
  });
  after(() => upstream?.close());

  it('OCC0072: K1… ids and texts, SOC 2020 7211 with its sub-unit groups, SOC 2010 7219, its place on the map', async () => {
    const { status, body } = await get('occupations/OCC0072.json');
    assert.equal(status, 200, JSON.stringify(body));
    assert.ok(validateDocument('occupation', body).ok);
    assert.equal(body.title, 'Customer service practitioner');
    assert.equal(body.level, 2);
    assert.equal(body.status, 'approved');
    assert.equal(body.route.slug, 'sales-marketing-procurement');
    assert.deepEqual(body.pathway, { id: 12, name: 'Customer service' });
    assert.deepEqual(body.cluster, { id: 14, name: 'Customer service assistant' });
    assert.deepEqual(body.ksbs.knowledge.map((k: any) => k.id), Array.from({ length: 15 }, (_, i) => `K${i + 1}`));
    assert.deepEqual(body.ksbs.skills.map((k: any) => k.id).slice(0, 2), ['S1', 'S2']);
    assert.equal(body.ksbs.behaviours.length, 10);
    assert.equal(body.ksbs.knowledge[0].text, 'Understand who customers are.');
    assert.match(body.ksbs.knowledge[3].text, /brand promise/);
    assert.deepEqual(body.soc.soc2020, { code: '7211', title: 'Call and contact centre occupations' });
    assert.deepEqual(body.soc.soc2010, { code: '7219', title: 'Customer service occupations n.e.c.' });
    assert.deepEqual(body.soc.subUnitGroups.map((g: any) => [g.code, g.primary]), [['7211/00', true], ['7111/00', false], ['7219/99', false], ['7220/00', false]]);
    assert.deepEqual(body.typicalJobTitles.slice(0, 2), ['customer assistant', 'customer relations advisor']);
    assert.equal(body.updatedAt, '2016-07-29');
  });

  it('ST0072: the current version 1.1 is chosen over the retired 1.0 from the full API A list', async () => {
    const records = JSON.parse(captured('api-a-standards-ST1312-ST0072.json')).filter((r: any) => r.referenceNumber === 'ST0072');
    assert.deepEqual(records.map((r: any) => [r.version, r.status]), [['1.0', 'Retired'], ['1.1', 'Approved for delivery']]);
    // The captured API B record was fetched without products: the occupation takes them from its route tree.
    const { body } = await get('occupations/OCC0072.json');
    assert.deepEqual(body.apprenticeship, {
      standard: 'ST0072',
      version: '1.1',
      status: 'Approved for delivery',
      typicalDurationMonths: 12,
      maxFunding: 3500,
      larsCode: 122,
      entryRequirements: null,
      standardPageUrl: 'https://skillsengland.education.gov.uk/apprenticeships/st0072-v1-1',
    });
    const standard = await get('standards/ST0072.json');
    assert.deepEqual(standard.body, { standard: 'ST0072', occupation: 'OCC0072', occupations: ['OCC0072'] });
  });

  it('product types keep their names and slugs: foundation apprenticeship, apprenticeship unit, a type not known yet', async () => {
    const { body } = await get('routes/sales-marketing-procurement.json');
    const products = body.pathways[0].clusters[0].occupations[0].products;
    assert.deepEqual(
      products.map((p: any) => [p.code, p.typeSlug, p.typeName, p.type]),
      [
        ['ST0072', 'apprenticeship', 'Apprenticeship', 'apprenticeship'],
        ['FA0001', 'foundation-apprenticeship', 'Foundation Apprenticeship', 'other'],
        ['AU0003', 'apprenticeship-unit', 'Apprenticeship Unit', 'other'],
        ['VL0001', 'v-level', 'V Level', 'other'],
      ],
    );
    const index = await get('search-index.json');
    const entry = index.body.occupations.find((o: any) => o.code === 'OCC0072');
    assert.deepEqual(entry.productTypeSlugs, ['apprenticeship', 'foundation-apprenticeship', 'apprenticeship-unit', 'v-level']);
    assert.deepEqual(
      index.body.productTypes.map((t: any) => [t.slug, t.typeName]),
      [['apprenticeship', 'Apprenticeship'], ['foundation-apprenticeship', 'Foundation Apprenticeship'], ['apprenticeship-unit', 'Apprenticeship Unit'], ['htq', 'HTQ'], ['v-level', 'V Level']],
    );
  });

  it('ST1312: both options on the map, the standard names them, real statuses, an HTQ at level 0, null SOC 2020', async () => {
    const map = await get('routes/legal-finance-accounting.json');
    const occupations = map.body.pathways[0].clusters[0].occupations;
    assert.deepEqual(occupations.map((o: any) => o.code), ['OCC1312A', 'OCC1312B', 'OCC1399']);
    assert.deepEqual(occupations.slice(0, 2).map((o: any) => o.products[0].status), ['Development stage', 'Withdrawn']);
    const htq = occupations[2].products[0];
    assert.deepEqual([htq.code, htq.typeSlug, htq.level], ['HTQDZ0022b', 'htq', null]);
    const standard = await get('standards/ST1312.json');
    assert.deepEqual(standard.body.occupations, ['OCC1312A', 'OCC1312B']);

    const option = await get('occupations/OCC1312A.json');
    assert.equal(option.status, 200, JSON.stringify(option.body));
    assert.equal(option.body.soc.soc2020, null, 'a null SOC 2020 code is no mapping');
    assert.equal(option.body.soc2020, null);
    assert.deepEqual(option.body.soc.soc2010, { code: '2419', title: 'Legal professionals n.e.c.' });
    // KSBs and duties from API A's ST1312: GUIDs become K1…, S1…, B1…, D1… and the duty mappings follow them.
    assert.equal(option.body.ksbs.knowledge.length, 21);
    assert.equal(option.body.ksbs.skills.length, 20);
    assert.equal(option.body.ksbs.behaviours.length, 5);
    assert.equal(option.body.duties.length, 17);
    assert.equal(option.body.duties[0].id, 'D1');
    assert.match(option.body.duties[0].text, /^work closely with 3rd party stakeholders/);
    assert.ok(option.body.duties[0].ksbs.includes('K1') && option.body.duties[0].ksbs.includes('B1'), option.body.duties[0].ksbs.join(','));
    assert.ok(option.body.duties.every((d: any) => d.ksbs.every((id: string) => /^[KSB]\d+$/.test(id))));
    // The captured ST1312 v1.0 is marked "Retired" upstream; the only version, so it is the one used.
    assert.equal(option.body.apprenticeship.standard, 'ST1312');
    assert.equal(option.body.apprenticeship.status, 'Retired');
    assert.equal(option.body.apprenticeship.typicalDurationMonths, 24);
  });

  it('the bare OCC1312 answers 404 naming its options (only OCC1312A and OCC1312B exist upstream)', async () => {
    const { status, body } = await get('occupations/OCC1312.json');
    assert.equal(status, 404);
    assert.equal(body.error.code, 'not-found');
    assert.deepEqual(body.error.options, [
      { code: 'OCC1312A', title: OPTION_TITLE },
      { code: 'OCC1312B', title: 'Legal technician - probate technician' },
    ]);
    assert.match(body.error.message, /OCC1312A/);
  });
});
