import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { RouteMapDocument } from '@occupational-maps/core';
import '../../packages/elements/src/define/route-map.js';
import '../../packages/elements/src/define/occupation-search.js';
import type { RouteMap } from '../../packages/elements/src/route-map/route-map.js';
import { productLabel, productMarker } from '../../packages/elements/src/shared/labels.js';
import { defaultStrings } from '../../packages/elements/src/shared/strings.js';

/** The snapshot of the embedded sample: its generated routes carry foundation apprenticeships and apprenticeship units. */
const API_BASE = '/test/.snapshot/v1/';
const ROUTE = 'creative-design';

const shadow = (el: Element) => el.shadowRoot!;
const shownCodes = (el: RouteMap) => [...shadow(el).querySelectorAll<HTMLElement>('.map .tile')].filter((tile) => tile.getClientRects().length > 0).map((tile) => tile.dataset.code!);

describe('product types: foundation apprenticeships, apprenticeship units and types not known yet', () => {
  it('labels and markers: known types in the element\'s words, a newer type under its own upstream name, never "Other"', () => {
    expect(productLabel('foundation-apprenticeship', defaultStrings, 'Foundation Apprenticeship')).to.equal('Foundation apprenticeship');
    expect(productLabel('apprenticeship-unit', defaultStrings, 'Apprenticeship Unit')).to.equal('Apprenticeship unit');
    expect(productLabel('v-level', defaultStrings, 'V Level')).to.equal('V Level');
    expect(productLabel('v-level', defaultStrings, null)).to.equal('V level');
    expect([productMarker('foundation-apprenticeship'), productMarker('apprenticeship-unit'), productMarker('v-level', 'V Level')]).to.deep.equal(['F', 'U', 'VL']);
  });

  it('<route-map>: the legend names them with their markers, tiles carry them, and the product filter selects them', async () => {
    const document: RouteMapDocument = await (await fetch(`${API_BASE}routes/${ROUTE}.json`)).json();
    const all = document.pathways.flatMap((p) => p.clusters.flatMap((c) => c.occupations));
    const withFoundation = all.filter((o) => o.products.some((p) => p.typeSlug === 'foundation-apprenticeship')).map((o) => o.code);
    expect(withFoundation.length).to.be.greaterThan(0);
    expect(withFoundation.length).to.be.lessThan(all.length);

    const el = await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route=${ROUTE} controls></route-map>`);
    await waitUntil(() => shadow(el).querySelector('.map .tile'), 'map rendered');
    const legend = shadow(el).querySelector('[part~="legend"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(legend).to.contain('F Foundation apprenticeship');
    const tile = shadow(el).querySelector<HTMLElement>(`[data-code="${withFoundation[0]}"]`)!;
    expect(tile.querySelector('.markers')!.textContent).to.contain('F');
    expect(tile.textContent).to.contain('Foundation apprenticeship');

    const box = shadow(el).querySelector<HTMLInputElement>('#product-foundation-apprenticeship');
    expect(box, 'a filter for foundation apprenticeships').to.not.equal(null);
    expect(box!.closest('label')!.textContent).to.contain('Foundation apprenticeship');
    box!.click();
    await waitUntil(() => shownCodes(el).length === withFoundation.length, `only the ${withFoundation.length} with a foundation apprenticeship`);
    expect(shownCodes(el).sort()).to.deep.equal([...withFoundation].sort());
  });

  it('<route-map products="apprenticeship-unit">: an attribute filter by an open slug', async () => {
    const document: RouteMapDocument = await (await fetch(`${API_BASE}routes/${ROUTE}.json`)).json();
    const withUnit = document.pathways.flatMap((p) => p.clusters.flatMap((c) => c.occupations)).filter((o) => o.products.some((p) => p.typeSlug === 'apprenticeship-unit')).map((o) => o.code);
    expect(withUnit.length).to.be.greaterThan(0);
    const el = await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route=${ROUTE} products="apprenticeship-unit"></route-map>`);
    await waitUntil(() => shownCodes(el).length === withUnit.length, 'filtered by attribute');
    expect(shownCodes(el).sort()).to.deep.equal([...withUnit].sort());
  });

  it('<occupation-search>: the product filter offers the index\'s types by name', async () => {
    const el = await fixture(html`<occupation-search api-base=${API_BASE}></occupation-search>`);
    shadow(el).querySelector('input')!.focus();
    await waitUntil(() => shadow(el).querySelector('select option[value="apprenticeship-unit"]'), 'index loaded');
    const options = [...shadow(el).querySelectorAll<HTMLOptionElement>('select option')].map((option) => option.textContent!.trim());
    expect(options).to.include.members(['Foundation apprenticeship', 'Apprenticeship unit']);
    expect(options).not.to.include('Other qualification');
  });
});
