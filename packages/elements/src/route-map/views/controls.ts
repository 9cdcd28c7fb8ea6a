/** The control bar: search, level, status, product and pathway filters, the view switch and Clear filters. */
import { html, nothing } from 'lit';
import { STATUS_VALUES } from '@occupational-maps/core';
import { productLabel, statusLabel } from '../../shared/labels.js';
import { findPathway, formatLevels, parseChoices, parseProductTypes } from '../route-model.js';
import { VIEWS, type RouteViewModel } from './view-model.js';

/** Product types not offered as a filter (there are many TQs per occupation); they still show on tiles. */
const UNFILTERED_PRODUCT_TYPES: ReadonlySet<string> = new Set(['tq', 'other']);

const toggled = <T>(values: readonly T[], value: T): T[] =>
  values.includes(value) ? values.filter((candidate) => candidate !== value) : [...values, value];

const ordered = <T extends string>(values: readonly T[], order: readonly T[]): T[] => parseChoices(values.join(','), order);

const checkbox = (id: string, label: unknown, checked: boolean, onChange: () => void) =>
  html`<label class="choice" for=${id}><input id=${id} type="checkbox" .checked=${checked} @change=${onChange} /> ${label}</label>`;

export function renderControls(vm: RouteViewModel) {
  const { model, filters, values, text, actions } = vm;
  const changeFilter = actions.changeFilter;
  const levels = [...new Set([...model.levelsPresent, ...filters.levels])].sort((a, b) => a - b);
  const statuses = STATUS_VALUES.filter((value) => model.statusesPresent.includes(value) || filters.statuses.includes(value));
  // Every type on the map (foundation apprenticeships, apprenticeship units, a type added upstream …), plus any the filters name.
  const present = model.productTypesPresent.filter((type) => !UNFILTERED_PRODUCT_TYPES.has(type.slug));
  const products = [...present, ...filters.productTypes.filter((slug) => !present.some((type) => type.slug === slug)).map((slug) => ({ slug, typeName: null }))];
  const pathway = findPathway(model, filters.pathway);
  const anyFilter = Boolean(values.levels || values.status || values.products || values.search || values.pathway || values.offered);
  return html`<form class="controls" part="controls" role="search" aria-label=${text.mapFilters} @submit=${(event: Event) => event.preventDefault()}>
    <div class="control control--search">
      <label for="search">${text.mapSearchLabel}</label>
      <span class="hint" id="search-hint">${text.mapSearchHint}</span>
      <input id="search" type="search" autocomplete="off" aria-describedby="search-hint" .value=${values.search}
        @input=${(event: Event) => changeFilter({ search: (event.target as HTMLInputElement).value })} />
    </div>
    <fieldset class="control">
      <legend>${text.mapLevelsLegend}</legend>
      ${levels.map((level) =>
        checkbox(`level-${level}`, text.level(level), filters.levels.includes(level), () =>
          changeFilter({ levels: formatLevels(toggled(filters.levels, level)) }),
        ),
      )}
    </fieldset>
    <fieldset class="control">
      <legend>${text.mapStatusLegend}</legend>
      ${statuses.map((status) =>
        checkbox(`status-${status}`, html`<span class="status status--${status}"><span class="shape"></span></span> ${statusLabel(status, text)}`, filters.statuses.includes(status), () =>
          changeFilter({ status: ordered(toggled(filters.statuses, status), STATUS_VALUES).join(',') }),
        ),
      )}
    </fieldset>
    ${products.length > 0
      ? html`<fieldset class="control">
          <legend>${text.mapProductsLegend}</legend>
          ${products.map(({ slug, typeName }) =>
            checkbox(`product-${slug}`, productLabel(slug, text, typeName), filters.productTypes.includes(slug), () =>
              changeFilter({ products: parseProductTypes(toggled(filters.productTypes, slug).join(',')).join(',') }),
            ),
          )}
        </fieldset>`
      : nothing}
    ${vm.offered
      ? html`<fieldset class="control">
          <legend>${text.coursesKey}</legend>
          ${checkbox('offered-only', html`<span class="om-offered__shape" aria-hidden="true"></span> ${text.coursesFilterOffered}`, filters.offeredOnly, () =>
            changeFilter({ offered: filters.offeredOnly ? '' : 'only' }),
          )}
        </fieldset>`
      : nothing}
    ${model.pathways.length > 1
      ? html`<div class="control">
          <label for="pathway">${text.mapPathwayLabel}</label>
          <select id="pathway" @change=${(event: Event) => changeFilter({ pathway: (event.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!pathway}>${text.mapAllPathways}</option>
            ${model.pathways.map((option) => html`<option value=${String(option.id)} ?selected=${option === pathway}>${option.name}</option>`)}
          </select>
        </div>`
      : nothing}
    <fieldset class="control">
      <legend>${text.mapViewLegend}</legend>
      ${VIEWS.map(
        (view) => html`<label class="choice">
          <input type="radio" name="view" .value=${view} .checked=${values.view === view} @change=${() => changeFilter({ view })} />
          ${view === 'map' ? text.mapViewMap : view === 'list' ? text.mapViewList : text.mapViewTable}
        </label>`,
      )}
    </fieldset>
    ${anyFilter ? html`<div class="control control--actions"><button type="button" class="om-button" @click=${actions.clearFilters}>${text.mapClearFilters}</button></div>` : nothing}
  </form>`;
}
