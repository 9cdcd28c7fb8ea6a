import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import memoizeOne from 'memoize-one';
import { embedPaths, findRoute, pauseForHost, ROUTES, type RouteMapDocument } from '@occupational-maps/core';
import { resolveApiBase } from '../shared/api-base.js';
import { AttributionController, attributionStyles } from '../shared/attribution.js';
import { DataController } from '../shared/data-controller.js';
import { OmElement } from '../shared/om-element.js';
import { routeMapDefaults, type RouteMapStrings } from './route-map.strings.js';
import type { OccupationCardStrings } from '../occupation-card/occupation-card.strings.js';
import type { FavouriteToggleStrings } from '../favourite-toggle/favourite-toggle.strings.js';
import type { FavouritesStore } from '../shared/favourites.js';
import { sharedStyles } from '../shared/state-styles.js';
import { paletteTokens } from '../shared/palette-tokens.js';
import { tokens } from '../shared/styles.js';
import { occupationHref } from '../shared/occupation-href.js';
import { routeMapStyles } from './route-map.styles.js';
import { filterTiles, findPathway, isEmptyRoute, readFilters, routeModel, type RouteModel, type TileModel } from './route-model.js';
import { AuthoredFilters } from './authored-filters.js';
import type { UrlStateController } from './url-state-controller.js';
import { RouteFavouritesController } from './favourites-controller.js';
import { SearchIndexController } from './search-index-controller.js';
import { KeyboardNavigationController } from './keyboard-navigation-controller.js';
import { DialogController } from './dialog-controller.js';
import { ProgressiveRenderController } from './progressive-render-controller.js';
import { LazyPart } from './lazy-part.js';
import type { FilterValues, RouteMapActions, RouteMapView, RouteViewModel } from './views/view-model.js';
import { relationsFor } from './views/parts.js';
import { renderMapView } from './views/map-view.js';
import { renderLegend } from './views/legend.js';
import { renderSelection } from './views/selection.js';
import { renderDialog } from './views/dialog.js';
import { offeredCount, renderHeader, renderMessage } from './views/header.js';
import { CoursesController, renderCoursesNotice } from '../courses/courses-controller.js';
import type { CourseList } from '../courses/course-list.js';
import { coursesStyles } from '../courses/courses.styles.js';

export type { RouteMapView } from './views/view-model.js';

/** The placeholder that reserves the map's space while its data (or a view's code) loads. */
const renderSkeleton = () => html`<div class="skeleton-map" part="skeleton">${[0, 1, 2].map(() => html`<div class="om-skeleton"></div>`)}</div>`;

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
 *   `detail: { levels, status, products, search, pathway, view, offered }`.
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
 * @csspart offered-marker - The "Offered here" diamond on the tile of an occupation the college's courses lead to
 *   (with `courses-src`).
 * @csspart offered-summary - The header's count of occupations offered here.
 * @csspart courses-notice - The notice shown when the course list cannot be used.
 * @csspart favourite - The `<favourite-toggle>` beside each occupation in the list and table views (with `favourites`).
 * @csspart list - The list view.
 * @csspart table - The table view.
 * @csspart selection - The progression summary of the selected occupation.
 * @csspart legend - The key to the status shapes, product markers and progression badges.
 * @csspart dialog - The dialog that holds an occupation's card.
 * @csspart message - The no-route, unknown-route, empty-route and no-match messages.
 * @csspart attribution - The licence attribution line.
 * @csspart sample-notice - The attribution line when the data is the embedded sample (also the words "Sample data" in it).
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
  static override styles = [tokens, paletteTokens, sharedStyles, attributionStyles, coursesStyles, routeMapStyles];

  /**
   * Loads the code of what the dialog shows (`<occupation-card>`, and the `<soc-badge>` and `<favourite-toggle>` it
   * shows). The define entry sets it, so that code loads when a person first opens an occupation rather than before
   * the map renders: many hosts never open the dialog. A class registered by hand leaves it unset (the host defines
   * `<occupation-card>` itself).
   */
  static loadDialogElements?: () => Promise<unknown>;

  /**
   * Loads the code of `<favourite-toggle>`, which the list and table views show with `favourites`. The define entry
   * sets it; it is fetched only by maps that show favourites.
   */
  static loadFavouriteElements?: () => Promise<unknown>;

  /**
   * The code of the parts not every map shows, each a chunk of its own: the list and table views, the control bar,
   * and what matches a course list to the route. A map fetches a part only when it shows it. @internal
   */
  static loadTextViews = () => import('./views/text-views.js');
  /** @internal */
  static loadControls = () => import('./views/controls.js');
  /** @internal */
  static loadCoursesMatcher = () => import('./courses-overlay.js');
  /** @internal */
  static loadUrlState = () => import('./url-state-controller.js');

  /** Per-element overrides of any visible string, this element's own included (passed on to the elements it shows). */
  @property({ attribute: false }) override strings: Partial<RouteMapStrings & OccupationCardStrings & FavouriteToggleStrings> = {};

  /** The strings in force: the defaults with this element's overrides on top (the same object until they change). @internal */
  override get text(): RouteMapStrings {
    return this.textFor(this.strings);
  }

  private readonly textFor = memoizeOne((strings: object): RouteMapStrings => ({ ...routeMapDefaults, ...strings }));

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

  /** Hides the licence attribution, for hosts that show it elsewhere on the page (never the sample-data notice). */
  @property({ type: Boolean, attribute: 'no-attribution' }) noAttribution = false;

  private readonly attribution = new AttributionController(this);

  /**
   * A college's course list (JSON or CSV; an http(s) or relative URL, or `#id` of a script element): tiles of the
   * occupations its courses lead to are marked "Offered here", the header counts them, the list and table say so, and
   * an offered occupation's card lists the courses first. Without it, the page's
   * `<script type="application/json" data-om-courses>` is used when there is one.
   */
  @property({ attribute: 'courses-src' }) coursesSrc?: string;

  /** A course list given by script (from `parseCourseList`); wins over `courses-src`. `null`: no courses. */
  @property({ attribute: false }) courses?: CourseList | null;

  /** `only` shows just the occupations the course list reaches (a filter in the controls, too); '' shows all. */
  @property() offered = '';

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
  @state() private announcement = '';

  private readonly data = new DataController<RouteMapDocument>(this, {
    request: () => {
      const route = findRoute(this.route.trim());
      if (!route) return null;
      return {
        path: embedPaths.routeMap(route.slug),
        load: async (client, signal) => {
          const [document] = await Promise.all([client.get('routeMap', route.slug, { signal }), this.loadPartsShown()]);
          // The model of a large route (hundreds of occupations) takes a while to build: it gets a task of its own,
          // apart from the document's checks before it and the first render after it, so none of them is a long task.
          await pauseForHost();
          routeModel(document);
          await pauseForHost();
          return document;
        },
      };
    },
    isEmpty: isEmptyRoute,
  });

  private readonly occupationDialog = new DialogController(this, {
    elementsLoader: () => this.parts.loadDialogElements,
    focusItem: (key) => this.navigation.focusItem(key),
  });
  /** The host's own filter settings, told apart from what the controls (and the URL) set. */
  private readonly filters = new AuthoredFilters(this);
  /** With `sync-url`: the controller that keeps the filters in the URL, once its code has arrived. */
  private urlState?: UrlStateController;
  private urlStateLoading?: Promise<void>;
  private readonly favouritesState = new RouteFavouritesController(this, () => this.parts.loadFavouriteElements?.() ?? Promise.resolve());
  private readonly searchIndex = new SearchIndexController(this);
  /** The course list, and the code that matches it to this route's occupations, which loads only with a list. */
  private readonly coursesState = new CoursesController(this, () => this.parts.loadCoursesMatcher());
  private readonly navigation = new KeyboardNavigationController(this, {
    dialogOpen: () => this.occupationDialog.isOpen,
    clearSelection: () => this.clearSelection(),
    toggleFavourite: (code) => this.toggleFavourite(code),
  });

  private readonly progressive = new ProgressiveRenderController(this);

  /** This element's class (a test's subclass may load its parts differently). */
  private get parts(): typeof RouteMap {
    return this.constructor as typeof RouteMap;
  }

  private readonly textViews = new LazyPart(this, () => this.parts.loadTextViews());
  private readonly controlBar = new LazyPart(this, () => this.parts.loadControls());

  /** What the views call into. */
  private readonly actions: RouteMapActions = {
    onNavKeydown: (event) => {
      // Keys move through what is rendered: clusters still to come are rendered first, at once.
      this.renderEverything();
      this.navigation.onKeydown(event);
    },
    onFocusIn: this.navigation.onFocusIn,
    onItemClick: (event) => this.onItemClick(event),
    expandAll: () => {
      this.collapsed = new Set();
    },
    expand: (key) => {
      if (this.collapsed.has(key)) this.collapsed = new Set([...this.collapsed].filter((collapsed) => collapsed !== key));
    },
    collapseAll: (model) => {
      this.collapsed = new Set(model.pathways.map((pathway) => pathway.key));
      this.navigation.activeKey = '';
    },
    changeFilter: (change) => this.changeFilter(change),
    clearFilters: () => this.clearFilters(),
    clearSelection: () => this.clearSelection(),
    goToTile: (tile) => this.goToTile(tile),
    openOccupation: (code, title, returnTo) => this.openOccupation(code, title, returnTo),
    closeDialog: () => this.occupationDialog.close(),
    onDialogClose: () => this.occupationDialog.onClose(),
    onCardSelect: (event) => this.onCardSelect(event),
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.urlState) this.urlState.beforeUpdate();
    else this.filters.noteHostValues();
    if (this.syncUrl) void this.syncWithUrl();
    if (changed.has('syncUrl') && this.syncUrl && changed.get('syncUrl') === false) this.urlState?.enabled();
    if (changed.has('route')) {
      this.collapsed = new Set();
      this.navigation.activeKey = '';
    }
    this.collapseLargeRoute();
  }

  /** The route whose first render set the collapsed pathways (a very large route starts with its first one open). */
  private collapsedFor?: RouteModel;

  /**
   * A very large route (Engineering and manufacturing has 368 occupations) opens with only its first pathway
   * expanded — and the pathway of the selected occupation, or the one the `pathway` filter names — so a phone lays
   * out one pathway, not three. The others are there, collapsed (`hidden="until-found"`: find-in-page opens them).
   */
  private collapseLargeRoute(): void {
    const document = this.data.value;
    if (!document || isEmptyRoute(document)) return;
    const model = routeModel(document);
    if (model === this.collapsedFor) return;
    this.collapsedFor = model;
    const keep = new Set([model.pathways[0]?.key, model.tilesByCode.get(this.selected)?.[0]?.pathway.key, findPathway(model, this.pathway ?? '')?.key]);
    const later = this.progressive.collapsedAtFirst(model).filter((key) => !keep.has(key));
    if (later.length) this.collapsed = new Set([...this.collapsed, ...later]);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.urlState?.afterUpdate(changed.has('search') && changed.size === 1);
  }

  /**
   * `sync-url`: loads the URL-state code (once), which then applies the URL's state and keeps it up to date. Without
   * it (a chunk that cannot be fetched) the map works on, its state just not in the URL.
   */
  private syncWithUrl(): Promise<void> {
    this.urlStateLoading ??= this.parts.loadUrlState().then(
      ({ UrlStateController }) => {
        this.urlState = new UrlStateController(this, { closeDialog: () => this.occupationDialog.close() }, this.filters);
      },
      (error: unknown) => console.warn('occupational-maps: <route-map sync-url> could not load its URL-state code; the map works without it.', error),
    );
    return this.urlStateLoading;
  }

  // ——— Favourites ———

  /** F on an occupation: adds or removes it, tells the host first (cancelable) and announces the result. */
  private toggleFavourite(code: string): void {
    const document = this.data.value;
    const occupation = document ? routeModel(document).tilesByCode.get(code)?.[0]?.occupation : undefined;
    const isFavourite = this.favouritesState.has(code);
    if (!document || !occupation || isFavourite === undefined) return;
    const favourite = !isFavourite;
    if (!this.emit('om-favourite-change', { code, favourite }, { cancelable: true })) return;
    const result = this.favouritesState.toggle(occupation, favourite, document.slug);
    const text = this.text;
    if (result === 'removed') this.announce(text.mapFavouriteRemoved(occupation.title));
    else if (result === 'added') this.announce(text.mapFavouriteAdded(occupation.title));
    else if (result === 'full') this.announce(text.mapFavouritesFull(occupation.title));
  }

  /** Sets the live region's text; the same message twice in a row differs by a space, so it is read again. */
  private announce(message: string): void {
    this.announcement = message === this.announcement ? `${message}\u00a0` : message;
  }

  // ——— Rendering ———

  override render() {
    const text = this.text;
    const key = this.route.trim();
    if (!key) return renderMessage(html`<p>${text.mapNoRoute}</p>`);
    if (!findRoute(key)) {
      return renderMessage(html`<p>${text.mapUnknownRoute(key)} ${text.mapChooseRoute}</p>
        <ul class="route-list">
          ${ROUTES.map((route) => html`<li>${route.name} (<code>${route.slug}</code>)</li>`)}
        </ul>`);
    }
    return html`<div class="base" part="base">
      ${this.data.render({
        loading: renderSkeleton,
        complete: (document) => this.renderRoute(routeModel(document), text),
        empty: (document) => html`${renderHeader(this, document.name, text)}
          <p class="message" part="message">${text.mapNoOccupations}</p>
          ${this.attribution.render(text, this.noAttribution)}`,
      })}
    </div>`;
  }

  /** A safe link for an occupation from the `occupation-href` template: http(s) or relative only. */
  private hrefFor(code: string): string | undefined {
    return occupationHref(this.occupationHref, code, this.ownerDocument.baseURI) ?? undefined;
  }

  private get filterValues(): FilterValues {
    return { levels: this.levels, status: this.status, products: this.products, search: this.search, pathway: this.pathway, view: this.view, offered: this.offered };
  }

  /** The occupations of this route the course list reaches; LARS codes need the search index, loaded only for them. */
  private offeredIn(model: RouteModel) {
    const { list, matcher } = this.coursesState;
    if (!list || !matcher) return undefined;
    if (matcher.needsSearchIndex(list)) this.searchIndex.load();
    return matcher.offeredInRoute(model, list, this.searchIndex.index);
  }

  // What the tiles show, each kept as the same object while its inputs are the same (offeredInRoute caches its own),
  // so the map view can tell that nothing its tiles show has changed (`tileState`) and leave hundreds of tiles alone.
  private readonly relationsMemo = memoizeOne(relationsFor);
  private readonly filtersMemo = memoizeOne((levels: string, status: string, products: string, search: string, pathway: string, offered: string) =>
    readFilters({ levels, status, products, search, pathway, offered }),
  );
  private readonly visibleMemo = memoizeOne(filterTiles);
  private readonly tileStateMemo = memoizeOne((..._inputs: unknown[]) => ({}));

  /** The filters the attributes set now (the same object until one of them changes). */
  private get currentFilters() {
    return this.filtersMemo(this.levels, this.status, this.products, this.search, this.pathway, this.offered);
  }

  /** Which tiles pass the filters now (the same array until the filters, the search text or the course list change). */
  private visibleTiles(model: RouteModel, offered = this.offeredIn(model)): readonly boolean[] {
    return this.visibleMemo(model, this.currentFilters, this.searchIndex.textFor(model), offered);
  }

  /** The model every render module is given. */
  private viewModel(model: RouteModel, text: RouteMapStrings): RouteViewModel {
    const filters = this.currentFilters;
    const offered = this.offeredIn(model);
    const visible = this.visibleTiles(model, offered);
    const relations = this.relationsMemo(model, this.selected);
    const favouriteCodes = this.view === 'map' ? this.favouritesState.codes() : undefined;
    return {
      model,
      visible,
      filters,
      values: this.filterValues,
      text,
      strings: this.strings,
      headingLevel: this.headingLevel,
      tabStop: this.navigation.tabStop(model, visible, this.collapsed),
      selected: this.selected,
      collapsed: this.collapsed,
      renderedClusters: this.progressive.renderedClusters(model),
      tileState: this.tileStateMemo(visible, relations, favouriteCodes, offered, this.selected, text, this.favourites, this.occupationHref, this.ownerDocument.baseURI),
      relations,
      favourites: this.favourites,
      favouriteCodes,
      store: this.store,
      occupationHref: this.occupationHref,
      hrefFor: (code) => this.hrefFor(code),
      actions: this.actions,
      offered,
      courses: this.coursesState.state,
    };
  }

  private renderRoute(model: RouteModel, text: RouteMapStrings) {
    const vm = this.viewModel(model, text);
    const { filters, visible } = vm;
    const shown = visible.reduce((count, isVisible) => count + (isVisible ? 1 : 0), 0);
    const unknownPathway = filters.pathway !== '' && !findPathway(model, filters.pathway);
    let body: unknown;
    if (unknownPathway) {
      body = html`<div class="message" part="message">
        <p>${text.mapUnknownPathway(filters.pathway)}</p>
        <ul>${model.pathways.map((pathway) => html`<li>${pathway.name}</li>`)}</ul>
      </div>`;
    } else if (shown === 0) {
      body = html`<div class="message" part="message">
        <p>${text.mapNoMatches}</p>
        ${this.controls ? html`<button type="button" class="om-button" @click=${this.actions.clearFilters}>${text.mapClearFilters}</button>` : nothing}
      </div>`;
    } else if (this.view === 'list' || this.view === 'table') {
      const view = this.view;
      body = this.renderPart(this.textViews, view, (views) => (view === 'list' ? views.renderListView(vm) : views.renderTableView(vm)), renderSkeleton());
    } else {
      body = renderMapView(vm);
    }
    return html`
      ${renderHeader(this, model.document.name, text, text.mapShowing(shown, model.tiles.length), vm.offered ? offeredCount(text, model, vm.offered) : undefined)}
      ${renderCoursesNotice(vm.courses, text)}
      ${this.controls ? this.renderPart(this.controlBar, 'controls', (bar) => bar.renderControls(vm)) : nothing}
      ${this.searchIndex.failed && filters.terms.length > 0 ? html`<p class="note">${text.mapSearchTitlesOnly}</p>` : nothing}
      ${renderSelection(vm)}
      ${body}
      ${renderLegend(vm)}
      ${this.attribution.render(text, this.noAttribution)}
      ${renderDialog(vm, {
        code: this.occupationDialog.code,
        apiBase: resolveApiBase(this),
        client: this.client,
        elements: this.occupationDialog.elements || 'loading',
        retry: () => this.occupationDialog.loadElements(),
        courses: this.coursesState.list,
      })}
      <div class="om-visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  /**
   * Fetches, alongside the data, the code of the parts these settings show, so that the map appears whole (and
   * `om-load` follows them): with `sync-url` the URL state first (it may set the view), then the control bar and the
   * view. A map with controls fetches the list and table views too, ahead of a switch. A part that cannot be fetched
   * shows its own Retry in place; the rest of the map works on.
   */
  private async loadPartsShown(): Promise<unknown> {
    if (this.syncUrl) await this.syncWithUrl(); // the URL may set the view
    const parts: LazyPart<unknown>[] = [];
    if (this.controls) parts.push(this.controlBar);
    if (this.view === 'list' || this.view === 'table') parts.push(this.textViews);
    else if (this.controls) void this.textViews.ready().catch(() => {});
    return Promise.allSettled(parts.map((part) => part.ready()));
  }

  /**
   * A part whose code loads on demand (its element has `part="{name}"`): itself once the code is there, `loading`
   * until then, a Retry if it failed.
   */
  private renderPart<T>(part: LazyPart<T>, name: string, draw: (module: T) => unknown, loading: unknown = nothing) {
    const module = part.get();
    if (module) return draw(module);
    if (!part.failed) return loading;
    const text = this.text;
    const retry = () =>
      part.ready().then(async () => {
        await this.updateComplete;
        // The Retry button has gone: focus moves to the part that replaced it rather than being lost.
        const target = this.renderRoot.querySelector<HTMLElement>(`[part~="${name}"]`);
        if (!target || this.shadowRoot!.activeElement) return;
        if (target.tabIndex < 0) target.tabIndex = -1;
        target.focus({ preventScroll: true });
      }, () => {});
    return html`<div class="message" part="error" role="alert">
      <p>${text.errorTitle}</p>
      <button type="button" class="om-button" @click=${retry}>${text.retry}</button>
    </div>`;
  }

  // ——— Filters ———

  private clearFilters(): void {
    this.changeFilter({ levels: '', status: '', products: '', search: '', pathway: '', offered: '' });
    // Both Clear filters buttons go away with the filters: focus moves to the first control rather than being lost.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#search')?.focus());
  }

  /** Applies a change made through the controls, announces the result and tells the host. */
  private changeFilter(change: Partial<FilterValues>): void {
    this.filters.set(change);
    void this.updateComplete.then(() => {
      const document = this.data.value;
      if (document && !isEmptyRoute(document)) {
        const model = routeModel(document);
        const shown = this.visibleTiles(model).filter(Boolean).length;
        this.announcement = this.text.mapShowing(shown, model.tiles.length);
      }
    });
    this.emit('om-filter-change', { ...this.filterValues });
  }

  // ——— Selection, progression and the dialog ———

  private clearSelection(): void {
    const key = this.navigation.activeKey;
    this.selected = '';
    void this.updateComplete.then(() => this.navigation.focusItem(key));
  }

  /** Renders every cluster now, when some still wait for their turn (a route that renders in parts). */
  private renderEverything(): void {
    if (this.progressive.complete()) this.performUpdate();
  }

  /** Moves to an occupation in this route: selects it and puts focus on its tile. */
  private goToTile(tile: TileModel): void {
    this.renderEverything();
    this.collapsed = new Set([...this.collapsed].filter((key) => key !== tile.pathway.key && key !== tile.cluster.key));
    this.selected = tile.occupation.code;
    this.navigation.activeKey = tile.key;
    void this.updateComplete.then(() => this.navigation.focusItem(tile.key));
  }

  /** Opens an occupation's card unless the host handles `om-occupation-select` itself. */
  private openOccupation(code: string, title: string, returnTo?: HTMLElement): boolean {
    const proceed = this.emit('om-occupation-select', { code, title }, { cancelable: true });
    if (proceed && !this.hrefFor(code)) this.occupationDialog.open(code, returnTo);
    return proceed;
  }

  /** The card moved to another occupation (a progression item): follow it on the map once the host has had its say. */
  private onCardSelect(event: CustomEvent<{ code: string }>): void {
    queueMicrotask(() => {
      const document = this.data.value;
      if (event.defaultPrevented || !document) return;
      const tile = routeModel(document).tilesByCode.get(event.detail.code)?.[0];
      if (tile) {
        this.selected = tile.occupation.code;
        this.navigation.activeKey = tile.key;
        this.occupationDialog.returnTo(tile.key);
      }
    });
  }

  /** A click on a tile selects it and opens its card; a click on a toggle expands or collapses its group. */
  private onItemClick(event: MouseEvent): void {
    const item = (event.target as HTMLElement).closest<HTMLElement>('[data-nav]');
    if (!item) return;
    const key = item.dataset.nav!;
    this.navigation.activeKey = key;
    const code = item.dataset.code;
    if (!code) {
      const collapsed = new Set(this.collapsed);
      if (!collapsed.delete(key)) collapsed.add(key);
      this.collapsed = collapsed;
      return;
    }
    const document = this.data.value;
    const tile = document ? routeModel(document).tilesByCode.get(code)?.find((candidate) => candidate.key === key) : undefined;
    if (!tile) return;
    this.selected = code;
    const proceed = this.openOccupation(code, tile.occupation.title, item);
    if (!proceed && item instanceof HTMLAnchorElement) event.preventDefault();
  }
}
