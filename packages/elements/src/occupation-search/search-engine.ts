import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import type { Band, SearchEntry, SearchIndexDocument } from '@occupational-maps/core';

export interface SearchFilters {
  band?: Band | null;
  route?: string | null;
  /** A product type slug (open: `foundation-apprenticeship`, or a newer type's). */
  productType?: string | null;
  /** Only these occupations (those a college offers, from its course list). */
  only?: ReadonlySet<string> | null;
}

export interface SearchHit {
  entry: SearchEntry;
  /** The indexed words the query matched (lower case), for highlighting. */
  terms: readonly string[];
}

export interface SearchOutcome {
  hits: readonly SearchHit[];
  /** All matches before the limit. */
  total: number;
  /** Matches there would be without the filters (to suggest dropping them when the filtered search finds nothing). */
  unfilteredTotal: number;
}

type IndexedField = 'title' | 'jobTitles' | 'keywords' | 'code' | 'products';
const FIELDS: IndexedField[] = ['title', 'jobTitles', 'keywords', 'code', 'products'];

/** Title matters most, then the typical job titles people search by, then keywords; codes match exactly as typed. */
const BOOST: Partial<Record<IndexedField, number>> = { title: 4, jobTitles: 2, keywords: 1.5 };

const BASE_OPTIONS: SearchOptions = {
  boost: BOOST,
  // Prefix matching on every word lets "data anal" find "Data analyst" as it is typed.
  prefix: true,
  // Up to one typo in five letters: "anlyst" finds "analyst", short words stay exact. Codes (words with digits)
  // are never fuzzy, or OCC0118 would also find OCC0117 and OCC0119.
  fuzzy: (term) => (/\d/.test(term) ? false : 0.2),
};

export function matchesFilters(entry: SearchEntry, filters: SearchFilters): boolean {
  return (
    (!filters.band || entry.band === filters.band) &&
    (!filters.route || entry.route === filters.route) &&
    (!filters.productType || entry.productTypeSlugs.includes(filters.productType)) &&
    (!filters.only || filters.only.has(entry.code))
  );
}

export const hasFilters = (filters: SearchFilters): boolean => Boolean(filters.band || filters.route || filters.productType || filters.only);

/** Full-text search over the Embed API search index, built once per index document. */
export class OccupationSearchEngine {
  /** The routes that have at least one occupation in the index. */
  readonly routes: ReadonlySet<string>;

  private constructor(
    private readonly index: MiniSearch<SearchEntry>,
    private readonly byCode: ReadonlyMap<string, SearchEntry>,
  ) {
    this.routes = new Set([...byCode.values()].map((entry) => entry.route));
  }

  /**
   * Builds (or reuses) the engine for a document. MiniSearch is imported here, on first use, so pages that never
   * search never download it.
   */
  static async for(document: SearchIndexDocument): Promise<OccupationSearchEngine> {
    let engine = engines.get(document);
    if (!engine) {
      engine = OccupationSearchEngine.build(document);
      engines.set(document, engine);
    }
    return engine;
  }

  private static async build(document: SearchIndexDocument): Promise<OccupationSearchEngine> {
    const { default: MiniSearchClass } = await import('minisearch');
    const index = new MiniSearchClass<SearchEntry>({
      idField: 'code',
      fields: FIELDS,
      extractField: (entry, field) => {
        const value = (entry as unknown as Record<string, unknown>)[field];
        return Array.isArray(value) ? value.join(' ') : String(value ?? '');
      },
      searchOptions: BASE_OPTIONS,
    });
    const byCode = new Map<string, SearchEntry>();
    for (const entry of document.occupations) {
      if (byCode.has(entry.code)) continue; // MiniSearch throws on duplicate ids; the first wins
      byCode.set(entry.code, entry);
    }
    index.addAll([...byCode.values()]);
    return new OccupationSearchEngine(index, byCode);
  }

  get size(): number {
    return this.byCode.size;
  }

  /**
   * Occupations matching every word (each by prefix and with typo tolerance), best first; when no occupation has
   * every word, those with any of them.
   */
  search(query: string, filters: SearchFilters = {}, limit = 10): SearchOutcome {
    const all = this.run(query);
    const filtered = hasFilters(filters) ? all.filter((hit) => matchesFilters(hit.entry, filters)) : all;
    return { hits: filtered.slice(0, Math.max(0, limit)), total: filtered.length, unfilteredTotal: all.length };
  }

  /** Other searches worth trying when one finds nothing: looser spellings of the words typed. */
  suggest(query: string, count = 3): string[] {
    const typed = query.trim().toLowerCase();
    if (!typed) return [];
    const suggestions = this.index.autoSuggest(typed, { fuzzy: 0.4, prefix: true, combineWith: 'OR', boost: BOOST });
    // A suggestion joins every term one document matched ("analyst analysis"); for a single typed word, offer words.
    const single = !/\s/.test(typed);
    const candidates = suggestions.flatMap((suggestion) => (single ? suggestion.terms : [suggestion.suggestion]));
    return [...new Set(candidates)].filter((suggestion) => suggestion !== typed).slice(0, count);
  }

  private run(query: string): SearchHit[] {
    const text = query.trim();
    if (!text) return [];
    let results = this.index.search(text, { combineWith: 'AND' });
    if (results.length === 0) {
      // Words of one or two letters match almost everything by prefix once they no longer have to agree with the rest.
      const words = text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3);
      if (words.length > 0) results = this.index.search(words.join(' '), { combineWith: 'OR' });
    }
    const hits: SearchHit[] = [];
    for (const result of results) {
      const entry = this.byCode.get(result.id as string);
      if (entry) hits.push({ entry, terms: result.terms });
    }
    return hits;
  }
}

/** One engine per document, shared by every search box on the page that reads the same index. */
const engines = new WeakMap<SearchIndexDocument, Promise<OccupationSearchEngine>>();
