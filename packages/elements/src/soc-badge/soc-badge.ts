import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { SOC_CODE } from '@occupational-maps/core';
import { baseStrings } from '../shared/base-strings.js';
import { OmElement } from '../shared/om-element.js';
import { baseStyles, tokens } from '../shared/styles.js';
import type { Soc2010Support } from './soc-2010.js';
import type { SocBadgeDetail } from './soc-badge-detail.js';
import { socBadgeStrings, type SocBadgeStrings } from './soc-badge.strings.js';
import { socBadgeStyles } from './soc-badge.styles.js';
import { loadSocTitles, peekSocTitles, type SocTitles } from './soc-lookup.js';

export type SocEdition = '2020' | '2010';
export type SocBadgeSize = 'small' | 'medium' | 'large';

/** What the badge can say about its code. @internal */
export type SocResolution =
  | { state: 'known'; code: string; title: string }
  | { state: 'pending'; code: string }
  | { state: 'untitled'; code: string }
  | { state: 'unknown'; code: string; reason: 'not-found' | 'bad-request' };

/**
 * A Standard Occupational Classification unit-group code with its title, e.g. SOC 2020 2136 “Programmers and
 * software development professionals”. SOC 2020 titles ship with the library (loaded lazily), so the badge names its
 * code with no API at all. With `detail`, the badge is a disclosure button that opens the major → sub-major → minor
 * groups, the ONS description and the occupations on the maps with that code (from the Embed API's `soc/{code}.json`).
 *
 * @summary A SOC 2020 (or SOC 2010) code and title, with an optional detail disclosure.
 *
 * @fires om-occupation-select - A person chose one of the occupations listed in the detail. Cancelable: call
 *   `preventDefault()` to handle it in the page instead of following the link to the official occupational maps.
 * @fires om-load - The detail's SOC document arrived.
 * @fires om-error - The detail could not be loaded, or the code is malformed or not a SOC 2020 unit group.
 *
 * @slot - Fallback content shown when the detail cannot be loaded.
 *
 * @csspart badge - The badge: a button when `detail` is set, otherwise a plain box.
 * @csspart code - The edition and code box.
 * @csspart edition - The “SOC 2020” label.
 * @csspart title - The unit-group title (or the “Unknown SOC code” message).
 * @csspart detail - The disclosed region.
 * @csspart lineage - The list of major, sub-major, minor and unit groups.
 * @csspart description - The ONS description of the unit group.
 * @csspart occupations - The list of occupations with this code.
 * @csspart occupation-link - Each occupation's link.
 * @csspart ons-link - The link to the ONS SOC pages.
 * @csspart attribution - The data attribution line.
 * @csspart sample-notice - The attribution line when the data is the embedded sample (also the words "Sample data" in it).
 * @csspart state - The loading, error or content wrapper of the detail's data.
 * @csspart retry-button - Retry, after a failure that may pass.
 *
 * @cssproperty --om-soc-code-background - Background of the code box. Default: `--om-color-brand`.
 * @cssproperty --om-soc-code-color - Text colour of the code box. Default: `--om-color-brand-text`.
 * @cssproperty --om-soc-background - Background of the title box. Default: `--om-color-surface-alt`.
 */
export class SocBadge extends OmElement {
  // The detail's styles (and the data states') come with its module, which only a badge with `detail` loads.
  static override styles = [tokens, baseStyles, socBadgeStyles];

  // Static declarations, not decorators: the decorator helpers would be a tenth of the badge's first download. Its
  // first download is kept to what a closed badge draws; the detail and the SOC 2010 lookup load as they are needed.
  static override properties: PropertyDeclarations = {
    code: {},
    edition: {},
    titleText: { attribute: 'title' },
    occupation: {},
    detail: { type: Boolean },
    open: { type: Boolean, reflect: true },
    size: { reflect: true },
  };

  /** The four-digit unit-group code, e.g. `2136`. */
  code = '';

  /** `2020` (the default) or `2010`. SOC 2010 codes were renumbered in 2020; the library holds SOC 2020 titles only. */
  edition: SocEdition = '2020';

  /**
   * The title to show, read from the `title` attribute (so `el.title = '…'` works too). Needed for SOC 2010 codes,
   * unless `occupation` is set; for SOC 2020 it replaces the bundled title.
   */
  titleText: string | null = null;

  /** For SOC 2010: an occupation code whose Embed API document supplies the SOC 2010 title (and code, if none given). */
  occupation = '';

  /** Makes the badge a button that discloses the groups, the description and the occupations with this code. */
  detail = false;

  /** Whether the detail is open. Set it to open the detail at first render. */
  open = false;

  size: SocBadgeSize = 'medium';

  /** Per-element overrides of any visible string, the badge's own (`socUnknownCode`, …) included. */
  override strings: Partial<SocBadgeStrings> = {};

  // Internal state that the badge re-renders for itself (requestUpdate) when it changes, rather than declaring it
  // reactive: declared properties would show up as attributes in the custom-elements manifest.
  #titles: SocTitles | undefined = peekSocTitles();
  #titlesFailed = false;

  /** Set when the detail first opens, so a badge that is never opened makes no request. */
  #detailRequested = false;
  #reportedUnknown: string | null = null;

  /** The detail's inside (groups, links, the Embed API part), loaded for a badge with `detail`; see SocBadgeDetail. */
  #detailPart?: SocBadgeDetail;
  #detailLoading?: Promise<void>;

  /** SOC 2010 only: where the title (and perhaps the code) comes from; its module loads for SOC 2010 badges only. */
  #soc2010?: Soc2010Support;
  #soc2010Loading?: Promise<void>;

  /**
   * The strings in force. Until the detail's module loads, only the words a closed badge shows are there (the rest
   * come with that module, and nothing reads them before it has loaded). @internal
   */
  override get text(): SocBadgeStrings {
    return { ...baseStrings, ...socBadgeStrings, ...this.#detailPart?.strings, ...this.strings } as SocBadgeStrings;
  }

  /** Also waits for the detail's module when it is loading, so `await el.updateComplete` sees the whole detail. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    if (!this.#detailLoading || this.#detailPart) return complete;
    await this.#detailLoading;
    return super.getUpdateComplete();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#ensureTitles();
  }

  #ensureTitles(): void {
    if (this.#titles || this.edition === '2010') return;
    loadSocTitles().then(
      (titles) => {
        this.#titles = titles;
        this.#titlesFailed = false;
        this.requestUpdate();
      },
      () => {
        this.#titlesFailed = true;
        this.requestUpdate();
      },
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('edition')) this.#ensureTitles();
    if (this.edition === '2010') this.#use2010();
    if (changed.has('code') || changed.has('edition')) this.#detailRequested = false;
    if (this.#detailAvailable) this.#loadDetail();
    if (this.open && this.#detailAvailable) this.#detailRequested = true;
  }

  #use2010(): void {
    if (this.#soc2010) return this.#soc2010.update();
    this.#soc2010Loading ??= import('./soc-2010.js').then(
      ({ Soc2010Support }) => {
        this.#soc2010 = new Soc2010Support(this);
        this.requestUpdate();
      },
      () => {
        // A chunk that could not be fetched: the next update tries again.
        this.#soc2010Loading = undefined;
      },
    );
  }

  #loadDetail(): void {
    if (this.#detailPart || this.#detailLoading) return;
    this.#detailLoading = import('./soc-badge-detail.js').then(
      ({ SocBadgeDetail }) => {
        this.#detailPart = new SocBadgeDetail(this, () => {
          const resolution = this.#resolve();
          return this.#detailRequested && resolution.state === 'known' && this.edition !== '2010' ? resolution.code : null;
        });
        this.requestUpdate();
      },
      () => {
        // A chunk that could not be fetched: the next update tries again; the badge itself still works meanwhile.
        this.#detailLoading = undefined;
      },
    );
  }

  protected override updated(): void {
    const resolution = this.#resolve();
    const unknownKey = resolution.state === 'unknown' ? `${this.edition}:${resolution.code}` : null;
    if (resolution.state === 'unknown' && unknownKey !== this.#reportedUnknown) {
      const { code, reason } = resolution;
      const edition = this.edition;
      import('./unknown-code-error.js').then(
        ({ unknownCodeError }) => this.emit('om-error', { error: unknownCodeError(code, edition, reason), retryable: false }),
        () => {}, // the module could not be fetched: the badge shows the code as unknown all the same
      );
    }
    this.#reportedUnknown = unknownKey;
  }

  #resolve(): SocResolution {
    const code = this.code.trim();
    if (this.edition === '2010') return this.#soc2010?.resolve() ?? { state: 'pending', code };
    const custom = this.titleText?.trim();
    if (!SOC_CODE.test(code)) return { state: 'unknown', code, reason: 'bad-request' };
    if (!this.#titles) return this.#titlesFailed ? (custom ? { state: 'known', code, title: custom } : { state: 'untitled', code }) : { state: 'pending', code };
    if (!Object.hasOwn(this.#titles, code)) return { state: 'unknown', code, reason: 'not-found' };
    return { state: 'known', code, title: custom || this.#titles[code]! };
  }

  get #detailAvailable(): boolean {
    return this.detail && this.#resolve().state !== 'unknown';
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    event.stopPropagation();
    this.open = false;
    this.renderRoot.querySelector<HTMLButtonElement>('.badge')?.focus();
  };

  override render(): TemplateResult {
    const text = this.text;
    const edition = this.edition === '2010' ? '2010' : '2020';
    const resolution = this.#resolve();
    const unknown = resolution.state === 'unknown';
    const shownCode = resolution.code || '—';
    const titleText =
      resolution.state === 'known' ? resolution.title
      : resolution.state === 'unknown' ? (resolution.code ? text.socUnknownCode : `${text.socUnknownCode} (${text.socNoCode.toLowerCase()})`)
      : resolution.state === 'untitled' ? text.socTitleUnavailable
      : '';
    const title = html`<span class="title ${resolution.state === 'known' ? '' : 'title--missing'}" part="title">${resolution.state === 'pending'
      ? html`<span class="om-visually-hidden">${text.loading}</span>`
      : titleText}${this.#detailAvailable ? chevron : nothing}</span>`;
    const code = html`<span class="code" part="code"><span class="edition" part="edition">${text.socEdition(edition)}</span><span>${shownCode}</span></span>`;
    const badgeClass = `badge${unknown ? ' badge--unknown' : ''}`;

    if (!this.#detailAvailable) {
      return html`<span class=${badgeClass} part="badge"
        ><span class="om-visually-hidden">${text.socEdition(edition)} ${shownCode}: ${titleText}</span
        ><span class="visual" aria-hidden="true">${code}${title}</span></span
      >`;
    }
    return html`<div @keydown=${this.#onKeydown}>
      <button type="button" class=${badgeClass} part="badge" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="detail"
        @click=${() => (this.open = !this.open)}>${code}${title}</button>
      <div class="detail" part="detail" id="detail" role="region" aria-label=${text.socDetailLabel(edition, shownCode)} ?hidden=${!this.open}>
        ${!this.#detailPart
          ? html`<p class="om-state" part="state" aria-busy="true">${text.loading}</p>`
          : edition === '2010'
            ? this.#detailPart.render2010()
            : this.#detailPart.render2020(resolution.state === 'known' ? this.#titles : undefined, resolution.code, this.#detailRequested)}
      </div>
    </div>`;
  }
}

const chevron = html`<svg class="chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" stroke-width="2" /></svg>`;
