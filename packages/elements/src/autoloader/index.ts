import { ELEMENT_LOADERS } from './elements.js';
import { whenNearViewport } from '../shared/near-viewport.js';
import { isLazy, trackEagerLoad } from '../shared/eager-loads.js';

/**
 * Defines each element of the library when its tag first appears, by importing that element's code then (Shoelace's
 * autoloader pattern): a page pays only for the elements it uses. Importing this module checks the document at once
 * and then watches it for elements added later. `customElements.whenDefined(tag)` works as usual. Elements that show
 * other elements load those themselves when they need them (a `<route-map>` loads `<occupation-card>` when a person
 * first opens an occupation). An element with `loading="lazy"` is defined when it comes within a screen of the viewport
 * (or the page is printed), unless an element of the same tag without it needs the code earlier.
 */

const TAGS = Object.keys(ELEMENT_LOADERS);
const SELECTOR = TAGS.join(',');

/** One import per tag, shared by every discovery; a failed one is forgotten so a later discovery tries again. */
const loading = new Map<string, Promise<void>>();
const watched = new WeakSet<Node>();

function load(tag: string): Promise<void> {
  let pending = loading.get(tag);
  if (!pending) {
    // Imported even when another copy of the library already defined the tag: `define()` then warns about the
    // duplicate once, as the eager bundle does, instead of this copy staying silently unused.
    pending = ELEMENT_LOADERS[tag]!().then(
      () => undefined,
      (error: unknown) => {
        loading.delete(tag);
        console.warn(`occupational-maps: <${tag}> could not be loaded (${error instanceof Error ? error.message : String(error)}).`);
      },
    );
    loading.set(tag, pending);
  }
  return pending;
}

/** Lazy elements already waiting for the viewport, so a second discovery does not wait for them twice. */
const waitingForViewport = new WeakSet<Element>();

/**
 * Loads the tags of the library's elements in `root` (the root itself included): at once for most, and for a
 * `loading="lazy"` element when it comes near the viewport. Returns the loads started now.
 */
function loadTagsIn(root: ParentNode): Promise<void>[] {
  const elements = [...root.querySelectorAll(SELECTOR)];
  if (root instanceof Element && Object.hasOwn(ELEMENT_LOADERS, root.localName)) elements.unshift(root);
  const now = new Set<string>();
  for (const element of elements) {
    const tag = element.localName;
    if (!isLazy(element)) now.add(tag);
    else if (!loading.has(tag) && !waitingForViewport.has(element)) {
      waitingForViewport.add(element);
      whenNearViewport(element, () => void load(tag));
    }
  }
  return [...now].map((tag) => trackEagerLoad(load(tag)));
}

const observer = typeof MutationObserver === 'undefined'
  ? null
  : new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) loadTagsIn(node);
    }
  });

/**
 * Defines the library's elements found in `root` and watches it for more. The document is watched from the start;
 * call this for other roots the document's observer cannot see into, such as a host framework's shadow roots.
 * Resolves once the elements found are defined (`loading="lazy"` ones are defined later, near the viewport); never
 * rejects (a failed load is reported on the console).
 */
export function discover(root: Document | DocumentFragment | Element = document): Promise<void> {
  const target = root instanceof Document ? root.documentElement : root;
  if (observer && target && !watched.has(target)) {
    watched.add(target);
    observer.observe(target, { childList: true, subtree: true });
  }
  return Promise.all(loadTagsIn(root)).then(() => undefined);
}

if (typeof document !== 'undefined') void discover(document);
