import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type SearchIndexDocument } from '@occupational-maps/core';
import type { OccupationSearch } from '../../packages/elements/src/occupation-search/occupation-search.js';
import { OccupationSearchEngine } from '../../packages/elements/src/occupation-search/search-engine.js';
import '../../packages/elements/src/define/occupation-search.js';

const SNAPSHOT = '/test/.snapshot/v1/';
let unique = 0;

const input = (el: OccupationSearch) => el.shadowRoot!.querySelector('input')!;
const listbox = (el: OccupationSearch) => el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
const options = (el: OccupationSearch) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
const optionTitles = (el: OccupationSearch) => options(el).map((option) => option.querySelector('.option-title')!.textContent!.trim());
const liveRegion = (el: OccupationSearch) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

async function searchBox(markup = html`<occupation-search api-base=${SNAPSHOT}></occupation-search>`) {
  const el = await fixture<OccupationSearch>(markup);
  return el;
}

/** Focuses the box and types like a person, then waits for the results to render. */
async function type(el: OccupationSearch, text: string) {
  input(el).focus();
  await sendKeys({ type: text });
  await waitUntil(() => el.shadowRoot!.querySelector('.loading') === null, 'the search loaded', { timeout: 8000 });
  await el.updateComplete;
}

describe('<occupation-search>', () => {
  it('loads neither the index nor the search library until it is first used', async () => {
    const resources = () => performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(resources().some((name) => name.includes('minisearch'))).to.equal(false);
    await fetch('/mock-api/__log', { method: 'DELETE' });
    const apiBase = `/mock-api/~lazy=${Date.now()}/v1/`;
    const el = await searchBox(html`<occupation-search api-base=${apiBase}></occupation-search>`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const requested = async () => ((await (await fetch('/mock-api/__log')).json()) as Array<{ path: string }>).map((entry) => entry.path);
    expect(await requested()).to.deep.equal([]);

    const loaded = oneEvent(el, 'om-load');
    input(el).focus();
    expect((await loaded).detail).to.deep.equal({ path: 'search-index.json' });
    expect((await requested()).filter((path) => path.endsWith('search-index.json'))).to.have.length(1);
    expect(resources().some((name) => name.includes('minisearch'))).to.equal(true);
  });

  it('is accessible before searching, with results, with a result active, and with no results', async function () {
    this.timeout(30_000); // four axe audits, the first of which loads axe: ~10 s on a busy two-core machine
    const el = await searchBox();
    await expect(el).to.be.accessible();
    await type(el, 'engineer');
    expect(listbox(el).hidden).to.equal(false);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await type(el, 'zzqx');
    expect(el.shadowRoot!.querySelector('.no-results')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('tolerates typos: "anlyst" finds Data analyst', async () => {
    const el = await searchBox();
    await type(el, 'anlyst');
    expect(optionTitles(el)).to.include('Data analyst');
    expect(options(el)[0].querySelector('mark')).to.not.equal(null, 'the matched word is highlighted');
  });

  it('matches prefixes as people type: "data anal" finds Data analyst, "engin" finds engineers', async () => {
    const el = await searchBox();
    await type(el, 'data anal');
    expect(optionTitles(el)[0]).to.equal('Data analyst');
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await type(el, 'engin');
    expect(optionTitles(el).length).to.be.greaterThan(3);
    expect(optionTitles(el).every((title) => /engineer/i.test(title))).to.equal(true);
  });

  it('finds an occupation by its code or standard reference, exactly', async () => {
    const el = await searchBox();
    await type(el, 'OCC0118');
    expect(optionTitles(el)).to.deep.equal(['Data analyst']);
  });

  it('lists at most max-results and says how many were found in a polite live region', async () => {
    const el = await searchBox(html`<occupation-search api-base=${SNAPSHOT} max-results="5"></occupation-search>`);
    await type(el, 'engineer');
    expect(options(el)).to.have.length(5);
    await waitUntil(() => /^\d+ occupations found\. Showing the first 5/.test(liveRegion(el)), 'the count was announced', { timeout: 3000 });
    expect(el.shadowRoot!.querySelector('[role="status"]')!.getAttribute('aria-live')).to.equal('polite');
  });

  it('filters by level band, route and product type', async () => {
    const el = await searchBox();
    await type(el, 'engineer');
    const everything = optionTitles(el).length;
    const choose = async (id: string, value: string) => {
      const select = el.shadowRoot!.querySelector<HTMLSelectElement>(`#${id}`)!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      input(el).focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
    };
    await choose('filter-band', 'professional');
    const professional = optionTitles(el);
    expect(professional.length).to.be.greaterThan(0).and.lessThan(everything + 1);
    const levels = options(el).map((option) => option.querySelector('.option-meta')!.textContent!);
    expect(levels.every((meta) => /^Level [67] /.test(meta))).to.equal(true, levels.join('\n'));

    await choose('filter-band', '');
    await choose('filter-route', 'digital');
    const metas = options(el).map((option) => option.querySelector('.option-meta')!.textContent!);
    expect(metas.length).to.be.greaterThan(0);
    expect(metas.every((meta) => meta.includes(' · Digital'))).to.equal(true, metas.join('\n'));

    await choose('filter-route', '');
    await choose('filter-productType', 'htq');
    const htq = options(el).map((option) => option.querySelector('.option-meta')!.textContent!);
    expect(htq.length).to.be.greaterThan(0);
    expect(htq.every((meta) => meta.includes('Higher Technical Qualification'))).to.equal(true, htq.join('\n'));
  });

  it('applies route, band and product-type attributes, and no-filters hides the controls', async () => {
    const el = await searchBox(html`<occupation-search api-base=${SNAPSHOT} route="digital" band="higher-technical" no-filters></occupation-search>`);
    expect(el.shadowRoot!.querySelector('select')).to.equal(null);
    await type(el, 'engineer');
    const metas = options(el).map((option) => option.querySelector('.option-meta')!.textContent!);
    expect(metas.length).to.be.greaterThan(0);
    expect(metas.every((meta) => /^Level [45] · Digital/.test(meta))).to.equal(true, metas.join('\n'));
  });

  it('is an APG combobox: arrows, Home and End move the active result, Enter chooses it', async () => {
    const el = await searchBox();
    const box = input(el);
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.getAttribute('aria-controls')).to.equal(listbox(el).id);
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    await type(el, 'engineer');
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    expect(box.hasAttribute('aria-activedescendant')).to.equal(false, 'no result is active until the person moves to one');
    const active = () => el.shadowRoot!.getElementById(box.getAttribute('aria-activedescendant') ?? '');
    const count = options(el).length;

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active()).to.equal(options(el)[0]);
    expect(options(el)[0].getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active()).to.equal(options(el)[1]);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(active()).to.equal(options(el)[count - 1]);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active()).to.equal(options(el)[0], 'Down from the last wraps to the first');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(active()).to.equal(options(el)[count - 1], 'Up from the first wraps to the last');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(active()).to.equal(options(el)[0]);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;

    const expected = optionTitles(el)[1];
    const selected = oneEvent(el, 'om-occupation-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.detail.title).to.equal(expected);
    expect(event.detail.code).to.match(/^OCC\d+/);
    expect(event.cancelable).to.equal(true);
    await el.updateComplete;
    expect(box.value).to.equal(expected);
    expect(box.getAttribute('aria-expanded')).to.equal('false');
  });

  it('Escape closes the results, then clears the box', async () => {
    const el = await searchBox();
    await type(el, 'data');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).value).to.equal('data');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false', 'nothing to open for an empty box');
  });

  it('chooses a result by pointer without losing focus from the box', async () => {
    const el = await searchBox();
    await type(el, 'bricklayer');
    const selected = oneEvent(el, 'om-occupation-select');
    options(el)[0].dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    options(el)[0].click();
    expect((await selected).detail).to.deep.equal({ code: 'OCC0095', title: 'Bricklayer' });
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
  });

  it('follows occupation-href unless the select event is cancelled', async () => {
    const el = await searchBox(html`<occupation-search api-base=${SNAPSHOT} occupation-href="#search-{code}"></occupation-search>`);
    el.addEventListener('om-occupation-select', (event) => event.preventDefault(), { once: true });
    await type(el, 'bricklayer');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(location.hash).to.not.equal('#search-OCC0095');

    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await type(el, 'bricklayer');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => location.hash === '#search-OCC0095', 'the link template was followed');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('offers spelling suggestions when nothing matches, and searches for one when chosen', async () => {
    const el = await searchBox();
    await type(el, 'analsyt');
    const panel = el.shadowRoot!.querySelector('.no-results')!;
    expect(panel.textContent).to.contain('No occupations match “analsyt”.');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    await waitUntil(() => liveRegion(el) === 'No occupations match “analsyt”.', 'no results was announced', { timeout: 3000 });
    const suggestion = panel.querySelector<HTMLButtonElement>('.suggestion')!;
    expect(suggestion.textContent!.trim()).to.equal('analyst');
    suggestion.click();
    await el.updateComplete;
    expect(input(el).value).to.equal('analyst');
    expect(optionTitles(el)).to.include('Data analyst');
  });

  it('says when the filters hide every match and lets the person search without them', async () => {
    const el = await searchBox(html`<occupation-search api-base=${SNAPSHOT} route="digital"></occupation-search>`);
    await type(el, 'bricklayer');
    const panel = el.shadowRoot!.querySelector('.no-results')!;
    expect(panel.textContent).to.contain('The filters may be hiding results.');
    panel.querySelector<HTMLButtonElement>('.clear-filters')!.click();
    await el.updateComplete;
    expect(optionTitles(el)).to.deep.equal(['Bricklayer']);
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#filter-route')!.value).to.equal('');
  });

  it('shows script-like input as inert text', async () => {
    // Filtered to a route where nothing matches, so the no-results message echoes the query.
    const el = await searchBox(html`<occupation-search api-base=${SNAPSHOT} route="construction"></occupation-search>`);
    await type(el, '"><img src=zqxj onerror=zqxjw()>');
    expect(el.shadowRoot!.querySelector('img, script, svg[onload]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.no-results')!.textContent).to.contain('"><img src=zqxj onerror=zqxjw()>');
  });

  it('shows an error with Retry when the index cannot be loaded, and recovers', async () => {
    const client = createClient({ apiBase: `/mock-api/~status=503&fail=1&run=${Date.now()}-${unique++}/v1/`, retries: 0 });
    const el = await searchBox(html`<occupation-search .client=${client}></occupation-search>`);
    const failed = oneEvent(el, 'om-error');
    input(el).focus();
    expect((await failed).detail.retryable).to.equal(true);
    await el.updateComplete;
    const error = el.shadowRoot!.querySelector('[part="error"]')!;
    expect(error.textContent).to.contain('This information could not be loaded');
    await expect(el).to.be.accessible();
    const loaded = oneEvent(el, 'om-load');
    error.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await loaded;
    await type(el, 'bricklayer');
    expect(optionTitles(el)).to.deep.equal(['Bricklayer']);
  });

  it('finishes loading a search set in markup when moved in the page while its index was loading', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><div class="first"></div><div class="second"></div></div>`);
    const el = document.createElement('occupation-search') as OccupationSearch;
    el.setAttribute('api-base', `/mock-api/~delay=300&run=${Date.now()}-${unique++}/v1/`);
    el.setAttribute('value', 'bricklayer');
    wrapper.querySelector('.first')!.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.loading')).to.not.equal(null);
    wrapper.querySelector('.second')!.append(el); // disconnects (aborting the load) and reconnects, as frameworks do
    await waitUntil(() => el.shadowRoot!.querySelector('.loading') === null, 'the search loaded', { timeout: 5000 });
    input(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(optionTitles(el)).to.deep.equal(['Bricklayer']);
  });

  it('explains a missing data source instead of throwing', async () => {
    const el = await searchBox(html`<occupation-search api-base="javascript:alert(1)"></occupation-search>`);
    const failed = oneEvent(el, 'om-error');
    input(el).focus();
    expect((await failed).detail.error.kind).to.equal('no-api-base');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('No data source is set');
  });
});

describe('occupation search engine', () => {
  const entry = (code: string, title: string, extra: Partial<SearchIndexDocument['occupations'][number]> = {}) => ({
    code,
    title,
    level: 4,
    band: 'higher-technical' as const,
    status: 'approved' as const,
    route: 'digital',
    keywords: [],
    jobTitles: [],
    products: [],
    productTypes: [],
    larsCode: null,
    productTypeSlugs: [] as string[],
    ...extra,
  });

  it('ranks a title match above a job title match above a keyword match', async () => {
    const document: SearchIndexDocument = {
      occupations: [
        entry('OCC0001', 'Records clerk', { keywords: ['archivist'] }),
        entry('OCC0002', 'Museum assistant', { jobTitles: ['Assistant archivist'] }),
        entry('OCC0003', 'Archivist'),
      ],
      productTypes: [],
    };
    const engine = await OccupationSearchEngine.for(document);
    expect(engine.search('archivist').hits.map((hit) => hit.entry.code)).to.deep.equal(['OCC0003', 'OCC0002', 'OCC0001']);
  });

  it('falls back to any word when no occupation has every word, and counts matches the filters hide', async () => {
    const document: SearchIndexDocument = {
      occupations: [entry('OCC0001', 'Data analyst'), entry('OCC0002', 'Plumber', { route: 'construction', band: 'technical', level: 2 })],
      productTypes: [],
    };
    const engine = await OccupationSearchEngine.for(document);
    expect(engine.search('analyst plumber').hits.map((hit) => hit.entry.code).sort()).to.deep.equal(['OCC0001', 'OCC0002']);
    const filtered = engine.search('plumber', { route: 'digital' });
    expect(filtered.total).to.equal(0);
    expect(filtered.unfilteredTotal).to.equal(1);
  });

  it('builds one engine per index document', async () => {
    const document: SearchIndexDocument = { occupations: [entry('OCC0001', 'Data analyst')], productTypes: [] };
    expect(await OccupationSearchEngine.for(document)).to.equal(await OccupationSearchEngine.for(document));
  });
});
