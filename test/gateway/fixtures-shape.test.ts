/**
 * Invariants of the embedded offline dataset (packages/gateway/fixtures): it must be big and varied enough to
 * exercise every element, internally consistent (trees, records, progressions and API A records agree), in the
 * upstream shapes with the documented quirks present, and exactly what the generator produces from its source.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ROUTES } from '@occupational-maps/core';

const FIXTURES = fileURLToPath(new URL('../../packages/gateway/fixtures/', import.meta.url));

type Json = any; // upstream payloads: checked field by field below

const readJson = async (...parts: string[]): Promise<Json> => JSON.parse(await readFile(join(FIXTURES, ...parts), 'utf8'));
const listJson = async (...parts: string[]) => (await readdir(join(FIXTURES, ...parts))).filter((name) => name.endsWith('.json')).sort();
const trim = (code: string) => code.trim();

interface Dataset {
  routes: Json[];
  trees: Map<number, Json>;
  occupations: Map<string, Json>;
  progressions: Map<string, Json>;
  standards: Map<string, Json>;
}

let cached: Promise<Dataset> | undefined;
function dataset(): Promise<Dataset> {
  cached ??= (async () => {
    const routes = await readJson('maps', 'routes.json');
    const trees = new Map<number, Json>();
    for (const name of await listJson('maps', 'routes')) trees.set(Number(name.replace('.json', '')), await readJson('maps', 'routes', name));
    const load = async (...folder: string[]) => {
      const entries = new Map<string, Json>();
      for (const name of await listJson(...folder)) entries.set(name.replace('.json', ''), await readJson(...folder, name));
      return entries;
    };
    return {
      routes,
      trees,
      occupations: await load('maps', 'occupations'),
      progressions: await load('maps', 'progression'),
      standards: await load('standards'),
    };
  })();
  return cached;
}

/** Every occupation in every route tree, with where it sits. */
function treeOccupations(trees: Map<number, Json>) {
  const found: { routeId: number; pathway: Json; group: Json; cluster: Json; occupation: Json }[] = [];
  for (const [routeId, tree] of trees) {
    for (const pathway of tree.pathways) {
      for (const group of pathway.clusterGroups) {
        for (const cluster of group.clusters) {
          for (const occupation of cluster.occupations) found.push({ routeId, pathway, group, cluster, occupation });
        }
      }
    }
  }
  return found;
}

test('lists all 15 routes with the Occupational Maps ids, names and order, and a tree file for each', async () => {
  const { routes, trees } = await dataset();
  assert.equal(routes.length, 15);
  for (const [index, route] of routes.entries()) {
    const known = ROUTES.find((r) => r.id === route.routeId);
    assert.ok(known, `routeId ${route.routeId}`);
    assert.deepEqual(route, { object: 'Route', routeId: known.id, name: known.name, sequence: known.sequence });
    assert.equal(route.sequence, index, 'in display order');
    const tree = trees.get(route.routeId);
    assert.ok(tree, `tree for route ${route.routeId}`);
    assert.equal(tree.id ?? tree.routeId, route.routeId);
    assert.equal(tree.name, route.name);
    assert.ok(Array.isArray(tree.pathways));
  }
  assert.equal(trees.size, 15);
  const idFields = [...trees.values()].map((tree) => ('routeId' in tree ? 'routeId' : 'id'));
  assert.ok(idFields.includes('routeId') && idFields.includes('id'), 'both route id spellings appear');
});

/** Occupations per route on the live map (shared/reference-data/README.md, September 2026). */
const REAL_COUNTS: Record<number, number> = { 8: 368, 5: 151, 10: 127, 6: 121, 1: 97, 15: 74, 11: 73, 7: 64, 2: 52, 13: 46, 12: 33, 3: 27, 14: 20, 4: 19, 9: 15 };
/** Routes with a hand-written source: they keep all their occupations (Digital's are richer than its share). */
const HAND_WRITTEN: Record<number, number> = { 7: 46, 5: 39 };

test('all 15 routes have occupations, about one eighth of the live map each, Engineering the largest; levels 2–7 all present', async () => {
  const { trees, occupations } = await dataset();
  const perRoute = new Map<number, number>();
  for (const { routeId } of treeOccupations(trees)) perRoute.set(routeId, (perRoute.get(routeId) ?? 0) + 1);
  assert.equal(perRoute.size, 15, 'every route has occupations');
  for (const [routeId, real] of Object.entries(REAL_COUNTS).map(([id, n]) => [Number(id), n])) {
    const expected = HAND_WRITTEN[routeId] ?? Math.max(2, Math.round(real / 8));
    assert.equal(perRoute.get(routeId), expected, `route ${routeId}: ${perRoute.get(routeId)} occupations for ${real} live`);
  }
  assert.equal(perRoute.get(8), 46, 'Engineering and manufacturing: 368 / 8');
  for (const n of perRoute.values()) assert.ok(perRoute.get(8)! >= n, 'Engineering is (one of) the largest');
  assert.equal(occupations.size, [...perRoute.values()].reduce((a, b) => a + b, 0));
  for (const [routeId, count] of perRoute) {
    const levels = new Set([...occupations.values()].filter((o) => o.mapHierarchy.routeId === routeId).map((o) => o.level));
    assert.ok(count < 35 || levels.size >= 5, `route ${routeId} spans the levels`);
  }
  assert.deepEqual([...new Set([...occupations.values()].map((o) => o.level))].sort(), [2, 3, 4, 5, 6, 7]);
});

test('the product types and statuses of 2026: foundation apprenticeships, apprenticeship units, an HTQ at level 0, real status words, a standard with options', async () => {
  const { occupations, standards } = await dataset();
  const products = [...occupations.values()].flatMap((o) => o.products);
  const foundation = products.filter((p) => p.typeName === 'Foundation Apprenticeship');
  const units = products.filter((p) => p.typeName === 'Apprenticeship Unit');
  assert.ok(foundation.length >= 5 && foundation.every((p) => /^FA\d{4}$/.test(p.productCode)), `${foundation.length} foundation apprenticeship links`);
  assert.ok(units.length >= 5 && units.every((p) => /^AU\d{4}$/.test(p.productCode)), `${units.length} apprenticeship unit links`);
  assert.ok(products.some((p) => p.typeName === 'HTQ' && p.level === 0), 'an HTQ at level 0');
  const words = new Set(products.filter((p) => p.typeName === 'Apprenticeship').map((p) => p.statusName));
  for (const status of ['Approved for delivery', 'Development stage', 'Withdrawn', 'Retired']) assert.ok(words.has(status), `a product "${status}"`);
  assert.ok([...standards.values()].some((s) => s.approvedForDeliveryPausedStarts === true), 'a standard paused for starts');
  // ST1312: options with their own occupations; the bare OCC1312 does not exist.
  assert.deepEqual(standards.get('ST1312').options.map((o: Json) => o.occupationCode), ['OCC1312A', 'OCC1312B']);
  assert.ok(occupations.has('OCC1312A') && occupations.has('OCC1312B') && !occupations.has('OCC1312'));
  const nullSoc = [...occupations.values()].filter((o) => o.soc.soc2020Code === null);
  assert.ok(nullSoc.length >= occupations.size / 12 && nullSoc.length <= occupations.size / 3, `${nullSoc.length} of ${occupations.size} without a SOC 2020 code (about one in six live)`);
});

test('every status and product type is present, with career starter and royal flags on some', async () => {
  const { occupations } = await dataset();
  const all = [...occupations.values()];
  const statuses = new Set(all.map((o) => o.statusName));
  for (const pattern of [/^Approved occupation$/, /in development/i, /potential|proposal/i, /without apprenticeship/i]) {
    assert.ok([...statuses].some((name) => pattern.test(name)), `a status matching ${pattern}`);
  }
  const products = all.flatMap((o) => o.products);
  for (const typeName of ['Apprenticeship', 'TLevel', 'HTQ', 'TQ']) {
    assert.ok(products.some((p) => p.typeName === typeName), `a ${typeName} product`);
  }
  assert.ok(products.some((p) => p.typeName === 'TLevel' && /^TL\d{4}[a-z]$/.test(p.productCode)), 'T Level codes carry a lower-case suffix');
  assert.ok(products.some((p) => p.typeName === 'TQ' && /^TQL\dC\d{5}RN\d{4}$/.test(p.productCode)), 'TQ codes in the TQL2C11048RN5361 form');
  assert.ok(products.some((p) => p.careerStarter === true), 'a career starter apprenticeship');
  assert.ok(products.some((p) => p.royal === true), 'a royal apprenticeship');
  const withoutApprenticeship = all.filter((o) => /without apprenticeship/i.test(o.statusName));
  for (const o of withoutApprenticeship) {
    assert.ok(!o.products.some((p: Json) => p.typeName === 'Apprenticeship'), `${o.stdCode} has no apprenticeship`);
  }
  assert.ok(withoutApprenticeship.some((o) => o.products.length > 0), 'some are reached through other products');
  assert.ok(withoutApprenticeship.some((o) => o.products.length === 0), 'some have no product at all');
});

test('every SOC 2020 code is a real unit group, and SOC 2010 uses 0 for unset', async () => {
  const { occupations } = await dataset();
  const csv = await readFile(join(FIXTURES, 'source', 'soc2020_unit_groups.csv'), 'utf8');
  const unitGroups = new Map(csv.trim().split('\n').slice(1).map((line) => [Number(line.slice(0, 4)), line]));
  assert.equal(unitGroups.size, 412);
  let unset2010 = 0;
  let set2010 = 0;
  for (const o of occupations.values()) {
    if (o.soc.soc2020Code === null) {
      // No SOC 2020 mapping, as for about one live occupation in six: no title, no sub-unit groups.
      assert.deepEqual([o.soc.soc2020Description, o.soc.soc2020SubUnitGroups], [null, []], o.stdCode);
      continue;
    }
    assert.ok(unitGroups.has(o.soc.soc2020Code), `${o.stdCode}: SOC 2020 ${o.soc.soc2020Code}`);
    assert.ok(unitGroups.get(o.soc.soc2020Code)!.includes(o.soc.soc2020Description), `${o.stdCode}: SOC title`);
    assert.equal(o.soc.soc2020SubUnitGroups.filter((sug: Json) => sug.isPrimary).length, 1, `${o.stdCode}: one primary SUG`);
    for (const sug of o.soc.soc2020SubUnitGroups) assert.match(sug.code, /^\d{4}\/\d{2}$/);
    if (o.soc.soc2010Code === 0) {
      unset2010 += 1;
      assert.equal(o.soc.soc2010Description, null);
    } else {
      set2010 += 1;
      assert.ok(o.soc.soc2010Code >= 1000 && o.soc.soc2010Code <= 9999 && o.soc.soc2010Description);
    }
  }
  assert.ok(unset2010 > 0 && set2010 > 0, `SOC 2010 set on ${set2010}, unset on ${unset2010}`);
});

test('the route trees and the occupation records agree', async () => {
  const { trees, occupations } = await dataset();
  const seen = new Set<string>();
  for (const { routeId, pathway, group, cluster, occupation } of treeOccupations(trees)) {
    const code = trim(occupation.stdCode);
    assert.ok(!seen.has(code), `${code} appears once across all maps`);
    seen.add(code);
    const record = occupations.get(code);
    assert.ok(record, `${code} has an occupation record`);
    for (const field of ['object', 'name', 'level', 'versionNo', 'status', 'statusName', 'statusLastUpdated', 'overview']) {
      assert.deepEqual(occupation[field], record[field], `${code}.${field}`);
    }
    assert.deepEqual(occupation.mapHierarchy, record.mapHierarchy, `${code}.mapHierarchy`);
    assert.deepEqual(occupation.products, record.products, `${code}.products`);
    assert.deepEqual(occupation.soc, record.soc, `${code}.soc`);
    const h = record.mapHierarchy;
    assert.deepEqual(
      [h.routeId, h.pathwayId, h.pathwaySequence, h.clusterGroupId, h.clusterGroupSequence, h.clusterId, h.clusterSeqeunce, h.technicalLevel],
      [routeId, pathway.id, pathway.sequence, group.id, group.sequence, cluster.id, cluster.sequence, cluster.technicalLevel],
      `${code} sits where its mapHierarchy says`,
    );
    const band = record.level <= 3 ? 1 : record.level <= 5 ? 2 : 3;
    assert.equal(cluster.technicalLevel, band, `${code}: level ${record.level} in a ${cluster.technicalLevelName} cluster`);
  }
  assert.deepEqual([...seen].sort(), [...occupations.keys()].sort(), 'every record is on exactly one map');
});

test('occupation records carry the full expanded shape, with KSB codes that resolve', async () => {
  const { occupations } = await dataset();
  for (const [code, o] of occupations) {
    assert.equal(o.stdCode, code);
    assert.equal(typeof o.versionNo, 'string', `${code}: versionNo is a string`);
    assert.match(o.statusLastUpdated, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(typeof o.summary, 'string');
    assert.ok(o.typicalJobTitles.length > 0 && o.typicalJobTitles.every((t: Json) => typeof t.name === 'string' && typeof t.isGreen === 'boolean'));
    assert.ok(typeof o.involvedEmployers === 'string' || Array.isArray(o.involvedEmployers));
    assert.equal(o.links.length, 6);
    const links = new Map(o.links.map((link: Json) => [link.rel, link.href]));
    for (const rel of ['occupationStandardAPI', 'occupationalStandardURL', 'occupationalProgressionAPI', 'occupationalProgressionURL']) {
      assert.match(String(links.get(rel)), new RegExp(`^https://\\S+/${code}$`), `${code}: ${rel}`);
    }
    assert.match(String(links.get('routeAPI')), new RegExp(`/routes/${o.mapHierarchy.routeId}$`));
    const codes = (list: Json[], key: string) => new Map(list.map((item) => [item[key], item.id]));
    const k = codes(o.knowledges, 'knowledgeId');
    const s = codes(o.skills, 'skillId');
    const b = codes(o.behaviours, 'behaviourId');
    assert.ok(k.size >= 5 && s.size >= 5 && b.size >= 3 && o.duties.length >= 3, `${code} has KSBs and duties`);
    for (const [index, duty] of o.duties.entries()) {
      assert.equal(duty.dutyId, `D${index + 1}`);
      for (const [names, ids, table] of [[duty.mappedKnowledge, duty.mappedKnowledgeIds, k], [duty.mappedSkills, duty.mappedSkillsIds, s], [duty.mappedBehaviour, duty.mappedBehaviourIds, b]] as const) {
        assert.deepEqual(ids, names.map((name: string) => table.get(name)), `${code} ${duty.dutyId} maps to known KSBs`);
      }
    }
    const mappedK = new Set(o.duties.flatMap((duty: Json) => duty.mappedKnowledge));
    assert.equal(mappedK.size, k.size, `${code}: every knowledge statement is mapped to a duty`);
  }
});

test('progression maps: endpoints exist, about a quarter have no map, duplicates and cross-route edges occur', async () => {
  const { occupations, progressions } = await dataset();
  let duplicates = 0;
  let crossRoute = 0;
  for (const [key, map] of progressions) {
    assert.ok(occupations.has(key), `${key} is an occupation`);
    assert.equal(map.keyStdCode, key);
    assert.equal(map.occupations[0].stdCode, key, 'the key occupation comes first');
    const listed = new Set(map.occupations.map((o: Json) => o.stdCode));
    const pairs = new Set<string>();
    for (const edge of map.progressions) {
      const [from, to] = [trim(edge.stdCodeFrom), trim(edge.stdCodeTo)];
      assert.ok(occupations.has(from) && occupations.has(to), `${key}: ${from} → ${to} endpoints exist`);
      assert.ok(from === key || to === key, `${key}: edges touch the key`);
      assert.ok(listed.has(from) && listed.has(to), `${key}: both ends are listed`);
      if (pairs.has(`${from}>${to}`)) duplicates += 1;
      pairs.add(`${from}>${to}`);
      if (occupations.get(from).mapHierarchy.routeId !== occupations.get(to).mapHierarchy.routeId) crossRoute += 1;
    }
    for (const o of map.occupations) {
      const record = occupations.get(o.stdCode);
      assert.deepEqual(o, { stdCode: record.stdCode, name: record.name, level: record.level, versionNo: record.versionNo, statusName: record.statusName });
    }
  }
  const withoutMap = occupations.size - progressions.size;
  const share = withoutMap / occupations.size;
  assert.ok(share >= 0.15 && share <= 0.45, `${withoutMap} of ${occupations.size} have no map`);
  assert.ok(duplicates >= 3, `${duplicates} duplicate pairs`);
  assert.ok(crossRoute >= 3, `${crossRoute} cross-route edges`);
  // The one progression map published verbatim (GTA live probe): OCC0499 → OCC0031, OCC0033, OCC0068.
  const autocare = progressions.get('OCC0499');
  assert.deepEqual(autocare.progressions, [
    { stdCodeFrom: 'OCC0499', stdCodeTo: 'OCC0031' },
    { stdCodeFrom: 'OCC0499', stdCodeTo: 'OCC0033' },
    { stdCodeFrom: 'OCC0499', stdCodeTo: 'OCC0068' },
  ]);
});

test('every apprenticeship product has an API A record that agrees with it', async () => {
  const { occupations, standards } = await dataset();
  const referenced = new Set<string>();
  for (const o of occupations.values()) {
    for (const product of o.products.filter((p: Json) => p.typeName === 'Apprenticeship')) {
      const ref = trim(product.productCode);
      referenced.add(ref);
      const record = standards.get(ref);
      assert.ok(record, `${o.stdCode}: API A record for ${ref}`);
      assert.equal(record.referenceNumber, ref);
      assert.equal(record.level, o.level);
      assert.equal(record.route, o.mapHierarchy.routeName);
      // The two APIs word a standard not yet approved differently: API B "Development stage", API A "In development" or "Proposal in development".
      if (product.statusName === 'Development stage') assert.match(record.status, /development/i, `${ref}: API A status`);
      else assert.equal(record.status, product.statusName, `${ref}: API A status matches the product`);
      assert.ok(o.name.trim().startsWith(record.title), `${ref}: title "${record.title}" heads "${o.name}"`);
    }
  }
  assert.deepEqual([...standards.keys()].sort(), [...referenced].sort(), 'no API A record without a product');
  for (const [ref, record] of standards) {
    assert.ok(occupations.has(trim(record.occupationCode)), `${ref}: occupationCode ${record.occupationCode}`);
    assert.equal(typeof record.minimumHoursForCompliance, 'string', `${ref}: compliance hours as a string`);
    assert.equal(typeof record.version, 'string');
    assert.equal(record.standardPageUrl, `https://skillsengland.education.gov.uk/apprenticeships/${ref.toLowerCase()}-v${record.version.replace('.', '-')}`);
    if (record.status === 'Approved for delivery') {
      assert.match(record.approvedForDelivery, /^\d{4}-\d{2}-\d{2}T00:00:00 \+00:00$/);
      assert.ok(record.larsCode > 0 && record.maxFunding > 0 && record.typicalDuration > 0, `${ref}: funded and coded`);
    } else if (/^(Retired|Withdrawn)$/.test(record.status)) {
      // Once approved, as the live ST0072 v1.0 ("Retired", approved 2016).
      assert.match(record.approvedForDelivery, /^\d{4}-\d{2}-\d{2}T00:00:00 \+00:00$/, `${ref} (${record.status}) was approved once`);
    } else {
      assert.equal(record.approvedForDelivery, null, `${ref} (${record.status}) is not approved`);
    }
    assert.ok(record.typicalJobTitles.every((title: unknown) => typeof title === 'string'));
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const ids = (list: Json[], key: string) => new Set(list.map((item) => item[key]));
    const [k, s, b] = [ids(record.knowledges, 'knowledgeId'), ids(record.skills, 'skillId'), ids(record.behaviours, 'behaviourId')];
    for (const id of [...k, ...s, ...b]) assert.match(id, guid);
    for (const duty of record.duties) {
      assert.match(duty.dutyID, guid);
      assert.ok(duty.isThisACoreDuty === 0 || duty.isThisACoreDuty === 1);
      assert.ok(duty.mappedKnowledge.every((id: string) => k.has(id)) && duty.mappedSkills.every((id: string) => s.has(id)) && duty.mappedBehaviour.every((id: string) => b.has(id)), `${ref}: duty mappings resolve`);
    }
    // API A KSB GUIDs are API B's KSB ids for the same occupation.
    const lead = occupations.get(trim(record.occupationCode));
    assert.deepEqual(lead.knowledges.map((item: Json) => item.id), record.knowledges.map((item: Json) => item.knowledgeId));
  }
  const st0499 = standards.get('ST0499');
  assert.equal(st0499.larsCode, 283);
  assert.equal(st0499.maxFunding, 13000);
  assert.equal(st0499.minimumHoursForCompliance, '605');
  assert.equal(st0499.approvedForDelivery, '2018-05-24T00:00:00 +00:00');
  assert.deepEqual(standards.get('ST0120').options.map((option: Json) => option.title), ['Digital Applications Technician (DAT)', 'Digital Service Technician (DST)']);
});

test('the documented upstream quirks are present on purpose', async () => {
  const { trees, occupations, standards, progressions } = await dataset();
  const all = [...occupations.values()];
  assert.equal(occupations.get('OCC0120A').name, 'Digital support technician - Digital Applications Technician (DAT) ', 'trailing space kept');
  assert.ok(treeOccupations(trees).some(({ occupation }) => occupation.stdCode !== occupation.stdCode.trim()), 'a tree code with stray whitespace');
  assert.ok(all.some((o) => o.products.some((p: Json) => p.productCode !== p.productCode.trim())), 'a product code with stray whitespace');
  assert.ok([...standards.values()].some((r) => r.occupationCode !== r.occupationCode.trim()), 'an API A occupationCode with stray whitespace');
  assert.ok([...progressions.values()].some((m) => m.progressions.some((e: Json) => e.stdCodeTo !== e.stdCodeTo.trim())), 'a progression code with stray whitespace');
  assert.ok(all.some((o) => o.summary === ''), 'an empty summary');
  assert.ok(all.some((o) => /<ul><li>/.test(o.summary)) && all.some((o) => /<strong>/.test(o.summary)), 'summaries with lists and bold');
  assert.ok(all.some((o) => Array.isArray(o.involvedEmployers)), 'involvedEmployers as an array');
  assert.ok(all.some((o) => typeof o.involvedEmployers === 'string' && o.involvedEmployers.includes(', ')), 'involvedEmployers as a comma string');
  const tqs = all.flatMap((o) => o.products).filter((p) => p.typeName === 'TQ');
  assert.ok(tqs.length > 0 && tqs.every((p) => !('statusName' in p)), 'TQs carry no statusName');
  assert.ok(all.some((o) => typeof o.medianAnnualSalaryinGBP === 'number') && all.some((o) => !('medianAnnualSalaryinGBP' in o)), 'salary on some');
  assert.ok(all.some((o) => o.greenOccupation.classification === 'Dark Green') && all.some((o) => o.greenOccupation.classification === 'Mid Green'));
  assert.ok(occupations.get('OCC0120B').products.some((p: Json) => p.productCode === 'ST0120'), 'option occupations share one standard');
});

test('the committed dataset is exactly what build.mjs generates from the source', async () => {
  const out = await mkdtemp(join(tmpdir(), 'om-fixtures-'));
  try {
    await promisify(execFile)(process.execPath, [join(FIXTURES, 'build.mjs'), '--out', out]);
    for (const folder of [['maps'], ['maps', 'routes'], ['maps', 'occupations'], ['maps', 'progression'], ['standards']]) {
      const committed = await listJson(...folder);
      const generated = (await readdir(join(out, ...folder))).filter((name) => name.endsWith('.json')).sort();
      assert.deepEqual(committed, generated, `${folder.join('/')}: same files`);
      for (const name of committed) {
        const [a, b] = await Promise.all([readFile(join(FIXTURES, ...folder, name), 'utf8'), readFile(join(out, ...folder, name), 'utf8')]);
        assert.ok(a === b, `${folder.join('/')}/${name} is stale: run node packages/gateway/fixtures/build.mjs`);
      }
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
