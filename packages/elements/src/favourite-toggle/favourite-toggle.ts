import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { OCCUPATION_CODE, normaliseCode } from '@occupational-maps/core';
import { OmElement } from '../shared/om-element.js';
import { sharedStyles } from '../shared/state-styles.js';
import { tokens } from '../shared/styles.js';
import { FavouritesController, getFavouritesStore, type FavouritesStore } from '../shared/favourites.js';
import { favouriteToggleDefaults, type FavouriteToggleStrings } from './favourite-toggle.strings.js';
import { favouriteToggleStyles } from './favourite-toggle.styles.js';

/**
 * A star button that saves an occupation to the person's favourites (kept in this browser, shared by every element
 * on the page and every tab of the site). Renders nothing until it has a valid occupation code.
 *
 * @summary Save or unsave an occupation as a favourite.
 * @fires om-favourite-change - Before the change, cancelable; `detail: { code, favourite }` where `favourite` is the new state.
 * @csspart button - The toggle button (44 × 44 px at least).
 * @csspart icon - The star.
 * @cssproperty --om-favourite-color - The star's colour when the occupation is a favourite.
 */
export class FavouriteToggle extends OmElement {
  static override styles = [tokens, sharedStyles, favouriteToggleStyles];

  /** Per-element overrides of any visible string, this element's own included. */
  @property({ attribute: false }) override strings: Partial<FavouriteToggleStrings> = {};

  /** The strings in force: the defaults with this element's overrides on top. @internal */
  override get text(): FavouriteToggleStrings {
    return { ...favouriteToggleDefaults, ...this.strings };
  }

  /** The occupation code, e.g. `OCC0118`. */
  @property() code = '';

  /** The occupation's title: saved with the favourite and used in the button's accessible name. */
  @property() override title = '';

  /** The occupation's level (2–7), saved with the favourite. */
  @property({ type: Number }) level?: number;

  /** The route slug, e.g. `digital`, saved with the favourite. */
  @property() route?: string;

  /** The favourites store; the page's shared one unless a host or test injects another. */
  @property({ attribute: false }) store: FavouritesStore = getFavouritesStore();

  constructor() {
    super();
    new FavouritesController(this);
  }

  /** The normalised code, or null when the attribute is missing or malformed. */
  private get validCode(): string | null {
    const code = normaliseCode(this.code ?? '');
    return OCCUPATION_CODE.test(code) ? code : null;
  }

  private onClick = (): void => {
    const code = this.validCode;
    if (!code) return;
    const favourite = !this.store.has(code);
    if (!this.emit('om-favourite-change', { code, favourite }, { cancelable: true })) return;
    if (favourite) {
      this.store.add({ code, title: this.title, level: this.level ?? null, routeSlug: this.route ?? null });
    } else {
      this.store.remove(code);
    }
  };

  override render() {
    const code = this.validCode;
    if (!code) return nothing;
    const name = this.title.trim() || code;
    const favourite = this.store.has(code);
    const label = favourite ? this.text.favouriteRemove(name) : this.text.favouriteAdd(name);
    // `title` on the button replaces the tooltip the host's own `title` attribute would otherwise show.
    return html`<button type="button" part="button" aria-pressed=${favourite ? 'true' : 'false'} title=${label} @click=${this.onClick}>
      <svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path class="star" d="M12 2.8l2.8 5.7 6.3.9-4.55 4.44 1.07 6.26L12 17.14l-5.62 2.96 1.07-6.26L2.9 9.4l6.3-.9z" />
      </svg>
      <span class="om-visually-hidden">${label}</span>
    </button>`;
  }
}
