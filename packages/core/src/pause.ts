/** Lets the page run (input, paint) between two slices of work. */
export type Pause = () => Promise<void>;

/**
 * A pause that lets the page run: the browser scheduler's `yield()` where there is one (it keeps the task's priority),
 * else a new task. In a module of its own, so that elements using it carry nothing else of the core.
 */
export const pauseForHost: Pause = () => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};
