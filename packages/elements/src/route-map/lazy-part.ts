import type { ReactiveControllerHost } from 'lit';

/**
 * A part of the map whose code is a chunk of its own, fetched only by maps that show it (the list and table views,
 * the control bar): `get()` gives the module once it has arrived and otherwise starts fetching it, re-rendering the
 * map when it arrives; `failed` says it could not be fetched, and `ready()` tries again.
 */
export class LazyPart<T> {
  /** The module, once it has arrived. */
  module?: T;
  /** True when the last attempt failed; `get()` then waits for `ready()` (a Retry) rather than trying on each render. */
  failed = false;
  private pending?: Promise<T>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: () => Promise<T>,
  ) {}

  /** The module if it has arrived; otherwise undefined, and the first call starts fetching it. */
  get(): T | undefined {
    if (!this.module && !this.failed) void this.ready().catch(() => {});
    return this.module;
  }

  /** Fetches the module (once; again after a failure) and re-renders the map when it arrives or fails. */
  ready(): Promise<T> {
    this.failed = false;
    this.pending ??= this.load().then(
      (module) => {
        this.module = module;
        this.host.requestUpdate();
        return module;
      },
      (error: unknown) => {
        this.pending = undefined;
        this.failed = true;
        this.host.requestUpdate();
        throw error;
      },
    );
    return this.pending;
  }
}
