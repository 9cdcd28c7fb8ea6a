import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import '../../packages/elements/src/define/route-map.js';
import type { RouteMap } from '../../packages/elements/src/route-map/route-map.js';
import type { FavouriteToggle } from '../../packages/elements/src/favourite-toggle/favourite-toggle.js';
import type { OccupationCard } from '../../packages/elements/src/occupation-card/occupation-card.js';
import { FAVOURITES_STORAGE_KEY, FavouritesStore, getFavouritesStore } from '../../packages/elements/src/shared/favourites.js';

/** The real snapshot of the embedded offline dataset, written by the gateway's snapshot command. */
const API_BASE = '/test/.snapshot/v1/';
const DATA_ANALYST = 'OCC0118';

const shadow = (el: HTMLElement) => el.shadowRoot!;
const tileFor = (el: RouteMap, code: string) => shadow(el).querySelector<HTMLElement>(`.map [data-code="${code}"]`)!;
const markedCodes = (el: RouteMap) =>
  [...shadow(el).querySelectorAll<HTMLElement>('.map .tile')].filter((tile) => tile.querySelector('.favourite-marker')).map((tile) => tile.dataset.code!);
const liveRegion = (el: RouteMap) => shadow(el).querySelector('[role="status"][aria-live="polite"]')!;
const activeInShadow = (el: RouteMap) => shadow(el).activeElement as HTMLElement | null;
const toggles = (el: RouteMap) => [...shadow(el).querySelectorAll<FavouriteToggle>('favourite-toggle')];
const toggleButton = (toggle: FavouriteToggle) => shadow(toggle).querySelector('button')!;
const words = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();

async function loaded(el: RouteMap): Promise<RouteMap> {
  await waitUntil(() => shadow(el).querySelector('.map, .list, .table-wrap, .message') && !shadow(el).querySelector('[aria-busy="true"]'), 'route map rendered', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/** Once the lazily loaded favourites module has arrived, the map has its store and shows favourites. */
async function withFavourites(el: RouteMap): Promise<RouteMap> {
  await loaded(el);
  await waitUntil(() => el.store !== undefined, 'favourites store loaded', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const pageStore = getFavouritesStore();

beforeEach(() => pageStore.clear());
afterEach(() => {
  pageStore.clear();
  localStorage.removeItem(FAVOURITES_STORAGE_KEY);
});

describe('<route-map favourites> map view', () => {
  it('stars the tiles of stored favourites, with “, favourite” in their accessible name, and follows the store', async () => {
    pageStore.add({ code: DATA_ANALYST, title: 'Data analyst', level: 4, routeSlug: 'digital' });
    const el = await withFavourites(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" favourites></route-map>`));
    expect(el.store).to.equal(pageStore);
    expect(markedCodes(el)).to.deep.equal([DATA_ANALYST]);
    const tile = tileFor(el, DATA_ANALYST);
    // The star is drawn (visible, not colour alone) and hidden from assistive technology, which hears the words instead.
    const marker = tile.querySelector<HTMLElement>('.favourite-marker')!;
    expect(marker.getAttribute('aria-hidden')).to.equal('true');
    expect(marker.getBoundingClientRect().width).to.be.greaterThan(8);
    type AxNode = { role: string; name: string; children: AxNode[] };
    const snapshot = (await a11ySnapshot({})) as unknown as AxNode; // typed `void` upstream; it resolves to the tree
    // Chromium puts a space before the comma (the hidden words are positioned); screen readers do not voice it.
    const named = findAccessibilityNode<AxNode>(snapshot, (node) => node.role === 'button' && /^Data analyst ?, favourite Level 4\b/.test(node.name));
    expect(named, 'tile named “Data analyst, favourite, Level 4 …”').to.exist;
    await expect(el).to.be.accessible();

    // A change made anywhere on the page (another element, a script) shows on the map.
    pageStore.add({ code: 'OCC0120B', title: 'Software developer' });
    await el.updateComplete;
    expect(markedCodes(el).sort()).to.deep.equal([DATA_ANALYST, 'OCC0120B'].sort());
    pageStore.remove(DATA_ANALYST);
    await el.updateComplete;
    expect(markedCodes(el)).to.deep.equal(['OCC0120B']);
    expect(words(tileFor(el, DATA_ANALYST))).to.not.contain('favourite');
  });

  it('follows a change made in another tab (a storage event)', async () => {
    const el = await withFavourites(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" favourites></route-map>`));
    expect(markedCodes(el)).to.deep.equal([]);
    const item = { code: DATA_ANALYST, title: 'Data analyst', level: 4, routeSlug: 'digital', addedAt: new Date().toISOString() };
    localStorage.setItem(FAVOURITES_STORAGE_KEY, JSON.stringify({ version: 1, items: [item] }));
    window.dispatchEvent(new StorageEvent('storage', { key: FAVOURITES_STORAGE_KEY, storageArea: localStorage }));
    await el.updateComplete;
    expect(markedCodes(el)).to.deep.equal([DATA_ANALYST]);
  });

  it('F on a focused tile adds and removes the favourite, announces it and fires a cancelable om-favourite-change', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1200px"><route-map api-base=${API_BASE} route="digital" favourites></route-map></div>`);
    const el = await withFavourites(wrapper.querySelector('route-map')!);
    // Still one tab stop in the map: the shortcut adds none.
    expect(shadow(el).querySelectorAll('.map [tabindex="0"]')).to.have.length(1);
    const tile = tileFor(el, DATA_ANALYST);
    expect(tile.getAttribute('aria-keyshortcuts')).to.equal('F');
    tile.focus();

    const added = oneEvent(el, 'om-favourite-change');
    await sendKeys({ press: 'f' });
    expect((await added).detail).to.deep.equal({ code: DATA_ANALYST, favourite: true });
    await el.updateComplete;
    expect(pageStore.get(DATA_ANALYST)).to.include({ title: 'Data analyst', level: 4, routeSlug: 'digital' });
    expect(markedCodes(el)).to.deep.equal([DATA_ANALYST]);
    expect(liveRegion(el).textContent).to.equal('Data analyst added to favourites');
    expect(activeInShadow(el)).to.equal(tile, 'focus stays on the tile');

    await sendKeys({ press: 'F' }); // with Shift (or Caps Lock) too
    await el.updateComplete;
    expect(pageStore.has(DATA_ANALYST)).to.be.false;
    expect(markedCodes(el)).to.deep.equal([]);
    expect(liveRegion(el).textContent).to.equal('Data analyst removed from favourites');

    // The host may refuse the change.
    const refuse = (event: Event) => event.preventDefault();
    el.addEventListener('om-favourite-change', refuse);
    await sendKeys({ press: 'f' });
    await el.updateComplete;
    el.removeEventListener('om-favourite-change', refuse);
    expect(pageStore.has(DATA_ANALYST)).to.be.false;
    expect(markedCodes(el)).to.deep.equal([]);

    // The same message twice in a row is announced again: the live region's text still changes.
    await sendKeys({ press: 'f' });
    await el.updateComplete;
    expect(liveRegion(el).textContent).to.equal('Data analyst added to favourites');
    pageStore.remove(DATA_ANALYST); // elsewhere on the page: nothing announced by the map
    await el.updateComplete;
    await sendKeys({ press: 'f' });
    await el.updateComplete;
    expect(pageStore.has(DATA_ANALYST)).to.be.true;
    expect(liveRegion(el).textContent).to.not.equal('Data analyst added to favourites');
    expect(liveRegion(el).textContent!.trim()).to.equal('Data analyst added to favourites');

    // On a group toggle F does nothing.
    const pathwayToggle = shadow(el).querySelector<HTMLElement>('.toggle--pathway')!;
    pathwayToggle.focus();
    const before = pageStore.list();
    await sendKeys({ press: 'f' });
    expect(pageStore.list()).to.equal(before);
  });

  it('documents the shortcut in the visible key and the map instructions', async () => {
    const el = await withFavourites(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" favourites></route-map>`));
    const legend = words(shadow(el).querySelector('.legend')!);
    expect(legend).to.contain('Favourites').and.contain('Press F on a focused occupation to add it to your favourites or remove it');
    expect(shadow(el).querySelector('.legend .favourite-marker svg')).to.exist;
    expect(words(shadow(el).querySelector('#map-instructions')!)).to.match(/F adds or removes a favourite\.$/);
  });

  it('uses an injected store instead of the page’s', async () => {
    const store = new FavouritesStore({ storage: null, window: null });
    store.add({ code: DATA_ANALYST, title: 'Data analyst' });
    const el = await withFavourites(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" favourites .store=${store}></route-map>`));
    expect(el.store).to.equal(store);
    expect(markedCodes(el)).to.deep.equal([DATA_ANALYST]);
    tileFor(el, DATA_ANALYST).focus();
    await sendKeys({ press: 'f' });
    await el.updateComplete;
    expect(store.has(DATA_ANALYST)).to.be.false;
    expect(pageStore.size).to.equal(0);
    expect(markedCodes(el)).to.deep.equal([]);
  });

  it('stops following the store when removed from the page', async () => {
    const el = await withFavourites(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" favourites></route-map>`));
    const parent = el.parentElement!;
    el.remove();
    pageStore.add({ code: DATA_ANALYST, title: 'Data analyst' });
    await el.updateComplete;
    expect(markedCodes(el)).to.deep.equal([], 'not re-rendered while detached');
    parent.append(el);
    await el.updateComplete;
    expect(markedCodes(el)).to.deep.equal([DATA_ANALYST], 'read again on reconnecting');
  });
});

describe('<route-map favourites> list and table views', () => {
  it('the list has a <favourite-toggle> per occupation that saves it and follows the store', async () => {
    const el = await withFavourites(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" view="list" favourites></route-map>`));
    const links = shadow(el).querySelectorAll('.list__link');
    expect(toggles(el)).to.have.length(links.length);
    const toggle = toggles(el).find((candidate) => candidate.code === DATA_ANALYST)!;
    await toggle.updateComplete;
    expect(toggle.store).to.equal(pageStore);
    expect(toggleButton(toggle).getAttribute('aria-pressed')).to.equal('false');
    toggleButton(toggle).click();
    await toggle.updateComplete;
    expect(pageStore.get(DATA_ANALYST)).to.include({ title: 'Data analyst', level: 4, routeSlug: 'digital' });
    expect(toggleButton(toggle).getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(el).querySelector('dialog')!.open, 'the star does not open the card').to.be.false;
    await expect(el).to.be.accessible();

    // By keyboard: Tab from the occupation reaches its star; Space toggles it.
    const link = toggle.closest('li')!.querySelector<HTMLElement>('.list__link')!;
    link.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(toggle).activeElement).to.equal(toggleButton(toggle));
    await sendKeys({ press: 'Space' });
    await toggle.updateComplete;
    expect(pageStore.has(DATA_ANALYST)).to.be.false;

    // F on the occupation itself works in the list too.
    link.focus();
    await sendKeys({ press: 'f' });
    await toggle.updateComplete;
    expect(pageStore.has(DATA_ANALYST)).to.be.true;
    expect(toggleButton(toggle).getAttribute('aria-pressed')).to.equal('true');
  });

  it('the table has a Favourite column with a toggle in every row', async () => {
    pageStore.add({ code: DATA_ANALYST, title: 'Data analyst' });
    const el = await withFavourites(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" view="table" favourites></route-map>`));
    const headers = [...shadow(el).querySelectorAll('thead th')].map(words);
    expect(headers.slice(0, 3)).to.deep.equal(['Occupation', 'Favourite', 'Level']);
    const rows = [...shadow(el).querySelectorAll('tbody tr')];
    expect(rows.length).to.be.greaterThan(0);
    for (const row of rows) expect(row.children[1].querySelector('favourite-toggle'), 'a star in the Favourite column').to.exist;
    const toggle = toggles(el).find((candidate) => candidate.code === DATA_ANALYST)!;
    await toggle.updateComplete;
    expect(toggleButton(toggle).getAttribute('aria-pressed')).to.equal('true');
    expect(words(toggleButton(toggle))).to.equal('Remove Data analyst from favourites');
    await expect(el).to.be.accessible();
    toggleButton(toggle).click();
    await toggle.updateComplete;
    expect(pageStore.has(DATA_ANALYST)).to.be.false;
    // The change reaches the map view too.
    pageStore.add({ code: DATA_ANALYST, title: 'Data analyst' });
    el.view = 'map';
    // The map view draws its tiles a few clusters a frame.
    await waitUntil(() => shadow(el).querySelector('.map') && !shadow(el).querySelector('.cluster--pending'), 'the map view drew every tile');
    expect(markedCodes(el)).to.deep.equal([DATA_ANALYST]);
  });
});

describe('<route-map favourites> dialog', () => {
  it('passes favourites to the occupation card, whose star saves to the same store', async () => {
    const el = await withFavourites(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital" favourites></route-map>`));
    tileFor(el, DATA_ANALYST).click();
    await el.updateComplete;
    // The card's code loads on the first open.
    await customElements.whenDefined('occupation-card');
    const card = shadow(el).querySelector<OccupationCard>('dialog occupation-card')!;
    expect(card.favourites).to.be.true;
    await waitUntil(() => shadow(card).querySelector('favourite-toggle'), 'the card shows its star', { timeout: 5000 });
    const star = shadow(card).querySelector<FavouriteToggle>('favourite-toggle')!;
    await star.updateComplete;
    toggleButton(star).click();
    await el.updateComplete;
    expect(pageStore.has(DATA_ANALYST)).to.be.true;
    expect(markedCodes(el)).to.deep.equal([DATA_ANALYST]);
  });
});

describe('<route-map> without favourites', () => {
  it('shows no star, no toggle, no Favourite column or key, and F does nothing', async () => {
    pageStore.add({ code: DATA_ANALYST, title: 'Data analyst' });
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital"></route-map>`));
    expect(el.store).to.equal(undefined, 'the favourites module is not even loaded');
    expect(markedCodes(el)).to.deep.equal([]);
    const tile = tileFor(el, DATA_ANALYST);
    expect(tile.hasAttribute('aria-keyshortcuts')).to.be.false;
    expect(words(shadow(el).querySelector('.legend')!)).to.not.contain('Favourite');
    expect(words(shadow(el).querySelector('#map-instructions')!)).to.not.contain('favourite');
    tile.focus();
    let fired = false;
    el.addEventListener('om-favourite-change', () => (fired = true));
    await sendKeys({ press: 'f' });
    await el.updateComplete;
    expect(fired).to.be.false;
    expect(pageStore.list().map((item) => item.code)).to.deep.equal([DATA_ANALYST]);

    el.view = 'list';
    await el.updateComplete;
    expect(toggles(el)).to.have.length(0);
    el.view = 'table';
    await el.updateComplete;
    expect(toggles(el)).to.have.length(0);
    expect([...shadow(el).querySelectorAll('thead th')].map(words)).to.not.include('Favourite');

    el.view = 'map';
    await el.updateComplete;
    tileFor(el, DATA_ANALYST).click();
    await el.updateComplete;
    expect(shadow(el).querySelector<OccupationCard>('dialog occupation-card')!.favourites).to.be.false;
  });

  it('turning the attribute on later shows the stars', async () => {
    pageStore.add({ code: DATA_ANALYST, title: 'Data analyst' });
    const el = await loaded(await fixture<RouteMap>(html`<route-map api-base=${API_BASE} route="digital"></route-map>`));
    el.favourites = true;
    await withFavourites(el);
    expect(markedCodes(el)).to.deep.equal([DATA_ANALYST]);
    el.favourites = false;
    await el.updateComplete;
    expect(markedCodes(el)).to.deep.equal([]);
  });
});
