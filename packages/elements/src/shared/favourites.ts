import * as v from 'valibot';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OCCUPATION_CODE, ROUTE_SLUG, normaliseCode } from '@occupational-maps/core';

/** The localStorage key. Versioned so a later shape can migrate instead of misreading old data. */
export const FAVOURITES_STORAGE_KEY = 'occupational-maps:favourites:v1';

/**
 * The store's change event, on the store itself (not on elements): the list changed (added, removed, moved, cleared,
 * or changed in another tab). Named apart from the elements' cancelable `om-favourite-change`, which asks first.
 */
export const FAVOURITES_UPDATE_EVENT = 'om-favourites-update';

/**
 * @deprecated The store's event under its old name, one letter from the elements' `om-favourite-change`. Still
 * dispatched, right after `om-favourites-update` with the same detail, until the next minor release; listen for
 * `FAVOURITES_UPDATE_EVENT` instead.
 */
export const FAVOURITES_CHANGE_EVENT = 'om-favourites-change';

/** More than anyone curates by hand; the bound keeps a runaway script from filling the origin's storage quota. */
export const MAX_FAVOURITES = 500;

/** One saved occupation: enough to list it without loading anything. */
export interface FavouriteItem {
  code: string;
  title: string;
  /** 1–8 (occupations are 2–7), or `null` when the page that saved it did not know. */
  level: number | null;
  routeSlug: string | null;
  /** ISO 8601 date-time. */
  addedAt: string;
}

/** What a caller gives to save an occupation; the store normalises the code and stamps `addedAt`. */
export interface FavouriteInput {
  code: string;
  title?: string | null;
  level?: number | null;
  routeSlug?: string | null;
}

export type FavouritesChangeReason = 'add' | 'remove' | 'move' | 'clear' | 'external';

export interface FavouritesChangeDetail {
  items: readonly FavouriteItem[];
  reason: FavouritesChangeReason;
  /** The occupation added, removed or moved; absent for `clear` and `external`. */
  code?: string;
}

const storedItem = v.object({
  code: v.pipe(v.string(), v.regex(OCCUPATION_CODE)),
  title: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(300)),
  level: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(8))),
  routeSlug: v.nullable(v.pipe(v.string(), v.regex(ROUTE_SLUG))),
  addedAt: v.pipe(v.string(), v.isoTimestamp()),
});

/** `{ "version": 1, "items": [...] }`; items are checked one by one so one bad entry does not lose the rest. */
const storedDocument = v.object({ version: v.literal(1), items: v.array(v.unknown()) });

/**
 * Parses what another tab, an older release or a curious person left in storage. Anything that is not our shape is
 * dropped, never thrown: a corrupt value means an empty list, a bad entry means that entry is skipped.
 */
export function parseStoredFavourites(raw: string | null): FavouriteItem[] {
  if (!raw) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [];
  }
  const document = v.safeParse(storedDocument, json);
  if (!document.success) return [];
  const seen = new Set<string>();
  const items: FavouriteItem[] = [];
  for (const candidate of document.output.items) {
    const item = v.safeParse(storedItem, candidate);
    if (!item.success || seen.has(item.output.code)) continue;
    seen.add(item.output.code);
    items.push({ ...item.output });
    if (items.length >= MAX_FAVOURITES) break;
  }
  return items;
}

export interface FavouritesStoreOptions {
  /**
   * Where to persist. A function is called on every access, because merely reading `window.localStorage` throws
   * where storage is blocked. `null` keeps favourites in memory only. Default: the page's localStorage.
   */
  storage?: Storage | null | (() => Storage | null);
  key?: string;
  /** Listened to for `storage` events from other tabs. Default: `globalThis` when it is a window. */
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> | null;
  now?: () => Date;
}

const defaultStorage = (): Storage | null => globalThis.localStorage ?? null;

/**
 * The saved occupations, in the order the person chose. Persisted to localStorage when it works and kept in memory
 * when it does not (private browsing, blocked cookies, a full quota), so the elements behave the same either way.
 * Dispatches `om-favourites-update` for every change, including those made in another tab (and, deprecated, the same
 * event as `om-favourites-change` until the next minor release).
 *
 * @fires om-favourites-update - The list changed. `detail: { items, reason, code? }`.
 * @fires om-favourites-change - Deprecated alias of `om-favourites-update`, dispatched right after it.
 */
export class FavouritesStore extends EventTarget {
  readonly key: string;
  private items: readonly FavouriteItem[] = [];
  private readonly storageSource: () => Storage | null;
  private readonly now: () => Date;
  private readonly window: FavouritesStoreOptions['window'];
  /** The last value this store read or wrote, so a `storage` event that changes nothing is ignored. */
  private lastRaw: string | null = null;
  private persistent = true;

  constructor(options: FavouritesStoreOptions = {}) {
    super();
    this.key = options.key ?? FAVOURITES_STORAGE_KEY;
    const storage = options.storage === undefined ? defaultStorage : options.storage;
    this.storageSource = typeof storage === 'function' ? storage : () => storage;
    this.now = options.now ?? (() => new Date());
    this.window = options.window === undefined ? (typeof window === 'undefined' ? null : window) : options.window;
    this.window?.addEventListener('storage', this.onStorage);
    this.items = Object.freeze(this.read());
  }

  /** Whether changes reach storage; `false` means they last only as long as the page. */
  get persisted(): boolean {
    return this.persistent && this.storage() !== null;
  }

  /** The saved occupations, in order (a frozen snapshot: safe to keep, never changes under you). */
  list(): readonly FavouriteItem[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }

  has(code: string): boolean {
    const normalised = normaliseCode(String(code));
    return this.items.some((item) => item.code === normalised);
  }

  get(code: string): FavouriteItem | undefined {
    const normalised = normaliseCode(String(code));
    return this.items.find((item) => item.code === normalised);
  }

  /**
   * Saves an occupation at the end of the list; an occupation already saved keeps its place (its title, level and
   * route are refreshed). Returns false for an invalid code or a full list.
   */
  add(input: FavouriteInput): boolean {
    const item = this.toItem(input);
    if (!item) return false;
    const index = this.items.findIndex((existing) => existing.code === item.code);
    if (index >= 0) {
      const merged = { ...item, addedAt: this.items[index].addedAt };
      const next = [...this.items];
      next[index] = merged;
      this.commit(next, 'add', item.code);
      return true;
    }
    if (this.items.length >= MAX_FAVOURITES) return false;
    this.commit([...this.items, item], 'add', item.code);
    return true;
  }

  remove(code: string): boolean {
    const normalised = normaliseCode(String(code));
    if (!this.has(normalised)) return false;
    this.commit(
      this.items.filter((item) => item.code !== normalised),
      'remove',
      normalised,
    );
    return true;
  }

  /** Adds or removes; returns whether the occupation is a favourite afterwards. */
  toggle(input: FavouriteInput): boolean {
    if (this.has(input.code)) {
      this.remove(input.code);
      return false;
    }
    return this.add(input);
  }

  /** Moves an occupation to `index` (clamped). Returns false when nothing moved. */
  move(code: string, index: number): boolean {
    const normalised = normaliseCode(String(code));
    const from = this.items.findIndex((item) => item.code === normalised);
    if (from < 0 || !Number.isFinite(index)) return false;
    const to = Math.max(0, Math.min(this.items.length - 1, Math.trunc(index)));
    if (to === from) return false;
    const next = [...this.items];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    this.commit(next, 'move', normalised);
    return true;
  }

  /** Moves an occupation by `offset` places (−1 is up). */
  moveBy(code: string, offset: number): boolean {
    const from = this.items.findIndex((item) => item.code === normaliseCode(String(code)));
    return from >= 0 && this.move(code, from + offset);
  }

  clear(): void {
    if (this.items.length === 0) return;
    this.commit([], 'clear');
  }

  /** Stops listening to other tabs (the page-wide store lives as long as the page and never needs this). */
  dispose(): void {
    this.window?.removeEventListener('storage', this.onStorage);
  }

  private toItem(input: FavouriteInput): FavouriteItem | null {
    if (!input || typeof input.code !== 'string') return null;
    const code = normaliseCode(input.code);
    if (!OCCUPATION_CODE.test(code)) return null;
    const title = typeof input.title === 'string' && input.title.trim() ? input.title.trim().slice(0, 300) : code;
    const level = typeof input.level === 'number' && Number.isInteger(input.level) && input.level >= 1 && input.level <= 8 ? input.level : null;
    const slug = typeof input.routeSlug === 'string' ? input.routeSlug.trim().toLowerCase() : '';
    return { code, title, level, routeSlug: ROUTE_SLUG.test(slug) ? slug : null, addedAt: this.now().toISOString() };
  }

  private storage(): Storage | null {
    try {
      return this.storageSource();
    } catch {
      return null; // the getter itself throws where storage is blocked
    }
  }

  private read(): FavouriteItem[] {
    const storage = this.storage();
    if (!storage) return [];
    try {
      const raw = storage.getItem(this.key);
      this.lastRaw = raw;
      return parseStoredFavourites(raw);
    } catch {
      return [];
    }
  }

  private commit(next: FavouriteItem[], reason: FavouritesChangeReason, code?: string): void {
    this.items = Object.freeze(next.map((item) => Object.freeze({ ...item })));
    this.write();
    this.announce(reason, code);
  }

  private write(): void {
    const storage = this.storage();
    if (!storage) return;
    try {
      if (this.items.length === 0) {
        storage.removeItem(this.key);
        this.lastRaw = null;
      } else {
        const raw = JSON.stringify({ version: 1, items: this.items });
        storage.setItem(this.key, raw);
        this.lastRaw = raw;
      }
      this.persistent = true;
    } catch {
      this.persistent = false; // quota exceeded or storage disabled mid-session: carry on in memory
    }
  }

  private announce(reason: FavouritesChangeReason, code?: string): void {
    const detail: FavouritesChangeDetail = code === undefined ? { items: this.items, reason } : { items: this.items, reason, code };
    this.dispatchEvent(new CustomEvent<FavouritesChangeDetail>(FAVOURITES_UPDATE_EVENT, { detail }));
    this.dispatchEvent(new CustomEvent<FavouritesChangeDetail>(FAVOURITES_CHANGE_EVENT, { detail }));
  }

  /** Another tab (or a same-origin frame) changed the list: adopt its version. `key === null` means storage was cleared. */
  private onStorage = (event: StorageEvent): void => {
    if (event.key !== null && event.key !== this.key) return;
    const storage = this.storage();
    if (!storage || (event.storageArea && event.storageArea !== storage)) return;
    let raw: string | null;
    try {
      raw = storage.getItem(this.key);
    } catch {
      return;
    }
    if (raw === this.lastRaw) return;
    this.lastRaw = raw;
    this.items = Object.freeze(parseStoredFavourites(raw).map((item) => Object.freeze(item)));
    this.announce('external');
  };
}

/** Shared by every copy of the library on the page, so two bundles never disagree about what is saved. */
const STORE_KEY = Symbol.for('occupational-maps.favourites.v1');

/** The page's one favourites store, created on first use. */
export function getFavouritesStore(): FavouritesStore {
  const holder = globalThis as typeof globalThis & { [STORE_KEY]?: FavouritesStore };
  return (holder[STORE_KEY] ??= new FavouritesStore());
}

/**
 * Calls `listener` with the items whenever the store changes; returns the function that stops listening.
 * Elements subscribe in `connectedCallback` and unsubscribe in `disconnectedCallback`.
 */
export function subscribeToFavourites(store: FavouritesStore, listener: (detail: FavouritesChangeDetail) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<FavouritesChangeDetail>).detail);
  store.addEventListener(FAVOURITES_UPDATE_EVENT, handler);
  return () => store.removeEventListener(FAVOURITES_UPDATE_EVENT, handler);
}

/**
 * Keeps an element subscribed to its `store` property while connected (re-subscribing when the store is swapped) and
 * re-renders it on every change.
 */
export class FavouritesController implements ReactiveController {
  private subscribed?: FavouritesStore;
  private stop?: () => void;

  constructor(private readonly host: ReactiveControllerHost & { readonly store: FavouritesStore }) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
    this.subscribed = undefined;
  }

  private follow(): void {
    const store = this.host.store;
    if (store === this.subscribed) return;
    this.stop?.();
    this.subscribed = store;
    this.stop = subscribeToFavourites(store, () => this.host.requestUpdate());
  }
}
