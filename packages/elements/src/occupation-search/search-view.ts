/**
 * Render pieces of `<occupation-search>` that need no element state of their own: the filter fieldset and the
 * highlighted option title. The element passes what they show and where changes go.
 */
import { html, nothing } from 'lit';
import { BANDS, PRODUCT_TYPES, ROUTES, type SearchIndexDocument } from '@occupational-maps/core';
import { bandLabel, productLabel } from '../shared/labels.js';
import type { OccupationSearchStrings } from './occupation-search.strings.js';
import type { SearchFilters } from './search-engine.js';

export interface FiltersView {
  text: OccupationSearchStrings;
  filters: SearchFilters;
  /** The routes the loaded index has occupations in; null before it loads (every route is offered). */
  routesInIndex: ReadonlySet<string> | null;
  index: SearchIndexDocument | undefined;
  /** The "Offered here only" box's state; null when there is no course list (no box). */
  offered: boolean | null;
  onFilter(name: keyof SearchFilters, value: string): void;
  onToggleOffered(event: Event): void;
}

export function renderFilters(view: FiltersView) {
  const { text, filters } = view;
  const routes = view.routesInIndex ? ROUTES.filter((route) => view.routesInIndex!.has(route.slug) || route.slug === filters.route) : ROUTES;
  const select = (name: keyof SearchFilters, label: string, all: string, options: Array<[string, string]>) => {
    const current = filters[name] ?? '';
    return html`<div class="filter">
      <label for="filter-${name}">${label}</label>
      <select id="filter-${name}" @change=${(event: Event) => view.onFilter(name, (event.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${current === ''}>${all}</option>
        ${options.map(([value, optionLabel]) => html`<option value=${value} ?selected=${current === value}>${optionLabel}</option>`)}
      </select>
    </div>`;
  };
  return html`<fieldset class="filters" part="filters">
    <legend class="om-visually-hidden">${text.searchFilters}</legend>
    ${select(
      'band',
      text.searchFilterBand,
      text.searchFilterAllBands,
      BANDS.map((info) => [info.band, text.searchBandOption(bandLabel(info.band, text), info.levels[0], info.levels[info.levels.length - 1])]),
    )}
    ${select('route', text.searchFilterRoute, text.searchFilterAllRoutes, routes.map((route) => [route.slug, route.name]))}
    ${select('productType', text.searchFilterProduct, text.searchFilterAllProducts, productTypeChoices(view.index, filters.productType).map(({ slug, typeName }) => [slug, productLabel(slug, text, typeName)]))}
    ${view.offered !== null
      ? html`<div class="filter filter-offered">
          <input type="checkbox" id="filter-offered" .checked=${view.offered} @change=${view.onToggleOffered} />
          <label for="filter-offered">${text.coursesFilterOffered}</label>
        </div>`
      : nothing}
  </fieldset>`;
}

/** The index's product types (with the upstream's names, so newer types are offered too); before it loads, the known ones. */
function productTypeChoices(index: SearchIndexDocument | undefined, chosen: string | null | undefined): Array<{ slug: string; typeName: string | null }> {
  const listed = index?.productTypes ?? [];
  const known = listed.length ? listed : PRODUCT_TYPES.map((type) => ({ slug: type.slug, typeName: type.typeName }));
  return chosen && !known.some((type) => type.slug === chosen) ? [...known, { slug: chosen, typeName: null }] : known;
}

/** The title with the words the search matched in `<mark>`; text only, never HTML. */
export function highlight(title: string, terms: readonly string[]) {
  if (terms.length === 0) return title;
  const matched = new Set(terms.map((term) => term.toLowerCase()));
  return title.split(/([\p{L}\p{N}]+)/u).map((part) => (matched.has(part.toLowerCase()) ? html`<mark>${part}</mark>` : part));
}
