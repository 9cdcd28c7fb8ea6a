/** The selection summary: what the selected occupation leads to and comes from, with links to each. */
import { html, nothing } from 'lit';
import { findRoute } from '@occupational-maps/core';
import { heading } from './parts.js';
import type { RouteViewModel } from './view-model.js';

export function renderSelection(vm: RouteViewModel) {
  const { model, visible, text, actions } = vm;
  const tile = model.tilesByCode.get(vm.selected)?.[0];
  if (!tile) return nothing;
  const { occupation } = tile;
  const open = (code: string, title: string) => (event: Event) => actions.openOccupation(code, title, event.currentTarget as HTMLElement);
  const item = (code: string) => {
    const inRoute = model.tilesByCode.get(code)?.[0];
    if (inRoute) {
      const hidden = !visible[inRoute.index];
      return html`<li>
        ${hidden
          ? html`${inRoute.occupation.title}, ${text.level(inRoute.occupation.level)} (${text.mapHiddenByFilters})`
          : html`<button type="button" class="link-button" @click=${() => actions.goToTile(inRoute)}>${inRoute.occupation.title}, ${text.level(inRoute.occupation.level)}</button>`}
      </li>`;
    }
    const linked = model.linked.get(code);
    if (!linked) return html`<li>${code}</li>`;
    const route = linked.routeSlug ? findRoute(linked.routeSlug) : undefined;
    return html`<li>
      <button type="button" class="link-button" @click=${open(linked.code, linked.title)}>
        ${linked.title}, ${text.level(linked.level)}</button>${route ? html` (${text.mapOtherRoute(route.name)})` : nothing}
    </li>`;
  };
  const list = (codes: readonly string[]) =>
    codes.length === 0 ? html`<p class="selection__none">${text.mapNoProgression}</p>` : html`<ul>${codes.map(item)}</ul>`;
  return html`<section class="selection" part="selection" aria-labelledby="selection-heading">
    ${heading(vm, 1, text.mapProgressionHeading(occupation.title), 'heading--selection', 'selection-heading')}
    <div class="selection__lists">
      <div>
        <p class="selection__label"><span class="badge badge--leads-to">${text.mapLeadsTo}</span></p>
        ${list(model.leadsTo.get(occupation.code) ?? [])}
      </div>
      <div>
        <p class="selection__label"><span class="badge badge--comes-from">${text.mapComesFrom}</span></p>
        ${list(model.comesFrom.get(occupation.code) ?? [])}
      </div>
    </div>
    <div class="selection__actions">
      ${vm.hrefFor(occupation.code)
        ? nothing
        : html`<button type="button" class="om-button" @click=${open(occupation.code, occupation.title)}>${text.mapShowDetails}</button>`}
      <button type="button" class="om-button" @click=${actions.clearSelection}>${text.mapClearSelection}</button>
    </div>
  </section>`;
}
