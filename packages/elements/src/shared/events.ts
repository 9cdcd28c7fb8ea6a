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

/** `om-favourite-change`: a person saved or unsaved an occupation. Cancelable: `preventDefault()` keeps it as it was. */
export interface OmFavouriteChangeDetail {
  code: string;
  /** Whether the occupation is (about to be) a favourite. */
  favourite: boolean;
}

/** `om-filter-change`: a person changed a `<route-map>` filter or view through its controls (not fired for attribute changes). */
export interface OmFilterChangeDetail {
  levels: string;
  status: string;
  products: string;
  search: string;
  pathway: string;
  view: string;
  /** `only` while the "Offered here only" filter is on (with a course list), else ''. */
  offered: string;
}

declare global {
  interface HTMLElementEventMap {
    'om-load': CustomEvent<OmLoadDetail>;
    'om-error': CustomEvent<OmErrorDetail>;
    'om-occupation-select': CustomEvent<OmOccupationSelectDetail>;
    'om-filter-change': CustomEvent<OmFilterChangeDetail>;
    'om-favourite-change': CustomEvent<OmFavouriteChangeDetail>;
  }
}
