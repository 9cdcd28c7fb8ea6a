import { css } from 'lit';

/**
 * The token foundation, shared by every element. Public tokens (`--om-*`, documented in docs/theming.md) are read
 * once here, with fallbacks, into private `--_om-*` tokens that the styles use (Material Web's public → private
 * pattern), so no global stylesheet is needed and a theme only sets the public ones.
 *
 * The host also re-roots inherited typography and box model: a host page's `* { … !important }` rules reach the
 * host element itself (never its shadow tree), and `!important` in `:host` wins over them.
 */
export const tokens = css`
  :host {
    /* No fallback font: an unset --om-font-family leaves the declaration invalid, so the host inherits the page's font. */
    --_om-font-family: var(--om-font-family, inherit);
    --_om-font-size: var(--om-font-size, 16px);
    --_om-font-size-small: var(--om-font-size-small, 14px);
    --_om-font-size-large: var(--om-font-size-large, 19px);
    --_om-font-size-heading: var(--om-font-size-heading, 24px);
    --_om-line-height: var(--om-line-height, 1.5);
    --_om-font-weight-bold: var(--om-font-weight-bold, 700);

    --_om-color-text: var(--om-color-text, #0b0c0c);
    --_om-color-text-muted: var(--om-color-text-muted, #484949);
    --_om-color-surface: var(--om-color-surface, #ffffff);
    --_om-color-surface-alt: var(--om-color-surface-alt, #f3f2f1);
    --_om-color-border: var(--om-color-border, #8a8d8f);
    --_om-color-brand: var(--om-color-brand, #1d70b8);
    --_om-color-brand-text: var(--om-color-brand-text, #ffffff);
    --_om-color-link: var(--om-color-link, #1a65a6);
    --_om-color-link-visited: var(--om-color-link-visited, #54319f);
    --_om-color-focus: var(--om-color-focus, #ffdd00);
    --_om-color-focus-text: var(--om-color-focus-text, #0b0c0c);
    --_om-color-error: var(--om-color-error, #d4351c);

    --_om-space-1: var(--om-space-1, 4px);
    --_om-space-2: var(--om-space-2, 8px);
    --_om-space-3: var(--om-space-3, 12px);
    --_om-space-4: var(--om-space-4, 16px);
    --_om-space-5: var(--om-space-5, 24px);
    --_om-space-6: var(--om-space-6, 32px);
    --_om-radius: var(--om-radius, 4px);
    --_om-border-width: var(--om-border-width, 1px);
    --_om-focus-width: var(--om-focus-width, 3px);
    --_om-target-size: var(--om-target-size, 44px);
    --_om-transition-duration: var(--om-transition-duration, 150ms);

    display: block;
    box-sizing: border-box !important;
    font-family: var(--_om-font-family) !important;
    font-size: var(--_om-font-size) !important;
    font-weight: 400 !important;
    font-style: normal !important;
    line-height: var(--_om-line-height) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-decoration: none !important;
    text-shadow: none !important;
    white-space: normal !important;
    color: var(--_om-color-text) !important;
    -webkit-text-size-adjust: 100%;
  }

  :host([hidden]) {
    display: none !important;
  }

  /* Motion is decoration only: a person who asks for less motion gets none, whatever a theme sets. */
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_om-transition-duration: 0s;
    }
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/**
 * What every element draws from its first frame: the focus ring and visually hidden text. Kept apart from
 * `linkStyles` and `stateStyles` so an element that shows links and data later (a closed `<soc-badge>`) can leave
 * those for later too.
 */
export const baseStyles = css`
  :focus-visible {
    outline: var(--_om-focus-width) solid var(--_om-color-focus);
    outline-offset: 0;
    box-shadow: 0 0 0 calc(var(--_om-focus-width) * 2) var(--_om-color-focus-text);
  }

  .om-visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
