/** The key: every status shape and product marker the route uses, the progression badges and the favourite star. */
import { html, nothing } from 'lit';
import { productLabel, productMarker } from '../../shared/labels.js';
import { heading, relationWords, renderStatus, star } from './parts.js';
import type { RouteViewModel } from './view-model.js';

export function renderLegend(vm: RouteViewModel) {
  const { model, text } = vm;
  const products = model.productTypesPresent;
  return html`<div class="legend" part="legend">
    ${heading(vm, 1, text.mapKey, 'heading--legend')}
    <div class="legend__groups">
      <div>
        <p class="legend__title">${text.mapStatusLegend}</p>
        <ul>${model.statusesPresent.map((status) => html`<li>${renderStatus(status, text, true)}</li>`)}</ul>
      </div>
      ${products.length > 0
        ? html`<div>
            <p class="legend__title">${text.mapProductsLegend}</p>
            <ul>${products.map((type) => html`<li><span class="marker" aria-hidden="true">${productMarker(type.slug, type.typeName)}</span> ${productLabel(type.slug, text, type.typeName)}</li>`)}</ul>
          </div>`
        : nothing}
      ${model.leadsTo.size + model.comesFrom.size > 0
        ? html`<div>
            <p class="legend__title">${text.mapProgressionKey}</p>
            <ul>
              ${(['selected', 'leads-to', 'comes-from'] as const).map(
                (relation) => html`<li><span class="badge badge--${relation}">${relationWords(relation, text)}</span></li>`,
              )}
            </ul>
          </div>`
        : nothing}
      ${vm.offered
        ? html`<div>
            <p class="legend__title">${text.coursesKey}</p>
            <ul>
              <li><span class="om-offered"><span class="om-offered__shape" aria-hidden="true"></span></span> ${text.coursesKeyItem}</li>
            </ul>
          </div>`
        : nothing}
      ${vm.favourites
        ? html`<div>
            <p class="legend__title">${text.mapFavouritesKey}</p>
            <ul>
              <li><span class="favourite-marker" aria-hidden="true">${star()}</span> ${text.mapFavouriteKeyItem}</li>
              <li>${text.mapFavouriteShortcut}</li>
            </ul>
          </div>`
        : nothing}
    </div>
  </div>`;
}
