import { css } from 'lit';

/**
 * The course overlay's look, shared by every element that takes `courses-src`: the "Offered here" marker (a filled
 * diamond, so it is not told by colour alone, beside or instead of the words), the notice when a list cannot be
 * used, and a list of courses.
 */
export const coursesStyles = css`
  .om-offered {
    display: inline-flex;
    align-items: center;
    gap: var(--_om-space-1);
    font-size: var(--_om-font-size-small);
    font-weight: var(--_om-font-weight-bold);
    color: var(--_om-color-text);
  }
  .om-offered__shape {
    display: inline-block;
    inline-size: 0.6em;
    block-size: 0.6em;
    flex: none;
    background: var(--_om-color-brand);
    transform: rotate(45deg);
  }
  .om-courses-notice {
    border-inline-start: 5px solid var(--_om-color-text-muted);
    padding: var(--_om-space-2) var(--_om-space-3);
    margin-block: var(--_om-space-2);
    background: var(--_om-color-surface);
  }
  .om-courses-notice p {
    margin: 0 0 var(--_om-space-1);
  }
  .om-course-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_om-space-2);
  }
  .om-course-list a {
    color: var(--_om-color-link);
    font-weight: var(--_om-font-weight-bold);
  }
  .om-course-list a:visited {
    color: var(--_om-color-link-visited);
  }
  .om-course-facts {
    display: block;
    font-size: var(--_om-font-size-small);
    color: var(--_om-color-text-muted);
  }
  @media (forced-colors: active) {
    .om-offered__shape {
      background: CanvasText;
      forced-color-adjust: none;
    }
  }
`;
