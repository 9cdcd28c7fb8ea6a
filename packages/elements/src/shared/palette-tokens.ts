import { css } from 'lit';

/**
 * The rest of the token foundation (see `tokens`): the route accent, the status and level-band colours and the raised
 * surfaces' shadow, which only the elements that draw occupations read (cards, maps, comparisons). A module apart, so
 * the others (a badge, a search box) need not carry them.
 */
export const paletteTokens = css`
  :host {
    --_om-color-route-accent: var(--om-route-accent, var(--_om-color-brand));
    --_om-color-status-approved: var(--om-color-status-approved, #00703c);
    --_om-color-status-in-development: var(--om-color-status-in-development, #8f4a00);
    --_om-color-status-proposal: var(--om-color-status-proposal, #5e5e5e);
    --_om-color-status-without-apprenticeship: var(--om-color-status-without-apprenticeship, #4c2c92);
    --_om-color-status-retired: var(--om-color-status-retired, #942514);
    --_om-color-band-technical: var(--om-color-band-technical, #e8f1f8);
    --_om-color-band-higher-technical: var(--om-color-band-higher-technical, #eef7ee);
    --_om-color-band-professional: var(--om-color-band-professional, #f6eefa);
    --_om-elevation: var(--om-elevation, 0 1px 3px rgb(0 0 0 / 0.2));
  }
`;
