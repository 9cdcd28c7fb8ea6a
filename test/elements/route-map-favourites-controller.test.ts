import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import type { OccupationSummary } from '@occupational-maps/core';
import { RouteFavouritesController } from '../../packages/elements/src/route-map/favourites-controller.js';
import { FavouritesStore, getFavouritesStore, MAX_FAVOURITES } from '../../packages/elements/src/shared/favourites.js';

class FavouritesHost extends ReactiveElement {
  static override properties = { favourites: { type: Boolean }, store: { attribute: false } };
  favourites = false;
  store?: FavouritesStore;
  renders = 0;
  readonly favouritesState = new RouteFavouritesController(this);

  protected override update(changed: Map<PropertyKey, unknown>): void {
    super.update(changed);
    this.renders++;
  }
}
customElements.define('test-favourites-host', FavouritesHost);

const occupation = (code: string, title = code): OccupationSummary => ({ code, title, level: 4, routeSlug: null }) as unknown as OccupationSummary;
const memoryStore = () => new FavouritesStore({ storage: null, window: null });

describe('RouteFavouritesController', () => {
  it('loads nothing and reads no codes for a map without favourites', async () => {
    const host = await fixture<FavouritesHost>(html`<test-favourites-host></test-favourites-host>`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(host.store).to.be.undefined;
    expect(host.favouritesState.codes()).to.be.undefined;
    expect(host.favouritesState.has('OCC0118')).to.be.undefined;
  });

  it('takes the page’s store once the favourites code has loaded, unless one was injected', async () => {
    const host = await fixture<FavouritesHost>(html`<test-favourites-host favourites></test-favourites-host>`);
    await waitUntil(() => host.store !== undefined, 'store loaded');
    expect(host.store).to.equal(getFavouritesStore());
    const injected = memoryStore();
    const other = await fixture<FavouritesHost>(html`<test-favourites-host favourites .store=${injected}></test-favourites-host>`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(other.store).to.equal(injected);
  });

  it('adds, removes and reports a full list; re-renders on every store change while connected, and stops when removed', async () => {
    const store = memoryStore();
    const host = await fixture<FavouritesHost>(html`<test-favourites-host favourites .store=${store}></test-favourites-host>`);
    await waitUntil(() => host.favouritesState.codes() !== undefined && host.renders > 1, 'following the store');
    expect(host.favouritesState.toggle(occupation('OCC0118', 'Data analyst'), true, 'digital')).to.equal('added');
    expect(store.list()[0]).to.include({ code: 'OCC0118', title: 'Data analyst', routeSlug: 'digital' });
    expect([...host.favouritesState.codes()!]).to.deep.equal(['OCC0118']);
    await host.updateComplete;
    const renders = host.renders;
    store.add({ code: 'OCC0120B', title: 'Software developer' }); // a change made elsewhere on the page
    await host.updateComplete;
    expect(host.renders).to.equal(renders + 1);
    expect(host.favouritesState.toggle(occupation('OCC0118'), false, 'digital')).to.equal('removed');
    expect(store.has('OCC0118')).to.be.false;

    host.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const detached = host.renders;
    store.add({ code: 'OCC0585', title: 'Data scientist' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(host.renders).to.equal(detached);

    for (let index = store.list().length; index < MAX_FAVOURITES; index++) store.add({ code: `OCC${String(1000 + index)}`, title: `Occupation ${index}` });
    expect(host.favouritesState.toggle(occupation('OCC0999'), true, 'digital')).to.equal('full');
  });
});
