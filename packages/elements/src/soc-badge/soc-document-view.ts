import { html, nothing, type TemplateResult } from 'lit';
import { embedPaths, type OccupationSummary, type SocDocument } from '@occupational-maps/core';
import { attributionStyles, renderAttribution } from '../shared/attribution.js';
import { DataController } from '../shared/data-controller.js';
import { adoptLateStyles } from '../shared/late-styles.js';
import type { OmElement } from '../shared/om-element.js';
import { stateStyles } from '../shared/state-styles.js';
import type { SocBadgeStrings } from './soc-badge.strings.js';
import { socDocumentViewStyles } from './soc-document-view.styles.js';

const MAPS_OCCUPATION_URL = 'https://occupational-maps.skillsengland.education.gov.uk/maps/occupation/';

/** What the view needs from its badge. */
export interface SocDocumentViewHost extends OmElement {
  readonly text: SocBadgeStrings;
}

/**
 * The part of `<soc-badge>`'s detail that comes from the Embed API: the unit group's description and the occupations
 * with its code, in the five data states. Loaded (with the data layer behind it) only when a detail first opens, so a
 * page of closed badges carries none of it.
 */
export class SocDocumentView {
  private readonly data: DataController<SocDocument>;

  /** `code` gives the SOC 2020 unit group to load, or `null` while there is none to load. */
  constructor(
    private readonly host: SocDocumentViewHost,
    code: () => string | null,
  ) {
    adoptLateStyles(host, [stateStyles, attributionStyles, socDocumentViewStyles]);
    this.data = new DataController<SocDocument>(host, {
      request: () => {
        const unit = code();
        return unit === null ? null : { path: embedPaths.soc(unit), load: (client, signal) => client.get('soc', unit, { signal }) };
      },
    });
  }

  render(): TemplateResult {
    return this.data.render({
      complete: (document) => this.renderDocument(document),
      loading: () => html`<div class="om-skeleton" part="skeleton"></div>`,
    });
  }

  private select(event: MouseEvent, occupation: OccupationSummary): void {
    const proceed = this.host.emit('om-occupation-select', { code: occupation.code, title: occupation.title }, { cancelable: true });
    if (!proceed) event.preventDefault();
  }

  private renderDocument(document: SocDocument): TemplateResult {
    const text = this.host.text;
    return html`${document.description
        ? html`<p class="section-title" id="description-title">${text.socDescription}</p>
            <p class="description" part="description" aria-labelledby="description-title">${document.description}</p>`
        : nothing}
      <p class="section-title" id="occupations-title">${text.socOccupations}</p>
      ${document.occupations.length === 0
        ? html`<p class="description">${text.socNoOccupations}</p>`
        : html`<ul class="occupations" part="occupations" aria-labelledby="occupations-title">
            ${document.occupations.map((occupation) => html`<li>
              <a part="occupation-link" href=${MAPS_OCCUPATION_URL + occupation.code} @click=${(event: MouseEvent) => this.select(event, occupation)}
                >${occupation.title}</a>
              <span class="occupation-level">(${text.level(occupation.level)})</span>
            </li>`)}
          </ul>`}
      ${renderAttribution(text)}`;
  }
}
