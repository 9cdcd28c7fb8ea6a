import { css } from 'lit';
import { choiceInputStyles } from '../shared/choice.styles.js';
import { fieldLook } from '../shared/field.styles.js';
import { bandColumnStyles } from '../shared/band.styles.js';

/**
 * Layout by container queries on `.base`: one column of stacked bands down to 320 px, three band columns once each
 * can be `--om-route-map-column-min` wide, and tiles side by side inside the columns on very wide containers.
 */
export const routeMapStyles = css`
  :host {
    --_om-route-map-column-min: var(--om-route-map-column-min, 220px);
    --_om-route-map-tile-min: var(--om-route-map-tile-min, 180px);
    --_om-color-progression: var(--om-color-progression, #0b0c0c);
  }

  /* Layout rules below set display; a collapsed or filtered-out part must stay hidden whatever they say. */
  [hidden] {
    display: none !important;
  }

  .base {
    container-type: inline-size;
    container-name: om-route-map;
    min-width: 0;
  }

  .heading {
    margin: 0;
    font-weight: var(--_om-font-weight-bold);
    line-height: 1.25;
  }
  .heading--route {
    font-size: var(--_om-font-size-heading);
  }
  .heading--pathway,
  .heading--selection {
    font-size: var(--_om-font-size-large);
  }
  .heading--band,
  .heading--cluster,
  .heading--legend {
    font-size: var(--_om-font-size);
  }

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_om-space-2) var(--_om-space-4);
    margin-block-end: var(--_om-space-4);
  }
  .summary,
  .note {
    margin: 0;
    color: var(--_om-color-text-muted);
  }
  .note {
    margin-block-end: var(--_om-space-3);
  }

  .message {
    padding: var(--_om-space-3) var(--_om-space-4);
    border-inline-start: 5px solid var(--_om-color-border);
    background: var(--_om-color-surface-alt);
  }
  .message p {
    margin: 0 0 var(--_om-space-2);
  }
  .message p:last-child {
    margin-block-end: 0;
  }
  .route-list {
    margin: 0;
    padding-inline-start: var(--_om-space-5);
  }

  /* ——— Controls ——— */
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_om-space-3) var(--_om-space-5);
    align-items: flex-start;
    margin-block-end: var(--_om-space-4);
    padding: var(--_om-space-3) var(--_om-space-4);
    background: var(--_om-color-surface-alt);
    border-radius: var(--_om-radius);
  }
  .control {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_om-space-1);
  }
  .control--search {
    flex: 1 1 16em;
  }
  .control legend,
  .control > label {
    padding: 0;
    font-weight: var(--_om-font-weight-bold);
  }
  .hint {
    color: var(--_om-color-text-muted);
    font-size: var(--_om-font-size-small);
  }
  .controls input[type='search'],
  .controls select {
    ${fieldLook}
    max-width: 100%;
    padding: var(--_om-space-1) var(--_om-space-2);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_om-space-2);
    min-height: 32px;
    cursor: pointer;
  }
  ${choiceInputStyles}
  .control--actions {
    align-self: flex-end;
  }

  .toolbar,
  .selection__actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_om-space-2);
    margin-block-end: var(--_om-space-3);
  }

  /*
   * The keyboard help: hidden until a keyboard user is in the map (focus-visible inside it), then shown above it, so
   * sighted keyboard users also learn that Tab leaves the map and the arrow keys move inside it.
   */
  .map-instructions:not(:has(+ .map :focus-visible)) {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    border: 0;
    white-space: nowrap;
  }
  .map-instructions {
    margin: 0 0 var(--_om-space-2);
    padding: var(--_om-space-2) var(--_om-space-3);
    border-inline-start: 4px solid var(--_om-color-brand);
    background: var(--_om-color-surface-alt);
    color: var(--_om-color-text);
    font-size: var(--_om-font-size-small);
  }

  /* ——— Map ——— */
  .map {
    display: flex;
    flex-direction: column;
    gap: var(--_om-space-4);
  }
  .pathway {
    border-block-start: 4px solid var(--_om-color-route-accent);
  }
  .toggle {
    font: inherit;
    font-weight: inherit;
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_om-space-1) var(--_om-space-2);
    width: 100%;
    min-height: var(--_om-target-size);
    padding: var(--_om-space-2);
    border: 0;
    background: transparent;
    color: inherit;
    text-align: start;
    cursor: pointer;
  }
  .toggle:hover {
    background: var(--_om-color-surface-alt);
  }
  .toggle .count {
    font-weight: 400;
    font-size: var(--_om-font-size-small);
    color: var(--_om-color-text-muted);
  }
  .chevron {
    flex: none;
    transition: transform 0.15s ease-out;
  }
  .toggle[aria-expanded='true'] .chevron {
    transform: rotate(90deg);
  }

  .pathway__body {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_om-space-3);
  }
  .column {
    min-width: 0;
    padding: var(--_om-space-2);
    border-radius: var(--_om-radius);
  }
  ${bandColumnStyles}
  .heading--band {
    padding: var(--_om-space-1) var(--_om-space-2);
  }
  .column__levels {
    display: block;
    font-weight: 400;
    font-size: var(--_om-font-size-small);
  }
  .column__empty {
    margin: var(--_om-space-2);
    color: var(--_om-color-text-muted);
    font-size: var(--_om-font-size-small);
  }
  .cluster + .cluster {
    margin-block-start: var(--_om-space-2);
  }
  .heading--cluster .toggle {
    padding-inline: var(--_om-space-1);
  }
  .tiles {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_om-space-2);
  }
  .tile-item {
    min-width: 0;
  }

  .tile {
    font: inherit;
    display: flex;
    flex-direction: column;
    gap: var(--_om-space-1);
    width: 100%;
    min-height: var(--_om-target-size);
    padding: var(--_om-space-2) var(--_om-space-3);
    border: var(--_om-border-width) solid var(--_om-color-border);
    border-inline-start: 6px solid var(--_om-tile-status, var(--_om-color-border));
    border-radius: var(--_om-radius);
    background: var(--_om-color-surface);
    color: var(--_om-color-text);
    text-align: start;
    text-decoration: none;
    overflow-wrap: anywhere;
    cursor: pointer;
  }
  a.tile:visited {
    color: var(--_om-color-text);
  }
  .tile:hover {
    box-shadow: var(--_om-elevation);
  }
  .tile:hover .tile__title {
    text-decoration: underline;
  }
  .tile:focus-visible {
    outline: var(--_om-focus-width) solid var(--_om-color-focus);
    box-shadow: 0 0 0 calc(var(--_om-focus-width) * 2) var(--_om-color-focus-text);
    color: var(--_om-color-text);
    background: var(--_om-color-surface);
  }
  .tile__title {
    font-weight: var(--_om-font-weight-bold);
  }
  /* A filled star, the shape of <favourite-toggle>'s on state; inline-block so the title's hover underline skips it. */
  .favourite-marker {
    --_om-favourite-color: var(--om-favourite-color, #b35900);
    display: inline-block;
    margin-inline-start: var(--_om-space-1);
    vertical-align: -0.125em;
    color: var(--_om-favourite-color);
    line-height: 0;
  }
  .favourite-marker svg {
    width: 1em;
    height: 1em;
    fill: currentColor;
  }
  .tile__meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_om-space-2);
    font-size: var(--_om-font-size-small);
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: var(--_om-space-1);
    color: var(--_om-tile-status, var(--_om-color-text));
  }
  .status__words {
    color: var(--_om-color-text);
  }
  .status--approved {
    --_om-tile-status: var(--_om-color-status-approved);
  }
  .status--in-development {
    --_om-tile-status: var(--_om-color-status-in-development);
  }
  .status--proposal {
    --_om-tile-status: var(--_om-color-status-proposal);
  }
  .status--without-apprenticeship {
    --_om-tile-status: var(--_om-color-status-without-apprenticeship);
  }
  .status--retired {
    --_om-tile-status: var(--_om-color-status-retired);
  }
  .markers {
    padding: 0 0.35em;
    border: 1px solid currentColor;
    border-radius: 2px;
    font-weight: var(--_om-font-weight-bold);
    font-size: 0.85em;
    letter-spacing: 0.1em;
    white-space: pre;
  }

  /*
   * Status shapes drawn in CSS, one empty span per tile (hundreds of inline SVGs cost more to build than the rest of
   * the tile): the same distinct shapes as the shared status icons, readable in greyscale.
   */
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
  .marker {
    display: inline-grid;
    place-items: center;
    min-width: 1.5em;
    height: 1.5em;
    padding: 0 0.2em;
    border: 1px solid currentColor;
    border-radius: 2px;
    font-weight: var(--_om-font-weight-bold);
    font-size: 0.85em;
    line-height: 1;
  }

  /* Progression: words on the tile plus an outline style per relation, so colour is never the only signal. */
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_om-space-1);
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_om-space-2);
    border: 2px solid var(--_om-color-progression);
    border-radius: 999px;
    font-size: var(--_om-font-size-small);
    font-weight: var(--_om-font-weight-bold);
    background: var(--_om-color-surface);
    color: var(--_om-color-text);
  }
  .badge--selected {
    background: var(--_om-color-progression);
    color: var(--_om-color-surface);
  }
  .badge--leads-to {
    border-style: dashed;
  }
  .badge--comes-from {
    border-style: dotted;
  }
  .tile.is-selected {
    outline: 4px solid var(--_om-color-progression);
    outline-offset: 1px;
  }
  .tile.is-leads-to {
    outline: 3px dashed var(--_om-color-progression);
    outline-offset: 1px;
  }
  .tile.is-comes-from {
    outline: 3px dotted var(--_om-color-progression);
    outline-offset: 1px;
  }
  .tile.is-selected:focus-visible,
  .tile.is-leads-to:focus-visible,
  .tile.is-comes-from:focus-visible {
    outline: var(--_om-focus-width) solid var(--_om-color-focus);
  }

  /* ——— Selection ——— */
  .selection {
    margin-block-end: var(--_om-space-4);
    padding: var(--_om-space-3) var(--_om-space-4);
    border: 2px solid var(--_om-color-progression);
    border-radius: var(--_om-radius);
  }
  .selection__lists {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_om-space-3);
    margin-block: var(--_om-space-3);
  }
  .selection__lists ul {
    margin: var(--_om-space-1) 0 0;
    padding-inline-start: var(--_om-space-5);
  }
  .selection__label,
  .selection__none {
    margin: 0;
  }
  /* Buttons that read as links: progression items, and occupations in the list and table views. */
  .link-button,
  .list__link,
  .table__link {
    font: inherit;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_om-color-link);
    text-decoration: underline;
    text-align: start;
    cursor: pointer;
  }
  .list__link,
  .table__link {
    font-weight: var(--_om-font-weight-bold);
    min-height: 24px;
  }
  a.list__link,
  a.table__link {
    display: inline-block;
  }
  .link-button:focus-visible,
  .list__link:focus-visible,
  .table__link:focus-visible {
    outline: none;
    color: var(--_om-color-focus-text);
    background: var(--_om-color-focus);
    box-shadow: 0 -2px var(--_om-color-focus), 0 4px var(--_om-color-focus-text);
    text-decoration: none;
  }

  /* ——— List ——— */
  .list .heading--pathway {
    margin-block: var(--_om-space-4) var(--_om-space-2);
    padding-block-start: var(--_om-space-2);
    border-block-start: 4px solid var(--_om-color-route-accent);
  }
  .list .heading--band,
  .list .heading--cluster {
    margin-block: var(--_om-space-3) var(--_om-space-1);
    padding: 0;
  }
  .list .heading--cluster {
    font-weight: 400;
    font-style: italic;
  }
  .list__items {
    margin: 0;
    padding-inline-start: var(--_om-space-5);
  }
  .list__items li {
    margin-block-end: var(--_om-space-2);
  }
  .list__title-row {
    display: inline-flex;
    align-items: center;
    flex-wrap: wrap;
    gap: var(--_om-space-1);
  }
  .list__facts {
    display: block;
    font-size: var(--_om-font-size-small);
  }
  .list__facts .status {
    color: var(--_om-tile-status);
  }

  /* ——— Table ——— */
  .table-wrap {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: var(--_om-font-size-small);
  }
  caption {
    text-align: start;
    font-weight: var(--_om-font-weight-bold);
    padding-block-end: var(--_om-space-2);
  }
  th,
  td {
    padding: var(--_om-space-2);
    border-block-end: 1px solid var(--_om-color-border);
    text-align: start;
    vertical-align: top;
  }
  td.table__favourite {
    padding-block: 0;
    vertical-align: middle;
  }
  thead th {
    border-block-end-width: 2px;
    border-block-end-color: var(--_om-color-text);
  }

  /* ——— Legend ——— */
  .legend {
    margin-block-start: var(--_om-space-5);
    padding-block-start: var(--_om-space-3);
    border-block-start: 1px solid var(--_om-color-border);
    font-size: var(--_om-font-size-small);
  }
  .legend__groups {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_om-space-3) var(--_om-space-6);
  }
  .legend ul {
    list-style: none;
    margin: var(--_om-space-1) 0 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_om-space-1);
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: var(--_om-space-2);
  }
  .legend__title {
    margin: 0;
    font-weight: var(--_om-font-weight-bold);
  }

  /* ——— Dialog ——— */
  .dialog {
    box-sizing: border-box;
    width: min(640px, 100vw);
    max-width: 100vw;
    height: 100dvh;
    max-height: 100dvh;
    margin: 0 0 0 auto;
    padding: 0;
    border: 0;
    border-inline-start: 4px solid var(--_om-color-route-accent);
    background: var(--_om-color-surface);
    color: var(--_om-color-text);
    font: inherit;
    overflow: auto;
  }
  .dialog::backdrop {
    background: rgb(11 12 12 / 0.45);
  }
  .dialog__bar {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_om-space-3);
    padding: var(--_om-space-2) var(--_om-space-4);
    background: var(--_om-color-surface);
    border-block-end: 1px solid var(--_om-color-border);
  }
  .dialog__title {
    font-weight: var(--_om-font-weight-bold);
  }
  .dialog occupation-card {
    display: block;
    padding: var(--_om-space-4);
  }

  .skeleton-map {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_om-space-3);
    --_om-skeleton-height: 12em;
  }

  /* ——— Compact ——— */
  :host([compact]) .tile {
    padding: var(--_om-space-1) var(--_om-space-2);
    min-height: 32px;
    font-size: var(--_om-font-size-small);
  }
  :host([compact]) .tile__meta {
    gap: var(--_om-space-1);
  }
  :host([compact]) .tiles {
    gap: var(--_om-space-1);
  }
  :host([compact]) .column {
    padding: var(--_om-space-1);
  }

  /* ——— Container sizes ——— */
  @container om-route-map (min-width: 672px) {
    .selection__lists {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  @container om-route-map (min-width: calc(3 * 220px + 2 * 12px)) {
    .pathway__body,
    .skeleton-map {
      grid-template-columns: repeat(3, minmax(var(--_om-route-map-column-min), 1fr));
    }
  }
  @container om-route-map (min-width: 1200px) {
    .tiles {
      grid-template-columns: repeat(auto-fill, minmax(var(--_om-route-map-tile-min), 1fr));
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .chevron {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    .shape,
    .favourite-marker {
      color: CanvasText;
    }
    .tile,
    .toggle {
      border-color: CanvasText;
    }
    .tile {
      border-inline-start-color: CanvasText;
    }
    .tile.is-selected,
    .tile.is-leads-to,
    .tile.is-comes-from,
    .badge {
      outline-color: Highlight;
      border-color: CanvasText;
    }
    .badge--selected {
      background: Highlight;
      color: HighlightText;
    }
    .column {
      border: 1px solid CanvasText;
    }
    /* Focus drawn with a background or box shadow vanishes in forced colours: an outline stays. */
    .tile:focus-visible,
    .link-button:focus-visible,
    .list__link:focus-visible,
    .table__link:focus-visible {
      outline: var(--_om-focus-width) solid Highlight;
    }
  }
`;
