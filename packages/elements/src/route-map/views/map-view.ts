/** The map view: pathways as sections, each with three band columns of clusters of occupation tiles. */
import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { BANDS } from '@occupational-maps/core';
import { bandLabel, productLabel, productMarker, statusLabel } from '../../shared/labels.js';
import { cssProperty } from '../../shared/css-property.js';
import type { ClusterModel, PathwayModel, TileModel } from '../route-model.js';
import { chevron, heading, renderBadges, renderFavouriteMarker, renderOccupationControl, renderOfferedMarker } from './parts.js';
import type { Relation, RouteViewModel } from './view-model.js';

/**
 * The map, its Expand all and Collapse all buttons, and its keyboard help. The help is visually hidden until a
 * keyboard user is in the map, then shown above it (see the styles), so sighted keyboard users learn that Tab
 * leaves the map and the arrow keys move inside it.
 */
export function renderMapView(vm: RouteViewModel) {
  const { text, actions } = vm;
  return html`<div class="toolbar" part="toolbar">
      <button type="button" class="om-button" @click=${actions.expandAll}>${text.mapExpandAll}</button>
      <button type="button" class="om-button" @click=${() => actions.collapseAll(vm.model)}>${text.mapCollapseAll}</button>
    </div>
    <p class="map-instructions" id="map-instructions">${text.mapInstructions}${vm.favourites ? ` ${text.mapInstructionsFavourites}` : ''}</p>
    <div class="map" part="map" @keydown=${actions.onNavKeydown} @click=${actions.onItemClick} @focusin=${actions.onFocusIn}>
      ${vm.model.pathways.map((pathway) => renderPathway(vm, pathway))}
    </div>`;
}

const countShown = (vm: RouteViewModel, tiles: readonly TileModel[]) => tiles.reduce((sum, tile) => sum + (vm.visible[tile.index] ? 1 : 0), 0);

/** A pathway: its toggle, and its three band columns (a collapsed one hidden until found). */
function renderPathway(vm: RouteViewModel, pathway: PathwayModel) {
  const { text } = vm;
  const count = countShown(vm, pathway.tiles);
  const expanded = !vm.collapsed.has(pathway.key);
  return html`<div class="pathway" part="pathway" data-pathway=${pathway.key} ?hidden=${count === 0}>
    ${heading(
      vm,
      1,
      html`<button type="button" class="toggle toggle--pathway" part="pathway-toggle" data-nav=${pathway.key} tabindex=${pathway.key === vm.tabStop ? '0' : '-1'} aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls=${`${pathway.key}-body`} aria-describedby="map-instructions">
        ${chevron()}<span id=${`${pathway.key}-name`}>${pathway.name}</span>
        <span class="count">${text.mapOccupationCount(count)}</span>
      </button>`,
      'heading--pathway',
    )}
    <div class="pathway__body" id=${`${pathway.key}-body`} hidden=${expanded ? nothing : 'until-found'} @beforematch=${() => vm.actions.expand(pathway.key)}>${renderColumns(vm, pathway)}</div>
  </div>`;
}

function renderColumns(vm: RouteViewModel, pathway: PathwayModel) {
  const { text, visible } = vm;
  return html`${pathway.columns.map(({ band, clusters }, column) => {
        const bandId = `${pathway.key}-${band}`;
        const levels = BANDS[column].levels;
        const shownClusters = clusters.filter((cluster) => cluster.tiles.some((tile) => visible[tile.index]));
        return html`<div class="column column--${band}" part="column" data-column=${column}>
          ${heading(vm, 2, html`<span id=${bandId}>${bandLabel(band, text)}<span class="column__levels">${text.levels(levels[0], levels[1])}</span></span>`, 'heading--band')}
          ${shownClusters.length === 0 ? html`<p class="column__empty">${text.mapColumnEmpty}</p>` : nothing}
          ${clusters.map((cluster) => renderCluster(vm, pathway, cluster, bandId))}
        </div>`;
      })}`;
}

/**
 * A cluster: its toggle and its tiles. The tiles are rendered again only when something they show changed (the view
 * model's `tileState`, or the tab stop moving into or out of the cluster), so a filter change, a keyboard move or a
 * later part of a route that renders in parts does not rebuild hundreds of unchanged tiles. A cluster whose turn has
 * not come yet (see ProgressiveRenderController) is an empty box that keeps about the room it will take.
 */
function renderCluster(vm: RouteViewModel, pathway: PathwayModel, cluster: ClusterModel, bandId: string) {
  const clusterCount = countShown(vm, cluster.tiles);
  if (cluster.rank >= vm.renderedClusters) {
    return html`<div class="cluster cluster--pending" aria-busy="true" ?hidden=${clusterCount === 0} ${cssProperty('--_om-cluster-tiles', String(cluster.tiles.length))}></div>`;
  }
  const clusterExpanded = !vm.collapsed.has(cluster.key);
  const describedBy = `${pathway.key}-name ${bandId} ${cluster.key}-name`;
  const tabStop = vm.tabStop.startsWith(`${cluster.key}-`) ? vm.tabStop : '';
  return html`<div class="cluster" part="cluster" ?hidden=${clusterCount === 0}>
    ${heading(
      vm,
      3,
      html`<button type="button" class="toggle toggle--cluster" part="cluster-toggle" data-nav=${cluster.key} tabindex=${cluster.key === vm.tabStop ? '0' : '-1'} aria-expanded=${clusterExpanded ? 'true' : 'false'}
        aria-controls=${`${cluster.key}-body`}>
        ${chevron()}<span id=${`${cluster.key}-name`}>${cluster.name}</span>
        <span class="count">${vm.text.mapOccupationCount(clusterCount)}</span>
      </button>`,
      'heading--cluster',
    )}
    <ul class="tiles" id=${`${cluster.key}-body`} hidden=${clusterExpanded ? nothing : 'until-found'} @beforematch=${() => vm.actions.expand(cluster.key)}>
      ${guard([vm.tileState, tabStop], () => cluster.tiles.map((tile) => renderTile(vm, tile, vm.relations.get(tile.occupation.code), describedBy)))}
    </ul>
  </div>`;
}

/**
 * A tile is the one template the map repeats hundreds of times, so it is kept flat: the status shape is drawn by
 * CSS from the tile's status class (no SVG per tile), and the product markers are one text run, with the status and
 * product words beside them for assistive technology.
 */
function renderTile(vm: RouteViewModel, tile: TileModel, relations: readonly Relation[] | undefined, describedBy: string) {
  const { text } = vm;
  const { occupation } = tile;
  const isVisible = vm.visible[tile.index];
  const favourite = vm.favouriteCodes?.has(occupation.code) ?? false;
  const offered = vm.offered?.has(occupation.code) ?? false;
  const className = `tile status--${occupation.status}${relations ? relations.map((relation) => ` is-${relation}`).join('') : ''}`;
  const markers = tile.productTypes.map((type) => productMarker(type.slug, type.typeName)).join(' ');
  const products = tile.productTypes.map((type) => productLabel(type.slug, text, type.typeName)).join(', ');
  // The status and product words share one visually hidden span: each element costs style and layout, ×368.
  const words = products ? `${statusLabel(occupation.status, text)}. ${products}` : statusLabel(occupation.status, text);
  const content = html`<span class="tile__title">${occupation.title}${offered ? renderOfferedMarker(text) : nothing}${favourite ? renderFavouriteMarker(text) : nothing}</span><span class="tile__meta"><span class="tile__level">${text.level(occupation.level)}</span><span class="shape" part="status-icon"></span><span class="markers" aria-hidden="true" ?hidden=${!markers}>${markers}</span><span class="om-visually-hidden">${words}</span></span>${relations ? renderBadges(relations, text) : nothing}`;
  if (vm.occupationHref) {
    return html`<li class="tile-item" ?hidden=${!isVisible}>${renderOccupationControl(vm, tile, content, className, describedBy)}</li>`;
  }
  return html`<li class="tile-item" ?hidden=${!isVisible}><button type="button" class=${className} part="tile" data-nav=${tile.key} data-code=${occupation.code}
    tabindex=${tile.key === vm.tabStop ? '0' : '-1'} aria-describedby=${describedBy} aria-current=${occupation.code === vm.selected ? 'true' : nothing}
    aria-keyshortcuts=${vm.favourites ? 'F' : nothing}>${content}</button></li>`;
}
