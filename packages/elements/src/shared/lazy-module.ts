/**
 * A module imported on first use rather than with the element (its code is then a chunk of its own). The import runs
 * once; a failed one (say, a CDN chunk that could not be fetched) is forgotten, so the next call tries again.
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
