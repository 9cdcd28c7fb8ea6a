/** Small templates every route-map view uses: headings, the occupation control, badges, status shapes and stars. */
import { html, nothing } from 'lit';
import { html as staticHtml } from 'lit/static-html.js';
import { BANDS, type Band, type OccupationStatus, type OccupationSummary } from '@occupational-maps/core';
import { bandLabel, productLabel, productTypesOf as typesOfProducts, statusLabel } from '../../shared/labels.js';
import { headingTag } from '../../shared/heading.js';
import type { RouteMapStrings } from '../route-map.strings.js';
import type { RouteModel, TileModel } from '../route-model.js';
import type { Relation, RouteViewModel } from './view-model.js';

/**
 * A real heading element `offset` levels below the element's `heading-level` (clamped to h1–h6). It keeps the
 * `role="heading"` and `aria-level` the map's headings have always carried (they match the tag), so hosts and tests
 * that query them keep working.
 */
export function heading(vm: Pick<RouteViewModel, 'headingLevel'>, offset: number, content: unknown, className: string, id?: string) {
  const level = Math.min(6, Math.max(1, Math.trunc(vm.headingLevel) || 2) + offset);
  const tag = headingTag(level);
  return staticHtml`<${tag} role="heading" aria-level=${level} id=${id ?? nothing} class=${`heading ${className}`}>${content}</${tag}>`;
}

/** How each tile relates to the selected occupation, if at all. */
export function relationsFor(model: RouteModel, selected: string): Map<string, Relation[]> {
  const relations = new Map<string, Relation[]>();
  if (!selected || !model.tilesByCode.has(selected)) return relations;
  const add = (code: string, relation: Relation) => relations.set(code, [...(relations.get(code) ?? []), relation]);
  add(selected, 'selected');
  for (const code of model.leadsTo.get(selected) ?? []) add(code, 'leads-to');
  for (const code of model.comesFrom.get(selected) ?? []) add(code, 'comes-from');
  return relations;
}

export const relationWords = (relation: Relation, text: RouteMapStrings): string =>
  relation === 'selected' ? text.mapSelected : relation === 'leads-to' ? text.mapLeadsTo : text.mapComesFrom;

/** A tile as a button (opens the card) or, with `occupation-href`, a link; shared by every view. */
export function renderOccupationControl(vm: RouteViewModel, tile: TileModel, content: unknown, className: string, describedBy?: string) {
  const { occupation } = tile;
  const tabindex = tile.key === vm.tabStop ? '0' : '-1';
  const href = vm.hrefFor(occupation.code);
  const shortcut = vm.favourites ? 'F' : nothing;
  return href
    ? html`<a class=${className} part="tile" href=${href} data-nav=${tile.key} data-code=${occupation.code} tabindex=${tabindex}
        aria-describedby=${describedBy ?? nothing} aria-keyshortcuts=${shortcut}>${content}</a>`
    : html`<button type="button" class=${className} part="tile" data-nav=${tile.key} data-code=${occupation.code} tabindex=${tabindex}
        aria-describedby=${describedBy ?? nothing} aria-current=${occupation.code === vm.selected ? 'true' : nothing} aria-keyshortcuts=${shortcut}>${content}</button>`;
}

export function renderBadges(relations: readonly Relation[] | undefined, text: RouteMapStrings) {
  if (!relations) return nothing;
  return html`<span class="badges">${relations.map(
    (relation) => html`<span class="badge badge--${relation}" part="badge">${relationWords(relation, text)}</span>`,
  )}</span>`;
}

export function renderStatus(status: OccupationStatus, text: RouteMapStrings, visibleWords: boolean) {
  return html`<span class="status status--${status}"><span class="shape" part="status-icon"></span><span class=${visibleWords ? 'status__words' : 'om-visually-hidden'}>${statusLabel(status, text)}</span></span>`;
}

/** The star on a favourite tile, with words after the title so the star is not the only sign. */
export function renderFavouriteMarker(text: RouteMapStrings) {
  return html`<span class="favourite-marker" part="favourite-marker" aria-hidden="true">${star()}</span><span class="om-visually-hidden">${text.mapFavouriteMarker}</span>`;
}

/** The "Offered here" diamond on a tile, with words after the title so the shape is not the only sign. */
export function renderOfferedMarker(text: RouteMapStrings) {
  return html`<span class="om-offered__shape offered-marker" part="offered-marker" aria-hidden="true"></span><span class="om-visually-hidden">${text.coursesOfferedHereSuffix}</span>`;
}

/** "Offered here" in words, after a separator, for the list view; nothing when the occupation is not offered. */
export function offeredWords(vm: RouteViewModel, occupation: OccupationSummary) {
  if (!vm.offered?.has(occupation.code)) return nothing;
  return html` · <span class="om-offered"><span class="om-offered__shape" aria-hidden="true"></span>${vm.text.coursesOfferedHere}</span>`;
}

/** The `<favourite-toggle>` beside an occupation in the list and table views. */
export function renderFavouriteToggle(vm: RouteViewModel, occupation: OccupationSummary) {
  return html`<favourite-toggle part="favourite" code=${occupation.code} title=${occupation.title} level=${occupation.level}
    route=${occupation.routeSlug ?? vm.model.document.slug} .store=${vm.store} .strings=${vm.strings}></favourite-toggle>`;
}

/** The product types an occupation leads to, in canonical order. */
export const productTypesOf = (occupation: OccupationSummary) => typesOfProducts(occupation.products);

export const bandHeading = (band: Band, text: RouteMapStrings): string => {
  const levels = BANDS.find((info) => info.band === band)!.levels;
  return `${bandLabel(band, text)}, ${text.levels(levels[0], levels[1])}`;
};

/** Whether the list and table views show a `<favourite-toggle>` per occupation. */
export const withFavouriteToggles = (vm: RouteViewModel): boolean => vm.favourites && vm.store !== undefined;

/** Product words for an occupation, after a separator; nothing when it has none. */
export function productWords(occupation: OccupationSummary, text: RouteMapStrings) {
  const types = productTypesOf(occupation);
  return types.length === 0 ? nothing : html` · ${types.map((type) => productLabel(type.slug, text, type.typeName)).join(', ')}`;
}

/** The same star as `<favourite-toggle>`'s, filled: drawn only on favourite tiles, so the map stays flat. */
export const star = () =>
  html`<svg viewBox="0 0 24 24" width="16" height="16" focusable="false"><path d="M12 2.8l2.8 5.7 6.3.9-4.55 4.44 1.07 6.26L12 17.14l-5.62 2.96 1.07-6.26L2.9 9.4l6.3-.9z" /></svg>`;

export const chevron = () =>
  html`<svg class="chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="M5 3l6 5-6 5z" fill="currentColor" /></svg>`;
