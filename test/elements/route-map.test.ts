import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, EmbedError, ROUTES, type EmbedClient, type RouteMapDocument } from '@occupational-maps/core';
import '../../packages/elements/src/define/route-map.js';
import type { RouteMap } from '../../packages/elements/src/route-map/route-map.js';

/** The real snapshot of the embedded offline dataset, written by the gateway's snapshot command. */
const API_BASE = '/test/.snapshot/v1/';

const shadow = (el: RouteMap) => el.shadowRoot!;
const tiles = (el: RouteMap) => [...shadow(el).querySelectorAll<HTMLElement>('.map .tile')];
// Shown to a person: not display: none, not in a collapsed (hidden="until-found", content-visibility: hidden) part.
const shownTiles = (el: RouteMap) => tiles(el).filter((tile) => tile.checkVisibility());
const shownCodes = (el: RouteMap) => shownTiles(el).map((tile) => tile.dataset.code!);
const tileFor = (el: RouteMap, code: string) => shadow(el).querySelector<HTMLElement>(`[data-code="${code}"]`)!;
const activeInShadow = (el: RouteMap) => shadow(el).activeElement as HTMLElement | null;
const columnOf = (item: HTMLElement) => item.closest<HTMLElement>('[data-column]')?.dataset.column;
const pathwayOf = (item: HTMLElement) => item.closest<HTMLElement>('[data-pathway]')?.dataset.pathway;

async function loaded(el: RouteMap): Promise<RouteMap> {
  await waitUntil(() => shadow(el).querySelector('.map, .list, .table-wrap, .message') && !shadow(el).querySelector('[aria-busy="true"]'), 'route map rendered', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

async function routeDocument(slug: string): Promise<RouteMapDocument> {
  return (await (await fetch(`${API_BASE}routes/${slug}.json`)).json()) as RouteMapDocument;
}

/** A client for states the snapshot cannot produce (loading forever, a server failure, hostile text). */
function clientWith(get: (kind: string, key?: string | null) => Promise<unknown>): EmbedClient {
  // meta.json (for the attribution line) is not what these tests count: it answers 404 without reaching `get`.
  const withoutMeta = (kind: string, key?: string | null) =>
    kind === 'meta' ? Promise.reject(new EmbedError('not-found', 'No meta.json here', { url: 'https://test.invalid/v1/meta.json', status: 404 })) : get(kind, key);
  return { apiBase: 'https://test.invalid/v1/', get: withoutMeta as EmbedClient['get'], peek: () => undefined, invalidate: () => {} };
}

before(async () => {
  const response = await fetch(`${API_BASE}routes/digital.json`);
  if (!response.ok) throw new Error(`No snapshot at ${API_BASE}: run node packages/gateway/bin/om-gateway.js snapshot --out test/.snapshot --source fixtures`);
});

describe('<route-map> map view', () => {
  it('draws pathways, three band columns, clusters and every occupation of the route, and is accessible', async () => {
    const document = await routeDocument('digital');
    const el = await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital"></route-map>`);
    await loaded(el);
    const pathways = shadow(el).querySelectorAll('.pathway');
    expect(pathways.length).to.equal(document.pathways.length);
    for (const pathway of pathways) {
      expect([...pathway.querySelectorAll('.heading--band')].map((heading) => heading.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'TechnicalLevels 2 to 3',
        'Higher technicalLevels 4 to 5',
        'ProfessionalLevels 6 to 7',
      ]);
    }
    const total = document.pathways.flatMap((pathway) => pathway.clusters.flatMap((cluster) => cluster.occupations)).length;
    expect(tiles(el)).to.have.length(total);
    expect(shadow(el).querySelector('.summary')!.textContent).to.equal(`${total} occupations`);
    expect(shadow(el).querySelector('.heading--route')!.getAttribute('aria-level')).to.equal('2');
    await expect(el).to.be.accessible();
  });

  it('accepts a Maps route id as well as a slug, and fires om-load', async () => {
    const el = document.createElement('route-map') as RouteMap;
    el.setAttribute('api-base', API_BASE);
    el.setAttribute('route', '7');
    const loadEvent = oneEvent(el, 'om-load');
    document.body.append(el);
    try {
      expect((await loadEvent).detail.path).to.equal('routes/digital.json');
    } finally {
      el.remove();
    }
  });

  it('gives each tile its level, status words and product names, and describes it by pathway, band and cluster', async () => {
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital"></route-map>`));
    const tile = tileFor(el, 'OCC0118');
    const words = tile.textContent!.replace(/\s+/g, ' ');
    expect(words).to.contain('Data analyst').and.contain('Level 4').and.contain('Approved occupational standard');
    expect(words).to.contain('Apprenticeship').and.contain('Higher Technical Qualification');
    const description = tile
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => shadow(el).getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim());
    expect(description).to.deep.equal(['Digital Business Services', 'Higher technicalLevels 4 to 5', 'Data analyst advanced technician']);
    // The status shape is drawn, not just named: a visible box with the status colour.
    const shape = tile.querySelector<HTMLElement>('.shape')!;
    expect(shape.getBoundingClientRect().width).to.be.greaterThan(8);
    expect(getComputedStyle(shape).backgroundColor).to.equal('rgb(0, 112, 60)');
  });

  it('collapses and expands a pathway, a cluster, and everything at once', async () => {
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital"></route-map>`));
    const all = shownTiles(el).length;
    const pathwayToggle = shadow(el).querySelector<HTMLButtonElement>('.toggle--pathway')!;
    const inFirstPathway = pathwayToggle.closest('.pathway')!.querySelectorAll('.tile').length;
    pathwayToggle.click();
    await el.updateComplete;
    expect(pathwayToggle.getAttribute('aria-expanded')).to.equal('false');
    expect(shownTiles(el)).to.have.length(all - inFirstPathway);
    pathwayToggle.click();
    await el.updateComplete;
    const clusterToggle = shadow(el).querySelector<HTMLButtonElement>('.toggle--cluster')!;
    const inCluster = clusterToggle.closest('.cluster')!.querySelectorAll('.tile').length;
    clusterToggle.click();
    await el.updateComplete;
    expect(clusterToggle.getAttribute('aria-expanded')).to.equal('false');
    expect(shownTiles(el)).to.have.length(all - inCluster);
    const [expandAll, collapseAll] = shadow(el).querySelectorAll<HTMLButtonElement>('.toolbar button');
    collapseAll.click();
    await el.updateComplete;
    expect(shownTiles(el)).to.have.length(0);
    expect([...shadow(el).querySelectorAll('.toggle--pathway')].every((toggle) => toggle.getAttribute('aria-expanded') === 'false')).to.be.true;
    await expect(el).to.be.accessible();
    expandAll.click();
    await el.updateComplete;
    expect(shownTiles(el)).to.have.length(all);
  });
});

describe('<route-map> filters by attribute', () => {
  const levelOf = (el: RouteMap, code: string) => Number(tileFor(el, code).querySelector('.tile__level')!.textContent!.replace(/\D/g, ''));

  it('levels="4-5" and levels="2,3" keep only those levels', async () => {
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" levels="4-5"></route-map>`));
    expect(shownCodes(el).length).to.be.greaterThan(0);
    expect(shownCodes(el).every((code) => [4, 5].includes(levelOf(el, code)))).to.be.true;
    expect(shadow(el).querySelector('.summary')!.textContent).to.match(/^Showing \d+ of 46 occupations$/);
    el.levels = '2,3';
    await el.updateComplete;
    expect(shownCodes(el).length).to.be.greaterThan(0);
    expect(shownCodes(el).every((code) => [2, 3].includes(levelOf(el, code)))).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('status, products, pathway (by id or name) and search narrow the map and combine', async () => {
    const document = await routeDocument('digital');
    const all = document.pathways.flatMap((pathway) => pathway.clusters.flatMap((cluster) => cluster.occupations.map((occupation) => ({ ...occupation, pathway }))));
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" status="approved,proposal"></route-map>`));
    expect(shownCodes(el).sort()).to.deep.equal(all.filter((o) => o.status === 'approved' || o.status === 'proposal').map((o) => o.code).sort());

    el.status = '';
    el.products = 'htq';
    await el.updateComplete;
    expect(shownCodes(el).sort()).to.deep.equal(all.filter((o) => o.products.some((p) => p.type === 'htq')).map((o) => o.code).sort());

    el.products = '';
    el.pathway = 'digital business services';
    await el.updateComplete;
    expect(shownCodes(el).sort()).to.deep.equal(all.filter((o) => o.pathway.name === 'Digital Business Services').map((o) => o.code).sort());
    expect(shadow(el).querySelectorAll('.pathway:not([hidden])')).to.have.length(1);
    el.pathway = String(document.pathways[0].id);
    await el.updateComplete;
    expect(shownCodes(el).sort()).to.deep.equal(all.filter((o) => o.pathway.id === document.pathways[0].id).map((o) => o.code).sort());

    el.pathway = '';
    el.search = 'DATA';
    el.levels = '4';
    await el.updateComplete;
    expect(shownCodes(el).sort()).to.deep.equal(all.filter((o) => /data/i.test(o.title) && o.level === 4).map((o) => o.code).sort());
  });

  it('search loads the search index only once someone searches, then matches job titles and keywords too', async () => {
    const requested: string[] = [];
    const client = createClient({
      apiBase: new URL(API_BASE, location.href).href,
      fetch: (input, init) => {
        requested.push(String(input));
        return fetch(input, init);
      },
    });
    // meta.json is the attribution line's (data date or sample notice); what matters here is the search index.
    const documents = () => requested.map((url) => new URL(url).pathname).filter((path) => !path.endsWith('/meta.json'));
    const el = await loaded(await fixture<RouteMap>(html`<route-map route="digital" .client=${client}></route-map>`));
    expect(documents()).to.deep.equal([`${API_BASE}routes/digital.json`]);
    el.search = 'voice engineer'; // a typical job title of "Unified communications trouble shooter"
    await waitUntil(() => shownCodes(el).length === 1, 'job title matched once the index arrived');
    expect(shownCodes(el)).to.deep.equal(['OCC0126']);
    expect(documents()).to.deep.equal([`${API_BASE}routes/digital.json`, `${API_BASE}search-index.json`]);
    el.search = 'VoIP'; // a keyword
    await el.updateComplete;
    expect(shownCodes(el)).to.deep.equal(['OCC0126']);
  });

  it('a search set in markup matches job titles and keywords from the first render', async () => {
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" search="voip"></route-map>`));
    await waitUntil(() => shownCodes(el).length === 1, 'keyword matched');
    expect(shownCodes(el)).to.deep.equal(['OCC0126']);
  });

  it('says when nothing matches, and names the pathways when the pathway is unknown', async () => {
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" search="zzzz-no-such-words"></route-map>`));
    expect(shadow(el).querySelector('.message')!.textContent).to.contain('No occupations match these filters.');
    await expect(el).to.be.accessible();
    el.search = '';
    el.pathway = 'Underwater basket weaving';
    await el.updateComplete;
    const message = shadow(el).querySelector('.message')!.textContent!;
    expect(message).to.contain('This route has no pathway called “Underwater basket weaving”');
    expect(message).to.contain('Digital Business Services');
    await expect(el).to.be.accessible();
  });

  it('compact makes smaller tiles', async () => {
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital"></route-map>`));
    const regular = tileFor(el, 'OCC0118').getBoundingClientRect().height;
    el.compact = true;
    await el.updateComplete;
    expect(tileFor(el, 'OCC0118').getBoundingClientRect().height).to.be.lessThan(regular);
    await expect(el).to.be.accessible();
  });
});

describe('<route-map> list and table views', () => {
  it('the list view names every shown occupation with its pathway, band, cluster, level, status and products', async () => {
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" view="list"></route-map>`));
    const items = shadow(el).querySelectorAll('.list__items li');
    expect(items).to.have.length(46);
    const headings = [...shadow(el).querySelectorAll('.list [role="heading"]')].map((heading) => `${heading.getAttribute('aria-level')}:${heading.textContent!.trim()}`);
    expect(headings).to.include('3:Digital Business Services');
    expect(headings).to.include('4:Higher technical, Levels 4 to 5');
    expect(headings).to.include('5:Data analyst advanced technician');
    const dataAnalyst = tileFor(el, 'OCC0118').closest('li')!.textContent!.replace(/\s+/g, ' ');
    expect(dataAnalyst).to.contain('Level 4').and.contain('Approved occupational standard').and.contain('Apprenticeship, Higher Technical Qualification');
    await expect(el).to.be.accessible();
  });

  it('the table view has one row per shown occupation and honours the filters', async () => {
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" view="table" levels="6-7"></route-map>`));
    const rows = [...shadow(el).querySelectorAll('tbody tr')];
    expect(rows.length).to.be.greaterThan(0);
    for (const row of rows) expect(row.querySelector('td')!.textContent).to.match(/^Level [67] \(Professional\)$/);
    expect(shadow(el).querySelector('caption')!.textContent).to.equal('Occupations in the Digital route');
    await expect(el).to.be.accessible();
  });
});

describe('<route-map> controls', () => {
  it('filters by checkbox, search box and pathway select, fires om-filter-change, switches views and clears', async () => {
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" controls></route-map>`));
    await expect(el).to.be.accessible();
    const level4 = shadow(el).querySelector<HTMLInputElement>('#level-4')!;
    const change = oneEvent(el, 'om-filter-change');
    level4.click();
    expect((await change).detail.levels).to.equal('4');
    await el.updateComplete;
    expect(el.levels).to.equal('4');
    shadow(el).querySelector<HTMLInputElement>('#level-5')!.click();
    await el.updateComplete;
    expect(el.levels).to.equal('4-5');

    const search = shadow(el).querySelector<HTMLInputElement>('#search')!;
    search.focus();
    await sendKeys({ type: 'network' });
    await el.updateComplete;
    expect(el.search).to.equal('network');
    expect(shownCodes(el)).to.include('OCC0119');
    expect(shownCodes(el)).not.to.include('OCC0118');
    await waitUntil(() => shadow(el).querySelector('[role="status"]:not([aria-busy])')?.textContent?.startsWith('Showing'), 'result count announced');

    const select = shadow(el).querySelector<HTMLSelectElement>('#pathway')!;
    select.value = select.options[1].value;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.pathway).to.equal(select.options[1].value);

    shadow(el).querySelector<HTMLInputElement>('input[name="view"][value="table"]')!.click();
    await el.updateComplete;
    expect(el.view).to.equal('table');
    expect(shadow(el).querySelector('table')).to.exist;
    await expect(el).to.be.accessible();

    [...shadow(el).querySelectorAll<HTMLButtonElement>('.controls button')].find((button) => button.textContent === 'Clear filters')!.click();
    await el.updateComplete;
    expect([el.levels, el.search, el.pathway, el.status, el.products]).to.deep.equal(['', '', '', '', '']);
    expect(shadow(el).querySelectorAll('tbody tr')).to.have.length(46);
  });
});

describe('<route-map> clearing filters', () => {
  for (const [where, selector, filters] of [
    ['control bar', '.controls button', { levels: '4', search: '' }],
    ['no-matches message', '.message button', { levels: '', search: 'zzqxj' }],
  ] as const) {
    it(`keeps focus in the map when the ${where}'s Clear filters button, which clearing removes, is pressed`, async () => {
      const el = await loaded(
        await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" controls levels=${filters.levels} search=${filters.search}></route-map>`),
      );
      const clear = [...shadow(el).querySelectorAll<HTMLButtonElement>(selector)].find((button) => button.textContent === 'Clear filters')!;
      clear.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await el.updateComplete;
      expect(clear.isConnected).to.equal(false);
      expect(activeInShadow(el)?.id).to.equal('search');
    });
  }
});

describe('<route-map> keyboard', () => {
  it('has one tab stop; arrows move by column and pathway; Home/End; Enter opens the card; Escape closes and returns focus', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1200px"><button id="before">Before</button><route-map api-base=${API_BASE} route="digital"></route-map></div>`);
    const el = await loaded(wrapper.querySelector('route-map')!);
    expect(shadow(el).querySelectorAll('.map [tabindex="0"]')).to.have.length(1);

    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' }); // past Expand all
    await sendKeys({ press: 'Tab' }); // past Collapse all
    const first = activeInShadow(el)!;
    expect(first.classList.contains('toggle--pathway')).to.be.true;

    await sendKeys({ press: 'ArrowDown' }); // into the technical column: its first cluster toggle
    expect(activeInShadow(el)!.classList.contains('toggle--cluster')).to.be.true;
    expect(columnOf(activeInShadow(el)!)).to.equal('0');
    await sendKeys({ press: 'ArrowDown' });
    const firstTile = activeInShadow(el)!;
    expect(firstTile.classList.contains('tile')).to.be.true;
    expect(columnOf(firstTile)).to.equal('0');

    await sendKeys({ press: 'ArrowRight' });
    expect(columnOf(activeInShadow(el)!)).to.equal('1');
    await sendKeys({ press: 'ArrowLeft' });
    expect(columnOf(activeInShadow(el)!)).to.equal('0');
    expect(shadow(el).querySelectorAll('.map [tabindex="0"]')).to.have.length(1);

    await sendKeys({ press: 'PageDown' });
    const secondPathway = activeInShadow(el)!;
    expect(secondPathway.classList.contains('toggle--pathway')).to.be.true;
    expect(pathwayOf(secondPathway)).to.not.equal(pathwayOf(first));

    await sendKeys({ press: 'End' });
    const last = shownTiles(el).at(-1)!;
    expect(activeInShadow(el)).to.equal(last);
    await sendKeys({ press: 'Home' });
    expect(activeInShadow(el)).to.equal(first);

    // Tab leaves the map in one step from wherever the tab stop is.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    const tile = activeInShadow(el)!;
    const code = tile.dataset.code!;
    const selected = oneEvent(el, 'om-occupation-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.code).to.equal(code);
    await el.updateComplete;
    const dialog = shadow(el).querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    expect(dialog.querySelector('occupation-card')!.getAttribute('code')).to.equal(code);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open && activeInShadow(el) === tile, 'dialog closed and focus back on the tile');
    expect(tile.getAttribute('tabindex')).to.equal('0');
  });

  it('moves in reading order when the columns are stacked in a narrow container', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px"><route-map api-base=${API_BASE} route="digital"></route-map></div>`);
    const el = await loaded(wrapper.querySelector('route-map')!);
    const items = [...shadow(el).querySelectorAll<HTMLElement>('.map [data-nav]')];
    items[0].focus();
    for (let step = 1; step <= 8; step++) {
      await sendKeys({ press: 'ArrowDown' });
      expect(activeInShadow(el)).to.equal(items[step]);
    }
    await sendKeys({ press: 'ArrowUp' });
    expect(activeInShadow(el)).to.equal(items[7]);
  });
});

describe('<route-map> selection and progression', () => {
  it('a cancelled om-occupation-select opens no dialog but highlights what the occupation leads to and comes from', async () => {
    const document = await routeDocument('digital');
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital"></route-map>`));
    el.addEventListener('om-occupation-select', (event) => event.preventDefault());
    const code = 'OCC0120B';
    tileFor(el, code).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('dialog')!.open).to.be.false;
    expect(tileFor(el, code).getAttribute('aria-current')).to.equal('true');
    expect(tileFor(el, code).textContent).to.contain('Selected');
    const leadsTo = document.progressions.filter((edge) => edge.from === code).map((edge) => edge.to);
    const comesFrom = document.progressions.filter((edge) => edge.to === code).map((edge) => edge.from);
    expect(leadsTo.length).to.be.greaterThan(0);
    expect(comesFrom.length).to.be.greaterThan(0);
    for (const target of leadsTo) {
      const tile = shadow(el).querySelector(`[data-code="${target}"]`);
      if (tile) {
        expect(tile.textContent).to.contain('Leads to');
        expect(tile.classList.contains('is-leads-to')).to.be.true;
      }
    }
    for (const source of comesFrom) expect(tileFor(el, source).textContent).to.contain('Comes from');
    const selection = shadow(el).querySelector('.selection')!;
    expect(selection.textContent).to.contain('Progression to and from');
    await expect(el).to.be.accessible();

    [...selection.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent === 'Clear selection')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('.selection')).to.be.null;
    expect(shadow(el).querySelectorAll('.badge')).to.have.length(3); // only the key's three remain
  });

  it('names cross-route progressions with their route, and opens their card', async () => {
    const document = await routeDocument('digital');
    const crossEdge = document.progressions.find((edge) => document.linkedOccupations.some((linked) => linked.code === edge.to || linked.code === edge.from))!;
    const linked = document.linkedOccupations.find((occupation) => occupation.code === crossEdge.to || occupation.code === crossEdge.from)!;
    const inRoute = linked.code === crossEdge.to ? crossEdge.from : crossEdge.to;
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" selected=${inRoute}></route-map>`));
    const selection = shadow(el).querySelector('.selection')!;
    const route = ROUTES.find((candidate) => candidate.slug === linked.routeSlug)!;
    const item = [...selection.querySelectorAll('li')].find((li) => li.textContent!.includes(linked.title))!;
    expect(item.textContent).to.contain(`${route.name} route`);
    item.querySelector('button')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('dialog')!.open).to.be.true;
    expect(shadow(el).querySelector('occupation-card')!.getAttribute('code')).to.equal(linked.code);
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('.dialog__bar button')!.click();
    await waitUntil(() => activeInShadow(el) === item.querySelector('button'), 'focus back on the item that opened the card');
  });

  it('with occupation-href, tiles are links built from the template and no dialog opens; unsafe templates are ignored', async () => {
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" occupation-href="/courses?occupation={code}"></route-map>`));
    const link = tileFor(el, 'OCC0118') as HTMLAnchorElement;
    expect(link.tagName).to.equal('A');
    expect(link.getAttribute('href')).to.equal('/courses?occupation=OCC0118');
    el.addEventListener('om-occupation-select', (event) => event.preventDefault());
    link.click(); // cancelled, so the page does not navigate away
    await el.updateComplete;
    expect(shadow(el).querySelector('dialog')!.open).to.be.false;
    await expect(el).to.be.accessible();
    el.occupationHref = 'javascript:alert({code})';
    await el.updateComplete;
    expect(tileFor(el, 'OCC0118').tagName).to.equal('BUTTON');
  });
});

describe('<route-map> URL state', () => {
  const originalUrl = location.href;
  afterEach(() => history.replaceState(null, '', originalUrl));

  const nextPopstate = () => new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));

  it('writes filters and the selection to a namespaced hash part, keeps other parts, and follows back and forward', async () => {
    history.replaceState(null, '', '#intro&other=1');
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" sync-url controls></route-map>`));
    expect(location.hash).to.equal('#intro&other=1');

    shadow(el).querySelector<HTMLInputElement>('#level-4')!.click();
    await el.updateComplete;
    shadow(el).querySelector<HTMLInputElement>('#level-5')!.click();
    await el.updateComplete;
    expect(location.hash).to.equal('#intro&other=1&om-route-map=levels:4-5');

    el.addEventListener('om-occupation-select', (event) => event.preventDefault());
    tileFor(el, 'OCC0118').click();
    await el.updateComplete;
    expect(location.hash).to.equal('#intro&other=1&om-route-map=levels:4-5;sel:OCC0118');

    let popped = nextPopstate();
    history.back();
    await popped;
    await el.updateComplete;
    expect(el.selected).to.equal('');
    expect(el.levels).to.equal('4-5');

    popped = nextPopstate();
    history.back();
    await popped;
    await el.updateComplete;
    expect(el.levels).to.equal('4');

    popped = nextPopstate();
    history.forward();
    await popped;
    await el.updateComplete;
    expect(el.levels).to.equal('4-5');
    expect(shownCodes(el).length).to.be.greaterThan(0);
  });

  it('applies a linked hash on load (a college linking to a filtered view), and a hash change later', async () => {
    history.replaceState(null, '', '#om-route-map=levels:6-7;q:data%20scientist;view:list;sel:OCC0585');
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" sync-url></route-map>`));
    expect([el.levels, el.search, el.view, el.selected]).to.deep.equal(['6-7', 'data scientist', 'list', 'OCC0585']);
    // By title, and by job title ("AI data scientist") once the search index has arrived.
    await waitUntil(() => shadow(el).querySelectorAll('.list__items li').length === 2, 'title and job-title matches listed');
    expect([...shadow(el).querySelectorAll('.list__items li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim().split(' Level')[0])).to.deep.equal([
      'Data scientist (integrated degree)',
      'Artificial intelligence (AI) data specialist',
    ]);
    location.hash = '#om-route-map=levels:2';
    await waitUntil(() => el.levels === '2', 'hashchange applied');
    expect(el.view).to.equal('map');
    expect(el.selected).to.equal('');
  });

  it('leaves the URL alone without sync-url', async () => {
    history.replaceState(null, '', '#om-route-map=levels:6-7');
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" controls></route-map>`));
    expect(el.levels).to.equal('');
    shadow(el).querySelector<HTMLInputElement>('#level-4')!.click();
    await el.updateComplete;
    expect(location.hash).to.equal('#om-route-map=levels:6-7');
  });
});

describe('<route-map> routes and states', () => {
  it('renders all 15 routes without an error, each with its occupations; a route without any says so', async () => {
    const listing = (await (await fetch(`${API_BASE}routes.json`)).json()) as { routes: { slug: string; occupationCount: number }[] };
    expect(listing.routes).to.have.length(15);
    for (const route of listing.routes) {
      expect(route.occupationCount, route.slug).to.be.greaterThan(0);
      const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route=${route.slug}></route-map>`));
      expect(shadow(el).querySelector('.om-error'), route.slug).to.be.null;
      expect(tiles(el), route.slug).to.have.length(route.occupationCount);
    }
    // The embedded dataset has no empty route any more: the mock API serves one.
    const digital = await (await fetch(`${API_BASE}routes/digital.json`)).json();
    const empty = encodeURIComponent(`body=${JSON.stringify({ ...digital, pathways: [], progressions: [], linkedOccupations: [] })}`);
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${`/mock-api/~${empty}/v1/`} route="digital"></route-map>`));
    expect(shadow(el).querySelector('.message')!.textContent).to.contain('No occupations published for this route yet');
    await expect(el).to.be.accessible();
  });

  it('an unknown route lists the valid ones; no route says how to set one', async () => {
    const el = await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="underwater-basket-weaving"><a href="https://example.org/">Our courses</a></route-map>`);
    const message = shadow(el).querySelector('.message')!;
    expect(message.textContent).to.contain('There is no route called “underwater-basket-weaving”');
    expect(message.querySelectorAll('li')).to.have.length(15);
    expect(message.textContent).to.contain('Digital (digital)');
    expect(shadow(el).querySelector('slot')).to.exist;
    await expect(el).to.be.accessible();
    el.route = '';
    await el.updateComplete;
    expect(shadow(el).querySelector('.message')!.textContent).to.contain('No route is set');
  });

  it('shows an accessible skeleton while loading', async () => {
    const client = clientWith(() => new Promise(() => {}));
    const el = await fixture<RouteMap>(html`<route-map route="digital" .client=${client}></route-map>`);
    await el.updateComplete;
    expect(shadow(el).querySelector('[aria-busy="true"] .skeleton-map')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('shows an error with Retry when the service fails, fires om-error, and loads on Retry', async () => {
    let calls = 0;
    const route = await routeDocument('digital');
    const client = clientWith(async () => {
      calls++;
      if (calls === 1) throw new EmbedError('server', 'The data service failed (HTTP 503).', { url: 'https://test.invalid/v1/routes/digital.json', status: 503 });
      return route;
    });
    const el = document.createElement('route-map');
    el.route = 'digital';
    el.client = client;
    const failed = oneEvent(el, 'om-error');
    document.body.append(el);
    try {
      expect((await failed).detail.retryable).to.be.true;
      await el.updateComplete;
      const retry = shadow(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!;
      expect(shadow(el).querySelector('.om-error')!.textContent).to.contain('had a problem');
      await expect(el).to.be.accessible();
      retry.click();
      await loaded(el);
      expect(tiles(el)).to.have.length(46);
    } finally {
      el.remove();
    }
  });

  it('renders markup and script in the data as inert text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const document = await routeDocument('digital');
    const poisoned = structuredClone(document);
    poisoned.pathways[0].name = hostile;
    poisoned.pathways[0].clusters[0].name = hostile;
    poisoned.pathways[0].clusters[0].occupations[0].title = hostile;
    const el = await loaded(await fixture<RouteMap>(html`<route-map route="digital" .client=${clientWith(async () => poisoned)}></route-map>`));
    expect(shadow(el).querySelector('.map img, .map script')).to.be.null;
    expect(shadow(el).querySelector('.tile__title')!.textContent).to.equal(hostile);
    expect((window as { __pwned?: number }).__pwned).to.be.undefined;
  });

  it('fits a 320 px container with no horizontal overflow, and lays bands side by side at 1600 px', async () => {
    for (const view of ['map', 'list', 'table'] as const) {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px"><route-map api-base=${API_BASE} route="digital" controls view=${view} selected="OCC0118"></route-map></div>`);
      const el = await loaded(wrapper.querySelector('route-map')!);
      const base = shadow(el).querySelector<HTMLElement>('.base')!;
      expect(el.scrollWidth, view).to.be.at.most(320);
      expect(base.scrollWidth, view).to.be.at.most(base.clientWidth);
      for (const node of shadow(el).querySelectorAll<HTMLElement>('.map *, .list *, .controls *, .selection *')) {
        const rect = node.getBoundingClientRect();
        if (rect.width > 0) expect(rect.right, `${view}: ${node.className}`).to.be.at.most(wrapper.getBoundingClientRect().right + 0.5);
      }
      if (view === 'map') {
        const columns = [...shadow(el).querySelectorAll('.pathway')[0].querySelectorAll('.column')].map((column) => column.getBoundingClientRect());
        expect(columns[1].top).to.be.at.least(columns[0].bottom - 1);
      }
    }
    const wide = await fixture<HTMLDivElement>(html`<div style="width: 1600px"><route-map api-base=${API_BASE} route="digital"></route-map></div>`);
    const el = await loaded(wide.querySelector('route-map')!);
    const columns = [...shadow(el).querySelectorAll('.pathway')[0].querySelectorAll('.column')].map((column) => column.getBoundingClientRect());
    expect(columns[1].top).to.equal(columns[0].top);
    expect(columns[2].left).to.be.greaterThan(columns[1].right - 1);
  });
});
