import { css } from 'lit';
import { bandColumnStyles } from '../../shared/band.styles.js';
import { occupationBoxLook } from '../../shared/tile.styles.js';

/** The map view: pathways, band columns, clusters and tiles. Status colours and shapes come from shared/status.styles.ts. */
export const mapViewStyles = css`
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
  /* A route's later clusters while it renders in parts, before their tiles arrive (a few tasks later): about the room the heading and
     tiles will take in one column (the map view sets --_om-cluster-tiles), so little moves when they come. No
     content-visibility here: Chromium leaves skipped content out of the accessibility tree, and screen readers must
     reach every occupation. */
  .cluster--pending {
    min-block-size: calc(var(--_om-cluster-tiles, 1) * 4.5em + 3em);
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
    ${occupationBoxLook}
    border-inline-start: 6px solid var(--_om-status-color, var(--_om-color-border));
    overflow-wrap: anywhere;
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
  .offered-marker {
    margin-inline-start: var(--_om-space-2);
    vertical-align: 0.05em;
  }
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
  /* A tile's status shape takes the colour its status class sets on the tile. */
  .tile .shape {
    color: var(--_om-status-color, var(--_om-color-text));
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: var(--_om-space-1);
    color: var(--_om-status-color, var(--_om-color-text));
  }
  .status__words {
    color: var(--_om-color-text);
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

`;
