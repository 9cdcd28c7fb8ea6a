import { expect } from '@open-wc/testing';
import {
  FAVOURITES_CHANGE_EVENT,
  FAVOURITES_UPDATE_EVENT,
  FavouritesStore,
  subscribeToFavourites,
  type FavouritesChangeDetail,
} from '../../packages/elements/src/shared/favourites.js';

describe('FavouritesStore event names', () => {
  it('dispatches om-favourites-update, then the deprecated om-favourites-change with the same detail', () => {
    expect(FAVOURITES_UPDATE_EVENT).to.equal('om-favourites-update');
    expect(FAVOURITES_CHANGE_EVENT).to.equal('om-favourites-change');
    const store = new FavouritesStore({ storage: null, window: null });
    const heard: Array<[string, FavouritesChangeDetail]> = [];
    for (const name of [FAVOURITES_UPDATE_EVENT, FAVOURITES_CHANGE_EVENT]) {
      store.addEventListener(name, (event) => heard.push([event.type, (event as CustomEvent<FavouritesChangeDetail>).detail]));
    }
    store.add({ code: 'OCC0118', title: 'Data analyst' });
    expect(heard.map(([type]) => type)).to.deep.equal(['om-favourites-update', 'om-favourites-change']);
    expect(heard[0][1]).to.equal(heard[1][1]);
    expect(heard[0][1]).to.include({ reason: 'add', code: 'OCC0118' });
  });

  it('subscribeToFavourites hears each change once (the new name only)', () => {
    const store = new FavouritesStore({ storage: null, window: null });
    const reasons: string[] = [];
    const stop = subscribeToFavourites(store, (detail) => reasons.push(detail.reason));
    store.add({ code: 'OCC0118', title: 'Data analyst' });
    store.remove('OCC0118');
    stop();
    store.add({ code: 'OCC0118', title: 'Data analyst' });
    expect(reasons).to.deep.equal(['add', 'remove']);
  });
});
