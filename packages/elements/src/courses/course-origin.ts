/**
 * Where an element's course list comes from: `courses-src` (a URL, or `#id` of a script element) or, without it, the
 * page's first `<script type="application/json" data-om-courses>` (or `type="text/csv"`). Small and loaded with the
 * elements; fetching and parsing a list (course-source.ts) loads only when there is one.
 */
import { safeHref } from '../shared/occupation-href.js';

export type CourseSource = { kind: 'url'; url: string } | { kind: 'inline'; script: HTMLScriptElement } | { kind: 'invalid'; value: string };

/** The attribute on inline lists. */
export const INLINE_COURSES_SELECTOR = 'script[data-om-courses]';

/** The source for an element with this `courses-src` (or none), or `null` when it has no course list. */
export function courseSourceFor(host: Element, attribute: string | null | undefined): CourseSource | null {
  const value = attribute?.trim();
  const document = host.ownerDocument;
  if (!value) {
    const script = document.querySelector<HTMLScriptElement>(INLINE_COURSES_SELECTOR);
    return script ? { kind: 'inline', script } : null;
  }
  if (value.startsWith('#')) {
    const root = host.getRootNode() as Document | ShadowRoot;
    const id = value.slice(1);
    const script = (root.getElementById?.(id) ?? document.getElementById(id)) as HTMLElement | null;
    return script instanceof HTMLScriptElement ? { kind: 'inline', script } : { kind: 'invalid', value };
  }
  const href = safeHref(value, document.baseURI);
  return href ? { kind: 'url', url: new URL(href, document.baseURI).href } : { kind: 'invalid', value };
}

/** A stable identity for a source, for elements to notice a change. */
export const sourceKey = (source: CourseSource | null): unknown =>
  source === null ? null : source.kind === 'url' ? source.url : source.kind === 'inline' ? source.script : `invalid:${source.value}`;
