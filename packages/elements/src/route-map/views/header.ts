/** The map's header (route title, counts) and the messages shown instead of a map (no route, unknown route). */
import { html, nothing, type TemplateResult } from 'lit';
import type { RouteMapStrings } from '../route-map.strings.js';
import type { RouteModel } from '../route-model.js';
import { heading } from './parts.js';
import type { RouteViewModel } from './view-model.js';

export function renderHeader(
  vm: Pick<RouteViewModel, 'headingLevel'>,
  name: string,
  text: RouteMapStrings,
  summary?: string,
  offeredSummary?: string,
) {
  return html`<div class="header" part="header">
    ${heading(vm, 0, text.mapTitle(name), 'heading--route')}
    ${summary ? html`<p class="summary">${summary}</p>` : nothing}
    ${offeredSummary
      ? html`<p class="summary summary--offered" part="offered-summary"><span class="om-offered__shape" aria-hidden="true"></span> ${offeredSummary}</p>`
      : nothing}
  </div>`;
}

/** "8 of 46 occupations offered here": of the route's occupations, however filtered. */
export const offeredCount = (text: RouteMapStrings, model: RouteModel, offered: ReadonlyMap<string, unknown>): string =>
  text.coursesOfferedCount(model.tiles.filter((tile) => offered.has(tile.occupation.code)).length, model.tiles.length);

/** A message in place of the map, with the host's fallback content (its slot) below. */
export const renderMessage = (body: TemplateResult) =>
  html`<div class="base" part="base">
    <div class="message" part="message">${body}</div>
    <div class="fallback"><slot></slot></div>
  </div>`;
