import { css } from 'lit';
import { bandColumnStyles } from '../shared/band.styles.js';
import { statusIconStyles } from '../shared/status.styles.js';
import { occupationBoxLook } from '../shared/tile.styles.js';

export const progressionMapStyles = css`
  :host {
    /* Line colours per route, from theme tokens so presets (dark, high contrast) restyle them too. */
    --_om-line-0: var(--_om-color-route-accent);
    --_om-line-1: var(--_om-color-status-without-apprenticeship);
    --_om-line-2: var(--_om-color-status-in-development);
    --_om-line-3: var(--_om-color-text-muted);
    --_om-line-4: var(--_om-color-status-approved);
    --_om-line-5: var(--_om-color-status-retired);
    --_om-skeleton-height: 16em;
  }

  .base {
    container-type: inline-size;
  }

  .summary {
    margin: 0 0 var(--_om-space-4);
  }

  .message {
    margin: 0;
    padding: var(--_om-space-4);
    border: var(--_om-border-width) solid var(--_om-color-border);
    border-radius: var(--_om-radius);
    background: var(--_om-color-surface-alt);
  }

  .scroller {
    overflow-x: auto;
  }

  /* Stacked bands with relations in words: the list view, and any container too narrow for columns. */
  .diagram {
    position: relative;
  }
  .column + .column {
    margin-top: var(--_om-space-4);
  }
  .arrows {
    display: none;
  }
  .relations {
    padding-inline-start: var(--_om-space-3);
  }

  @container (min-width: 576px) {
    :host(:not([view='list'])) .diagram {
      display: grid;
      grid-template-columns: repeat(var(--_columns, 3), minmax(192px, 1fr));
      /* The gaps carry the arrows, including the loops between occupations of one band. */
      column-gap: var(--_om-space-6);
      padding-inline-end: var(--_om-space-6);
      min-width: min-content;
    }
    :host(:not([view='list'])) .column + .column {
      margin-top: 0;
    }
    :host(:not([view='list'])) .arrows {
      display: block;
    }
    /* In the diagram the arrows say this; the lists stay for assistive technology. */
    :host(:not([view='list'])) .relations {
      position: absolute;
      width: 1px;
      height: 1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }

  .arrows {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    overflow: visible;
    pointer-events: none;
    z-index: 1;
  }

  .arrow {
    fill: none;
    stroke-width: 2;
    stroke-linecap: round;
  }
  .arrow--active {
    stroke-width: 4;
  }
  .arrowhead path {
    stroke: none;
  }
  .line-0 { stroke: var(--_om-line-0); }
  .line-1 { stroke: var(--_om-line-1); }
  .line-2 { stroke: var(--_om-line-2); }
  .line-3 { stroke: var(--_om-line-3); }
  .line-4 { stroke: var(--_om-line-4); }
  .line-5 { stroke: var(--_om-line-5); }
  .arrowhead.line-0 path { fill: var(--_om-line-0); }
  .arrowhead.line-1 path { fill: var(--_om-line-1); }
  .arrowhead.line-2 path { fill: var(--_om-line-2); }
  .arrowhead.line-3 path { fill: var(--_om-line-3); }
  .arrowhead.line-4 path { fill: var(--_om-line-4); }
  .arrowhead.line-5 path { fill: var(--_om-line-5); }

  @media (prefers-reduced-motion: no-preference) {
    .arrow {
      transition: d 200ms ease-out, stroke-width 120ms ease-out;
    }
  }

  .column {
    min-width: 0;
    padding: var(--_om-space-3);
    border-radius: var(--_om-radius);
  }
  ${bandColumnStyles}

  .column__heading {
    margin: 0 0 var(--_om-space-3);
    font-size: var(--_om-font-size-large);
    font-weight: var(--_om-font-weight-bold);
  }
  .column__levels {
    display: block;
    font-size: var(--_om-font-size-small);
    font-weight: 400;
    color: var(--_om-color-text-muted);
  }

  .nodes {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_om-space-5);
  }

  .node {
    position: relative;
    z-index: 2;
    ${occupationBoxLook}
    border-inline-start: 5px solid var(--_om-color-border);
  }
  a.node:visited {
    color: var(--_om-color-text);
  }
  .node:hover .node__title {
    text-decoration: underline;
  }
  .node--key {
    border: 3px solid var(--_om-color-route-accent);
    border-inline-start-width: 8px;
    box-shadow: var(--_om-elevation);
  }
  .node--other-route {
    border-style: dashed;
    border-inline-start-style: solid;
  }
  .node--related {
    outline: 2px dashed var(--_om-color-text);
    outline-offset: 2px;
  }
  .node:focus-visible {
    outline: var(--_om-focus-width) solid var(--_om-color-focus);
    outline-offset: 0;
    box-shadow: 0 0 0 calc(var(--_om-focus-width) * 2) var(--_om-color-focus-text);
  }
  .node__title {
    font-weight: var(--_om-font-weight-bold);
    color: var(--_om-color-link);
  }
  .node__meta {
    display: flex;
    align-items: center;
    gap: var(--_om-space-2);
    font-size: var(--_om-font-size-small);
  }
  .node__status {
    display: inline-flex;
  }
  ${statusIconStyles}
  .node__route,
  .node__key-label {
    font-size: var(--_om-font-size-small);
  }
  .node__key-label {
    font-weight: var(--_om-font-weight-bold);
  }

  .relations ul {
    margin: 0 0 var(--_om-space-2);
    padding-inline-start: var(--_om-space-5);
  }
  .relations__label {
    margin: var(--_om-space-2) 0 0;
    font-weight: var(--_om-font-weight-bold);
  }

  .route-key {
    margin-top: var(--_om-space-4);
    font-size: var(--_om-font-size-small);
  }
  .route-key__title {
    margin: 0 0 var(--_om-space-1);
    font-weight: var(--_om-font-weight-bold);
  }
  .route-key ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_om-space-2) var(--_om-space-5);
  }
  .route-key li {
    display: flex;
    align-items: center;
    gap: var(--_om-space-2);
  }
  .route-key__sample line {
    stroke-width: 3;
  }

  @media (forced-colors: active) {
    .arrow,
    .route-key__sample line {
      stroke: CanvasText;
    }
    .arrowhead path {
      fill: CanvasText;
    }
    .node {
      border-color: ButtonText;
    }
    .node--key {
      border-color: Highlight;
    }
  }
`;
