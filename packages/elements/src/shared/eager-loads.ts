/**
 * The eager loads of the page's elements (their code, their data), so that `loading="lazy"` elements judge their
 * distance from the viewport only once the eager content above them has its real size: before a route map has drawn
 * its occupations, everything below it sits a screen higher than it will.
 */

/**
 * Whether an element asks to load lazily: `loading="lazy"` in any case, as the attribute or as the property (which
 * the autoloader may see set on an element whose code has not arrived yet). The autoloader and the data controller
 * both ask this, so they never disagree about an element.
 */
export const isLazy = (element: Element): boolean =>
  String((element as { loading?: unknown }).loading ?? element.getAttribute('loading')).toLowerCase() === 'lazy';

/** A lazy element waits at most this long for the eager loads (one that hangs must not keep it waiting forever). */
const MAX_WAIT_MS = 5000;

let pending = 0;
/** Counts every load started, so a load that starts and ends between two checks is still noticed. */
let started = 0;
let settling: Promise<void> | undefined;

/** Counts `promise` as an eager load until it settles. */
export function trackEagerLoad<T>(promise: Promise<T>): Promise<T> {
  pending++;
  started++;
  const done = () => void pending--;
  promise.then(done, done);
  return promise;
}

const nextFrame = () => new Promise<void>((resolve) => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => resolve()) : setTimeout(resolve, 16)));

/**
 * Resolves once no eager load has been pending over two frames in a row (the content they brought is rendered and
 * laid out by then), or after `MAX_WAIT_MS`.
 */
export function eagerLoadsSettled(): Promise<void> {
  settling ??= new Promise<void>((resolve) => {
    const deadline = Date.now() + MAX_WAIT_MS;
    const check = async () => {
      for (;;) {
        const before = started;
        await nextFrame();
        await nextFrame();
        if ((pending === 0 && started === before) || Date.now() >= deadline) break;
      }
      settling = undefined;
      resolve();
    };
    void check();
  });
  return settling;
}
