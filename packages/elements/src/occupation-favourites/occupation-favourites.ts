import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { literal, html as staticHtml } from 'lit/static-html.js';
import { findRoute } from '@occupational-maps/core';
import { OmElement } from '../shared/om-element.js';
import { sharedStyles } from '../shared/state-styles.js';
import { tokens } from '../shared/styles.js';
import { AttributionController, attributionStyles } from '../shared/attribution.js';
import { FavouritesController, getFavouritesStore, type FavouriteItem, type FavouritesStore } from '../shared/favourites.js';
import { occupationFavouritesDefaults, type OccupationFavouritesStrings } from './occupation-favourites.strings.js';
import { occupationHref } from '../shared/occupation-href.js';
import { favouritesToCsv } from './csv.js';
import { occupationFavouritesStyles } from './occupation-favourites.styles.js';

const HEADING_TAGS = { 2: literal`h2`, 3: literal`h3`, 4: literal`h4`, 5: literal`h5`, 6: literal`h6` } as const;

const ARROW_UP = html`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="M10 3l-6 6h4v8h4V9h4z" fill="currentColor" /></svg>`;
const ARROW_DOWN = html`<svg viewBox="0 0 20 20" aria-hidden="true" focusable="false"><path d="M10 17l6-6h-4V3H8v8H4z" fill="currentColor" /></svg>`;

/**
 * The person's saved occupations, in their chosen order: open, reorder, remove, clear, download as CSV or print.
 * Reads the page's favourites store, so it updates as stars are toggled anywhere on the page or in another tab.
 *
 * @summary A custom listing of favourite occupations.
 * @fires om-occupation-select - A title was chosen; cancelable (cancelling stops a link from being followed). `detail: { code, title }`.
 * @csspart heading - The heading.
 * @csspart list - The ordered list of favourites.
 * @csspart item - One favourite.
 * @csspart title - An occupation's title (a link with `occupation-href`, otherwise a button).
 * @csspart toolbar - The download, print and clear buttons.
 * @csspart attribution - The data licence attribution.
 * @csspart sample-notice - The attribution line when the data is the embedded sample (also the words "Sample data" in it).
 */
export class OccupationFavourites extends OmElement {
  static override styles = [tokens, sharedStyles, attributionStyles, occupationFavouritesStyles];

  /** Per-element overrides of any visible string, this element's own included. */
  @property({ attribute: false }) override strings: Partial<OccupationFavouritesStrings> = {};

  /** The strings in force: the defaults with this element's overrides on top. @internal */
  override get text(): OccupationFavouritesStrings {
    return { ...occupationFavouritesDefaults, ...this.strings };
  }

  /** Link template for titles, e.g. `/occupations/{code}`; without it, titles are buttons that fire `om-occupation-select`. */
  @property({ attribute: 'occupation-href' }) occupationHref?: string;

  /** The heading's level (2–6) so the listing fits the host page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Hides the data licence attribution, for hosts that show it elsewhere on the page (never the sample-data notice). */
  @property({ attribute: 'no-attribution', type: Boolean }) noAttribution = false;

  private readonly attribution = new AttributionController(this);

  /** The favourites store; the page's shared one unless a host or test injects another. */
  @property({ attribute: false }) store: FavouritesStore = getFavouritesStore();

  @state() private confirmingClear = false;
  @state() private announcement = '';

  @query('.heading') private heading!: HTMLElement | null;

  /** Where focus goes after the next render: a selector inside the shadow root. */
  private pendingFocus: string | null = null;

  constructor() {
    super();
    new FavouritesController(this);
  }

  /** The favourites, in the person's order. */
  private get items(): readonly FavouriteItem[] {
    return this.store.list();
  }

  protected override willUpdate(): void {
    if (this.items.length === 0) this.confirmingClear = false;
  }

  protected override updated(): void {
    if (this.pendingFocus === null) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.pendingFocus) ?? this.heading;
    this.pendingFocus = null;
    target?.focus();
  }

  /** The favourites as CSV text (`code,title,level,route`), as the download contains it. */
  toCsv(): string {
    return favouritesToCsv(this.items, (slug) => findRoute(slug)?.name ?? slug);
  }

  private say(message: string): void {
    // Cleared first so the same words twice in a row are still announced.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = message));
  }

  private selectOccupation(event: Event, item: FavouriteItem): void {
    const allowed = this.emit('om-occupation-select', { code: item.code, title: item.title }, { cancelable: true });
    if (!allowed) event.preventDefault();
  }

  private moveFavourite(item: FavouriteItem, offset: -1 | 1, button: 'up' | 'down'): void {
    const from = this.items.findIndex((candidate) => candidate.code === item.code);
    const to = from + offset;
    if (from < 0 || to < 0 || to >= this.items.length) return;
    this.store.move(item.code, to);
    // Keep focus on the button pressed, so repeated presses keep moving the same occupation.
    this.pendingFocus = `[data-code="${item.code}"] .move-${button}`;
    this.say(this.text.favouritesMoved(item.title, to + 1, this.items.length));
  }

  private removeFavourite(item: FavouriteItem): void {
    const index = this.items.findIndex((candidate) => candidate.code === item.code);
    const next = this.items[index + 1] ?? this.items[index - 1];
    this.store.remove(item.code);
    this.pendingFocus = next ? `[data-code="${next.code}"] .title` : '.heading';
    this.say(this.text.favouritesRemoved(item.title));
  }

  private askToClear(): void {
    this.confirmingClear = true;
    this.pendingFocus = '.confirm';
  }

  private cancelClear(): void {
    this.confirmingClear = false;
    this.pendingFocus = '.clear-all';
  }

  private confirmClear(): void {
    this.store.clear();
    this.confirmingClear = false;
    this.pendingFocus = '.heading';
    this.say(this.text.favouritesCleared);
  }

  private onConfirmKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    this.cancelClear();
  }

  private download(): void {
    // The BOM lets spreadsheet programs read the UTF-8 (names such as “Café manager”) correctly.
    const blob = new Blob(['\uFEFF', this.toCsv()], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = this.text.favouritesExportFilename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  private print(): void {
    window.print();
  }

  override render() {
    const text = this.text;
    const count = this.items.length;
    const tag = HEADING_TAGS[this.headingLevel as keyof typeof HEADING_TAGS] ?? HEADING_TAGS[2];
    return html`<div class="wrapper" part="base">
      ${staticHtml`<${tag} class="heading" part="heading" tabindex="-1">${text.favouritesHeading}</${tag}>`}
      ${count > 0 ? html`<p class="count" part="count">${text.favouritesCount(count)}</p>` : nothing}
      ${this.store.persisted ? nothing : html`<p class="notice" part="notice">${text.favouritesNotPersisted}</p>`}
      ${count === 0 ? this.renderEmpty() : this.renderList()}
      <div class="om-visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderEmpty() {
    return html`<div class="empty" part="empty">
      <p>${this.text.favouritesEmpty}</p>
      <p>${this.text.favouritesEmptyGuidance}</p>
    </div>`;
  }

  private renderList() {
    const text = this.text;
    const last = this.items.length - 1;
    return html`<ol class="list" part="list">
        ${repeat(
          this.items,
          (item) => item.code,
          (item, index) => html`<li class="item" part="item" data-code=${item.code}>
            <div class="main">
              ${this.renderTitle(item)}
              ${this.renderMeta(item)}
            </div>
            <div class="actions">
              ${this.renderMoveButton(item, 'up', index === 0)}
              ${this.renderMoveButton(item, 'down', index === last)}
              <button type="button" class="om-button remove" aria-label=${text.favouriteRemove(item.title)} @click=${() => this.removeFavourite(item)}>
                ${text.favouritesRemoveShort}
              </button>
            </div>
          </li>`,
        )}
      </ol>
      ${this.confirmingClear ? this.renderConfirm() : this.renderToolbar()}
      ${this.attribution.render(text, this.noAttribution)}`;
  }

  private renderTitle(item: FavouriteItem) {
    const href = occupationHref(this.occupationHref, item.code);
    return href
      ? html`<a class="title" part="title" href=${href} @click=${(event: Event) => this.selectOccupation(event, item)}>${item.title}</a>`
      : html`<button type="button" class="title" part="title" @click=${(event: Event) => this.selectOccupation(event, item)}>${item.title}</button>`;
  }

  private renderMeta(item: FavouriteItem) {
    const parts = [
      item.level === null ? null : this.text.level(item.level),
      item.routeSlug ? (findRoute(item.routeSlug)?.name ?? null) : null,
    ].filter((part): part is string => part !== null);
    return parts.length ? html`<p class="meta">${parts.join(' · ')}</p>` : nothing;
  }

  /** aria-disabled rather than disabled, so focus stays on the button when the occupation reaches the end. */
  private renderMoveButton(item: FavouriteItem, direction: 'up' | 'down', atEnd: boolean) {
    const label = direction === 'up' ? this.text.favouritesMoveUp(item.title) : this.text.favouritesMoveDown(item.title);
    return html`<button
      type="button"
      class="om-button icon-button move-${direction}"
      aria-disabled=${atEnd ? 'true' : 'false'}
      title=${label}
      @click=${() => (atEnd ? undefined : this.moveFavourite(item, direction === 'up' ? -1 : 1, direction))}
    >
      ${direction === 'up' ? ARROW_UP : ARROW_DOWN}<span class="om-visually-hidden">${label}</span>
    </button>`;
  }

  private renderToolbar() {
    const text = this.text;
    return html`<div class="toolbar" part="toolbar" role="group" aria-label=${text.favouritesActions}>
      <button type="button" class="om-button export" @click=${this.download}>${text.favouritesExport}</button>
      <button type="button" class="om-button print" @click=${this.print}>${text.favouritesPrint}</button>
      <button type="button" class="om-button clear-all" @click=${this.askToClear}>${text.favouritesClearAll}</button>
    </div>`;
  }

  private renderConfirm() {
    const text = this.text;
    return html`<div class="confirm" part="confirm" role="group" aria-labelledby="clear-question" tabindex="-1" @keydown=${this.onConfirmKeydown}>
      <p id="clear-question">${text.favouritesClearQuestion(this.items.length)}</p>
      <div class="toolbar">
        <button type="button" class="om-button om-button--danger confirm-clear" @click=${this.confirmClear}>${text.favouritesClearConfirm}</button>
        <button type="button" class="om-button cancel-clear" @click=${this.cancelClear}>${text.favouritesClearCancel}</button>
      </div>
    </div>`;
  }
}
