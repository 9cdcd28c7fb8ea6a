import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { EmbedError, type EmbedClient } from '@occupational-maps/core';
import { resolveApiBase } from './api-base.js';
import { isLazy, trackEagerLoad } from './eager-loads.js';
import { clientFor } from './client-loader.js';
import type { OmElement } from './om-element.js';
import { defaultStrings, type Strings } from './strings.js';

/** What an element asks its data controller to load. `null` means there is nothing to load yet (initial state). */
export interface DataRequest<T> {
  /** Identifies the request: a new key means new data (and a new `om-load`). Usually the Embed API path. */
  path: string;
  load: (client: EmbedClient, signal: AbortSignal) => Promise<T>;
}

export interface StateRenderers<T> {
  complete: (value: T) => unknown;
  /** When given with `isEmpty`, drawn instead of `complete` for an empty value. */
  empty?: (value: T) => unknown;
  initial?: () => unknown;
  /** A skeleton that reserves the content's size. */
  loading?: () => unknown;
  /** Extra content under the error message, e.g. guidance for a not-found code. */
  error?: (error: EmbedError) => unknown;
}

interface DataControllerOptions<T> {
  request: () => DataRequest<T> | null;
  isEmpty?: (value: T) => boolean;
}

/**
 * Loads an element's data through the shared client with @lit/task and draws one of five states — initial, loading
 * (a size-reserving skeleton, `aria-busy`), complete, empty, error (a polite live region and a Retry button).
 * Fires `om-load` once per new document and `om-error` once per failure.
 */
export class DataController<T> implements ReactiveController {
  private readonly task: Task<[string | null, string | null, EmbedClient | undefined], T>;
  private lastAnnouncedPath: string | null = null;
  /** With `loading="lazy"`: whether the element has come near the viewport, and the wait for it while it has not. */
  private nearViewport = false;
  private stopWaiting?: () => void;

  constructor(
    private readonly host: OmElement,
    private readonly options: DataControllerOptions<T>,
  ) {
    host.addController(this);
    this.task = new Task(host, {
      args: () => [resolveApiBase(host), this.deferred ? null : (options.request()?.path ?? null), host.client] as [string | null, string | null, EmbedClient | undefined],
      task: async ([apiBase, path, injected], { signal }) => {
        const request = options.request();
        if (!request || path === null) return undefined as T;
        const client = await clientFor(apiBase, injected);
        if (!client) throw new EmbedError('no-api-base', this.text.errorNoApiBase, { url: '' });
        return request.load(client, signal);
      },
      onComplete: () => {
        this.settleFirstLoad();
        this.announce('om-load');
      },
      onError: (error) => {
        this.settleFirstLoad();
        this.announce('om-error', error);
      },
    });
  }

  /** True while a `loading="lazy"` element waits to come near the viewport: nothing is fetched yet. */
  get deferred(): boolean {
    return !this.nearViewport && isLazy(this.host);
  }

  /**
   * An eager element counts as loading (for the lazy elements below it, see eager-loads.ts) from the moment it is
   * connected until its first data has rendered or failed, or it turns out to have nothing to load: its size is
   * settled only then. Counting from connection, not from the fetch, leaves no gap while its code or parts arrive.
   */
  private firstLoadSettled?: () => void;
  private firstLoadCounted = false;

  hostConnected(): void {
    if (this.firstLoadCounted || isLazy(this.host)) return;
    this.firstLoadCounted = true;
    trackEagerLoad(new Promise<void>((resolve) => (this.firstLoadSettled = resolve)));
  }

  private settleFirstLoad(): void {
    this.firstLoadSettled?.();
    this.firstLoadSettled = undefined;
  }

  hostUpdated(): void {
    // Nothing to load (no code or route given yet): nothing for others to wait for.
    if (this.firstLoadSettled && (this.options.request() === null || this.deferred)) this.settleFirstLoad();
  }

  hostUpdate(): void {
    if (!this.deferred || this.stopWaiting) return;
    let cancelled = false;
    this.stopWaiting = () => void (cancelled = true);
    // Loaded only by lazy elements: most pages have none, and every element's first download carries this controller.
    void import('./near-viewport.js').then(({ whenNearViewport }) => {
      if (cancelled) return;
      this.stopWaiting = whenNearViewport(this.host, () => {
        this.stopWaiting = undefined;
        this.nearViewport = true;
        this.host.requestUpdate();
      });
    });
  }

  hostDisconnected(): void {
    this.stopWaiting?.();
    this.stopWaiting = undefined;
    this.settleFirstLoad();
  }

  /** The host's strings, with the shared defaults under them for any a host without its own defaults lacks. */
  private get text(): Strings {
    return { ...defaultStrings, ...this.host.text };
  }

  get status(): TaskStatus {
    return this.task.status;
  }

  get value(): T | undefined {
    return this.task.value;
  }

  get error(): EmbedError | undefined {
    return this.task.error === undefined ? undefined : toEmbedError(this.task.error);
  }

  /** Loads again after a retryable failure (those are never cached, so the client asks the network afresh). */
  retry = (): void => {
    const root = this.host.shadowRoot;
    const hadFocus = root?.activeElement?.matches('[part~="retry-button"]') ?? false;
    void this.task.run().then(async () => {
      if (!hadFocus) return;
      // The Retry button goes away while loading: focus returns to the new Retry, or to the content that replaced it.
      await this.host.updateComplete;
      const target = root!.querySelector<HTMLElement>('[part~="retry-button"]') ?? root!.querySelector<HTMLElement>('[part~="state"]');
      const active = this.host.ownerDocument.activeElement;
      if (!target || (active !== null && active !== this.host.ownerDocument.body)) return; // the person has moved on
      if (!target.matches('button')) target.tabIndex = -1;
      target.focus({ preventScroll: true });
    });
  };

  render(renderers: StateRenderers<T>): TemplateResult {
    const text = this.text;
    const path = this.options.request()?.path ?? null;
    // A lazy element that is not near the viewport yet keeps the loading state's place, still and not busy.
    if (path !== null && this.deferred) return html`<div class="om-state om-state--deferred" part="state" aria-busy="false">${renderers.loading?.() ?? html`<div class="om-skeleton" part="skeleton"></div>`}</div>`;
    const state = path === null ? TaskStatus.INITIAL : this.task.status;
    const busy = state === TaskStatus.PENDING;
    let body: unknown = nothing;
    let announcement = '';
    switch (state) {
      case TaskStatus.INITIAL:
        body = renderers.initial?.() ?? nothing;
        break;
      case TaskStatus.PENDING:
        body = renderers.loading?.() ?? html`<div class="om-skeleton" part="skeleton"></div>`;
        announcement = text.loading;
        break;
      case TaskStatus.COMPLETE: {
        const value = this.task.value as T;
        body = this.options.isEmpty?.(value)
          ? renderers.empty?.(value) ?? html`<p class="om-message" part="message">${text.empty}</p>`
          : renderers.complete(value);
        break;
      }
      case TaskStatus.ERROR: {
        const error = this.error!;
        announcement = `${text.errorTitle}. ${messageFor(error, text)}`;
        body = this.renderError(error, text, renderers.error);
        break;
      }
    }
    return html`<div class="om-state" part="state" aria-busy=${busy ? 'true' : 'false'}>${body}</div>
      <div class="om-visually-hidden" role="status" aria-live="polite">${announcement}</div>`;
  }

  private renderError(error: EmbedError, text: Strings, extra?: (error: EmbedError) => unknown) {
    return html`<div class="om-error" part="error">
      <p class="om-error__title"><strong>${text.errorTitle}</strong></p>
      <p class="om-error__message">${messageFor(error, text)}</p>
      ${extra?.(error) ?? nothing}
      ${error.retryable
        ? html`<button type="button" class="om-button" part="retry-button" @click=${this.retry}>${text.retry}</button>`
        : nothing}
      <div class="om-fallback"><slot></slot></div>
    </div>`;
  }

  private announce(name: 'om-load' | 'om-error', error?: unknown): void {
    const path = this.options.request()?.path ?? null;
    if (path === null) return;
    if (name === 'om-load') {
      if (this.lastAnnouncedPath === path) return; // a re-run with the same data is not a change
      this.lastAnnouncedPath = path;
      this.host.emit('om-load', { path });
    } else {
      this.lastAnnouncedPath = null;
      const embedError = toEmbedError(error);
      if (embedError.kind === 'aborted') return;
      this.host.emit('om-error', { error: embedError, retryable: embedError.retryable });
    }
  }
}

/** Errors from another copy of the library on the page are EmbedErrors too, though not `instanceof` this copy's class. */
const looksLikeEmbedError = (error: unknown): error is EmbedError =>
  error instanceof EmbedError ||
  (error instanceof Error && typeof (error as EmbedError).kind === 'string' && typeof (error as EmbedError).retryable === 'boolean');

function toEmbedError(error: unknown): EmbedError {
  if (looksLikeEmbedError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new EmbedError('network', message, { url: '', cause: error });
}

/** The person-facing explanation of an error, from the strings in force. */
export function messageFor(error: EmbedError, text: Strings): string {
  switch (error.kind) {
    case 'not-found':
      return text.errorNotFound;
    case 'invalid-document':
      return text.errorInvalid;
    case 'bad-request':
      return text.errorBadRequest;
    case 'server':
      return text.errorServer;
    case 'rate-limited':
      return text.errorRateLimited;
    case 'no-api-base':
      return text.errorNoApiBase;
    default:
      return text.errorNetwork(originOf(error.url));
  }
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return 'the address set';
  }
};
