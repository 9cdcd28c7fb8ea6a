import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedPaths, parseEmbedPath } from '@occupational-maps/core';

test('fixed and keyed paths parse to their kind and canonical path', () => {
  assert.deepEqual(parseEmbedPath('routes.json'), { ok: true, kind: 'routes', key: null, path: 'routes.json' });
  assert.deepEqual(parseEmbedPath('routes/digital.json'), { ok: true, kind: 'routeMap', key: 'digital', path: 'routes/digital.json' });
  assert.deepEqual(parseEmbedPath('occupations/occ0397a.json'), { ok: true, kind: 'occupation', key: 'OCC0397A', path: 'occupations/OCC0397A.json' });
  assert.deepEqual(parseEmbedPath('standards/ST0499.json'), { ok: true, kind: 'standard', key: 'ST0499', path: 'standards/ST0499.json' });
  assert.deepEqual(parseEmbedPath('soc/2136.json'), { ok: true, kind: 'soc', key: '2136', path: 'soc/2136.json' });
  assert.equal(embedPaths.progression('OCC0499'), 'progression/OCC0499.json');
});

for (const bad of ['../etc/passwd', 'occupations/../../x.json', 'occupations/%2e%2e%2fx.json', 'occupations/OCC0499', 'occupations/OCC0499.json/x',
  'routes/Digital!.json', 'soc/12345.json', 'soc/abcd.json', 'occupations/' + 'A'.repeat(200) + '.json', 'occupations\\OCC0499.json',
  'occupations/OCC\u00000499.json', 'unknown/OCC0499.json', '', 'routes/./digital.json', 'standards/OCC0499.json',
  'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
  test(`rejects ${JSON.stringify(bad.slice(0, 40))}`, () => {
    const parsed = parseEmbedPath(bad);
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.ok(parsed.reason.length > 10);
  });
}
