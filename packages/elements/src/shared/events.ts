import type { EmbedError } from '@occupational-maps/core';

/** `om-load`: the element's data arrived and rendered (fired once per new data, not on re-renders). */
export interface OmLoadDetail {
  /** The Embed API path that was loaded, e.g. `occupations/OCC0499.json`. */
  path: string;
}

/** `om-error`: the element's data could not be loaded; the element shows an error state. */
export interface OmErrorDetail {
  error: EmbedError | Error;
  /** Whether a retry may succeed (network, server or rate-limit errors). */
  retryable: boolean;
}

/** `om-occupation-select`: a person chose an occupation. Cancelable: call `preventDefault()` to handle it yourself. */
export interface OmOccupationSelectDetail {
  code: string;
  title?: string;
}

declare global {
  interface HTMLElementEventMap {
    'om-load': CustomEvent<OmLoadDetail>;
    'om-error': CustomEvent<OmErrorDetail>;
    'om-occupation-select': CustomEvent<OmOccupationSelectDetail>;
  }
}
