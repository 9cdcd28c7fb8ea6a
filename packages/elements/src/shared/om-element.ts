import { LitElement, type PropertyDeclarations } from 'lit';
import type { EmbedClient } from '@occupational-maps/core';
import { baseStrings } from './base-strings.js';
import type { StringOverrides, Strings } from './strings.js';
import { VERSION } from './version.js';

/** The `om-*` events on `HTMLElementEventMap` (events.ts). */
type OmEventName = Extract<keyof HTMLElementEventMap, `om-${string}`>;
/** Every `om-*` event an element dispatches on itself; the type check fails when events.ts gains one not listed. */
const OM_EVENTS = ['om-load', 'om-error', 'om-occupation-select', 'om-filter-change', 'om-favourite-change'] as const satisfies readonly OmEventName[];
type Listed<Unlisted extends never> = Unlisted;
// Does not compile while an om-* event of HTMLElementEventMap is missing from OM_EVENTS (the error names it).
type EveryEventListed = Listed<Exclude<OmEventName, (typeof OM_EVENTS)[number]>>;

/** What a registered tag remembers about who defined it, so a second copy of the library can tell. */
const VERSION_KEY = Symbol.for('occupational-maps.version');

/**
 * The base of every element: a version-aware `define()`, typed `om-*` events, and per-instance string overrides.
 * Subclasses are side-effect free; registration happens only in `src/define/*.ts`.
 */
export class OmElement extends LitElement {
  static readonly version = VERSION;

  // Declared statically rather than with decorators: every element's first download carries this class, and the
  // decorator helpers would add to it.
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    loading: {},
    client: { attribute: false },
    strings: { attribute: false },
  };

  /**
   * Registers `tag` with this class. Never throws when the tag is already defined: defining it again from this copy
   * of the library is a no-op; another copy (a page that loads the library twice, perhaps in another version) keeps
   * the first definition and the page gets one console warning in all.
   */
  static define(tag: string, registry: CustomElementRegistry = customElements): void {
    const existing = registry.get(tag) as (CustomElementConstructor & { [VERSION_KEY]?: string }) | undefined;
    if (existing) {
      // Another copy's definition: say so once per page. The words load only on pages that load the library twice.
      if (!(existing.prototype instanceof this)) {
        void import('./duplicate-warning.js').then(({ warnOfDuplicate }) => warnOfDuplicate(tag, existing[VERSION_KEY]));
      }
      return;
    }
    // A subclass per tag, so one class can serve two tags and the version travels with the registration.
    const definition = class extends (this as unknown as typeof OmElement) {};
    Object.defineProperty(definition, VERSION_KEY, { value: VERSION });
    Object.defineProperty(definition, 'name', { value: this.name });
    registry.define(tag, definition as unknown as CustomElementConstructor);
  }

  /**
   * Where the Embed API v1 lives. Falls back to `<meta name="occupational-maps:api-base">`, then to `/v1/` on the
   * origin that served the elements.
   */
  declare apiBase?: string;

  /** A data client to use instead of the page's shared one (custom transports, tests). */
  declare client?: EmbedClient;

  /**
   * `lazy`: as for images, the element's code (through the autoloader) and data load only when it comes within a
   * screen of the viewport, or when the page is printed; until then it keeps its place with a still placeholder. For
   * elements far down a long page. Default `eager`.
   */
  declare loading?: 'eager' | 'lazy';

  /**
   * The events contract for elements inside this one's shadow root (the card in a route map's dialog, the badge in a
   * card): their `om-*` events stop at this shadow root, so the page never takes a nested element's event for this
   * one's (a badge's `om-error` must not arrive on a card that loaded fine). The events named here are a person's
   * choice made in this element's UI, so this element fires them again as its own, with the same detail; cancelling
   * that one cancels the nested element's action too. `om-load`, `om-error` and `om-filter-change` describe the nested
   * element and are not passed on (map-builder passes on its preview's, which are its own state).
   * @internal
   */
  static forwardedEvents: readonly OmEventName[] = ['om-occupation-select', 'om-favourite-change'];

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    for (const name of OM_EVENTS) root.addEventListener(name, this.containNested);
    return root;
  }

  private containNested = (event: Event): void => {
    event.stopPropagation();
    const forwarded = (this.constructor as typeof OmElement).forwardedEvents as readonly string[];
    if (!forwarded.includes(event.type)) return;
    const detail = (event as CustomEvent).detail;
    if (!this.emit(event.type as OmEventName, detail, { cancelable: event.cancelable })) event.preventDefault();
  };

  /**
   * The first render waits for a task of its own. Elements upgrade while the module that defines them is evaluated,
   * and each one's first render (styles adopted, templates prepared) would otherwise lengthen that one task: on a page
   * with several elements, or on a phone, a long task that holds up input. `updateComplete` still waits for it.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    // A plain new task (not the core's pauseForHost): every element's first download carries this class.
    if (!this.hasUpdated) await new Promise((resolve) => setTimeout(resolve));
    return super.scheduleUpdate();
  }

  /** Overrides for any of the element's user-visible strings (see `defaultStrings`). */
  strings: StringOverrides = {};

  /**
   * The strings in force: defaults with this element's overrides on top. Every element overrides this with its own
   * defaults (the shared strings and its words); the base holds only `baseStrings`, so that an element's first
   * download need not carry every shared string. (The data states fill in the shared words they need themselves.)
   * @internal
   */
  get text(): Strings {
    return { ...baseStrings, ...this.strings } as Strings;
  }

  /** Dispatches an `om-*` event that bubbles out of shadow roots. Returns false when a listener cancelled it. @internal */
  emit<K extends keyof HTMLElementEventMap>(
    name: K,
    detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable: options.cancelable ?? false, detail }));
  }
}
