import type { FilterValues } from './views/view-model.js';

export const FILTER_NAMES = ['levels', 'status', 'products', 'search', 'pathway', 'view', 'offered'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

const DEFAULTS: FilterValues = { levels: '', status: '', products: '', search: '', pathway: '', view: 'map', offered: '' };

/**
 * The map's filters and view, telling the host's own settings from the map's. The host's settings are whatever it
 * last set — as attributes in markup or as properties (as React wrappers and scripts do) — while values that came from
 * the map's controls (or, with `sync-url`, from the URL) are not the host's: a host that sets a filter again to the
 * setting it already had (a React wrapper re-rendering does this on every render) does not undo what the person chose,
 * just as an unchanged attribute is not set again. The URL-state controller writes only the differences to the URL.
 */
export class AuthoredFilters {
  /** The host's own settings: the values it last set itself. */
  readonly authored: FilterValues = { ...DEFAULTS };
  /** The values last seen or set here, to tell the host's changes from the map's own. */
  private readonly seen: FilterValues = { ...DEFAULTS };

  constructor(private readonly host: FilterValues) {}

  /** Sets filters on behalf of the map's controls (or the URL): they are differences, not the host's settings. */
  set(change: Partial<FilterValues>): void {
    this.noteHostValues();
    Object.assign(this.host, change);
    const seen = this.seen as unknown as Record<FilterName, string>;
    for (const name of Object.keys(change) as FilterName[]) seen[name] = this.host[name];
  }

  /**
   * Any filter that changed since last seen, other than through `set`, was set by the host: it becomes the host's
   * setting. Setting one again to the host's own setting leaves what the map set in place. Called first thing in
   * each update of the host.
   */
  noteHostValues(): void {
    const authored = this.authored as unknown as Record<FilterName, string>;
    const seen = this.seen as unknown as Record<FilterName, string>;
    const host = this.host as unknown as Record<FilterName, string>;
    for (const name of FILTER_NAMES) {
      const value = host[name];
      if (value === seen[name]) continue;
      if (value === authored[name]) {
        host[name] = seen[name];
        continue;
      }
      authored[name] = value;
      seen[name] = value;
    }
  }
}
