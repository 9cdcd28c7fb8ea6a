import { expect } from '@open-wc/testing';
import { readUrlState, writeUrlState } from '../../packages/elements/src/route-map/url-state.js';
import { formatLevels, parseChoices } from '../../packages/elements/src/route-map/route-model.js';
import { parseLevels, STATUS_VALUES } from '@occupational-maps/core';

describe('<route-map> URL state encoding', () => {
  it('round-trips every field, with search text that contains the separators', () => {
    const state = { levels: '4-5', status: 'approved,proposal', products: 'htq', search: 'a;b:c&d=e #f %', pathway: 'Digital Business Services', view: 'table', selected: 'OCC0118' };
    const hash = writeUrlState('', 'om-route-map', state);
    expect(hash).to.match(/^#om-route-map=levels:4-5;status:approved,proposal;products:htq;q:/);
    expect(hash.split('&')).to.have.length(1);
    expect(readUrlState(hash, 'om-route-map')).to.deep.equal(state);
  });

  it('keeps other parts of the hash, replaces its own part in place, and removes it when everything is default', () => {
    const first = writeUrlState('#intro&tab=2', 'om-route-map', { levels: '2' });
    expect(first).to.equal('#intro&tab=2&om-route-map=levels:2');
    const second = writeUrlState('#intro&om-route-map=levels:2&tab=2', 'om-route-map', { levels: '6-7', selected: 'OCC0585' });
    expect(second).to.equal('#intro&om-route-map=levels:6-7;sel:OCC0585&tab=2');
    expect(writeUrlState(second, 'om-route-map', {})).to.equal('#intro&tab=2');
    expect(writeUrlState('#om-route-map=levels:2', 'om-route-map', {})).to.equal('');
  });

  it('namespaces two maps on one page by id and ignores unknown or malformed fields', () => {
    const hash = writeUrlState(writeUrlState('', 'om-route-map-a', { levels: '2' }), 'om-route-map-b', { levels: '7' });
    expect(readUrlState(hash, 'om-route-map-a')).to.deep.equal({ levels: '2' });
    expect(readUrlState(hash, 'om-route-map-b')).to.deep.equal({ levels: '7' });
    expect(readUrlState(hash, 'om-route-map')).to.be.null;
    expect(readUrlState('#om-route-map=bogus:1;levels;:x;q:%E0%A4%A', 'om-route-map')).to.deep.equal({ search: '%E0%A4%A' });
  });
});

describe('<route-map> filter values', () => {
  it('formatLevels writes what parseLevels reads, compactly', () => {
    expect(formatLevels([2, 3, 4, 6])).to.equal('2-4,6');
    expect(formatLevels([7, 5, 5])).to.equal('5,7');
    expect(formatLevels([])).to.equal('');
    for (const levels of [[2], [2, 3], [2, 4, 5, 7], [2, 3, 4, 5, 6, 7]]) expect(parseLevels(formatLevels(levels))).to.deep.equal(levels);
  });

  it('parseChoices keeps known values in canonical order, whatever the case and spacing', () => {
    expect(parseChoices(' Proposal, approved ,nonsense', STATUS_VALUES)).to.deep.equal(['approved', 'proposal']);
    expect(parseChoices('', STATUS_VALUES)).to.deep.equal([]);
  });
});
