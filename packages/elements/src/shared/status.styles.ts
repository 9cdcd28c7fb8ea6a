import { css } from 'lit';

/**
 * The one place a status becomes a colour: any `.status--<status>` element sets `--_om-status-color` for itself and
 * everything inside it (a route-map tile's border and shape, a progression node's icon, a card's status tag).
 */
export const statusColours = css`
  .status--approved {
    --_om-status-color: var(--_om-color-status-approved);
  }
  .status--in-development {
    --_om-status-color: var(--_om-color-status-in-development);
  }
  .status--proposal {
    --_om-status-color: var(--_om-color-status-proposal);
  }
  .status--without-apprenticeship {
    --_om-status-color: var(--_om-color-status-without-apprenticeship);
  }
  .status--retired {
    --_om-status-color: var(--_om-color-status-retired);
  }
`;

/** The colour of `statusIcon()` (shared/labels.ts) inside a `.status--<status>` wrapper (the card, the comparison, the progression map). */
export const statusIconStyles = css`
  ${statusColours}
  .om-status-icon {
    color: var(--_om-status-color, currentColor);
  }
`;

/**
 * Status shapes drawn in CSS on an empty `.shape` span (route-map tiles, its legend and filters), the same distinct
 * shapes as `statusIcon()`'s SVGs, readable in greyscale. Colour from `statusColours`.
 */
export const statusShapes = css`
  /* One empty span per tile: hundreds of inline SVGs cost more to build than the rest of the tile. */
  .shape {
    position: relative;
    display: inline-block;
    flex: none;
    width: 12px;
    height: 12px;
    margin: 2px;
    border-radius: 50%;
    background: currentColor;
    forced-color-adjust: none;
  }
  .status--in-development .shape {
    border: 2px solid currentColor;
    background: linear-gradient(to right, transparent 50%, currentColor 50%);
  }
  .status--proposal .shape {
    border: 2px dashed currentColor;
    background: none;
  }
  .status--without-apprenticeship .shape {
    border-radius: 1px;
    transform: rotate(45deg) scale(0.85);
  }
  .status--retired .shape,
  .status--other .shape {
    border-radius: 0;
    background: none;
  }
  .status--other .shape {
    border: 2px solid currentColor;
  }
  .status--retired .shape::before,
  .status--retired .shape::after {
    content: '';
    position: absolute;
    inset: 4.5px -1px;
    background: currentColor;
    transform: rotate(45deg);
  }
  .status--retired .shape::after {
    transform: rotate(-45deg);
  }
`;
