import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateWith, richText } from '@occupational-maps/core';
import { htmlToBlocks, plainText, safeHref } from '../../packages/gateway/src/normalize/html-to-blocks.js';
import { mapProductType, mapStatus, productTypeOf, textList, toIsoDate, toSocCode, toSummary } from '../../packages/gateway/src/normalize/common.js';
import { normaliseKsbs } from '../../packages/gateway/src/normalize/ksbs.js';
import { parseProgression } from '../../packages/gateway/src/normalize/progression.js';
import { parseRecord, occupationRecord, OCCUPATION_ALIASES } from '../../packages/gateway/src/normalize/upstream-schemas.js';
import { HOSTILE, markupIn } from './helpers.js';

const noSkip = () => assert.fail('nothing should be skipped');

test('HTML becomes paragraphs, headings and lists of formatted runs', () => {
  const blocks = htmlToBlocks('<h2>Role</h2><p>Works in <strong>cars</strong> and <em>vans</em>.</p><ol><li>One</li><li>Two <b>bold</b></li></ol>loose text');
  assert.deepEqual(blocks, [
    { type: 'heading', content: [{ text: 'Role' }] },
    { type: 'paragraph', content: [{ text: 'Works in ' }, { text: 'cars', strong: true }, { text: ' and ' }, { text: 'vans', emphasis: true }, { text: '.' }] },
    { type: 'list', ordered: true, items: [[{ text: 'One' }], [{ text: 'Two ' }, { text: 'bold', strong: true }]] },
    { type: 'paragraph', content: [{ text: 'loose text' }] },
  ]);
  assert.ok(validateWith(richText, blocks).ok);
});

test('only http(s) links survive; scripts, handlers and encoded markup never do', () => {
  const blocks = htmlToBlocks(
    `<p><a href="https://example.org/a">ok</a> <a href="javascript:alert(1)">js</a> <a href="/relative">rel</a> <a href=" data:text/html,x">data</a></p>${HOSTILE}<style>p{}</style>`,
  );
  const runs = blocks.flatMap((block) => (block.type === 'list' ? block.items.flat() : block.content));
  assert.deepEqual(runs.filter((run) => run.href).map((run) => run.href), ['https://example.org/a']);
  assert.deepEqual(markupIn(blocks), []);
  assert.ok(!JSON.stringify(blocks).includes('alert'), JSON.stringify(blocks));
  assert.ok(validateWith(richText, blocks).ok);
  assert.equal(safeHref('HTTPS://Example.org/x y'), undefined);
  assert.equal(safeHref(' https://example.org/x '), 'https://example.org/x');
});

test('empty and whitespace-only HTML gives no blocks', () => {
  assert.deepEqual(htmlToBlocks(''), []);
  assert.deepEqual(htmlToBlocks(null), []);
  assert.deepEqual(htmlToBlocks('<p> </p><ul><li>  </li></ul>'), []);
});

test('plain text decodes entities, strips tags twice over and collapses space', () => {
  assert.equal(plainText('Fish &amp; chips <b>daily</b>\n  now'), 'Fish & chips daily now');
  assert.equal(plainText(`Name ${HOSTILE}`), 'Name bold');
  assert.equal(plainText('   '), null);
  assert.equal(plainText('<script>x</script>'), null);
  assert.equal(plainText('a < b'), 'a < b');
});

test('status words map to the contract slugs', () => {
  assert.equal(mapStatus('Approved occupation'), 'approved');
  assert.equal(mapStatus('Approved for delivery'), 'approved');
  assert.equal(mapStatus('ApprovedForDelivery-Paused'), 'approved');
  assert.equal(mapStatus('Occupational standard without apprenticeship'), 'without-apprenticeship');
  assert.equal(mapStatus('Proposal in development'), 'proposal');
  assert.equal(mapStatus('Potential occupational standard'), 'proposal');
  assert.equal(mapStatus('Occupational standard in development'), 'in-development');
  assert.equal(mapStatus('Retired'), 'retired');
  assert.equal(mapStatus('Withdrawn'), 'retired');
  assert.equal(mapStatus('Something new'), 'other');
  assert.equal(mapStatus(null, 1), 'approved');
  assert.equal(mapStatus(undefined, 7), 'other');
});

test('product types from typeName, numeric type or code', () => {
  assert.equal(mapProductType('Apprenticeship', null, 'ST0499'), 'apprenticeship');
  assert.equal(mapProductType('TLevel', null, 'TL0007d'), 't-level');
  assert.equal(mapProductType('T Level', null, 'TL0007d'), 't-level');
  assert.equal(mapProductType('HTQ', null, 'X'), 'htq');
  assert.equal(mapProductType('TQ', null, 'TQL2C11048RN5361'), 'tq');
  assert.equal(mapProductType('Micro-credential', null, 'X'), 'other');
  assert.equal(mapProductType(null, 3, 'X'), 't-level');
  assert.equal(mapProductType(null, null, 'TQL2C1'), 'tq');
  // The open list: new types keep their slug and upstream name; old clients see them as `other`.
  assert.deepEqual(productTypeOf('Foundation Apprenticeship', null, 'FA0001'), { slug: 'foundation-apprenticeship', typeName: 'Foundation Apprenticeship' });
  assert.deepEqual(productTypeOf('Apprenticeship Unit', null, 'AU0001'), { slug: 'apprenticeship-unit', typeName: 'Apprenticeship Unit' });
  assert.deepEqual(productTypeOf(null, null, 'FA0007'), { slug: 'foundation-apprenticeship', typeName: null });
  assert.deepEqual(productTypeOf('V Level', 9, 'VL0001'), { slug: 'v-level', typeName: 'V Level' });
  assert.deepEqual(productTypeOf('Micro-credential', null, 'X'), { slug: 'micro-credential', typeName: 'Micro-credential' });
  assert.equal(mapProductType('Foundation Apprenticeship', null, 'FA0001'), 'other');
});

test('dates, SOC codes and text lists in every documented variant', () => {
  assert.equal(toIsoDate('2018-05-24T00:00:00 +00:00'), '2018-05-24');
  assert.equal(toIsoDate('2017-08-25'), '2017-08-25');
  assert.equal(toIsoDate('2017-02-30'), null);
  assert.equal(toIsoDate('25/08/2017'), null);
  assert.equal(toSocCode('0'), null);
  assert.equal(toSocCode(' 5231 '), '5231');
  assert.equal(toSocCode('12345'), null);
  assert.deepEqual(textList([{ name: ' Autocare technician ', isGreen: false }, 'Mechanic', { name: '' }, 'Mechanic']), ['Autocare technician', 'Mechanic']);
  assert.deepEqual(textList('ATS Euromaster, Halfords ,Kwik-fit'), ['ATS Euromaster', 'Halfords', 'Kwik-fit']);
});

test('occupation records accept string numbers, whitespace and suffixes in codes, and aliases', () => {
  const record = parseRecord(occupationRecord, { code: ' occ0120a ', title: 'Digital support ', level: '3', status: '1', products: [{ productCode: ' TL0007d ', typeName: 'TLevel', level: '3' }] }, OCCUPATION_ALIASES);
  assert.ok(record.ok);
  const summary = toSummary(record.value, noSkip, 'digital');
  assert.deepEqual(summary, {
    code: 'OCC0120A', title: 'Digital support', level: 3, band: 'technical', status: 'approved', routeSlug: 'digital',
    products: [{ code: 'TL0007d', type: 't-level', typeSlug: 't-level', typeName: 'TLevel', title: null, status: null, level: 3, careerStarter: null }], soc2020: null,
  });
  const missing = parseRecord(occupationRecord, { stdCode: 'OCC0001', name: 'No level' });
  assert.equal(missing.ok, false);
  if (!missing.ok) assert.match(missing.reason, /level/);
});

test('GUID KSB ids get K1… from list order and duties map through them', () => {
  const guid = (n: number) => `0000000${n}-aaaa-bbbb-cccc-000000000000`;
  const { ksbs, duties } = normaliseKsbs(
    {
      knowledges: [{ knowledgeId: guid(1), detail: 'K one' }, { knowledgeId: guid(2), detail: 'K two' }],
      skills: [{ skillId: guid(3), detail: 'S one' }],
      behaviours: [{ behaviourId: guid(4), detail: 'B one' }],
      duties: [{ dutyID: guid(5), dutyDetail: 'Duty', mappedKnowledge: [guid(2).toUpperCase()], mappedSkills: [guid(3)], mappedBehaviour: [guid(4), 'unknown'] }],
    },
    'ST0001',
    noSkip,
  );
  assert.deepEqual(ksbs.knowledge.map((k) => k.id), ['K1', 'K2']);
  assert.deepEqual(duties, [{ id: 'D1', text: 'Duty', ksbs: ['K2', 'S1', 'B1'] }]);
});

test('human KSB ids are kept and a bad KSB item is reported, not fatal', () => {
  const skipped: string[] = [];
  const { ksbs, duties } = normaliseKsbs(
    {
      knowledges: [{ id: 'u1', knowledgeId: 'K1', detail: 'One' }, { id: 'u2', knowledgeId: 'K3', detail: 'Three' }, { knowledgeId: 'K4' }],
      duties: [{ dutyId: 'D2', dutyDetail: 'Two', mappedKnowledgeIds: ['u2'], mappedKnowledge: ['K1'] }],
    },
    'OCC0001',
    (code, reason) => skipped.push(`${code}: ${reason}`),
  );
  assert.deepEqual(ksbs.knowledge.map((k) => k.id), ['K1', 'K3']);
  assert.deepEqual(duties, [{ id: 'D2', text: 'Two', ksbs: ['K1', 'K3'] }]);
  assert.equal(skipped.length, 1);
  assert.match(skipped[0], /^OCC0001: knowledges\.2/);
});

test('progression pairs are de-duplicated; self-loops and bad codes are reported', () => {
  const skipped: string[] = [];
  const parsed = parseProgression(
    { keyStdCode: 'OCC0499', occupations: [], progressions: [
      { stdCodeFrom: 'OCC0499', stdCodeTo: 'OCC0031' }, { stdCodeFrom: ' occ0499', stdCodeTo: 'OCC0031 ' },
      { from: 'OCC0499', to: 'OCC0068' }, { stdCodeFrom: 'OCC0499', stdCodeTo: 'OCC0499' }, { stdCodeFrom: 'X', stdCodeTo: 'OCC0001' },
    ] },
    'OCC0499',
    (code, reason) => skipped.push(`${code}: ${reason}`),
  );
  assert.deepEqual(parsed.edges, [{ from: 'OCC0499', to: 'OCC0031' }, { from: 'OCC0499', to: 'OCC0068' }]);
  assert.equal(skipped.length, 2);
});
