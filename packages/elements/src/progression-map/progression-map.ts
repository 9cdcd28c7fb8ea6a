import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { findRoute, normaliseCode, BANDS, type OccupationSummary, type ProgressionDocument } from '@occupational-maps/core';
import { OmElement } from '../shared/om-element.js';
import { cssProperty } from '../shared/css-property.js';
import { DataController } from '../shared/data-controller.js';
import { sharedStyles } from '../shared/state-styles.js';
import { paletteTokens } from '../shared/palette-tokens.js';
import { tokens } from '../shared/styles.js';
import { AttributionController, attributionStyles } from '../shared/attribution.js';
import { bandLabel, statusIcon, statusLabel } from '../shared/labels.js';
import { progressionMapDefaults, type ProgressionMapStrings } from './progression-map.strings.js';
import { arrowPath, edgeRoute, layoutProgression, ROUTE_DASHES, type Box, type ProgressionLayout } from './layout.js';
import { progressionMapStyles } from './progression-map.styles.js';
import { occupationHref } from '../shared/occupation-href.js';

interface Loaded {
  document: ProgressionDocument;
  layout: ProgressionLayout | null;
  byCode: Map<string, OccupationSummary>;
}

/** Drawn arrows, keyed `from>to`. */
type ArrowGeometry = Map<string, string>;

/**
 * A progression map, as on the official site's progression pages: the occupation in the middle, what leads to it and
 * what it leads to, in level-band columns joined by arrows. Every occupation is a real control; the drawing is
 * decorative and the same content is always present as lists (shown as such with `view="list"`).
 *
 * @summary What an occupation leads to and comes from, as a diagram of level-band columns or as a list.
 *
 * @fires om-occupation-select - An occupation was chosen. Cancelable: `preventDefault()` stops the link or re-centring. Detail `{ code, title }`.
 * @fires om-load - The progression document arrived and rendered. Detail `{ path }`.
 * @fires om-error - It could not be loaded. Detail `{ error, retryable }`.
 *
 * @slot - Fallback content, shown again if the data cannot be loaded (e.g. a link to the official progression page).
 *
 * @csspart base - The element's wrapper.
 * @csspart summary - The plain-language sentence above the map.
 * @csspart diagram - The columns and arrows.
 * @csspart column - One level band.
 * @csspart column-heading - A band's heading.
 * @csspart node - An occupation's button or link.
 * @csspart node-key - The centred occupation's control (with `node`).
 * @csspart relations - The "Leads to" and "Comes from" lists of an occupation.
 * @csspart arrow - One arrow (an SVG path).
 * @csspart route-key - The key to the routes' line patterns.
 * @csspart message - The "no progression" message.
 * @csspart attribution - The data licence statement.
 * @csspart sample-notice - The attribution line when the data is the embedded sample (also the words "Sample data" in it).
 *
 * @cssproperty --om-route-accent - The colour of the centred occupation and of its route's arrows.
 * @cssproperty --om-color-band-technical - Background of the Technical column.
 * @cssproperty --om-color-band-higher-technical - Background of the Higher technical column.
 * @cssproperty --om-color-band-professional - Background of the Professional column.
 */
export class ProgressionMap extends OmElement {
  static override styles = [tokens, paletteTokens, sharedStyles, attributionStyles, progressionMapStyles];

  /** Per-element overrides of any visible string, this element's own included. */
  @property({ attribute: false }) override strings: Partial<ProgressionMapStrings> = {};

  /** The strings in force: the defaults with this element's overrides on top. @internal */
  override get text(): ProgressionMapStrings {
    return { ...progressionMapDefaults, ...this.strings };
  }

  /** The occupation to centre the map on, e.g. `OCC0499`. */
  @property({ reflect: true }) code = '';

  /** `diagram` (columns and arrows) or `list` (the same content as nested lists). */
  @property({ reflect: true }) view: 'diagram' | 'list' = 'diagram';

  /** A URL template such as `/occupations/{code}`: occupations become links instead of buttons. */
  @property({ attribute: 'occupation-href' }) occupationHref?: string;

  /** Choosing an occupation re-centres the map on it (unless the `om-occupation-select` event is cancelled). */
  @property({ type: Boolean, reflect: true }) recentre = false;

  /** The heading level (1–6) of the band headings, to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Hides the licence statement; only when the host page shows it near the map. */
  @property({ type: Boolean, attribute: 'no-attribution' }) noAttribution = false;

  private readonly attribution = new AttributionController(this);

  @state() private arrows: ArrowGeometry = new Map();
  /** The occupation under the pointer or focus, whose arrows are emphasised. */
  @state() private activeCode: string | null = null;

  @query('.diagram') private diagram?: HTMLElement;

  private readonly data = new DataController<Loaded>(this, {
    request: () => {
      const code = normaliseCode(this.code ?? '');
      if (!code) return null;
      return {
        path: `progression/${code}.json`,
        load: async (client, signal) => {
          const document = await client.get('progression', code, { signal });
          const layout = layoutProgression(document);
          const byCode = new Map(document.occupations.map((occupation) => [occupation.code, occupation]));
          return { document, layout, byCode };
        },
      };
    },
    isEmpty: (loaded) => !loaded.layout || loaded.layout.edges.length === 0,
  });

  private resizeObserver?: ResizeObserver;
  private observedDiagram?: Element;
  private observedLayout?: ProgressionLayout | null;
  /** After a re-centre, the code whose node takes focus once it is drawn. */
  private pendingFocus: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved elsewhere in the page: the observer was dropped on disconnect, so watch the diagram again in its new place.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observedDiagram = undefined;
    this.observedLayout = undefined;
  }

  protected override render() {
    return html`<div class="base" part="base">
      ${this.data.render({
        complete: (loaded) => this.renderMap(loaded),
        empty: (loaded) => this.renderNoProgression(loaded),
        loading: () => html`<div class="om-skeleton skeleton" part="skeleton"></div>`,
      })}
      ${this.attribution.render(this.text, this.noAttribution)}
    </div>`;
  }

  private renderNoProgression(loaded: Loaded) {
    const title = loaded.byCode.get(loaded.document.key)?.title ?? loaded.document.key;
    return html`<p class="message" part="message">${this.text.progressionNone(title)}</p>`;
  }

  private renderMap(loaded: Loaded) {
    const layout = loaded.layout!;
    const text = this.text;
    const { key } = layout;
    const keyTo = layout.leadsTo.get(key.code)?.length ?? 0;
    const keyFrom = layout.comesFrom.get(key.code)?.length ?? 0;
    const level = Math.min(Math.max(Math.round(this.headingLevel) || 3, 1), 6);
    const showsOtherRoutes = layout.routes.length > 1;
    return html`
      <p class="summary" part="summary">${text.progressionSummary(key.title, key.level, keyTo, keyFrom)}</p>
      <div class="scroller">
        <div
          class="diagram"
          part="diagram"
          role="group"
          aria-label=${text.progressionLabel(key.title)}
          ${cssProperty('--_columns', String(layout.columns.length))}
          @keydown=${this.onKeydown}
          @focusin=${this.onActivate}
          @pointerover=${this.onActivate}
          @focusout=${this.onDeactivate}
          @pointerleave=${this.onDeactivate}
        >
          ${this.renderArrows(layout, loaded.byCode)}
          ${layout.columns.map((column, columnIndex) => {
            const band = BANDS.find((info) => info.band === column.band)!;
            const headingId = `om-band-${column.band}`;
            return html`<section class="column column--${column.band}" part="column" aria-labelledby=${headingId} data-column=${columnIndex}>
              <div class="column__heading" part="column-heading" role="heading" aria-level=${level} id=${headingId}>
                ${bandLabel(column.band, text)}
                <span class="column__levels">${text.levels(band.levels[0]!, band.levels[band.levels.length - 1]!)}</span>
              </div>
              <ul class="nodes" role="list">
                ${repeat(
                  column.occupations,
                  (occupation) => occupation.code,
                  (occupation) => html`<li class="node-item">
                    ${this.renderNode(occupation, layout)} ${this.renderRelations(occupation, layout)}
                  </li>`,
                )}
              </ul>
            </section>`;
          })}
        </div>
      </div>
      ${showsOtherRoutes ? this.renderRouteKey(layout) : nothing}
    `;
  }

  private renderNode(occupation: OccupationSummary, layout: ProgressionLayout) {
    const text = this.text;
    const isKey = occupation.code === layout.key.code;
    const keyRoute = layout.key.routeSlug;
    const otherRoute = occupation.routeSlug !== keyRoute ? routeName(occupation.routeSlug) : null;
    const routeIndex = layout.routes.indexOf(occupation.routeSlug ?? '');
    const content = html`<span class="node__title">${occupation.title}</span>
      <span class="node__meta">
        <span>${text.level(occupation.level)}</span>
        <span class="node__status status--${occupation.status}">${statusIcon(occupation.status)}<span class="om-visually-hidden">${statusLabel(occupation.status, text)}</span></span>
      </span>
      ${otherRoute ? html`<span class="node__route">${text.progressionOtherRoute(otherRoute)}</span>` : nothing}
      ${isKey ? html`<span class="node__key-label">${text.progressionThisOccupation}</span>` : nothing}`;
    const classes = `node${isKey ? ' node--key' : ''}${otherRoute ? ' node--other-route' : ''}${this.isRelatedToActive(occupation.code, layout) ? ' node--related' : ''}`;
    const part = isKey ? 'node node-key' : 'node';
    const href = this.hrefFor(occupation.code);
    const select = (event: Event) => this.select(occupation, event);
    return href
      ? html`<a class=${classes} part=${part} href=${href} data-code=${occupation.code} data-route=${routeIndex} aria-current=${isKey ? 'page' : nothing} @click=${select}>${content}</a>`
      : html`<button type="button" class=${classes} part=${part} data-code=${occupation.code} data-route=${routeIndex} aria-current=${isKey ? 'true' : nothing} @click=${select}>${content}</button>`;
  }

  /** Where each occupation leads and comes from: hidden visually beside the arrows, shown in list view. */
  private renderRelations(occupation: OccupationSummary, layout: ProgressionLayout) {
    const text = this.text;
    const to = layout.leadsTo.get(occupation.code) ?? [];
    const from = layout.comesFrom.get(occupation.code) ?? [];
    const item = (other: OccupationSummary) => {
      const otherRoute = other.routeSlug !== layout.key.routeSlug ? routeName(other.routeSlug) : null;
      return html`<li>${other.title} (${text.level(other.level)}${otherRoute ? `; ${text.progressionOtherRoute(otherRoute)}` : ''})</li>`;
    };
    return html`<div class="relations" part="relations">
      ${to.length ? html`<p class="relations__label">${text.progressionLeadsTo}</p><ul>${to.map(item)}</ul>` : nothing}
      ${from.length ? html`<p class="relations__label">${text.progressionComesFrom}</p><ul>${from.map(item)}</ul>` : nothing}
      ${to.length || from.length ? nothing : html`<p class="relations__label">${text.progressionNoLinks}</p>`}
    </div>`;
  }

  private renderArrows(layout: ProgressionLayout, byCode: Map<string, OccupationSummary>) {
    const routeCount = Math.min(layout.routes.length, ROUTE_DASHES.length);
    return html`<svg class="arrows" aria-hidden="true" focusable="false">
      <defs>
        ${Array.from({ length: routeCount }, (_, index) =>
          svg`<marker id="om-arrowhead-${index}" class="arrowhead line-${index}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" /></marker>`,
        )}
      </defs>
      ${repeat(
        layout.edges,
        (edge) => `${edge.from}>${edge.to}`,
        (edge) => {
          const index = Math.min(layout.routes.indexOf(edgeRoute(edge, layout, byCode)), ROUTE_DASHES.length - 1);
          const active = this.activeCode !== null && (edge.from === this.activeCode || edge.to === this.activeCode);
          return svg`<path
            part="arrow"
            class="arrow line-${index}${active ? ' arrow--active' : ''}"
            data-from=${edge.from}
            data-to=${edge.to}
            d=${this.arrows.get(`${edge.from}>${edge.to}`) ?? ''}
            stroke-dasharray=${ROUTE_DASHES[index] || nothing}
            marker-end="url(#om-arrowhead-${index})"
          />`;
        },
      )}
    </svg>`;
  }

  private renderRouteKey(layout: ProgressionLayout) {
    const text = this.text;
    return html`<div class="route-key" part="route-key">
      <p class="route-key__title" id="om-route-key">${text.progressionRouteKey}</p>
      <ul aria-labelledby="om-route-key" role="list">
        ${layout.routes.slice(0, ROUTE_DASHES.length).map(
          (slug, index) => html`<li>
            <svg class="route-key__sample" viewBox="0 0 40 10" width="40" height="10" aria-hidden="true" focusable="false">
              <line class="arrow line-${index}" x1="0" y1="5" x2="40" y2="5" stroke-dasharray=${ROUTE_DASHES[index] || nothing}></line>
            </svg>
            ${routeName(slug) ?? slug}${index === 0 ? nothing : html` <span class="om-visually-hidden">(${text.progressionOtherRoute(routeName(slug) ?? slug)})</span>`}
          </li>`,
        )}
      </ul>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const layout = this.data.value?.layout;
    const diagram = this.diagram;
    if (diagram && (diagram !== this.observedDiagram || layout !== this.observedLayout)) this.observe(diagram, layout ?? null);
    if (!diagram && this.observedDiagram) {
      this.resizeObserver?.disconnect();
      this.observedDiagram = undefined;
    }
    if (this.pendingFocus && layout?.key.code === this.pendingFocus) {
      const node = this.nodeFor(this.pendingFocus);
      this.pendingFocus = null;
      // Focusing sets the emphasised occupation, a state change that belongs in the next update, not this one.
      if (node) void this.updateComplete.then(() => node.focus());
    }
  }

  /** Watches the diagram and every node, so arrows follow any change of size (fonts, container, zoom, view). */
  private observe(diagram: HTMLElement, layout: ProgressionLayout | null): void {
    this.resizeObserver ??= new ResizeObserver(() => this.measure());
    this.resizeObserver.disconnect();
    this.resizeObserver.observe(diagram);
    for (const node of diagram.querySelectorAll('.node')) this.resizeObserver.observe(node);
    this.observedDiagram = diagram;
    this.observedLayout = layout;
  }

  /** Positions every arrow from the nodes' measured boxes, relative to the diagram. */
  private measure(): void {
    const diagram = this.diagram;
    const layout = this.data.value?.layout;
    if (!diagram || !layout) return;
    const origin = diagram.getBoundingClientRect();
    const boxes = new Map<string, Box>();
    for (const node of diagram.querySelectorAll<HTMLElement>('.node')) {
      const rect = node.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue; // not laid out (hidden)
      boxes.set(node.dataset.code!, {
        left: rect.left - origin.left,
        top: rect.top - origin.top,
        right: rect.right - origin.left,
        bottom: rect.bottom - origin.top,
      });
    }
    const next: ArrowGeometry = new Map();
    for (const edge of layout.edges) {
      const from = boxes.get(edge.from);
      const to = boxes.get(edge.to);
      if (from && to) next.set(`${edge.from}>${edge.to}`, arrowPath(from, to));
    }
    if (!sameGeometry(next, this.arrows)) this.arrows = next;
  }

  private hrefFor(code: string): string | null {
    return occupationHref(this.occupationHref, code, this.ownerDocument.baseURI);
  }

  private select(occupation: OccupationSummary, event: Event): void {
    const proceed = this.emit('om-occupation-select', { code: occupation.code, title: occupation.title }, { cancelable: true });
    if (!proceed) {
      event.preventDefault();
      return;
    }
    if (this.recentre && !(event.currentTarget instanceof HTMLAnchorElement) && occupation.code !== this.data.value?.layout?.key.code) {
      this.pendingFocus = occupation.code;
      this.code = occupation.code;
    }
  }

  private nodeFor(code: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.node[data-code="${CSS.escape(code)}"]`);
  }

  private isRelatedToActive(code: string, layout: ProgressionLayout): boolean {
    const active = this.activeCode;
    if (!active || active === code) return false;
    return !!(layout.leadsTo.get(active)?.some((other) => other.code === code) || layout.comesFrom.get(active)?.some((other) => other.code === code));
  }

  private onActivate = (event: Event): void => {
    const node = (event.target as Element | null)?.closest?.<HTMLElement>('.node');
    const code = node?.dataset.code ?? null;
    if (code && code !== this.activeCode) this.activeCode = code;
  };

  private onDeactivate = (event: Event): void => {
    const next = (event as FocusEvent).relatedTarget as Element | null;
    if (event.type === 'focusout' && next?.closest?.('.node')) return;
    this.activeCode = null;
  };

  /** Arrow keys move between occupations: up and down within a band, left and right across bands. */
  private onKeydown = (event: KeyboardEvent): void => {
    const node = (event.target as Element).closest?.<HTMLElement>('.node');
    if (!node || event.altKey || event.ctrlKey || event.metaKey) return;
    const columns = [...this.renderRoot.querySelectorAll<HTMLElement>('.column')].map((column) => [...column.querySelectorAll<HTMLElement>('.node')]);
    const columnIndex = columns.findIndex((nodes) => nodes.includes(node));
    const rowIndex = columns[columnIndex]!.indexOf(node);
    let target: HTMLElement | undefined;
    switch (event.key) {
      case 'ArrowDown':
        target = columns[columnIndex]![rowIndex + 1];
        break;
      case 'ArrowUp':
        target = columns[columnIndex]![rowIndex - 1];
        break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        const nodes = columns[columnIndex + (event.key === 'ArrowRight' ? 1 : -1)];
        if (nodes?.length) target = nodes[Math.min(rowIndex, nodes.length - 1)];
        break;
      }
      case 'Home':
        target = columns[columnIndex]![0];
        break;
      case 'End':
        target = columns[columnIndex]!.at(-1);
        break;
      default:
        return;
    }
    event.preventDefault();
    target?.focus();
  };
}

const routeName = (slug: string | null) => (slug ? findRoute(slug)?.name ?? slug : null);

function sameGeometry(a: ArrowGeometry, b: ArrowGeometry): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
