import { html, nothing, type TemplateResult } from 'lit';
import { embedPaths, type OccupationSummary, type SocDocument } from '@occupational-maps/core';
import { AttributionController, attributionStyles } from '../shared/attribution.js';
import { DataController } from '../shared/data-controller.js';
import { adoptLateStyles } from '../shared/late-styles.js';
import type { OmElement } from '../shared/om-element.js';
import { linkStyles, stateStyles } from '../shared/state-styles.js';
import { defaultStrings } from '../shared/strings.js';
import { socBadgeDetailStrings } from './soc-badge-detail.strings.js';
import { socBadgeDetailStyles } from './soc-badge-detail.styles.js';
import type { SocBadgeStrings } from './soc-badge.strings.js';
import { socLineage, type SocLineage } from './soc-lineage.js';
import type { SocTitles } from './soc-lookup.js';

const ONS_SOC_2020_URL =
  'https://www.ons.gov.uk/methodology/classificationsandstandards/standardoccupationalclassificationsoc/soc2020/soc2020volume1structureanddescriptionsofunitgroups';
const ONS_SOC_2010_URL = 'https://www.ons.gov.uk/methodology/classificationsandstandards/standardoccupationalclassificationsoc/soc2010';
const MAPS_OCCUPATION_URL = 'https://occupational-maps.skillsengland.education.gov.uk/maps/occupation/';

/** What the detail needs from its badge. */
export interface SocBadgeDetailHost extends OmElement {
  readonly text: SocBadgeStrings;
}

/**
 * The inside of `<soc-badge>`'s detail: the SOC 2020 groups, the ONS links, and from the Embed API the unit group's
 * description and occupations in the five data states. Its module (with the data layer behind it) loads only for a
 * badge with `detail`, so a page of plain badges carries none of it; it makes no request until the detail opens.
 */
export class SocBadgeDetail {
  /** The shared strings and the detail's own, which the badge adds to its `text` once this module has loaded. */
  readonly strings = { ...defaultStrings, ...socBadgeDetailStrings };

  private readonly data: DataController<SocDocument>;
  private readonly attribution: AttributionController;

  /** `documentCode` gives the SOC 2020 unit group whose document to load, or `null` while none should load. */
  constructor(
    private readonly host: SocBadgeDetailHost,
    documentCode: () => string | null,
  ) {
    adoptLateStyles(host, [linkStyles, stateStyles, attributionStyles, socBadgeDetailStyles]);
    this.attribution = new AttributionController(host);
    this.data = new DataController<SocDocument>(host, {
      request: () => {
        const code = documentCode();
        return code === null ? null : { path: embedPaths.soc(code), load: (client, signal) => client.get('soc', code, { signal }) };
      },
    });
  }

  /** SOC 2020: the groups (from the bundled titles), then the Embed API part once `loadDocument`, then the links. */
  render2020(titles: SocTitles | undefined, code: string, loadDocument: boolean): TemplateResult {
    const text = this.host.text;
    const lineage = titles ? socLineage(titles, code) : null;
    const levels: Array<[string, keyof SocLineage]> = [
      [text.socMajorGroup, 'major'],
      [text.socSubMajorGroup, 'subMajor'],
      [text.socMinorGroup, 'minor'],
      [text.socUnitGroup, 'unit'],
    ];
    return html`${lineage
        ? html`<dl class="lineage" part="lineage">${levels.map(([label, level]) => html`<div class="lineage-row">
            <dt class="lineage-level">${label}</dt>
            <dd><span class="lineage-code">${lineage[level].code}</span> ${lineage[level].title}</dd>
          </div>`)}</dl>`
        : nothing}
      ${loadDocument
        ? this.data.render({
            complete: (document) => this.renderDocument(document),
            loading: () => html`<div class="om-skeleton" part="skeleton"></div>`,
          })
        : nothing}
      <p class="ons"><a part="ons-link" href=${ONS_SOC_2020_URL} target="_blank" rel="noopener noreferrer">${text.socOnsLink}<span class="om-visually-hidden"> ${text.opensInNewTab}</span></a></p>
      <p class="source">${text.socSource}</p>`;
  }

  /** SOC 2010: the library has no SOC 2010 groups, so the detail says why and links to the ONS. */
  render2010(): TemplateResult {
    const text = this.host.text;
    return html`<p class="description" part="description">${text.soc2010Note}</p>
      <p class="ons"><a part="ons-link" href=${ONS_SOC_2010_URL} target="_blank" rel="noopener noreferrer">${text.socOns2010Link}<span class="om-visually-hidden"> ${text.opensInNewTab}</span></a></p>`;
  }

  private select(event: MouseEvent, occupation: OccupationSummary): void {
    const proceed = this.host.emit('om-occupation-select', { code: occupation.code, title: occupation.title }, { cancelable: true });
    if (!proceed) event.preventDefault();
  }

  private renderDocument(document: SocDocument): TemplateResult {
    const text = this.host.text;
    return html`${document.description
        ? html`<p class="section-title">${text.socDescription}</p>
            <p class="description" part="description">${document.description}</p>`
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
      ${this.attribution.render(text)}`;
  }
}
