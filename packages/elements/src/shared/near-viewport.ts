/**
 * `loading="lazy"` for elements, as for images: an element far down a long page fetches its code and data only when
 * it comes within about a screen of the viewport, so the page's first seconds go to what people see first.
 */

import { eagerLoadsSettled } from './eager-loads.js';

/** How far outside the viewport an element starts loading: one viewport height above and below. */
const AHEAD = '100% 0px';

const waiting = new Map<Element, Set<() => void>>();
let observer: IntersectionObserver | undefined;

function release(target: Element): void {
  const callbacks = waiting.get(target);
  if (!callbacks) return;
  waiting.delete(target);
  observer?.unobserve(target);
  for (const callback of callbacks) callback();
}

/** Printing shows every element, so everything still waiting loads when the page is about to be printed. */
function releaseAll(): void {
  for (const target of [...waiting.keys()]) release(target);
}

/**
 * Calls `callback` once, when `target` comes within a viewport height of the viewport (at once where there is no
 * IntersectionObserver), or when the page is about to be printed. Distances count once the page's eager loads have
 * settled (`eagerLoadsSettled`). Returns a function that cancels the wait.
 */
export function whenNearViewport(target: Element, callback: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    callback();
    return () => {};
  }
  if (!observer) {
    observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) release(entry.target);
      },
      { rootMargin: AHEAD },
    );
    addEventListener('beforeprint', releaseAll);
  }
  let callbacks = waiting.get(target);
  if (!callbacks) {
    callbacks = new Set();
    waiting.set(target, callbacks);
    // Watched once the eager content has its size; until then this element's place on the page means little.
    const watching = observer;
    void eagerLoadsSettled().then(() => {
      if (waiting.get(target) === callbacks) watching.observe(target);
    });
  }
  const once = () => callback();
  callbacks.add(once);
  return () => {
    const current = waiting.get(target);
    if (!current?.delete(once) || current.size > 0) return;
    waiting.delete(target);
    observer?.unobserve(target);
  };
}
