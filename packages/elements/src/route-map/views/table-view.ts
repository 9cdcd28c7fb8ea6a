/** The table view: one row per shown occupation, with everything the map says as columns. */
import { html, nothing } from 'lit';
import { bandLabel, productLabel } from '../../shared/labels.js';
import { productTypesOf, renderBadges, renderFavouriteToggle, renderOccupationControl, renderStatus, withFavouriteToggles } from './parts.js';
import type { RouteViewModel } from './view-model.js';

function offeredCell(vm: RouteViewModel, code: string) {
  const count = vm.offered?.get(code)?.length ?? 0;
  return count
    ? html`<span class="om-offered"><span class="om-offered__shape" aria-hidden="true"></span>${vm.text.coursesTableYes(count)}</span>`
    : vm.text.coursesTableNo;
}

export function renderTableView(vm: RouteViewModel) {
  const { model, visible, text, actions } = vm;
  const withToggles = withFavouriteToggles(vm);
  return html`<div class="table-wrap" part="table" role="region" aria-labelledby="table-caption" tabindex="0"
    @keydown=${actions.onNavKeydown} @click=${actions.onItemClick} @focusin=${actions.onFocusIn}>
    <table>
      <caption id="table-caption">${text.mapTableCaption(model.document.name)}</caption>
      <thead>
        <tr>
          <th scope="col">${text.mapTableOccupation}</th>
          ${withToggles ? html`<th scope="col">${text.mapTableFavourite}</th>` : nothing}
          <th scope="col">${text.mapTableLevel}</th>
          <th scope="col">${text.mapTableStatus}</th>
          <th scope="col">${text.mapTableProducts}</th>
          <th scope="col">${text.mapTablePathway}</th>
          <th scope="col">${text.mapTableCluster}</th>
          ${vm.offered ? html`<th scope="col">${text.coursesTableColumn}</th>` : nothing}
          ${vm.selected ? html`<th scope="col">${text.mapTableProgression}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        ${model.tiles.filter((tile) => visible[tile.index]).map((tile) => {
          const { occupation } = tile;
          const types = productTypesOf(occupation);
          return html`<tr>
            <th scope="row">${renderOccupationControl(vm, tile, occupation.title, 'table__link')}</th>
            ${withToggles ? html`<td class="table__favourite">${renderFavouriteToggle(vm, occupation)}</td>` : nothing}
            <td>${text.level(occupation.level)} (${bandLabel(occupation.band, text)})</td>
            <td>${renderStatus(occupation.status, text, true)}</td>
            <td>${types.length ? types.map((type) => productLabel(type.slug, text, type.typeName)).join(', ') : text.mapNone}</td>
            <td>${tile.pathway.name}</td>
            <td>${tile.cluster.name}</td>
            ${vm.offered ? html`<td>${offeredCell(vm, occupation.code)}</td>` : nothing}
            ${vm.selected ? html`<td>${renderBadges(vm.relations.get(occupation.code), text)}</td>` : nothing}
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}
