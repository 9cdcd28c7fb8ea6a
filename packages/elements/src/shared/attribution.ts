import { css, html } from 'lit';
import type { Strings } from './strings.js';

const OGL_URL = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

/**
 * The attribution the Open Government Licence and Skills England require wherever the data is shown. A part, so
 * hosts can restyle it; on by default, hidden only when the host shows the attribution elsewhere (`no-attribution`).
 */
export function renderAttribution(text: Strings) {
  return html`<p class="om-attribution" part="attribution">
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
`;
