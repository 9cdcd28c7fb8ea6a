/**
 * The header of `<occupation-card>` (breadcrumb, title, favourite star and tags) as a render function; the element
 * passes what it knows in a {@link CardHost}.
 */
import { html, nothing } from 'lit';
import type { EmbedClient, OccupationDocument } from '@occupational-maps/core';
import { resolveApiBase } from '../shared/api-base.js';
import { bandLabel, statusIcon, statusLabel } from '../shared/labels.js';
import { occupationHref } from '../shared/occupation-href.js';
import type { OccupationCardStrings } from './occupation-card.strings.js';
import { heading } from './rich-text.js';

/** What the card's render modules need from the element. */
export interface CardHost {
  readonly element: HTMLElement;
  readonly occupationHref?: string;
  readonly headingLevel: number;
  readonly favourites: boolean;
  readonly strings: object;
  readonly client?: EmbedClient;
  /** Tells the host an occupation was chosen (and, for a progression button, shows it in the card). */
  select(event: MouseEvent, code: string, title: string): void;
}

export function renderHeader(occupation: OccupationDocument, text: OccupationCardStrings, compact: boolean, host: CardHost) {
  const href = occupationHref(host.occupationHref, occupation.code);
  const title = href
    ? html`<a part="title-link" href=${href} @click=${(event: MouseEvent) => host.select(event, occupation.code, occupation.title)}
        >${occupation.title}</a
      >`
    : occupation.title;
  const titleHeading = heading(host.headingLevel, title, { id: 'title', part: 'title', className: 'title', focusable: !href });
  const trail = [
    [text.cardRoute, occupation.route.name],
    [text.cardPathway, occupation.pathway?.name],
    [text.cardCluster, occupation.cluster?.name],
  ].filter((step): step is [string, string] => Boolean(step[1]));
  return html`<header class="header" part="header">
    ${compact
      ? nothing
      : html`<p class="breadcrumb" part="breadcrumb">
          ${trail.map(
            ([label, name], index) =>
              html`${index > 0 ? html` <span class="breadcrumb__separator" aria-hidden="true">›</span> ` : nothing}<span class="breadcrumb__step"
                  ><span class="om-visually-hidden">${label}: </span>${name}</span
                >`,
          )}
        </p>`}
    ${host.favourites
      ? html`<div class="title-row">
          ${titleHeading}
          <favourite-toggle part="favourite" code=${occupation.code} title=${occupation.title} level=${occupation.level}
            route=${occupation.routeSlug ?? nothing} .strings=${host.strings}></favourite-toggle>
        </div>`
      : titleHeading}
    <ul class="tags" role="list">
      <li class="tag tag--level tag--${occupation.band}" part="level">${text.level(occupation.level)} · ${bandLabel(occupation.band, text)}</li>
      <li class="tag tag--status status--${occupation.status}" part="status">${statusIcon(occupation.status)} ${statusLabel(occupation.status, text)}</li>
      <li class="tag tag--code"><span class="om-visually-hidden">${text.cardOccupationCode}: </span>${occupation.code}</li>
      ${occupation.green?.isGreen
        ? html`<li class="tag tag--green" part="green">
            <svg class="leaf" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M14 2C6 2 2 6 2 12c0 .7.1 1.3.2 2 .9-4 3.6-6.7 7.8-8-3.4 2-5.5 4.6-6.4 8H5c6 0 9-4 9-12z" fill="currentColor" />
            </svg>
            ${occupation.green.classification ? `${text.cardGreen}: ${occupation.green.classification}` : text.cardGreen}
          </li>`
        : nothing}
      ${occupation.soc2020
        ? html`<li class="tag tag--soc">
            <soc-badge code=${occupation.soc2020} api-base=${resolveApiBase(host.element) ?? nothing} .client=${host.client}
              >SOC 2020 ${occupation.soc2020}</soc-badge
            >
          </li>`
        : nothing}
    </ul>
  </header>`;
}
