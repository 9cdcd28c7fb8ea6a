/** The list view: the map's pathways, bands and clusters as headings, each occupation a list item. */
import { html } from 'lit';
import type { TileModel } from '../route-model.js';
import {
  bandHeading,
  heading,
  offeredWords,
  productWords,
  renderBadges,
  renderFavouriteToggle,
  renderOccupationControl,
  renderStatus,
  withFavouriteToggles,
} from './parts.js';
import type { RouteViewModel } from './view-model.js';

export function renderListView(vm: RouteViewModel) {
  const { model, visible, text, actions } = vm;
  const withToggles = withFavouriteToggles(vm);
  const shown = (tiles: readonly TileModel[]) => tiles.some((tile) => visible[tile.index]);
  const title = (tile: TileModel) => renderOccupationControl(vm, tile, html`<span class="tile__title">${tile.occupation.title}</span>`, 'list__link');
  return html`<div class="list" part="list" @keydown=${actions.onNavKeydown} @click=${actions.onItemClick} @focusin=${actions.onFocusIn}>
    ${model.pathways.filter((pathway) => shown(pathway.tiles)).map(
      (pathway) => html`<div class="list__pathway">
        ${heading(vm, 1, pathway.name, 'heading--pathway')}
        ${pathway.columns.filter(({ clusters }) => clusters.some((cluster) => shown(cluster.tiles))).map(
          ({ band, clusters }) => html`
            ${heading(vm, 2, bandHeading(band, text), 'heading--band')}
            ${clusters.filter((cluster) => shown(cluster.tiles)).map(
              (cluster) => html`${heading(vm, 3, cluster.name, 'heading--cluster')}
                <ul class="list__items">
                  ${cluster.tiles.filter((tile) => visible[tile.index]).map(
                    (tile) => html`<li>
                      ${withToggles
                        ? html`<span class="list__title-row">${title(tile)}
                            ${renderFavouriteToggle(vm, tile.occupation)}</span>`
                        : title(tile)}
                      <span class="list__facts">${text.level(tile.occupation.level)} · ${renderStatus(tile.occupation.status, text, true)}
                        ${productWords(tile.occupation, text)}${offeredWords(vm, tile.occupation)}</span>
                      ${renderBadges(vm.relations.get(tile.occupation.code), text)}
                    </li>`,
                  )}
                </ul>`,
            )}`,
        )}
      </div>`,
    )}
  </div>`;
}
