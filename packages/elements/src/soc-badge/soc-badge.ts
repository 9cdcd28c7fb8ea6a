import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { EmbedError, normaliseCode, OCCUPATION_CODE, SOC_CODE, type EmbedClient, type OccupationDocument } from '@occupational-maps/core';
import { resolveApiBase } from '../shared/api-base.js';
import { clientFor } from '../shared/client-loader.js';
import { OmElement } from '../shared/om-element.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { socBadgeDefaults, type SocBadgeStrings } from './soc-badge.strings.js';
import { socBadgeStyles } from './soc-badge.styles.js';
import { loadSocTitles, peekSocTitles, socLineage, type SocLineage, type SocTitles } from './soc-lookup.js';
import type { SocDocumentView } from './soc-document-view.js';

export type SocEdition = '2020' | '2010';
export type SocBadgeSize = 'small' | 'medium' | 'large';

const ONS_SOC_2020_URL =
  'https://www.ons.gov.uk/methodology/classificationsandstandards/standardoccupationalclassificationsoc/soc2020/soc2020volume1structureanddescriptionsofunitgroups';
const ONS_SOC_2010_URL = 'https://www.ons.gov.uk/methodology/classificationsandstandards/standardoccupationalclassificationsoc/soc2010';

/** What the badge can say about its code, before any request. */
type Resolution =
  | { state: 'known'; code: string; title: string; lineage: SocLineage | null }
  | { state: 'pending'; code: string }
  | { state: 'untitled'; code: string }
  | { state: 'unknown'; code: string; reason: 'not-found' | 'bad-request' };

/** The SOC 2010 reference an occupation's document carries, looked up for `edition="2010" occupation="…"`. */
type Soc2010Reference = OccupationDocument['soc']['soc2010'];

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
 * @csspart state - The loading, error or content wrapper of the detail's data.
 * @csspart retry-button - Retry, after a failure that may pass.
 *
 * @cssproperty --om-soc-code-background - Background of the code box. Default: `--om-color-brand`.
 * @cssproperty --om-soc-code-color - Text colour of the code box. Default: `--om-color-brand-text`.
 * @cssproperty --om-soc-background - Background of the title box. Default: `--om-color-surface-alt`.
 */
export class SocBadge extends OmElement {
  // The data states' styles come with the detail's data part (SocDocumentView), which only an opened detail loads.
  static override styles = [tokens, baseStyles, socBadgeStyles];

  // Static declarations, not decorators: the decorator helpers would be a tenth of the badge's first download.
  static override properties: PropertyDeclarations = {
    code: {},
    edition: {},
    titleText: { attribute: 'title' },
    occupation: {},
    detail: { type: Boolean },
    open: { type: Boolean, reflect: true },
    size: { reflect: true },
    titles: { state: true },
    titlesFailed: { state: true },
    documentView: { state: true },
    soc2010: { state: true },
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
  declare strings: Partial<SocBadgeStrings>;

  private titles: SocTitles | undefined = peekSocTitles();
  private titlesFailed = false;

  /** Set when the detail first opens, so a badge that is never opened makes no request. */
  private detailRequested = false;
  private reportedUnknown: string | null = null;

  /**
   * The detail's Embed API part (description, occupations), whose module loads when a detail first opens: the data
   * layer is no part of a badge that is never opened.
   */
  private documentView?: SocDocumentView;
  private documentViewLoading = false;

  /** SOC 2010 only: the occupation's own SOC 2010 reference, for the title (and the code when none is given). */
  private soc2010: { pending: boolean; found: Soc2010Reference } = { pending: false, found: null };
  private soc2010Request?: { key: string; client: EmbedClient | undefined; controller: AbortController };

  override get text(): SocBadgeStrings {
    return { ...socBadgeDefaults, ...this.strings };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ensureTitles();
  }

  private ensureTitles(): void {
    if (this.titles || this.edition === '2010') return;
    loadSocTitles().then(
      (titles) => {
        this.titles = titles;
        this.titlesFailed = false;
      },
      () => {
        this.titlesFailed = true;
      },
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('edition')) this.ensureTitles();
    this.lookUpSoc2010();
    if (changed.has('code') || changed.has('edition')) this.detailRequested = false;
    if (this.open && this.detailAvailable) {
      this.detailRequested = true;
      this.loadDocumentView();
    }
  }

  /** Asks for the occupation's document when the SOC 2010 title must come from it, once per occupation and source. */
  private lookUpSoc2010(): void {
    const occupation = this.edition === '2010' && !this.titleText ? normaliseCode(this.occupation) : '';
    const apiBase = resolveApiBase(this);
    const key = `${occupation} ${apiBase}`;
    if (this.soc2010Request?.key === key && this.soc2010Request.client === this.client) return;
    this.soc2010Request?.controller.abort();
    this.soc2010Request = undefined;
    if (!OCCUPATION_CODE.test(occupation)) {
      this.soc2010 = { pending: false, found: null };
      return;
    }
    const { signal } = (this.soc2010Request = { key, client: this.client, controller: new AbortController() }).controller;
    this.soc2010 = { pending: true, found: null };
    clientFor(apiBase, this.client)
      .then((client) => client?.get('occupation', occupation, { signal }))
      .then(
        (document) => document?.soc.soc2010 ?? null,
        () => null, // no title to be had: the badge says so
      )
      .then((found) => {
        if (!signal.aborted) this.soc2010 = { pending: false, found };
      });
  }

  private loadDocumentView(): void {
    if (this.documentView || this.documentViewLoading) return;
    this.documentViewLoading = true;
    import('./soc-document-view.js').then(
      ({ SocDocumentView }) => {
        this.documentView = new SocDocumentView(this, () => {
          const resolution = this.resolve();
          return this.detailRequested && resolution.state === 'known' && this.edition !== '2010' ? resolution.code : null;
        });
      },
      () => {
        // A chunk that could not be fetched: the next opening tries again; the bundled groups still show meanwhile.
        this.documentViewLoading = false;
      },
    );
  }

  protected override updated(): void {
    const resolution = this.resolve();
    const unknownKey = resolution.state === 'unknown' ? `${this.edition}:${resolution.code}` : null;
    if (unknownKey && unknownKey !== this.reportedUnknown && resolution.state === 'unknown') {
      const message = `“${resolution.code}” is not a SOC ${this.edition} unit-group code.`;
      const error = new EmbedError(resolution.reason, message, { url: '' });
      this.emit('om-error', { error, retryable: false });
    }
    this.reportedUnknown = unknownKey;
  }

  /** The code as given, trimmed; for SOC 2010 the occupation's code stands in when none is given. */
  private get givenCode(): string {
    const code = this.code.trim();
    if (code || this.edition !== '2010') return code;
    return this.soc2010.found?.code ?? '';
  }

  private resolve(): Resolution {
    const code = this.givenCode;
    const custom = this.titleText?.trim();
    if (this.edition === '2010') {
      if (!code && this.soc2010.pending) return { state: 'pending', code };
      if (!SOC_CODE.test(code)) return { state: 'unknown', code, reason: 'bad-request' };
      const fromOccupation = this.soc2010.found;
      const title = custom || (fromOccupation?.code === code ? fromOccupation.title : '');
      if (title) return { state: 'known', code, title, lineage: null };
      return this.soc2010.pending ? { state: 'pending', code } : { state: 'untitled', code };
    }
    if (!SOC_CODE.test(code)) return { state: 'unknown', code, reason: 'bad-request' };
    if (!this.titles) return this.titlesFailed ? (custom ? { state: 'known', code, title: custom, lineage: null } : { state: 'untitled', code }) : { state: 'pending', code };
    const lineage = socLineage(this.titles, code);
    if (!lineage) return { state: 'unknown', code, reason: 'not-found' };
    return { state: 'known', code, title: custom || lineage.unit.title, lineage };
  }

  private get detailAvailable(): boolean {
    return this.detail && this.resolve().state !== 'unknown';
  }

  private toggle = (): void => {
    this.open = !this.open;
  };

  private onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    event.stopPropagation();
    this.open = false;
    this.renderRoot.querySelector<HTMLButtonElement>('.badge')?.focus();
  };

  override render(): TemplateResult {
    const text = this.text;
    const edition = this.edition === '2010' ? '2010' : '2020';
    const resolution = this.resolve();
    const unknown = resolution.state === 'unknown';
    const shownCode = resolution.code || '—';
    const titleText =
      resolution.state === 'known' ? resolution.title
      : resolution.state === 'unknown' ? (resolution.code ? text.socUnknownCode : `${text.socUnknownCode} (${text.socNoCode.toLowerCase()})`)
      : resolution.state === 'untitled' ? text.socTitleUnavailable
      : '';
    const title = html`<span class="title ${resolution.state === 'known' ? '' : 'title--missing'}" part="title">${resolution.state === 'pending'
      ? html`<span class="om-visually-hidden">${text.loading}</span>`
      : titleText}${this.detailAvailable ? chevron : nothing}</span>`;
    const code = html`<span class="code" part="code"><span class="edition" part="edition">${text.socEdition(edition)}</span><span>${shownCode}</span></span>`;
    const badgeClass = `badge${unknown ? ' badge--unknown' : ''}`;

    if (!this.detailAvailable) {
      return html`<span class=${badgeClass} part="badge"
        ><span class="om-visually-hidden">${text.socEdition(edition)} ${shownCode}: ${titleText}</span
        ><span class="visual" aria-hidden="true">${code}${title}</span></span
      >`;
    }
    return html`<div @keydown=${this.onKeydown}>
      <button type="button" class=${badgeClass} part="badge" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="detail"
        @click=${this.toggle}>${code}${title}</button>
      <div class="detail" part="detail" id="detail" role="region" aria-label=${text.socDetailLabel(edition, shownCode)} ?hidden=${!this.open}>
        ${edition === '2010' ? this.renderSoc2010Detail() : this.renderSoc2020Detail(resolution)}
      </div>
    </div>`;
  }

  private renderSoc2010Detail(): TemplateResult {
    const text = this.text;
    return html`<p class="description" part="description">${text.soc2010Note}</p>
      <p class="ons"><a part="ons-link" href=${ONS_SOC_2010_URL} target="_blank" rel="noopener noreferrer">${text.socOns2010Link}<span class="om-visually-hidden"> ${text.opensInNewTab}</span></a></p>`;
  }

  private renderSoc2020Detail(resolution: Resolution): TemplateResult {
    const text = this.text;
    const lineage = resolution.state === 'known' ? resolution.lineage : null;
    const levels: Array<[string, keyof SocLineage]> = [
      [text.socMajorGroup, 'major'],
      [text.socSubMajorGroup, 'subMajor'],
      [text.socMinorGroup, 'minor'],
      [text.socUnitGroup, 'unit'],
    ];
    return html`${lineage
        ? html`<dl class="lineage" part="lineage">${levels.map(([label, level]) => html`<div class="lineage-row">
            <dt class="lineage-level">${label}</dt>
            <dd><span class="lineage-code">${lineage[level].code}</span> ${lineage[level].title}</dd>
          </div>`)}</dl>`
        : nothing}
      ${!this.detailRequested
        ? nothing
        : this.documentView
          ? this.documentView.render()
          : html`<div class="om-state" part="state" aria-busy="true"><span class="om-visually-hidden">${text.loading}</span></div>`}
      <p class="ons"><a part="ons-link" href=${ONS_SOC_2020_URL} target="_blank" rel="noopener noreferrer">${text.socOnsLink}<span class="om-visually-hidden"> ${text.opensInNewTab}</span></a></p>
      <p class="source">${text.socSource}</p>`;
  }
}

const chevron = html`<svg class="chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
  <path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" stroke-width="2" />
</svg>`;
