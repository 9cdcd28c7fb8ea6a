import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { EmbedClient, MetaDocument } from '@occupational-maps/core';
import { resolveApiBase } from './api-base.js';
import { clientFor } from './client-loader.js';
import type { Strings } from './strings.js';

const OGL_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

/** What the data on show is, from the gateway's `meta.json`; `null` until known (or when the source cannot say). */
export type Provenance = MetaDocument['data'] | null;

type AttributionHost = ReactiveControllerHost & HTMLElement & { apiBase?: string | null; client?: EmbedClient };

/**
 * The one attribution line every element shows under its data. It says what the data is, from the gateway's
 * `meta.json` (loaded once per data source, through the same shared client and cache as the documents):
 * - the embedded sample: "Sample data: … illustrative, not Skills England data" — shown even when the host asks for
 *   no attribution (`no-attribution`), because a page must not pass invented occupations off as Skills England's;
 * - Skills England data: "Skills England data, 11 September 2026." with the date it was fetched, then the licence;
 * - not known (meta not loaded, or a custom client without it): the licence line alone.
 * The licence statement (Open Government Licence, Skills England) is hidden only by `no-attribution`.
 */
export class AttributionController implements ReactiveController {
  private source: string | EmbedClient | null | undefined;
  private provenance: Provenance = null;

  constructor(private readonly host: AttributionHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** What the current data source says it is; starts loading it on first use. */
  get current(): Provenance {
    this.load();
    return this.provenance;
  }

  private load(): void {
    const injected = this.host.client;
    const apiBase = injected ? null : resolveApiBase(this.host);
    const source = injected ?? apiBase;
    if (source === this.source) return;
    this.source = source;
    this.provenance = null;
    if (!source) return;
    void clientFor(apiBase, injected)
      .then((client) => client?.get('meta'))
      .then(
        (meta) => {
          const data = (meta as Partial<MetaDocument> | undefined)?.data;
          if (this.source !== source || !data || (data.kind !== 'sample' && data.kind !== 'skills-england')) return;
          this.provenance = data;
          this.host.requestUpdate();
        },
        () => {
          // A source without meta.json (or that failed): the plain licence line stays.
        },
      );
  }

  /**
   * The attribution line; `hidden` (the host's `no-attribution`) leaves only the sample notice, if any. With `load`
   * false nothing is fetched yet (an element that makes no request until it is used, such as the search box).
   */
  render(text: Strings, hidden = false, load = true) {
    return renderAttribution(text, load ? this.current : this.provenance, hidden);
  }
}

/** "11 September 2026" (the day in UK time); null for a timestamp that does not parse. */
export function dataDate(timestamp: string | null | undefined): string | null {
  if (!timestamp) return null;
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(date);
}

/** The template behind {@link AttributionController}; a part, so hosts can restyle it. */
export function renderAttribution(text: Strings, provenance: Provenance = null, hidden = false) {
  const sample = provenance?.kind === 'sample';
  if (hidden && !sample) return nothing;
  const notice = sample ? html`<strong class="om-attribution__sample">${text.attributionSample}</strong>` : nothing;
  if (hidden) return html`<p class="om-attribution om-attribution--sample" part="attribution sample-notice">${notice}</p>`;
  const date = provenance?.kind === 'skills-england' ? dataDate(provenance.fetchedAt) : null;
  const dated = provenance?.kind === 'skills-england' ? (date ? text.attributionDataDate(date) : text.attributionData) : null;
  return html`<p class=${sample ? 'om-attribution om-attribution--sample' : 'om-attribution'} part=${sample ? 'attribution sample-notice' : 'attribution'}>
    ${notice}${dated ? html`<span class="om-attribution__date">${dated}</span>` : nothing}
    ${text.attributionSource}
    <a href=${OGL_URL} rel="license noopener noreferrer" target="_blank">${text.attributionLicence}<span class="om-visually-hidden"> ${text.opensInNewTab}</span></a>.
    ${text.attributionEndorsement}
  </p>`;
}

export const attributionStyles = css`
  .om-attribution {
    margin: var(--_om-space-3) 0 0;
    font-size: var(--_om-font-size-small);
    color: var(--_om-color-text-muted);
  }
  .om-attribution__sample {
    display: block;
    color: var(--_om-color-text);
    font-weight: 700;
  }
`;
