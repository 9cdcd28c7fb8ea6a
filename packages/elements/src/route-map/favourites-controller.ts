import type { ReactiveController, ReactiveControllerHost } from 'lit';
import memoizeOne from 'memoize-one';
import type { OccupationSummary } from '@occupational-maps/core';
import type { FavouriteItem, FavouritesStore } from '../shared/favourites.js';

type FavouritesModule = typeof import('../shared/favourites.js');

/** What the map gives its favourites controller. */
export interface RouteFavouritesHost extends ReactiveControllerHost {
  readonly isConnected: boolean;
  /** The `favourites` attribute. */
  readonly favourites: boolean;
  /** The store: the page's shared one unless a host or test injects another. */
  store?: FavouritesStore;
}

/** What a toggle did, for the live region. */
export type FavouriteToggleResult = 'added' | 'removed' | 'full';

/**
 * The map's favourites: loads the store's code only for maps that show favourites, keeps one subscription per map
 * (not per tile) so any change — here, in another element or in another tab — re-renders the map, and adds or removes
 * an occupation for the F key.
 */
export class RouteFavouritesController implements ReactiveController {
  private module?: FavouritesModule;
  private requested = false;
  private followed?: FavouritesStore;
  private stopFollowing?: () => void;

  /** `loadElements` loads the code of `<favourite-toggle>` (the list and table views show one per occupation). */
  constructor(
    private readonly host: RouteFavouritesHost,
    private readonly loadElements: () => Promise<unknown> = () => Promise.resolve(),
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Favourites may have changed while the map was detached and not listening: read them again.
    if (this.host.favourites) this.host.requestUpdate();
    this.follow();
  }

  hostDisconnected(): void {
    this.follow();
  }

  hostUpdate(): void {
    if (this.host.favourites) this.load();
  }

  hostUpdated(): void {
    this.follow();
  }

  /**
   * The codes of the favourite occupations; undefined when the map does not show favourites. The same set while the
   * store's list is the same (the store replaces its frozen list on every change), so the map can tell that its tiles'
   * stars have not changed.
   */
  codes(): ReadonlySet<string> | undefined {
    if (!this.host.favourites || !this.host.store) return undefined;
    return this.codesOf(this.host.store.list());
  }

  private readonly codesOf = memoizeOne((items: readonly FavouriteItem[]): ReadonlySet<string> => new Set(items.map((item) => item.code)));

  /** Whether the occupation is a favourite now; undefined when there is no store to ask. */
  has(code: string): boolean | undefined {
    return this.host.store?.has(code);
  }

  /** Adds or removes an occupation (the caller has already asked the host). */
  toggle(occupation: OccupationSummary, favourite: boolean, routeSlug: string): FavouriteToggleResult | undefined {
    const store = this.host.store;
    if (!store) return undefined;
    if (!favourite) {
      store.remove(occupation.code);
      return 'removed';
    }
    return store.add({ code: occupation.code, title: occupation.title, level: occupation.level, routeSlug: occupation.routeSlug ?? routeSlug }) ? 'added' : 'full';
  }

  /**
   * The store and its change events live in their own module, fetched only by maps that show favourites, with the
   * code of `<favourite-toggle>`.
   */
  private load(): void {
    if (this.requested) return;
    this.requested = true;
    Promise.all([import('../shared/favourites.js'), this.loadElements()]).then(
      ([module]) => {
        this.module = module;
        this.host.store ??= module.getFavouritesStore();
        this.host.requestUpdate();
      },
      () => {
        this.requested = false; // a chunk that failed to load is tried again on the next update
      },
    );
  }

  private follow(): void {
    const module = this.module;
    const store = this.host.favourites && this.host.isConnected && module ? this.host.store : undefined;
    if (store === this.followed) return;
    this.stopFollowing?.();
    this.followed = store;
    this.stopFollowing = store && module ? module.subscribeToFavourites(store, () => this.host.requestUpdate()) : undefined;
  }
}
