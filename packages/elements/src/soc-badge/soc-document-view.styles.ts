import { css } from 'lit';

/** The styles of the detail's Embed API part, adopted by `<soc-badge>` when that part first loads. */
export const socDocumentViewStyles = css`
  .section-title {
    margin: var(--_om-space-3) 0 var(--_om-space-1);
    font-weight: var(--_om-font-weight-bold);
  }
  .occupations {
    margin: 0;
    padding-inline-start: var(--_om-space-5);
  }
  .occupations li + li {
    margin-top: var(--_om-space-1);
  }
  .occupation-level {
    color: var(--_om-color-text-muted);
  }
  .om-skeleton {
    --_om-skeleton-height: 3em;
  }
`;
