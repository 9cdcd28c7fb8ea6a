import { css } from 'lit';
import { choiceInputStyles } from '../shared/choice.styles.js';
import { fieldLook } from '../shared/field.styles.js';
import { statusColours, statusShapes } from '../shared/status.styles.js';
import { mapViewStyles } from './views/map-view.styles.js';
import { viewStyles } from './views/views.styles.js';

/** The element's frame: base, header, controls, toolbar and keyboard help. */
const frameStyles = css`
  :host {
    --_om-route-map-column-min: var(--om-route-map-column-min, 220px);
    --_om-route-map-tile-min: var(--om-route-map-tile-min, 180px);
    --_om-color-progression: var(--om-color-progression, #0b0c0c);
  }

  /* Layout rules below set display; a filtered-out part must stay hidden whatever they say. A collapsed part is
     hidden="until-found": not rendered, but find-in-page still finds its words and opens it (beforematch). */
  [hidden]:not([hidden='until-found']) {
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
  .summary--offered {
    display: flex;
    align-items: center;
    gap: var(--_om-space-2);
    color: var(--_om-color-text);
    font-weight: var(--_om-font-weight-bold);
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

`;

/**
 * Layout by container queries on `.base`: one column of stacked bands down to 320 px, three band columns once each
 * can be `--om-route-map-column-min` wide, and tiles side by side inside the columns on very wide containers. Last,
 * so they override the views' own rules.
 */
const responsiveStyles = css`
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
    .tile .shape,
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

/** Every style of `<route-map>`, in cascade order. */
export const routeMapStyles = [statusColours, statusShapes, frameStyles, mapViewStyles, viewStyles, responsiveStyles];
