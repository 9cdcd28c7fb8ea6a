// <route-map route="digital" courses-src="…/digital.csv">, end to end against the real snapshot of the embedded
// dataset: the five-row CSV marks exactly the occupations its codes reach "Offered here" (one of them only by LARS
// code, through the search index), the filter shows only those, the header counts them, the list and table say so,
// and an offered occupation's card lists the courses first. Bad lists never break the map.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/elements/src/define/route-map.js';
import type { RouteMap } from '../../packages/elements/src/route-map/route-map.js';
import type { OccupationCard } from '../../packages/elements/src/occupation-card/occupation-card.js';
import { clearCourseListCache } from '../../packages/elements/src/courses/course-source.js';
import type { RouteMapDocument, SearchIndexDocument } from '@occupational-maps/core';
import { offeredByFiveRows } from '../fixtures/courses/expected.js';

const API_BASE = '/test/.snapshot/v1/';
const COURSES = '/test/fixtures/courses/digital.csv';

const shadow = (el: RouteMap) => el.shadowRoot!;
const tiles = (el: RouteMap) => [...shadow(el).querySelectorAll<HTMLElement>('.map .tile')];
const shownCodes = (el: RouteMap) => tiles(el).filter((tile) => tile.getClientRects().length > 0).map((tile) => tile.dataset.code!).sort();
const markedCodes = (el: RouteMap) => tiles(el).filter((tile) => tile.querySelector('[part="offered-marker"]')).map((tile) => tile.dataset.code!).sort();
const offeredSummary = (el: RouteMap) => shadow(el).querySelector('[part="offered-summary"]')?.textContent!.trim() ?? null;

/**
 * What the five rows should reach, worked out here from the documents themselves (not from the code under test):
 * TL0007 (every specialism), ST0116, 610/0553/3, LARS 506 and 610/0563/6, within the Digital route.
 */
async function expectedOffered(): Promise<string[]> {
  const route = (await (await fetch(`${API_BASE}routes/digital.json`)).json()) as RouteMapDocument;
  const index = (await (await fetch(`${API_BASE}search-index.json`)).json()) as SearchIndexDocument;
  return offeredByFiveRows(route, index);
}

async function map(markup: ReturnType<typeof html>, { offered = true } = {}): Promise<RouteMap> {
  const el = await fixture<RouteMap>(markup);
  await waitUntil(() => shadow(el).querySelector('.map, .list, .table-wrap') && !shadow(el).querySelector('[aria-busy="true"]'), 'the map rendered', { timeout: 8000 });
  if (offered) await waitUntil(() => offeredSummary(el) !== null && markedCodes(el).includes('OCC0118') || shadow(el).querySelector('.list, .table-wrap'), 'the overlay applied', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

describe('<route-map courses-src>', () => {
  let expected: string[];
  before(async () => {
    expected = await expectedOffered();
    expect(expected).to.deep.equal(['OCC0116', 'OCC0118', 'OCC0119', 'OCC0120A', 'OCC0120B', 'OCC0122', 'OCC0865', 'OCC0973']);
  });
  beforeEach(() => clearCourseListCache());

  it('marks exactly the occupations the five-row CSV reaches, counts them in the header and explains the marker in the key', async function () {
    this.timeout(30000);
    const el = await map(html`<route-map api-base=${API_BASE} route="digital" courses-src=${COURSES}></route-map>`);
    expect(markedCodes(el)).to.deep.equal(expected);
    expect(offeredSummary(el)).to.equal(`8 of ${tiles(el).length} occupations offered here`);
    const tile = tiles(el).find((candidate) => candidate.dataset.code === 'OCC0116')!;
    expect(tile.textContent).to.contain(', offered here');
    expect(tile.querySelector('[part="offered-marker"]')!.getAttribute('aria-hidden')).to.equal('true');
    expect(shadow(el).querySelector('[part="legend"]')!.textContent).to.contain('Offered here: one of our courses leads to it');
    await expect(el).to.be.accessible();
  });

  it('filters to the offered occupations, from the controls and from offered="only"', async () => {
    const el = await map(html`<route-map api-base=${API_BASE} route="digital" controls courses-src=${COURSES}></route-map>`);
    const all = shownCodes(el);
    const box = shadow(el).querySelector<HTMLInputElement>('#offered-only')!;
    box.click();
    await el.updateComplete;
    expect(shownCodes(el)).to.deep.equal(expected);
    expect(el.offered).to.equal('only');
    expect(shadow(el).querySelector('.summary')!.textContent).to.equal(`Showing 8 of ${all.length} occupations`);
    box.click();
    await el.updateComplete;
    expect(shownCodes(el)).to.deep.equal(all);

    const preset = await map(html`<route-map api-base=${API_BASE} route="digital" offered="only" courses-src=${COURSES}></route-map>`);
    expect(shownCodes(preset)).to.deep.equal(expected);
  });

  it('the list and table views say which occupations are offered here', async () => {
    const list = await map(html`<route-map api-base=${API_BASE} route="digital" view="list" courses-src=${COURSES}></route-map>`);
    await waitUntil(() => offeredSummary(list)?.startsWith('8 of'), 'the overlay applied', { timeout: 8000 });
    const offeredItems = [...shadow(list).querySelectorAll('.list li')]
      .filter((item) => item.querySelector('.list__facts')!.textContent!.includes('Offered here'))
      .map((item) => item.querySelector<HTMLElement>('[data-code]')!.dataset.code!)
      .sort();
    expect(offeredItems).to.deep.equal(expected);

    const table = await map(html`<route-map api-base=${API_BASE} route="digital" view="table" courses-src=${COURSES}></route-map>`);
    await waitUntil(() => offeredSummary(table)?.startsWith('8 of'), 'the overlay applied', { timeout: 8000 });
    const headers = [...shadow(table).querySelectorAll('thead th')].map((cell) => cell.textContent!.trim());
    const column = headers.indexOf('Offered here');
    expect(column).to.be.greaterThan(0);
    const cells = Object.fromEntries(
      [...shadow(table).querySelectorAll('tbody tr')].map((row) => [row.querySelector<HTMLElement>('[data-code]')!.dataset.code!, row.children[column]!.textContent!.trim()]),
    );
    expect(cells.OCC0116).to.equal('Yes, 2 courses');
    expect(cells.OCC0118).to.equal('Yes, 1 course');
    expect(cells.OCC0117).to.equal('No');
    expect(Object.entries(cells).filter(([, cell]) => cell.startsWith('Yes')).map(([code]) => code).sort()).to.deep.equal(expected);
    await expect(table).to.be.accessible();
  });

  it('choosing an offered occupation shows the college\'s courses first in its card', async function () {
    this.timeout(30000);
    const el = await map(html`<route-map api-base=${API_BASE} route="digital" courses-src=${COURSES}></route-map>`);
    tiles(el).find((tile) => tile.dataset.code === 'OCC0116')!.click();
    await waitUntil(() => shadow(el).querySelector('dialog[open] occupation-card'), 'the card opened');
    const card = shadow(el).querySelector<OccupationCard>('dialog[open] occupation-card')!;
    await waitUntil(() => card.shadowRoot?.querySelector('[part~="courses"]'), 'the courses showed', { timeout: 8000 });
    const layout = card.shadowRoot!.querySelector('.layout')!;
    const order = [...layout.children].map((child) => child.getAttribute('part') ?? child.className);
    expect(order.indexOf('section courses')).to.be.lessThan(order.indexOf('body'));
    const titles = [...card.shadowRoot!.querySelectorAll('[part="course-link"]')].map((link) => link.textContent!.trim());
    expect(titles).to.deep.equal(['Software developer apprenticeship', 'HND Software Development']);
    await expect(el).to.be.accessible();

    // An occupation the list does not reach: no courses section.
    const second = await map(html`<route-map api-base=${API_BASE} route="digital" courses-src=${COURSES}></route-map>`);
    tiles(second).find((tile) => tile.dataset.code === 'OCC0117')!.click();
    await waitUntil(() => shadow(second).querySelector('dialog[open] occupation-card[code="OCC0117"]'), 'the other card opened');
    const other = shadow(second).querySelector<OccupationCard>('dialog[open] occupation-card[code="OCC0117"]')!;
    await waitUntil(() => other.shadowRoot?.querySelector('[part~="title"]'), 'the other card loaded', { timeout: 8000 });
    expect(other.shadowRoot!.querySelector('[part~="courses"]')).to.equal(null);
  });

  it('reads an inline data-om-courses list on the page', async () => {
    const script = Object.assign(document.createElement('script'), {
      type: 'application/json',
      textContent: JSON.stringify([{ code: 'ST0119', title: 'Network engineer apprenticeship', url: '/network' }]),
    });
    script.dataset.omCourses = '';
    document.body.append(script);
    try {
      const el = await map(html`<route-map api-base=${API_BASE} route="digital"></route-map>`, { offered: false });
      await waitUntil(() => markedCodes(el).length > 0, 'the inline list applied');
      expect(markedCodes(el)).to.deep.equal(['OCC0119']);
      expect(offeredSummary(el)).to.equal(`1 of ${tiles(el).length} occupations offered here`);
    } finally {
      script.remove();
    }
  });

  for (const [name, src] of [
    ['unreachable', '/mock-api/courses.csv?status=404'],
    ['not a course list (an HTML page)', `/mock-api/page.csv?type=text/html&body=${encodeURIComponent('<!doctype html><p>Sign in</p>')}`],
    ['a CSV without a url column', `/mock-api/bad.csv?type=text/csv&body=${encodeURIComponent('code,title\nST0116,Software')}`],
    ['malformed JSON', `/mock-api/bad.json?body=${encodeURIComponent('[{"code":')}`],
    ['an address that is not http(s)', 'javascript:alert(1)'],
  ] as const) {
    it(`a list that is ${name} shows one notice and the map works without the overlay`, async () => {
      const el = await map(html`<route-map api-base=${API_BASE} route="digital" controls offered="only" courses-src=${src}></route-map>`, { offered: false });
      await waitUntil(() => shadow(el).querySelector('[part="courses-notice"]'), 'the notice showed', { timeout: 8000 });
      expect(shadow(el).querySelectorAll('[part="courses-notice"]')).to.have.length(1);
      expect(shadow(el).querySelector('[part="courses-notice"]')!.getAttribute('role')).to.equal('status');
      expect(markedCodes(el)).to.deep.equal([]);
      expect(offeredSummary(el)).to.equal(null);
      expect(shadow(el).querySelector('#offered-only')).to.equal(null);
      // offered="only" without a usable list filters nothing: every occupation is still there.
      expect(shownCodes(el)).to.have.length(tiles(el).length);
      await expect(el).to.be.accessible();
    });
  }
});
