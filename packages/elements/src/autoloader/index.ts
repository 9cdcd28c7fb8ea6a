import { ELEMENT_LOADERS } from './elements.js';

/**
 * Defines each element of the library when its tag first appears, by importing that element's code then (Shoelace's
 * autoloader pattern): a page pays only for the elements it uses. Importing this module checks the document at once
 * and then watches it for elements added later. `customElements.whenDefined(tag)` works as usual. Elements that show
 * other elements load those themselves when they need them (a `<route-map>` loads `<occupation-card>` when a person
 * first opens an occupation).
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

/** The library's tags in `root`, the root itself included. */
function tagsIn(root: ParentNode): Set<string> {
  const found = new Set<string>();
  if (root instanceof Element && Object.hasOwn(ELEMENT_LOADERS, root.localName)) found.add(root.localName);
  for (const element of root.querySelectorAll(SELECTOR)) found.add(element.localName);
  return found;
}

const observer = typeof MutationObserver === 'undefined'
  ? null
  : new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) for (const tag of tagsIn(node)) void load(tag);
    }
  });

/**
 * Defines the library's elements found in `root` and watches it for more. The document is watched from the start;
 * call this for other roots the document's observer cannot see into, such as a host framework's shadow roots.
 * Resolves once the elements found are defined; never rejects (a failed load is reported on the console).
 */
export function discover(root: Document | DocumentFragment | Element = document): Promise<void> {
  const target = root instanceof Document ? root.documentElement : root;
  if (observer && target && !watched.has(target)) {
    watched.add(target);
    observer.observe(target, { childList: true, subtree: true });
  }
  return Promise.all([...tagsIn(root)].map(load)).then(() => undefined);
}

if (typeof document !== 'undefined') void discover(document);
