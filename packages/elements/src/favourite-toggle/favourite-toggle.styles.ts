import { css } from 'lit';

export const favouriteToggleStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    --_om-favourite-color: var(--om-favourite-color, #b35900);
  }

  button {
    font: inherit;
    display: inline-grid;
    place-items: center;
    min-width: var(--_om-target-size);
    min-height: var(--_om-target-size);
    padding: 0;
    border: var(--_om-border-width) solid transparent;
    border-radius: var(--_om-radius);
    background: transparent;
    color: var(--_om-color-text-muted);
    cursor: pointer;
  }
  button:hover {
    background: var(--_om-color-surface-alt);
    border-color: var(--_om-color-border);
  }
  button[aria-pressed='true'] {
    color: var(--_om-favourite-color);
  }

  svg {
    width: 24px;
    height: 24px;
  }
  /* Outline when off, filled when on: the state shows by shape, not colour alone. */
  .star {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.75;
    stroke-linejoin: round;
  }
  button[aria-pressed='true'] .star {
    fill: currentColor;
  }

  @media (forced-colors: active) {
    button {
      color: ButtonText;
    }
    button[aria-pressed='true'] {
      color: Highlight;
    }
  }
`;
