import { css } from 'lit';

export const socBadgeStyles = css`
  :host {
    --_soc-font-size: var(--_om-font-size);
    --_soc-code-background: var(--om-soc-code-background, var(--_om-color-brand));
    --_soc-code-color: var(--om-soc-code-color, var(--_om-color-brand-text));
    --_soc-background: var(--om-soc-background, var(--_om-color-surface-alt));
    display: inline-block;
    max-width: 100%;
    vertical-align: middle;
    font-size: var(--_soc-font-size) !important;
  }
  :host([size='small']) {
    --_soc-font-size: var(--_om-font-size-small);
  }
  :host([size='large']) {
    --_soc-font-size: var(--_om-font-size-large);
  }
  :host([open]) {
    display: block;
  }

  /* A class, not a style attribute: strict CSPs refuse inline style attributes (style-src-attr). */
  .visual {
    display: contents;
  }

  .badge {
    display: inline-flex;
    align-items: stretch;
    max-width: 100%;
    border: var(--_om-border-width) solid var(--_om-color-border);
    border-radius: var(--_om-radius);
    background: var(--_soc-background);
    color: var(--_om-color-text);
    font: inherit;
    text-align: start;
    overflow: hidden;
  }
  button.badge {
    cursor: pointer;
    padding: 0;
    min-height: var(--_om-target-size);
  }
  .code {
    display: inline-flex;
    flex-direction: column;
    justify-content: center;
    padding: var(--_om-space-1) var(--_om-space-2);
    background: var(--_soc-code-background);
    color: var(--_soc-code-color);
    font-weight: var(--_om-font-weight-bold);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .edition {
    font-size: 0.75em;
    font-weight: 400;
    line-height: 1.2;
  }
  .title {
    display: inline-flex;
    align-items: center;
    gap: var(--_om-space-2);
    padding: var(--_om-space-1) var(--_om-space-2);
    min-width: 0;
  }
  .title--missing {
    font-style: italic;
    color: var(--_om-color-text-muted);
  }
  .badge--unknown {
    border-style: dashed;
    border-color: var(--_om-color-error);
  }
  .badge--unknown .code {
    background: var(--_om-color-surface);
    color: var(--_om-color-error);
  }

  .chevron {
    flex: none;
  }

  .detail[hidden] {
    display: none;
  }
  @media (forced-colors: active) {
    .badge {
      border-color: CanvasText;
    }
    .code {
      forced-color-adjust: none;
      background: CanvasText;
      color: Canvas;
    }
  }
`;
