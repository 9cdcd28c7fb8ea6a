import { css } from 'lit';
import { baseStyles } from './styles.js';

// Apart from styles.ts: bundlers place whole modules, and an element may load these later than `baseStyles`.

/** The data states' pieces: buttons (Retry), the loading skeleton and the error block. */
export const stateStyles = css`
  .om-button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    gap: var(--_om-space-2);
    min-height: var(--_om-target-size);
    padding: var(--_om-space-2) var(--_om-space-4);
    border: var(--_om-border-width) solid var(--_om-color-border);
    border-radius: var(--_om-radius);
    background: var(--_om-color-surface);
    color: var(--_om-color-text);
    cursor: pointer;
    transition: background-color var(--_om-transition-duration) ease-out;
  }
  .om-button:hover {
    background: var(--_om-color-surface-alt);
  }
  .om-button--primary {
    background: var(--_om-color-brand);
    border-color: var(--_om-color-brand);
    color: var(--_om-color-brand-text);
  }

  .om-skeleton {
    min-height: var(--_om-skeleton-height, 4em);
    border-radius: var(--_om-radius);
    background: linear-gradient(90deg, var(--_om-color-surface-alt) 25%, var(--_om-color-surface) 50%, var(--_om-color-surface-alt) 75%);
    background-size: 200% 100%;
    /* The shimmer waits a second: a quick load shows a still placeholder, and the page is not repainted every frame
       (background-position animates on the main thread) while it is busiest. */
    animation: om-shimmer 1.5s linear 1s infinite;
  }
  /* A loading="lazy" element not yet near the viewport: a still placeholder (nothing is loading). */
  .om-state--deferred .om-skeleton {
    animation: none;
  }
  @keyframes om-shimmer {
    to {
      background-position: -200% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .om-skeleton {
      animation: none;
    }
  }

  .om-error {
    border-inline-start: 5px solid var(--_om-color-error);
    padding: var(--_om-space-3) var(--_om-space-4);
    background: var(--_om-color-surface);
  }
  .om-error p {
    margin: 0 0 var(--_om-space-2);
  }

  @media (forced-colors: active) {
    .om-button {
      border-color: ButtonText;
    }
    .om-skeleton {
      border: 1px solid CanvasText;
    }
  }
`;

/** Links, in the page's link colours, with a focus style of their own. */
export const linkStyles = css`
  a {
    color: var(--_om-color-link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:visited {
    color: var(--_om-color-link-visited);
  }
  a:hover {
    text-decoration-thickness: 3px;
  }
  a:focus-visible {
    outline: none;
    color: var(--_om-color-focus-text);
    background: var(--_om-color-focus);
    box-shadow: 0 -2px var(--_om-color-focus), 0 4px var(--_om-color-focus-text);
    text-decoration: none;
  }

  @media (forced-colors: active) {
    /* Links draw focus with a background, which forced colours remove: give them an outline instead. */
    a:focus-visible {
      outline: var(--_om-focus-width) solid Highlight;
    }
  }
`;

/** Shared pieces every element uses: focus ring, buttons, links, skeleton, error block, visually hidden text. */
export const sharedStyles = css`${baseStyles}${linkStyles}${stateStyles}`;
