import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { normaliseCode, parseLevels } from '@occupational-maps/core';
import { AuthoredFilters, type FilterName } from './authored-filters.js';
import { formatLevels } from './route-model.js';
import { readUrlState, writeUrlState, type UrlState } from './url-state.js';
import { VIEWS, type FilterValues, type RouteMapView } from './views/view-model.js';

/** What the map gives its URL-state controller: its filters, view and selection, and whether it syncs at all. */
export interface UrlStateHost extends ReactiveControllerHost, FilterValues {
  readonly hasUpdated: boolean;
  readonly id: string;
  readonly syncUrl: boolean;
  selected: string;
}

/**
 * `sync-url`: keeps the map's filters, view and selected occupation in a namespaced part of the URL hash, so a
 * filtered view can be linked to and Back and Forward move through it. The map loads this module only with `sync-url`.
 *
 * Only what differs from the host's own settings (`AuthoredFilters`) goes in the URL: values that came from the URL
 * or from the map's controls are recorded as differences. Going back to a URL without the map's part restores the
 * host's settings.
 */
export class UrlStateController implements ReactiveController {
  /** True while state is being applied from the URL, so it is not written straight back. */
  private applying = false;
  private lastWrittenHash?: string;
  private applyBeforeFirstRender = false;

  /**
   * `closeDialog` is called when the URL clears the selection, so an open card closes with it. `filters` are the
   * host's, when it has been telling its own settings apart since before this controller arrived.
   */
  constructor(
    private readonly host: UrlStateHost,
    private readonly actions: { closeDialog(): void },
    private readonly filters = new AuthoredFilters(host),
  ) {
    host.addController(this);
  }

  /** The hash key this map's state lives under: `om-route-map`, or `om-route-map-{id}` for a map with an id. */
  get key(): string {
    return this.host.id ? `om-route-map-${this.host.id}` : 'om-route-map';
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onLocationChange);
    window.addEventListener('popstate', this.onLocationChange);
    // Before the first render the URL applies in the first update instead, after the properties a framework sets
    // once the element is in the page (React wrappers do), so those count as the host's settings under the URL's.
    if (this.host.syncUrl && this.host.hasUpdated) this.apply();
    else if (!this.host.hasUpdated) this.applyBeforeFirstRender = true;
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onLocationChange);
    window.removeEventListener('popstate', this.onLocationChange);
  }

  /** Called first thing in the host's `willUpdate`, so what the URL sets counts as changed in that update. */
  beforeUpdate(): void {
    this.filters.noteHostValues();
    if (this.applyBeforeFirstRender) {
      this.applyBeforeFirstRender = false;
      if (this.host.syncUrl) this.apply();
    }
  }

  /** `sync-url` was switched on after the map started: the URL's state applies now. */
  enabled(): void {
    this.apply();
  }

  /** Sets filters on behalf of the map's controls (or the URL): they are differences, not the host's settings. */
  set(change: Partial<FilterValues>): void {
    this.filters.set(change);
  }

  /** After each update: writes the state to the URL (a search keystroke replaces the entry rather than adding one). */
  afterUpdate(searchOnly: boolean): void {
    if (this.host.syncUrl && !this.applying) this.write(searchOnly);
  }

  private onLocationChange = (): void => {
    if (this.host.syncUrl && location.hash !== this.lastWrittenHash) this.apply();
  };

  private apply(): void {
    const fromUrl = readUrlState(location.hash, this.key);
    if (!fromUrl) {
      // Back to a URL without our part: the host's own settings apply again.
      if (this.lastWrittenHash === undefined) return;
      this.setFromState({});
      return;
    }
    this.setFromState(fromUrl);
  }

  private setFromState(state: UrlState): void {
    const host = this.host;
    this.filters.noteHostValues();
    this.applying = true;
    const authored = this.filters.authored;
    const view = state.view as RouteMapView | undefined;
    this.set({
      levels: state.levels ? formatLevels(parseLevels(state.levels)) : authored.levels,
      status: state.status ?? authored.status,
      products: state.products ?? authored.products,
      search: state.search ?? authored.search,
      pathway: state.pathway ?? authored.pathway,
      view: view && VIEWS.includes(view) ? view : authored.view,
      offered: state.offered ?? authored.offered,
    });
    host.selected = state.selected ? normaliseCode(state.selected) : '';
    if (!host.selected) this.actions.closeDialog();
    void host.updateComplete.then(() => {
      this.applying = false;
      this.lastWrittenHash = location.hash;
    });
  }

  private write(replace: boolean): void {
    // Only what differs from the host's settings goes in the URL, so a plain link to the page shows the embed as authored.
    const host = this.host;
    const differs = (name: FilterName) => (host[name] !== this.filters.authored[name] ? host[name] : undefined);
    const state: UrlState = {
      levels: differs('levels'),
      status: differs('status'),
      products: differs('products'),
      search: differs('search'),
      pathway: differs('pathway'),
      view: differs('view'),
      offered: differs('offered'),
      selected: host.selected || undefined,
    };
    const hash = writeUrlState(location.hash, this.key, state);
    if (hash === location.hash || (hash === '' && location.hash === '')) return;
    const url = `${location.pathname}${location.search}${hash || ''}`;
    try {
      if (replace) history.replaceState(history.state, '', url || location.pathname);
      else history.pushState(history.state, '', url || location.pathname);
      this.lastWrittenHash = location.hash;
    } catch {
      // A sandboxed frame may refuse history changes; the map still works without them.
    }
  }
}
