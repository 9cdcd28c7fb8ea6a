import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  BANDS,
  embedPaths,
  findRoute,
  normaliseCode,
  parseLevels,
  PRODUCT_TYPE_VALUES,
  ROUTES,
  STATUS_VALUES,
  type Band,
  type OccupationStatus,
  type OccupationSummary,
  type ProductType,
  type RouteMapDocument,
  type SearchIndexDocument,
} from '@occupational-maps/core';
import { resolveApiBase } from '../shared/api-base.js';
import { clientFor } from '../shared/client-loader.js';
import { attributionStyles, renderAttribution } from '../shared/attribution.js';
import { DataController } from '../shared/data-controller.js';
import { bandLabel, PRODUCT_MARKERS, productLabel, statusLabel } from '../shared/labels.js';
import { OmElement } from '../shared/om-element.js';
import { routeMapDefaults, type RouteMapStrings } from './route-map.strings.js';
import type { OccupationCardStrings } from '../occupation-card/occupation-card.strings.js';
import type { FavouriteToggleStrings } from '../favourite-toggle/favourite-toggle.strings.js';
import type { FavouritesStore } from '../shared/favourites.js';
import { sharedStyles } from '../shared/state-styles.js';
import { paletteTokens } from '../shared/palette-tokens.js';
import { tokens } from '../shared/styles.js';
import { collectNavItems, NAV_KEYS, nextNavItem, type NavKey } from './map-navigation.js';
import { routeMapStyles } from './route-map.styles.js';
import {
  filterTiles,
  findPathway,
  formatLevels,
  isEmptyRoute,
  parseChoices,
  readFilters,
  routeModel,
  searchTextByCode,
  type PathwayModel,
  type RouteFilters,
  type RouteModel,
  type TileModel,
} from './route-model.js';
import { readUrlState, writeUrlState, type UrlState } from './url-state.js';
import { occupationHref } from '../shared/occupation-href.js';

export type RouteMapView = 'map' | 'list' | 'table';
const VIEWS: readonly RouteMapView[] = ['map', 'list', 'table'];
/** The product types a college filters by; TQs and others still show on tiles. */
const FILTER_PRODUCT_TYPES: readonly ProductType[] = ['apprenticeship', 't-level', 'htq'];

type Relation = 'selected' | 'leads-to' | 'comes-from';
type FavouritesModule = typeof import('../shared/favourites.js');

/**
 * The occupational map of one route, as on the official Skills England maps: pathways as sections, each with three
 * band columns (technical levels 2–3, higher technical 4–5, professional 6–7), clusters as groups and occupations as
 * tiles. With filters (as attributes for a fixed embed, or as a control bar with `controls`), a list and a table view
 * that say everything the map says, progression highlighting, and each occupation's `<occupation-card>` in a dialog.
 *
 * One tab stop leads into the map; arrow keys move between tiles and group toggles, Home and End go to the first and
 * last, Page Up and Page Down move between pathways, Enter opens an occupation, Escape closes it. With `favourites`,
 * F adds the focused occupation to the person's favourites or removes it (a star marks favourite tiles).
 *
 * @summary A route's occupational map: pathways, level bands, clusters and occupations, with filters and progression.
 *
 * @fires om-load - The route map loaded and rendered. `detail: { path }`.
 * @fires om-error - The route map could not be loaded. `detail: { error, retryable }`.
 * @fires om-occupation-select - A person chose an occupation. Cancelable: `preventDefault()` stops the dialog opening
 *   (or, with `occupation-href`, the link being followed). `detail: { code, title }`.
 * @fires om-filter-change - A person changed a filter or the view through the controls.
 *   `detail: { levels, status, products, search, pathway, view }`.
 * @fires om-favourite-change - With `favourites`: before an occupation is added to or removed from the favourites
 *   (F on a tile, or a star in the list or table). Cancelable. `detail: { code, favourite }` (the new state).
 *
 * @slot - Fallback content (for example a link to the official route map), shown before the element loads, when the
 *   route is unknown and when the data cannot be loaded.
 *
 * @csspart base - The whole map.
 * @csspart header - The route title and the count of occupations shown.
 * @csspart controls - The control bar (with `controls`).
 * @csspart toolbar - The Expand all and Collapse all buttons.
 * @csspart map - The map view.
 * @csspart pathway - A pathway section.
 * @csspart pathway-toggle - The button that expands or collapses a pathway.
 * @csspart column - A band column inside a pathway.
 * @csspart cluster - A cluster of occupations.
 * @csspart cluster-toggle - The button that expands or collapses a cluster.
 * @csspart tile - An occupation tile (a button, or a link with `occupation-href`).
 * @csspart badge - The Selected, Leads to and Comes from words on a tile.
 * @csspart favourite-marker - The star on a favourite occupation's tile (with `favourites`).
 * @csspart favourite - The `<favourite-toggle>` beside each occupation in the list and table views (with `favourites`).
 * @csspart list - The list view.
 * @csspart table - The table view.
 * @csspart selection - The progression summary of the selected occupation.
 * @csspart legend - The key to the status shapes, product markers and progression badges.
 * @csspart dialog - The dialog that holds an occupation's card.
 * @csspart message - The no-route, unknown-route, empty-route and no-match messages.
 * @csspart attribution - The licence attribution line.
 * @csspart state - The wrapper of the loading, error and loaded states.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error block.
 * @csspart retry-button - The Retry button of the error state.
 *
 * @cssproperty --om-route-map-column-min - Narrowest a band column may be before the columns stack (default 220px).
 * @cssproperty --om-route-map-tile-min - Narrowest a tile may be in wide columns (default 180px).
 * @cssproperty --om-color-progression - The outline of tiles a selected occupation leads to or comes from.
 * @cssproperty --om-favourite-color - The star on favourite tiles (the same token as `<favourite-toggle>`).
 */
export class RouteMap extends OmElement {
  static override styles = [tokens, paletteTokens, sharedStyles, attributionStyles, routeMapStyles];

  /** Per-element overrides of any visible string, this element's own included (passed on to the elements it shows). */
  @property({ attribute: false }) override strings: Partial<RouteMapStrings & OccupationCardStrings & FavouriteToggleStrings> = {};

  /** The strings in force: the defaults with this element's overrides on top. @internal */
  override get text(): RouteMapStrings {
    return { ...routeMapDefaults, ...this.strings };
  }

  /** The route: a slug such as `digital`, or an Occupational Maps route id such as `7`. */
  @property() route = '';

  /** Levels to show, e.g. `4-5` or `2,3`; empty shows all. */
  @property() levels = '';

  /** Statuses to show, comma separated: `approved`, `in-development`, `proposal`, `without-apprenticeship`… */
  @property() status = '';

  /** Products an occupation must lead to (any of), comma separated: `apprenticeship`, `t-level`, `htq`. */
  @property() products = '';

  /** Text to search for in this route's occupation titles, job titles and keywords. */
  @property() search = '';

  /** One pathway to show (its id or name); empty shows every pathway. */
  @property() pathway = '';

  /** `map` (the default), `list` or `table`. List and table say everything the map says. */
  @property() view: RouteMapView = 'map';

  /** Smaller tiles, for narrow columns of a host page. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Shows the control bar: search, level, status, product and pathway filters, and the view switch. */
  @property({ type: Boolean }) controls = false;

  /** Keeps the filters and the selected occupation in the URL hash, so a filtered view can be linked to. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** A URL template such as `/courses?occupation={code}`: tiles become links to it instead of opening a dialog. */
  @property({ attribute: 'occupation-href' }) occupationHref = '';

  /** The level of the route heading (2 by default); pathway, band and cluster headings follow it. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Hides the licence attribution, for hosts that show it elsewhere on the page. */
  @property({ type: Boolean, attribute: 'no-attribution' }) noAttribution = false;

  /** The selected occupation's code: its progression is highlighted. */
  @property() selected = '';

  /**
   * Lets people keep favourites: a star marks favourite tiles and F on a focused occupation adds or removes it; the
   * list and table views get a `<favourite-toggle>` per occupation, and the dialog's card its star.
   */
  @property({ type: Boolean }) favourites = false;

  /**
   * The favourites store: the page's shared one (loaded once `favourites` is set) unless a host or test injects
   * another. The card in the dialog always uses the page's store.
   */
  @property({ attribute: false }) store?: FavouritesStore;

  /** Collapsed pathway and cluster keys. */
  @state() private collapsed: ReadonlySet<string> = new Set();
  /** The item that holds the map's one tab stop. */
  @state() private activeKey = '';
  /** The occupation whose card is open in the dialog. */
  @state() private dialogCode = '';
  /** Job titles and keywords of every occupation; fetched on the first search. */
  @state() private searchIndex?: SearchIndexDocument;
  @state() private searchIndexFailed = false;
  @state() private announcement = '';

  @query('dialog') private dialog?: HTMLDialogElement;

  /** The item holding the tab stop in this render: `activeKey` when it is shown, else the first shown item. */
  private tabStop = '';
  /** The column the person last moved in, so moving into the next pathway keeps to the same band. */
  private preferredColumn = 0;
  private searchIndexRequested = false;
  private searchTextCache?: { model: RouteModel; index: SearchIndexDocument; text: ReadonlyMap<string, string> };
  /** Where focus goes back to when the dialog closes. */
  private returnFocusKey = '';
  private returnFocusElement?: HTMLElement;
  /** True while state is being applied from the URL, so it is not written straight back. */
  private applyingUrl = false;
  private lastWrittenHash?: string;
  /** The favourites code, loaded only for a map with `favourites`. */
  private favouritesModule?: FavouritesModule;
  private favouritesRequested = false;
  private followedStore?: FavouritesStore;
  private stopFollowingFavourites?: () => void;

  private readonly data = new DataController<RouteMapDocument>(this, {
    request: () => {
      const route = findRoute(this.route.trim());
      if (!route) return null;
      return { path: embedPaths.routeMap(route.slug), load: (client, signal) => client.get('routeMap', route.slug, { signal }) };
    },
    isEmpty: isEmptyRoute,
  });

  /** The hash key this map's state lives under: `om-route-map`, or `om-route-map-{id}` for a map with an id. */
  private get urlKey(): string {
    return this.id ? `om-route-map-${this.id}` : 'om-route-map';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onLocationChange);
    window.addEventListener('popstate', this.onLocationChange);
    if (this.syncUrl) this.applyUrlState();
    // Favourites may have changed while the map was detached and not listening: read them again.
    if (this.favourites) this.requestUpdate();
    this.followFavourites();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onLocationChange);
    window.removeEventListener('popstate', this.onLocationChange);
    this.followFavourites();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('syncUrl') && this.syncUrl && changed.get('syncUrl') === false) this.applyUrlState();
    if (changed.has('search') && this.search.trim()) this.loadSearchIndex();
    if (this.favourites) this.loadFavourites();
    if (changed.has('route')) {
      this.collapsed = new Set();
      this.activeKey = '';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.syncUrl && !this.applyingUrl) this.writeUrlState(changed.has('search') && changed.size === 1);
    this.followFavourites();
    if (this.dialogCode && this.dialog && !this.dialog.open) {
      try {
        this.dialog.showModal();
      } catch {
        // A dialog that cannot be modal (the element is not in a document) is shown in place instead.
        this.dialog.show();
      }
    }
  }

  // ——— URL state ———

  private onLocationChange = (): void => {
    if (this.syncUrl && location.hash !== this.lastWrittenHash) this.applyUrlState();
  };

  private applyUrlState(): void {
    const fromUrl = readUrlState(location.hash, this.urlKey);
    if (!fromUrl) {
      // Back to a URL without our part: the filters set in markup apply again.
      if (this.lastWrittenHash === undefined) return;
      this.setFromState({});
      return;
    }
    this.setFromState(fromUrl);
  }

  private setFromState(state: UrlState): void {
    this.applyingUrl = true;
    this.levels = state.levels ? formatLevels(parseLevels(state.levels)) : this.getAttribute('levels') ?? '';
    this.status = state.status ?? this.getAttribute('status') ?? '';
    this.products = state.products ?? this.getAttribute('products') ?? '';
    this.search = state.search ?? this.getAttribute('search') ?? '';
    this.pathway = state.pathway ?? this.getAttribute('pathway') ?? '';
    const view = state.view as RouteMapView | undefined;
    this.view = view && VIEWS.includes(view) ? view : ((this.getAttribute('view') as RouteMapView | null) ?? 'map');
    this.selected = state.selected ? normaliseCode(state.selected) : '';
    if (!this.selected) this.closeDialog();
    void this.updateComplete.then(() => {
      this.applyingUrl = false;
      this.lastWrittenHash = location.hash;
    });
  }

  private writeUrlState(replace: boolean): void {
    // Only what differs from the markup goes in the URL, so a plain link to the page shows the embed as authored.
    const differs = (name: string, value: string) => (value !== (this.getAttribute(name) ?? '') ? value : undefined);
    const state: UrlState = {
      levels: differs('levels', this.levels),
      status: differs('status', this.status),
      products: differs('products', this.products),
      search: differs('search', this.search),
      pathway: differs('pathway', this.pathway),
      view: this.view !== (this.getAttribute('view') ?? 'map') ? this.view : undefined,
      selected: this.selected || undefined,
    };
    const hash = writeUrlState(location.hash, this.urlKey, state);
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

  // ——— Search index ———

  /** Job titles and keywords live in the search index, fetched only once someone searches. */
  private loadSearchIndex(): void {
    if (this.searchIndexRequested) return;
    const apiBase = resolveApiBase(this);
    if (!this.client && !apiBase) return;
    this.searchIndexRequested = true;
    clientFor(apiBase, this.client).then((client) => client!.get('searchIndex')).then(
      (index) => {
        this.searchIndex = index;
      },
      () => {
        this.searchIndexFailed = true;
      },
    );
  }

  // ——— Favourites ———

  /** The store and its change events live in their own module, fetched only by maps that show favourites. */
  private loadFavourites(): void {
    if (this.favouritesRequested) return;
    this.favouritesRequested = true;
    import('../shared/favourites.js').then(
      (module) => {
        this.favouritesModule = module;
        this.store ??= module.getFavouritesStore();
        this.requestUpdate();
      },
      () => {
        this.favouritesRequested = false; // a chunk that failed to load is tried again on the next update
      },
    );
  }

  /**
   * One subscription per map, not per tile: any change (here, in another element or another tab) re-renders the map,
   * which reads the favourite codes once.
   */
  private followFavourites(): void {
    const module = this.favouritesModule;
    const store = this.favourites && this.isConnected && module ? this.store : undefined;
    if (store === this.followedStore) return;
    this.stopFollowingFavourites?.();
    this.followedStore = store;
    this.stopFollowingFavourites = store && module ? module.subscribeToFavourites(store, () => this.requestUpdate()) : undefined;
  }

  /** The codes of the favourite occupations, read once per render; undefined when the map does not show favourites. */
  private favouriteCodes(): ReadonlySet<string> | undefined {
    if (!this.favourites || !this.store) return undefined;
    return new Set(this.store.list().map((item) => item.code));
  }

  /** F on an occupation: adds or removes it, tells the host first (cancelable) and announces the result. */
  private toggleFavourite(code: string): void {
    const store = this.store;
    const document = this.data.value;
    const occupation = document ? routeModel(document).tilesByCode.get(code)?.[0]?.occupation : undefined;
    if (!store || !document || !occupation) return;
    const favourite = !store.has(code);
    if (!this.emit('om-favourite-change', { code, favourite }, { cancelable: true })) return;
    const text = this.text;
    if (!favourite) {
      store.remove(code);
      this.announce(text.mapFavouriteRemoved(occupation.title));
    } else if (store.add({ code, title: occupation.title, level: occupation.level, routeSlug: occupation.routeSlug ?? document.slug })) {
      this.announce(text.mapFavouriteAdded(occupation.title));
    } else {
      this.announce(text.mapFavouritesFull(occupation.title));
    }
  }

  /** Sets the live region's text; the same message twice in a row differs by a space, so it is read again. */
  private announce(message: string): void {
    this.announcement = message === this.announcement ? `${message}\u00a0` : message;
  }

  private renderFavouriteToggle(occupation: OccupationSummary, routeSlug: string) {
    return html`<favourite-toggle part="favourite" code=${occupation.code} title=${occupation.title} level=${occupation.level}
      route=${occupation.routeSlug ?? routeSlug} .store=${this.store} .strings=${this.strings}></favourite-toggle>`;
  }

  // ——— Rendering ———

  override render() {
    const text = this.text;
    const key = this.route.trim();
    if (!key) return this.renderMessage(html`<p>${text.mapNoRoute}</p>`);
    if (!findRoute(key)) {
      return this.renderMessage(html`<p>${text.mapUnknownRoute(key)} ${text.mapChooseRoute}</p>
        <ul class="route-list">
          ${ROUTES.map((route) => html`<li>${route.name} (<code>${route.slug}</code>)</li>`)}
        </ul>`);
    }
    return html`<div class="base" part="base">
      ${this.data.render({
        loading: () => this.renderSkeleton(),
        complete: (document) => this.renderRoute(routeModel(document), text),
        empty: (document) => html`${this.renderHeader(document.name, text)}
          <p class="message" part="message">${text.mapNoOccupations}</p>
          ${this.noAttribution ? nothing : renderAttribution(text)}`,
      })}
    </div>`;
  }

  private renderMessage(body: TemplateResult) {
    return html`<div class="base" part="base">
      <div class="message" part="message">${body}</div>
      <div class="fallback"><slot></slot></div>
    </div>`;
  }

  private renderSkeleton() {
    return html`<div class="skeleton-map" part="skeleton">
      ${[0, 1, 2].map(() => html`<div class="om-skeleton"></div>`)}
    </div>`;
  }

  private heading(offset: number, content: unknown, id?: string, className = '') {
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2) + offset);
    return html`<div role="heading" aria-level=${level} id=${id ?? nothing} class=${`heading ${className}`}>${content}</div>`;
  }

  private renderHeader(name: string, text: RouteMapStrings, summary?: string) {
    return html`<div class="header" part="header">
      ${this.heading(0, text.mapTitle(name), undefined, 'heading--route')}
      ${summary ? html`<p class="summary">${summary}</p>` : nothing}
    </div>`;
  }

  private currentFilters(): RouteFilters {
    return readFilters(this);
  }

  /** This route's job titles and keywords from the search index, once both have arrived. */
  private searchTextFor(model: RouteModel): ReadonlyMap<string, string> | undefined {
    const index = this.searchIndex;
    if (!index) return undefined;
    if (this.searchTextCache?.model !== model || this.searchTextCache.index !== index) {
      this.searchTextCache = { model, index, text: searchTextByCode(model, index) };
    }
    return this.searchTextCache.text;
  }

  private renderRoute(model: RouteModel, text: RouteMapStrings) {
    const filters = this.currentFilters();
    const visible = filterTiles(model, filters, this.searchTextFor(model));
    const shown = visible.reduce((count, isVisible) => count + (isVisible ? 1 : 0), 0);
    const unknownPathway = filters.pathway !== '' && !findPathway(model, filters.pathway);
    this.tabStop = this.shownActiveKey(model, visible);
    let body: unknown;
    if (unknownPathway) {
      body = html`<div class="message" part="message">
        <p>${text.mapUnknownPathway(filters.pathway)}</p>
        <ul>${model.pathways.map((pathway) => html`<li>${pathway.name}</li>`)}</ul>
      </div>`;
    } else if (shown === 0) {
      body = html`<div class="message" part="message">
        <p>${text.mapNoMatches}</p>
        ${this.controls ? html`<button type="button" class="om-button" @click=${this.clearFilters}>${text.mapClearFilters}</button>` : nothing}
      </div>`;
    } else if (this.view === 'list') {
      body = this.renderList(model, visible, text);
    } else if (this.view === 'table') {
      body = this.renderTable(model, visible, text);
    } else {
      body = this.renderMap(model, visible, text, this.favouriteCodes());
    }
    return html`
      ${this.renderHeader(model.document.name, text, text.mapShowing(shown, model.tiles.length))}
      ${this.controls ? this.renderControls(model, filters, text) : nothing}
      ${this.searchIndexFailed && filters.terms.length > 0 ? html`<p class="note">${text.mapSearchTitlesOnly}</p>` : nothing}
      ${this.renderSelection(model, visible, text)}
      ${body}
      ${this.renderLegend(model, text)}
      ${this.noAttribution ? nothing : renderAttribution(text)}
      ${this.renderDialog(model, text)}
      <div class="om-visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  /** Keeps the tab stop on something that is shown: the first item when the active one was filtered or collapsed away. */
  private shownActiveKey(model: RouteModel, visible: readonly boolean[]): string {
    const tileVisible = (tile: TileModel) =>
      visible[tile.index] && (this.view !== 'map' || (!this.collapsed.has(tile.pathway.key) && !this.collapsed.has(tile.cluster.key)));
    const active = this.activeKey;
    if (active) {
      const tile = model.tiles.find((candidate) => candidate.key === active);
      if (tile ? tileVisible(tile) : this.view === 'map' && this.toggleShown(model, visible, active)) return active;
    }
    const firstTile = model.tiles.find(tileVisible);
    const firstToggle = this.view === 'map' ? model.pathways.find((pathway) => pathway.tiles.some((tile) => visible[tile.index]))?.key : undefined;
    return firstToggle ?? firstTile?.key ?? '';
  }

  private toggleShown(model: RouteModel, visible: readonly boolean[], key: string): boolean {
    for (const pathway of model.pathways) {
      const pathwayShown = pathway.tiles.some((tile) => visible[tile.index]);
      if (pathway.key === key) return pathwayShown;
      for (const { clusters } of pathway.columns) {
        for (const cluster of clusters) {
          if (cluster.key === key) return pathwayShown && !this.collapsed.has(pathway.key) && cluster.tiles.some((tile) => visible[tile.index]);
        }
      }
    }
    return false;
  }

  /** How a tile relates to the selected occupation, if at all. */
  private relations(model: RouteModel): Map<string, Relation[]> {
    const relations = new Map<string, Relation[]>();
    const selected = this.selected;
    if (!selected || !model.tilesByCode.has(selected)) return relations;
    const add = (code: string, relation: Relation) => relations.set(code, [...(relations.get(code) ?? []), relation]);
    add(selected, 'selected');
    for (const code of model.leadsTo.get(selected) ?? []) add(code, 'leads-to');
    for (const code of model.comesFrom.get(selected) ?? []) add(code, 'comes-from');
    return relations;
  }

  private relationWords(relation: Relation, text: RouteMapStrings): string {
    return relation === 'selected' ? text.mapSelected : relation === 'leads-to' ? text.mapLeadsTo : text.mapComesFrom;
  }

  /** A safe link for an occupation from the `occupation-href` template: http(s) or relative only. */
  private hrefFor(code: string): string | undefined {
    return occupationHref(this.occupationHref, code, this.ownerDocument.baseURI) ?? undefined;
  }

  /** A tile as a button (opens the card) or, with `occupation-href`, a link; shared by every view. */
  private renderOccupationControl(tile: TileModel, content: unknown, className: string, describedBy?: string) {
    const { occupation } = tile;
    const tabindex = tile.key === this.tabStop ? '0' : '-1';
    const href = this.hrefFor(occupation.code);
    const shortcut = this.favourites ? 'F' : nothing;
    return href
      ? html`<a class=${className} part="tile" href=${href} data-nav=${tile.key} data-code=${occupation.code} tabindex=${tabindex}
          aria-describedby=${describedBy ?? nothing} aria-keyshortcuts=${shortcut}>${content}</a>`
      : html`<button type="button" class=${className} part="tile" data-nav=${tile.key} data-code=${occupation.code} tabindex=${tabindex}
          aria-describedby=${describedBy ?? nothing} aria-current=${occupation.code === this.selected ? 'true' : nothing} aria-keyshortcuts=${shortcut}>${content}</button>`;
  }

  private renderBadges(relations: readonly Relation[] | undefined, text: RouteMapStrings) {
    if (!relations) return nothing;
    return html`<span class="badges">${relations.map(
      (relation) => html`<span class="badge badge--${relation}" part="badge">${this.relationWords(relation, text)}</span>`,
    )}</span>`;
  }

  private renderStatus(status: OccupationStatus, text: RouteMapStrings, visibleWords: boolean) {
    return html`<span class="status status--${status}"><span class="shape" part="status-icon"></span><span class=${visibleWords ? 'status__words' : 'om-visually-hidden'}>${statusLabel(status, text)}</span></span>`;
  }

  /** The key: every status shape and product marker this route uses, and the progression badges. */
  private renderLegend(model: RouteModel, text: RouteMapStrings) {
    const products = PRODUCT_TYPE_VALUES.filter((type) => model.productTypesPresent.includes(type));
    return html`<div class="legend" part="legend">
      ${this.heading(1, text.mapKey, undefined, 'heading--legend')}
      <div class="legend__groups">
        <div>
          <p class="legend__title">${text.mapStatusLegend}</p>
          <ul>${model.statusesPresent.map((status) => html`<li>${this.renderStatus(status, text, true)}</li>`)}</ul>
        </div>
        ${products.length > 0
          ? html`<div>
              <p class="legend__title">${text.mapProductsLegend}</p>
              <ul>${products.map((type) => html`<li><span class="marker" aria-hidden="true">${PRODUCT_MARKERS[type]}</span> ${productLabel(type, text)}</li>`)}</ul>
            </div>`
          : nothing}
        ${model.leadsTo.size + model.comesFrom.size > 0
          ? html`<div>
              <p class="legend__title">${text.mapProgressionKey}</p>
              <ul>
                ${(['selected', 'leads-to', 'comes-from'] as const).map(
                  (relation) => html`<li><span class="badge badge--${relation}">${this.relationWords(relation, text)}</span></li>`,
                )}
              </ul>
            </div>`
          : nothing}
        ${this.favourites
          ? html`<div>
              <p class="legend__title">${text.mapFavouritesKey}</p>
              <ul>
                <li><span class="favourite-marker" aria-hidden="true">${star()}</span> ${text.mapFavouriteKeyItem}</li>
                <li>${text.mapFavouriteShortcut}</li>
              </ul>
            </div>`
          : nothing}
      </div>
    </div>`;
  }

  /** The star on a favourite tile, with words after the title so the star is not the only sign. */
  private renderFavouriteMarker(text: RouteMapStrings) {
    return html`<span class="favourite-marker" part="favourite-marker" aria-hidden="true">${star()}</span><span class="om-visually-hidden">${text.mapFavouriteMarker}</span>`;
  }

  // ——— Map view ———

  private renderMap(model: RouteModel, visible: readonly boolean[], text: RouteMapStrings, favourites?: ReadonlySet<string>) {
    const relations = this.relations(model);
    return html`<div class="toolbar" part="toolbar">
        <button type="button" class="om-button" @click=${this.expandAll}>${text.mapExpandAll}</button>
        <button type="button" class="om-button" @click=${() => this.collapseAll(model)}>${text.mapCollapseAll}</button>
      </div>
      <p class="om-visually-hidden" id="map-instructions">${text.mapInstructions}${this.favourites ? ` ${text.mapInstructionsFavourites}` : ''}</p>
      <div class="map" part="map" @keydown=${this.onNavKeydown} @click=${this.onItemClick} @focusin=${this.onFocusIn}>
        ${model.pathways.map((pathway) => this.renderPathway(pathway, visible, relations, text, favourites))}
      </div>`;
  }

  private renderPathway(pathway: PathwayModel, visible: readonly boolean[], relations: Map<string, Relation[]>, text: RouteMapStrings, favourites?: ReadonlySet<string>) {
    const count = pathway.tiles.reduce((sum, tile) => sum + (visible[tile.index] ? 1 : 0), 0);
    const expanded = !this.collapsed.has(pathway.key);
    return html`<div class="pathway" part="pathway" data-pathway=${pathway.key} ?hidden=${count === 0}>
      ${this.heading(
        1,
        html`<button type="button" class="toggle toggle--pathway" part="pathway-toggle" data-nav=${pathway.key} tabindex=${pathway.key === this.tabStop ? '0' : '-1'} aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls=${`${pathway.key}-body`} aria-describedby="map-instructions">
          ${chevron()}<span id=${`${pathway.key}-name`}>${pathway.name}</span>
          <span class="count">${text.mapOccupationCount(count)}</span>
        </button>`,
        undefined,
        'heading--pathway',
      )}
      <div class="pathway__body" id=${`${pathway.key}-body`} ?hidden=${!expanded}>
        ${pathway.columns.map(({ band, clusters }, column) => {
          const bandId = `${pathway.key}-${band}`;
          const levels = BANDS[column].levels;
          const shownClusters = clusters.filter((cluster) => cluster.tiles.some((tile) => visible[tile.index]));
          return html`<div class="column column--${band}" part="column" data-column=${column}>
            ${this.heading(2, html`<span id=${bandId}>${bandLabel(band, text)}<span class="column__levels">${text.levels(levels[0], levels[1])}</span></span>`, undefined, 'heading--band')}
            ${shownClusters.length === 0 ? html`<p class="column__empty">${text.mapColumnEmpty}</p>` : nothing}
            ${clusters.map((cluster) => {
              const clusterCount = cluster.tiles.reduce((sum, tile) => sum + (visible[tile.index] ? 1 : 0), 0);
              const clusterExpanded = !this.collapsed.has(cluster.key);
              const describedBy = `${pathway.key}-name ${bandId} ${cluster.key}-name`;
              return html`<div class="cluster" part="cluster" ?hidden=${clusterCount === 0}>
                ${this.heading(
                  3,
                  html`<button type="button" class="toggle toggle--cluster" part="cluster-toggle" data-nav=${cluster.key} tabindex=${cluster.key === this.tabStop ? '0' : '-1'} aria-expanded=${clusterExpanded ? 'true' : 'false'}
                    aria-controls=${`${cluster.key}-body`}>
                    ${chevron()}<span id=${`${cluster.key}-name`}>${cluster.name}</span>
                    <span class="count">${text.mapOccupationCount(clusterCount)}</span>
                  </button>`,
                  undefined,
                  'heading--cluster',
                )}
                <ul class="tiles" id=${`${cluster.key}-body`} ?hidden=${!clusterExpanded}>
                  ${cluster.tiles.map((tile) =>
                    this.renderTile(tile, visible[tile.index], relations.get(tile.occupation.code), describedBy, text, favourites?.has(tile.occupation.code) ?? false),
                  )}
                </ul>
              </div>`;
            })}
          </div>`;
        })}
      </div>
    </div>`;
  }

  /**
   * A tile is the one template the map repeats hundreds of times, so it is kept flat: the status shape is drawn by
   * CSS from the tile's status class (no SVG per tile), and the product markers are one text run, with their words
   * beside them for assistive technology.
   */
  private renderTile(tile: TileModel, isVisible: boolean, relations: Relation[] | undefined, describedBy: string, text: RouteMapStrings, favourite: boolean) {
    const { occupation } = tile;
    const className = `tile status--${occupation.status}${relations ? relations.map((relation) => ` is-${relation}`).join('') : ''}`;
    const markers = tile.productTypes.map((type) => PRODUCT_MARKERS[type]).join(' ');
    const content = html`<span class="tile__title">${occupation.title}${favourite ? this.renderFavouriteMarker(text) : nothing}</span><span class="tile__meta"><span class="tile__level">${text.level(occupation.level)}</span><span class="status"><span class="shape" part="status-icon"></span><span class="om-visually-hidden">${statusLabel(occupation.status, text)}</span></span><span class="markers" aria-hidden="true" ?hidden=${!markers}>${markers}</span><span class="om-visually-hidden">${tile.productTypes.map((type) => productLabel(type, text)).join(', ')}</span></span>${relations ? this.renderBadges(relations, text) : nothing}`;
    if (this.occupationHref) {
      return html`<li class="tile-item" ?hidden=${!isVisible}>${this.renderOccupationControl(tile, content, className, describedBy)}</li>`;
    }
    return html`<li class="tile-item" ?hidden=${!isVisible}><button type="button" class=${className} part="tile" data-nav=${tile.key} data-code=${occupation.code}
      tabindex=${tile.key === this.tabStop ? '0' : '-1'} aria-describedby=${describedBy} aria-current=${occupation.code === this.selected ? 'true' : nothing}
      aria-keyshortcuts=${this.favourites ? 'F' : nothing}>${content}</button></li>`;
  }

  // ——— List view ———

  private renderList(model: RouteModel, visible: readonly boolean[], text: RouteMapStrings) {
    const relations = this.relations(model);
    const withToggles = this.favourites && this.store !== undefined;
    const shown = (tiles: readonly TileModel[]) => tiles.some((tile) => visible[tile.index]);
    return html`<div class="list" part="list" @keydown=${this.onNavKeydown} @click=${this.onItemClick} @focusin=${this.onFocusIn}>
      ${model.pathways.filter((pathway) => shown(pathway.tiles)).map(
        (pathway) => html`<div class="list__pathway">
          ${this.heading(1, pathway.name, undefined, 'heading--pathway')}
          ${pathway.columns.filter(({ clusters }) => clusters.some((cluster) => shown(cluster.tiles))).map(
            ({ band, clusters }) => html`
              ${this.heading(2, bandHeading(band, text), undefined, 'heading--band')}
              ${clusters.filter((cluster) => shown(cluster.tiles)).map(
                (cluster) => html`${this.heading(3, cluster.name, undefined, 'heading--cluster')}
                  <ul class="list__items">
                    ${cluster.tiles.filter((tile) => visible[tile.index]).map(
                      (tile) => html`<li>
                        ${withToggles
                          ? html`<span class="list__title-row">${this.renderOccupationControl(tile, html`<span class="tile__title">${tile.occupation.title}</span>`, 'list__link')}
                              ${this.renderFavouriteToggle(tile.occupation, model.document.slug)}</span>`
                          : this.renderOccupationControl(tile, html`<span class="tile__title">${tile.occupation.title}</span>`, 'list__link')}
                        <span class="list__facts">${text.level(tile.occupation.level)} · ${this.renderStatus(tile.occupation.status, text, true)}
                          ${this.productWords(tile.occupation, text)}</span>
                        ${this.renderBadges(relations.get(tile.occupation.code), text)}
                      </li>`,
                    )}
                  </ul>`,
              )}`,
          )}
        </div>`,
      )}
    </div>`;
  }

  private productWords(occupation: OccupationSummary, text: RouteMapStrings) {
    const types = PRODUCT_TYPE_VALUES.filter((type) => occupation.products.some((product) => product.type === type));
    return types.length === 0 ? nothing : html` · ${types.map((type) => productLabel(type, text)).join(', ')}`;
  }

  // ——— Table view ———

  private renderTable(model: RouteModel, visible: readonly boolean[], text: RouteMapStrings) {
    const relations = this.relations(model);
    const withToggles = this.favourites && this.store !== undefined;
    return html`<div class="table-wrap" part="table" role="region" aria-labelledby="table-caption" tabindex="0"
      @keydown=${this.onNavKeydown} @click=${this.onItemClick} @focusin=${this.onFocusIn}>
      <table>
        <caption id="table-caption">${text.mapTableCaption(model.document.name)}</caption>
        <thead>
          <tr>
            <th scope="col">${text.mapTableOccupation}</th>
            ${withToggles ? html`<th scope="col">${text.mapTableFavourite}</th>` : nothing}
            <th scope="col">${text.mapTableLevel}</th>
            <th scope="col">${text.mapTableStatus}</th>
            <th scope="col">${text.mapTableProducts}</th>
            <th scope="col">${text.mapTablePathway}</th>
            <th scope="col">${text.mapTableCluster}</th>
            ${this.selected ? html`<th scope="col">${text.mapTableProgression}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${model.tiles.filter((tile) => visible[tile.index]).map((tile) => {
            const { occupation } = tile;
            const types = PRODUCT_TYPE_VALUES.filter((type) => occupation.products.some((product) => product.type === type));
            return html`<tr>
              <th scope="row">${this.renderOccupationControl(tile, occupation.title, 'table__link')}</th>
              ${withToggles ? html`<td class="table__favourite">${this.renderFavouriteToggle(occupation, model.document.slug)}</td>` : nothing}
              <td>${text.level(occupation.level)} (${bandLabel(occupation.band, text)})</td>
              <td>${this.renderStatus(occupation.status, text, true)}</td>
              <td>${types.length ? types.map((type) => productLabel(type, text)).join(', ') : text.mapNone}</td>
              <td>${tile.pathway.name}</td>
              <td>${tile.cluster.name}</td>
              ${this.selected ? html`<td>${this.renderBadges(relations.get(occupation.code), text)}</td>` : nothing}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  // ——— Controls ———

  private renderControls(model: RouteModel, filters: RouteFilters, text: RouteMapStrings) {
    const levels = [...new Set([...model.levelsPresent, ...filters.levels])].sort((a, b) => a - b);
    const statuses = STATUS_VALUES.filter((value) => model.statusesPresent.includes(value) || filters.statuses.includes(value));
    const products = FILTER_PRODUCT_TYPES.filter((value) => model.productTypesPresent.includes(value) || filters.productTypes.includes(value));
    const pathway = findPathway(model, filters.pathway);
    const anyFilter = Boolean(this.levels || this.status || this.products || this.search || this.pathway);
    return html`<form class="controls" part="controls" role="search" aria-label=${text.mapFilters} @submit=${(event: Event) => event.preventDefault()}>
      <div class="control control--search">
        <label for="search">${text.mapSearchLabel}</label>
        <span class="hint" id="search-hint">${text.mapSearchHint}</span>
        <input id="search" type="search" autocomplete="off" aria-describedby="search-hint" .value=${this.search} @input=${this.onSearchInput} />
      </div>
      <fieldset class="control">
        <legend>${text.mapLevelsLegend}</legend>
        ${levels.map((level) =>
          this.checkbox(`level-${level}`, text.level(level), filters.levels.includes(level), () =>
            this.changeFilter({ levels: formatLevels(toggled(filters.levels, level)) }),
          ),
        )}
      </fieldset>
      <fieldset class="control">
        <legend>${text.mapStatusLegend}</legend>
        ${statuses.map((status) =>
          this.checkbox(`status-${status}`, html`<span class="status status--${status}"><span class="shape"></span></span> ${statusLabel(status, text)}`, filters.statuses.includes(status), () =>
            this.changeFilter({ status: ordered(toggled(filters.statuses, status), STATUS_VALUES).join(',') }),
          ),
        )}
      </fieldset>
      ${products.length > 0
        ? html`<fieldset class="control">
            <legend>${text.mapProductsLegend}</legend>
            ${products.map((type) =>
              this.checkbox(`product-${type}`, productLabel(type, text), filters.productTypes.includes(type), () =>
                this.changeFilter({ products: ordered(toggled(filters.productTypes, type), PRODUCT_TYPE_VALUES).join(',') }),
              ),
            )}
          </fieldset>`
        : nothing}
      ${model.pathways.length > 1
        ? html`<div class="control">
            <label for="pathway">${text.mapPathwayLabel}</label>
            <select id="pathway" @change=${(event: Event) => this.changeFilter({ pathway: (event.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${!pathway}>${text.mapAllPathways}</option>
              ${model.pathways.map((option) => html`<option value=${String(option.id)} ?selected=${option === pathway}>${option.name}</option>`)}
            </select>
          </div>`
        : nothing}
      <fieldset class="control">
        <legend>${text.mapViewLegend}</legend>
        ${VIEWS.map(
          (view) => html`<label class="choice">
            <input type="radio" name="view" .value=${view} .checked=${this.view === view} @change=${() => this.changeFilter({ view })} />
            ${view === 'map' ? text.mapViewMap : view === 'list' ? text.mapViewList : text.mapViewTable}
          </label>`,
        )}
      </fieldset>
      ${anyFilter ? html`<div class="control control--actions"><button type="button" class="om-button" @click=${this.clearFilters}>${text.mapClearFilters}</button></div>` : nothing}
    </form>`;
  }

  private checkbox(id: string, label: unknown, checked: boolean, onChange: () => void) {
    return html`<label class="choice" for=${id}><input id=${id} type="checkbox" .checked=${checked} @change=${onChange} /> ${label}</label>`;
  }

  private onSearchInput = (event: Event): void => {
    this.changeFilter({ search: (event.target as HTMLInputElement).value });
  };

  private clearFilters = (): void => {
    this.changeFilter({ levels: '', status: '', products: '', search: '', pathway: '' });
    // Both Clear filters buttons go away with the filters: focus moves to the first control rather than being lost.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#search')?.focus());
  };

  /** Applies a change made through the controls, announces the result and tells the host. */
  private changeFilter(change: Partial<Pick<RouteMap, 'levels' | 'status' | 'products' | 'search' | 'pathway' | 'view'>>): void {
    Object.assign(this, change);
    void this.updateComplete.then(() => {
      const document = this.data.value;
      if (document && !isEmptyRoute(document)) {
        const model = routeModel(document);
        const shown = filterTiles(model, this.currentFilters(), this.searchTextFor(model)).filter(Boolean).length;
        this.announcement = this.text.mapShowing(shown, model.tiles.length);
      }
    });
    this.emit('om-filter-change', { levels: this.levels, status: this.status, products: this.products, search: this.search, pathway: this.pathway, view: this.view });
  }

  // ——— Expand and collapse ———

  private expandAll = (): void => {
    this.collapsed = new Set();
  };

  private collapseAll(model: RouteModel): void {
    this.collapsed = new Set(model.pathways.map((pathway) => pathway.key));
    this.activeKey = '';
  }

  private toggle(key: string): void {
    const collapsed = new Set(this.collapsed);
    if (!collapsed.delete(key)) collapsed.add(key);
    this.collapsed = collapsed;
  }

  // ——— Selection and progression ———

  private renderSelection(model: RouteModel, visible: readonly boolean[], text: RouteMapStrings) {
    const tile = model.tilesByCode.get(this.selected)?.[0];
    if (!tile) return nothing;
    const { occupation } = tile;
    const item = (code: string) => {
      const inRoute = model.tilesByCode.get(code)?.[0];
      if (inRoute) {
        const hidden = !visible[inRoute.index];
        return html`<li>
          ${hidden
            ? html`${inRoute.occupation.title}, ${text.level(inRoute.occupation.level)} (${text.mapHiddenByFilters})`
            : html`<button type="button" class="link-button" @click=${() => this.goToTile(inRoute)}>${inRoute.occupation.title}, ${text.level(inRoute.occupation.level)}</button>`}
        </li>`;
      }
      const linked = model.linked.get(code);
      if (!linked) return html`<li>${code}</li>`;
      const route = linked.routeSlug ? findRoute(linked.routeSlug) : undefined;
      return html`<li>
        <button type="button" class="link-button" @click=${(event: Event) => this.openOccupation(linked.code, linked.title, event.currentTarget as HTMLElement)}>
          ${linked.title}, ${text.level(linked.level)}</button>${route ? html` (${text.mapOtherRoute(route.name)})` : nothing}
      </li>`;
    };
    const list = (codes: readonly string[]) =>
      codes.length === 0 ? html`<p class="selection__none">${text.mapNoProgression}</p>` : html`<ul>${codes.map(item)}</ul>`;
    return html`<section class="selection" part="selection" aria-labelledby="selection-heading">
      ${this.heading(1, text.mapProgressionHeading(occupation.title), 'selection-heading', 'heading--selection')}
      <div class="selection__lists">
        <div>
          <p class="selection__label"><span class="badge badge--leads-to">${text.mapLeadsTo}</span></p>
          ${list(model.leadsTo.get(occupation.code) ?? [])}
        </div>
        <div>
          <p class="selection__label"><span class="badge badge--comes-from">${text.mapComesFrom}</span></p>
          ${list(model.comesFrom.get(occupation.code) ?? [])}
        </div>
      </div>
      <div class="selection__actions">
        ${this.hrefFor(occupation.code)
          ? nothing
          : html`<button type="button" class="om-button" @click=${(event: Event) => this.openOccupation(occupation.code, occupation.title, event.currentTarget as HTMLElement)}>${text.mapShowDetails}</button>`}
        <button type="button" class="om-button" @click=${this.clearSelection}>${text.mapClearSelection}</button>
      </div>
    </section>`;
  }

  private clearSelection = (): void => {
    const key = this.activeKey;
    this.selected = '';
    void this.updateComplete.then(() => this.focusItem(key));
  };

  /** Moves to an occupation in this route: selects it and puts focus on its tile. */
  private goToTile(tile: TileModel): void {
    this.collapsed = new Set([...this.collapsed].filter((key) => key !== tile.pathway.key && key !== tile.cluster.key));
    this.selected = tile.occupation.code;
    this.activeKey = tile.key;
    void this.updateComplete.then(() => this.focusItem(tile.key));
  }

  /** Opens an occupation's card unless the host handles `om-occupation-select` itself. */
  private openOccupation(code: string, title: string, returnTo?: HTMLElement): boolean {
    const proceed = this.emit('om-occupation-select', { code, title }, { cancelable: true });
    if (proceed && !this.hrefFor(code)) {
      this.returnFocusElement = returnTo;
      this.returnFocusKey = returnTo?.dataset.nav ?? '';
      this.dialogCode = code;
    }
    return proceed;
  }

  private renderDialog(model: RouteModel, text: RouteMapStrings) {
    const code = this.dialogCode;
    const title = model.tilesByCode.get(code)?.[0]?.occupation.title ?? model.linked.get(code)?.title ?? code;
    return html`<dialog class="dialog" part="dialog" aria-label=${text.mapDialogLabel(title)} @close=${this.onDialogClose}
      @om-occupation-select=${this.onCardSelect}>
      <div class="dialog__bar">
        <span class="dialog__title">${text.mapDialogTitle}</span>
        <button type="button" class="om-button" @click=${this.closeDialog}>${text.mapClose}</button>
      </div>
      ${code
        ? html`<occupation-card code=${code} api-base=${resolveApiBase(this) ?? nothing} .client=${this.client} .strings=${this.strings}
            heading-level="2" ?favourites=${this.favourites}></occupation-card>`
        : nothing}
    </dialog>`;
  }

  private closeDialog = (): void => {
    if (this.dialog?.open) this.dialog.close();
    else this.dialogCode = '';
  };

  private onDialogClose = (): void => {
    this.dialogCode = '';
    const element = this.returnFocusElement;
    const key = this.returnFocusKey;
    this.returnFocusElement = undefined;
    void this.updateComplete.then(() => {
      if (key) this.focusItem(key);
      else if (element?.isConnected) element.focus();
    });
  };

  /** The card moved to another occupation (a progression item): follow it on the map once the host has had its say. */
  private onCardSelect = (event: CustomEvent<{ code: string }>): void => {
    queueMicrotask(() => {
      const document = this.data.value;
      if (event.defaultPrevented || !document) return;
      const tile = routeModel(document).tilesByCode.get(event.detail.code)?.[0];
      if (tile) {
        this.selected = tile.occupation.code;
        this.activeKey = tile.key;
        this.returnFocusKey = tile.key;
      }
    });
  };

  // ——— Keyboard and pointer ———

  private onFocusIn = (event: FocusEvent): void => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-nav]');
    if (item && item.dataset.nav !== this.activeKey) this.activeKey = item.dataset.nav!;
  };

  private onItemClick = (event: MouseEvent): void => {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-nav]');
    if (!item) return;
    const key = item.dataset.nav!;
    this.activeKey = key;
    const code = item.dataset.code;
    if (!code) {
      this.toggle(key);
      return;
    }
    const document = this.data.value;
    const tile = document ? routeModel(document).tilesByCode.get(code)?.find((candidate) => candidate.key === key) : undefined;
    if (!tile) return;
    this.selected = code;
    const proceed = this.openOccupation(code, tile.occupation.title, item);
    if (!proceed && item instanceof HTMLAnchorElement) event.preventDefault();
  };

  private onNavKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.selected && !this.dialog?.open) {
      event.preventDefault();
      this.clearSelection();
      return;
    }
    if ((event.key === 'f' || event.key === 'F') && this.favourites && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const occupation = (event.target as HTMLElement).closest<HTMLElement>('[data-code]');
      if (!occupation) return;
      event.preventDefault();
      if (!event.repeat) this.toggleFavourite(occupation.dataset.code!); // holding F must not flicker it on and off
      return;
    }
    if (!NAV_KEYS.has(event.key) || event.altKey || event.metaKey) return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-nav]');
    if (!current) return;
    const container = event.currentTarget as HTMLElement;
    const items = collectNavItems(container);
    const next = nextNavItem(items, current.dataset.nav!, event.key as NavKey, this.view === 'map', this.preferredColumn);
    event.preventDefault();
    if (!next) return;
    if (next.column >= 0) this.preferredColumn = next.column;
    this.activeKey = next.key;
    next.element.tabIndex = 0;
    next.element.focus();
  };

  private focusItem(key: string): void {
    const element = this.renderRoot.querySelector<HTMLElement>(`[data-nav="${CSS.escape(key)}"]`);
    if (element) {
      this.activeKey = key;
      element.tabIndex = 0;
      element.focus();
    }
  }
}


const bandHeading = (band: Band, text: RouteMapStrings): string => {
  const levels = BANDS.find((info) => info.band === band)!.levels;
  return `${bandLabel(band, text)}, ${text.levels(levels[0], levels[1])}`;
};

const toggled = <T>(values: readonly T[], value: T): T[] =>
  values.includes(value) ? values.filter((candidate) => candidate !== value) : [...values, value];

const ordered = <T extends string>(values: readonly T[], order: readonly T[]): T[] => parseChoices(values.join(','), order);

/** The same star as `<favourite-toggle>`'s, filled: drawn only on favourite tiles, so the map stays flat. */
const star = () =>
  html`<svg viewBox="0 0 24 24" width="16" height="16" focusable="false"><path d="M12 2.8l2.8 5.7 6.3.9-4.55 4.44 1.07 6.26L12 17.14l-5.62 2.96 1.07-6.26L2.9 9.4l6.3-.9z" /></svg>`;

const chevron = () =>
  html`<svg class="chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="M5 3l6 5-6 5z" fill="currentColor" /></svg>`;
