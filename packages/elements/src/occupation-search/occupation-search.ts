import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  BAND_VALUES,
  EmbedError,
  PRODUCT_TYPE_SLUG,
  findRoute,
  type Band,
  type SearchEntry,
  type SearchIndexDocument,
} from '@occupational-maps/core';
import { OmElement } from '../shared/om-element.js';
import { sharedStyles } from '../shared/state-styles.js';
import { tokens } from '../shared/styles.js';
import { AttributionController, attributionStyles } from '../shared/attribution.js';
import { resolveApiBase } from '../shared/api-base.js';
import { clientFor } from '../shared/client-loader.js';
import { messageFor } from '../shared/data-controller.js';
import { productLabel } from '../shared/labels.js';
import { occupationSearchDefaults, type OccupationSearchStrings } from './occupation-search.strings.js';
import { occupationHref } from '../shared/occupation-href.js';
import { OccupationSearchEngine, hasFilters, type SearchFilters, type SearchHit, type SearchOutcome } from './search-engine.js';
import { occupationSearchStyles } from './occupation-search.styles.js';
import { highlight, renderFilters } from './search-view.js';
import { CoursesController, renderCoursesNotice } from '../courses/courses-controller.js';
import { matchCourses } from '../courses/course-match.js';
import type { CourseList } from '../courses/course-list.js';
import { coursesStyles } from '../courses/courses.styles.js';

const INDEX_PATH = 'search-index.json';
/** Long enough that the count is read once typing pauses, not after every key. */
const ANNOUNCE_DELAY_MS = 600;

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

const asBand = (value: string | null | undefined): Band | null => (BAND_VALUES as readonly string[]).includes(value ?? '') ? (value as Band) : null;
/** A product type slug (a known one or a newer type's), else null. */
const asProductType = (value: string | null | undefined): string | null => {
  const slug = (value ?? '').trim().toLowerCase();
  return PRODUCT_TYPE_SLUG.test(slug) ? slug : null;
};
const asRoute = (value: string | null | undefined): string | null => findRoute(value ?? undefined)?.slug ?? null;

/**
 * One search box over every route: full-text, typo-tolerant, prefix-matching search of the Embed API search index,
 * with filters for level band, route and product type. The index and the search library load on first use.
 * Keyboard: an ARIA combobox (type, then Down/Up to move through results, Home/End for the first/last, Enter to
 * choose, Escape to close the results or clear the box).
 *
 * @summary Search occupations across every route.
 * @fires om-occupation-select - A result was chosen; cancelable (cancelling stops `occupation-href` being followed). `detail: { code, title }`.
 * @fires om-load - The search index loaded. `detail: { path }`.
 * @fires om-error - The search index could not be loaded. `detail: { error, retryable }`.
 * @csspart input - The search box.
 * @csspart filters - The filter controls.
 * @csspart listbox - The list of results.
 * @csspart option - One result.
 * @csspart no-results - The message and suggestions when nothing matches.
 * @csspart attribution - The data licence attribution.
 * @csspart offered - The "Offered here" marker on a result the college's course list reaches.
 * @csspart courses-notice - The notice shown when the course list cannot be used.
 * @csspart sample-notice - The attribution line when the data is the embedded sample (also the words "Sample data" in it).
 * @cssproperty --om-search-max-height - The tallest the results list grows before it scrolls (default 384px).
 */
export class OccupationSearch extends OmElement {
  static override styles = [tokens, sharedStyles, attributionStyles, coursesStyles, occupationSearchStyles];

  /** Per-element overrides of any visible string, this element's own included. */
  @property({ attribute: false }) override strings: Partial<OccupationSearchStrings> = {};

  /** The strings in force: the defaults with this element's overrides on top. @internal */
  override get text(): OccupationSearchStrings {
    return { ...occupationSearchDefaults, ...this.strings };
  }

  /** Where a chosen result goes, e.g. `/occupations/{code}`; without it, choosing only fires `om-occupation-select`. */
  @property({ attribute: 'occupation-href' }) occupationHref?: string;

  /** Starts with results limited to one route (slug); people can change it unless the filters are hidden. */
  @property() route?: string;

  /** Starts with results limited to one level band: `technical`, `higher-technical` or `professional`. */
  @property() band?: string;

  /** Starts with results limited to one product type: `apprenticeship`, `t-level`, `htq`, `tq` or `other`. */
  @property({ attribute: 'product-type' }) productType?: string;

  /** Hides the filter controls (any `route`, `band` or `product-type` still applies). */
  @property({ attribute: 'no-filters', type: Boolean }) noFilters = false;

  /** The most results listed at once. */
  @property({ attribute: 'max-results', type: Number }) maxResults = 10;

  /** Hides the data licence attribution, for hosts that show it elsewhere on the page (never the sample-data notice). */
  @property({ attribute: 'no-attribution', type: Boolean }) noAttribution = false;

  private readonly attribution = new AttributionController(this);

  /** The text in the search box. */
  @property() value = '';

  /**
   * A college's course list (JSON or CSV; http(s) or relative URL, or `#id` of a script element): results it
   * reaches are marked "Offered here" and a filter shows only those. Without it, the page's
   * `<script type="application/json" data-om-courses>` is used when there is one.
   */
  @property({ attribute: 'courses-src' }) coursesSrc?: string;

  /** A course list given by script (from `parseCourseList`); wins over `courses-src`. */
  @property({ attribute: false }) courses?: CourseList | null;

  /** Starts with results limited to occupations the course list reaches. */
  @property({ attribute: 'offered-only', type: Boolean }) offeredOnly = false;

  @state() private filters: SearchFilters = {};
  /** Whether the "Offered here only" filter is on (it starts as `offered-only` says). */
  @state() private filterOffered = false;
  @state() private expanded = false;
  @state() private activeIndex = -1;
  @state() private loadState: LoadState = 'idle';
  @state() private loadError?: EmbedError;
  @state() private announcement = '';

  @query('input') private input!: HTMLInputElement | null;

  private engine?: OccupationSearchEngine;
  private index?: SearchIndexDocument;
  private readonly coursesController = new CoursesController(this);
  private overlay?: { list: CourseList; index: SearchIndexDocument; offered: ReadonlySet<string> };
  private outcome: SearchOutcome = { hits: [], total: 0, unfilteredTotal: 0 };
  private suggestions: string[] = [];
  private indexLoad?: AbortController;
  private announceTimer?: ReturnType<typeof setTimeout>;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page while the index was loading: disconnecting stopped that load, so a search already set resumes.
    if (this.hasUpdated && this.value && this.loadState === 'idle') void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.indexLoad?.abort();
    clearTimeout(this.announceTimer);
    if (this.loadState === 'loading') this.loadState = 'idle';
  }

  /** Focuses the search box. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('route') || changed.has('band') || changed.has('productType')) {
      this.filters = { route: asRoute(this.route), band: asBand(this.band), productType: asProductType(this.productType) };
    }
    if (changed.has('value') && this.value && this.loadState === 'idle') void this.load();
    if (changed.has('offeredOnly')) this.filterOffered = this.offeredOnly;
    const offered = this.offered;
    this.filters = { ...this.filters, only: this.filterOffered && offered ? offered : null };
    this.outcome = this.engine ? this.engine.search(this.value, this.filters, this.maxResults) : { hits: [], total: 0, unfilteredTotal: 0 };
    this.suggestions = this.engine && this.value.trim() && this.outcome.unfilteredTotal === 0 ? this.engine.suggest(this.value) : [];
    if (this.activeIndex >= this.outcome.hits.length) this.activeIndex = this.outcome.hits.length - 1;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('activeIndex') && this.activeIndex >= 0) {
      this.renderRoot.querySelector(`#${this.optionId(this.activeIndex)}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Loads the index and builds the search on first use (focus, hover or a value), once per page per index. */
  private async load(): Promise<void> {
    if (this.loadState === 'loading' || this.loadState === 'ready') return;
    this.indexLoad?.abort();
    const controller = new AbortController();
    this.indexLoad = controller;
    this.loadState = 'loading';
    this.loadError = undefined;
    try {
      const apiBase = resolveApiBase(this);
      const client = await clientFor(apiBase, this.client);
      if (!client) throw new EmbedError('no-api-base', this.text.errorNoApiBase, { url: '' });
      const document = await client.get('searchIndex', null, { signal: controller.signal });
      this.engine = await OccupationSearchEngine.for(document);
      this.index = document;
      if (controller.signal.aborted) return;
      this.loadState = 'ready';
      this.emit('om-load', { path: INDEX_PATH });
      this.scheduleAnnouncement();
    } catch (cause) {
      if (controller.signal.aborted) return;
      const error = cause instanceof EmbedError ? cause : new EmbedError('network', String(cause), { url: '', cause });
      this.loadState = 'error';
      this.loadError = error;
      this.announce(`${this.text.errorTitle}. ${messageFor(error, this.text)}`);
      this.emit('om-error', { error, retryable: error.retryable });
    }
  }

  /** The occupations the course list reaches, once both the list and the index are here. */
  private get offered(): ReadonlySet<string> | null {
    const list = this.coursesController.list;
    if (!list || !this.index) return null;
    if (this.overlay?.list !== list || this.overlay.index !== this.index) {
      this.overlay = { list, index: this.index, offered: new Set(matchCourses(list, this.index.occupations).byOccupation.keys()) };
    }
    return this.overlay.offered;
  }

  private retry = (): void => {
    this.loadState = 'idle';
    void this.load();
    this.input?.focus();
  };

  private optionId(index: number): string {
    const hit = this.outcome.hits[index];
    return hit ? `option-${hit.entry.code}` : '';
  }

  private get listboxOpen(): boolean {
    return this.expanded && this.outcome.hits.length > 0;
  }

  private announce(message: string): void {
    clearTimeout(this.announceTimer);
    this.announcement = message;
  }

  /** The result count, once typing pauses. */
  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      if (this.loadState !== 'ready') return;
      const { total, hits } = this.outcome;
      const query = this.value.trim();
      if (!query) this.announcement = '';
      else if (total === 0) this.announcement = this.text.searchNoResults(query);
      else if (total > hits.length) this.announcement = this.text.searchShowingFirst(hits.length, total);
      else this.announcement = this.text.searchResultCount(total);
    }, ANNOUNCE_DELAY_MS);
  }

  private onInput = (event: Event): void => {
    this.value = (event.target as HTMLInputElement).value;
    this.expanded = true;
    this.activeIndex = -1;
    void this.load();
    this.scheduleAnnouncement();
  };

  private onFocus = (): void => {
    void this.load();
  };

  private onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && this.renderRoot.contains(next) && (next as Element).closest?.('[role="listbox"]')) return;
    this.expanded = false;
    this.activeIndex = -1;
  };

  private onKeydown = (event: KeyboardEvent): void => {
    const count = this.outcome.hits.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.listboxOpen) {
          this.expanded = true;
          if (event.altKey) return;
        }
        if (count) this.activeIndex = (this.activeIndex + 1) % count;
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!this.listboxOpen) this.expanded = true;
        if (count) this.activeIndex = this.activeIndex <= 0 ? count - 1 : this.activeIndex - 1;
        return;
      case 'Home':
      case 'End':
        // While a result is active they move through the results; otherwise they move the caret, as usual.
        if (!this.listboxOpen || this.activeIndex < 0) return;
        event.preventDefault();
        this.activeIndex = event.key === 'Home' ? 0 : count - 1;
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
        this.activeIndex = -1; // back to editing the text
        return;
      case 'Enter':
        if (this.listboxOpen && this.activeIndex >= 0) {
          event.preventDefault();
          this.choose(this.outcome.hits[this.activeIndex]);
        }
        return;
      case 'Escape':
        if (this.listboxOpen) {
          event.preventDefault();
          this.expanded = false;
          this.activeIndex = -1;
        } else if (this.value) {
          event.preventDefault();
          this.clear();
        }
        return;
    }
  };

  private clear = (): void => {
    this.value = '';
    this.activeIndex = -1;
    this.expanded = false;
    this.announce('');
    this.input?.focus();
  };

  private choose(hit: SearchHit): void {
    const { code, title } = hit.entry;
    this.value = title;
    this.expanded = false;
    this.activeIndex = -1;
    const allowed = this.emit('om-occupation-select', { code, title }, { cancelable: true });
    const href = occupationHref(this.occupationHref, code);
    if (allowed && href) window.location.assign(href);
  }

  private searchFor(text: string): void {
    this.value = text;
    this.expanded = true;
    this.activeIndex = -1;
    this.scheduleAnnouncement();
    this.input?.focus();
  }

  private setFilter(name: keyof SearchFilters, value: string): void {
    this.filters = { ...this.filters, [name]: value || null };
    this.activeIndex = -1;
    this.scheduleAnnouncement();
  }

  private toggleOffered = (event: Event): void => {
    this.filterOffered = (event.target as HTMLInputElement).checked;
    this.activeIndex = -1;
    this.scheduleAnnouncement();
  };

  private clearFilters = (): void => {
    this.filters = {};
    this.filterOffered = false;
    this.searchFor(this.value);
  };

  override render() {
    const text = this.text;
    const open = this.listboxOpen;
    const active = open && this.activeIndex >= 0 ? this.optionId(this.activeIndex) : '';
    return html`<div class="wrapper" part="base" @focusout=${this.onFocusOut} @pointerenter=${this.onFocus}>
      <label class="label" for="input">${text.searchLabel}</label>
      <p class="hint" id="hint">${text.searchHint}</p>
      <div class="input-row">
        <input
          id="input"
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          enterkeyhint="search"
          aria-autocomplete="list"
          aria-controls="listbox"
          aria-describedby="hint"
          aria-expanded=${open ? 'true' : 'false'}
          aria-activedescendant=${active || nothing}
          .value=${this.value}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
          @focus=${this.onFocus}
        />
        ${this.value
          ? html`<button type="button" class="om-button clear" part="clear-button" @click=${this.clear}>
              <span aria-hidden="true">×</span><span class="om-visually-hidden">${text.searchClear}</span>
            </button>`
          : nothing}
      </div>
      ${this.noFilters
        ? nothing
        : renderFilters({
            text: this.text,
            filters: this.filters,
            routesInIndex: this.engine?.routes ?? null,
            index: this.index,
            offered: this.coursesController.list ? this.filterOffered : null,
            onFilter: (name, value) => this.setFilter(name, value),
            onToggleOffered: this.toggleOffered,
          })}
      <ul id="listbox" role="listbox" part="listbox" aria-label=${text.searchResultsLabel} ?hidden=${!open}>
        ${open
          ? repeat(
              this.outcome.hits,
              (hit) => hit.entry.code,
              (hit, index) => this.renderOption(hit, index === this.activeIndex, index),
            )
          : nothing}
      </ul>
      ${renderCoursesNotice(this.coursesController.state, text)}
      ${this.renderStatus()}
      <div class="om-visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.attribution.render(text, this.noAttribution, this.loadState !== 'idle')}
    </div>`;
  }

  private renderOption(hit: SearchHit, active: boolean, index: number) {
    const { entry } = hit;
    return html`<li
      id=${this.optionId(index)}
      role="option"
      part=${active ? 'option option-active' : 'option'}
      class="option"
      aria-selected=${active ? 'true' : 'false'}
      @mousedown=${(event: Event) => event.preventDefault()}
      @click=${() => this.choose(hit)}
    >
      <span class="option-title">${highlight(entry.title, hit.terms)}</span>
      <span class="option-meta">${this.describe(entry)}</span>
      ${this.overlay?.offered.has(entry.code)
        ? html`<span class="om-offered" part="offered"><span class="om-offered__shape" aria-hidden="true"></span>${this.text.coursesOfferedHere}</span>`
        : nothing}
    </li>`;
  }

  private describe(entry: SearchEntry): string {
    const text = this.text;
    const route = findRoute(entry.route)?.name;
    const nameOf = (slug: string) => this.index?.productTypes.find((type) => type.slug === slug)?.typeName ?? null;
    const products = [...new Set(entry.productTypeSlugs)].map((slug) => productLabel(slug, text, nameOf(slug))).join(', ');
    return [text.level(entry.level), route, products].filter(Boolean).join(' · ');
  }

  /** Loading, error and "no results" messages under the box. */
  private renderStatus() {
    const text = this.text;
    if (this.loadState === 'error' && this.loadError) {
      return html`<div class="om-error" part="error">
        <p><strong>${text.errorTitle}</strong></p>
        <p>${messageFor(this.loadError, text)}</p>
        ${this.loadError.retryable ? html`<button type="button" class="om-button" part="retry-button" @click=${this.retry}>${text.retry}</button>` : nothing}
      </div>`;
    }
    const query = this.value.trim();
    if (!query) return nothing;
    if (this.loadState === 'loading') return html`<p class="loading" part="loading">${text.searchLoading}</p>`;
    if (this.loadState !== 'ready' || this.outcome.total > 0) return nothing;
    const filtered = hasFilters(this.filters) && this.outcome.unfilteredTotal > 0;
    return html`<div class="no-results" part="no-results">
      <p class="no-results-title"><strong>${text.searchNoResults(query)}</strong></p>
      ${filtered
        ? html`<p>${text.searchFiltersLimit}</p>
            <button type="button" class="om-button clear-filters" @click=${this.clearFilters}>${text.searchClearFilters}</button>`
        : html`<p>${text.searchNoResultsGuidance}</p>`}
      ${this.suggestions.length
        ? html`<p class="suggestions">
            ${text.searchSuggestions}
            ${this.suggestions.map((suggestion) => html`<button type="button" class="suggestion" @click=${() => this.searchFor(suggestion)}>${suggestion}</button>`)}
          </p>`
        : nothing}
    </div>`;
  }
}

