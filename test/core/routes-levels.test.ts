import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ROUTES, bandForLevel, bandForTechnicalLevel, findRoute, parseLevels } from '@occupational-maps/core';

test('the 15 routes match shared/data/routes.json ids, names and order', async () => {
  const shared = JSON.parse(await readFile(new URL('../fixtures/routes.json', import.meta.url), 'utf8'));
  assert.equal(ROUTES.length, 15);
  for (const route of shared.routes) {
    const ours = ROUTES.find((r) => r.id === route.mapsRouteId);
    assert.ok(ours, `route ${route.name}`);
    assert.equal(ours.name, route.name);
    assert.equal(ours.sequence, route.mapsSequence);
  }
  assert.equal(new Set(ROUTES.map((r) => r.slug)).size, 15);
});

test('findRoute accepts slugs, ids, names and former names', () => {
  assert.equal(findRoute('digital')?.id, 7);
  assert.equal(findRoute(8)?.slug, 'engineering-manufacturing');
  assert.equal(findRoute(' 14 ')?.slug, 'care-services');
  assert.equal(findRoute('Sales, marketing and procurement')?.slug, 'sales-marketing-procurement');
  assert.equal(findRoute('Education and childcare')?.slug, 'education-early-years');
  assert.equal(findRoute('Construction')?.slug, 'construction');
  assert.equal(findRoute('nope'), undefined);
  assert.equal(findRoute(99), undefined);
});

test('levels map to bands', () => {
  assert.deepEqual([2, 3, 4, 5, 6, 7].map(bandForLevel), ['technical', 'technical', 'higher-technical', 'higher-technical', 'professional', 'professional']);
  assert.equal(bandForLevel(9), null);
  assert.equal(bandForLevel(2.5), null);
  assert.equal(bandForTechnicalLevel(2), 'higher-technical');
  assert.equal(bandForTechnicalLevel(7), null);
});

test('level filters parse ranges and lists', () => {
  assert.deepEqual(parseLevels('4-5'), [4, 5]);
  assert.deepEqual(parseLevels('2,3'), [2, 3]);
  assert.deepEqual(parseLevels(' 6 , 2-3 '), [2, 3, 6]);
  assert.deepEqual(parseLevels('7-6'), [6, 7]);
  assert.deepEqual(parseLevels('x, 10'), []);
  assert.deepEqual(parseLevels(null), []);
});
