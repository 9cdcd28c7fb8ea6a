/**
 * Upstream records as the document builders ask for them, each memoised (TTL, single flight, bound) so a route map
 * and the occupations it links share calls: an occupation's full record, a progression map, an API A standard.
 */
import type { SkipReporter } from '../normalize/common.js';
import { parseProgression, type ParsedProgression } from '../normalize/progression.js';
import { currentVersion } from '../normalize/standard.js';
import { parseRecord, standardRecord, type StandardRecord } from '../normalize/upstream-schemas.js';
import { Memo } from '../memo.js';
import type { DownloadProgress, JsonResult } from './http.js';
import type { MapsClient } from './maps-client.js';
import type { StandardsClient } from './standards-client.js';

export interface UpstreamRecordsOptions {
  maps: MapsClient;
  standards: StandardsClient;
  reportSkipped: SkipReporter;
  ttlMs: number;
  maxEntries?: number;
  now?: () => number;
  /** Fetch API A's full list once instead of one call per standard (snapshots). */
  bulkStandards?: boolean;
  /** Progress of the full API A list as it streams in. */
  onStandardsProgress?: DownloadProgress;
}

export class UpstreamRecords {
  private readonly memo: Memo<unknown>;

  constructor(private readonly options: UpstreamRecordsOptions) {
    this.memo = new Memo({ ttlMs: options.ttlMs, maxEntries: options.maxEntries, now: options.now });
  }

  /** Upstream answers held now. */
  get size(): number {
    return this.memo.size;
  }

  private async remembered<T>(key: string, load: () => Promise<T>): Promise<T> {
    return (await this.memo.get(key, load)).value as T;
  }

  /** API B's full record of one occupation, as sent. */
  occupation(code: string): Promise<JsonResult> {
    return this.remembered(`occupation:${code}`, () => this.options.maps.occupation(code));
  }

  /** One occupation's progression map, parsed; null when it has none. */
  progression(code: string): Promise<ParsedProgression | null> {
    return this.remembered(`progression:${code}`, async () => {
      const result = await this.options.maps.progression(code);
      if (!result.found || result.body === null || result.body === '') return null;
      return parseProgression(result.body, code, this.options.reportSkipped);
    });
  }

  /** The current version of an apprenticeship standard from API A; null when it has none or it is unusable. */
  async standard(ref: string): Promise<StandardRecord | null> {
    if (this.options.bulkStandards) return (await this.allStandards()).get(ref) ?? null;
    return this.remembered(`standard:${ref}`, async () => {
      const result = await this.options.standards.standard(ref);
      if (!result.found) return null;
      const record = parseRecord(standardRecord, Array.isArray(result.body) ? result.body[0] : result.body);
      if (!record.ok) {
        this.options.reportSkipped(ref, record.reason);
        return null;
      }
      return record.value;
    });
  }

  /**
   * With bulkStandards, starts API A's full list now (once; a snapshot's longest download, which every occupation
   * waits for) so it streams in beside the other calls. A failure here is not remembered: the first document that
   * needs the list asks again and reports it.
   */
  prefetchStandards(): void {
    if (this.options.bulkStandards) this.allStandards().catch(() => {});
  }

  /** API A's whole list (every version of every standard), reduced to the current version of each. */
  private allStandards(): Promise<Map<string, StandardRecord>> {
    return this.remembered('standards:all', async () => {
      const result = await this.options.standards.all(this.options.onStandardsProgress);
      const groups = new Map<string, StandardRecord[]>();
      if (result.found && Array.isArray(result.body)) {
        for (const [index, raw] of result.body.entries()) {
          const record = parseRecord(standardRecord, raw);
          if (!record.ok) {
            this.options.reportSkipped(`standards.${index}`, record.reason);
            continue;
          }
          const ref = record.value.referenceNumber.toUpperCase();
          groups.set(ref, [...(groups.get(ref) ?? []), record.value]);
        }
      } else this.options.reportSkipped('standards', 'the standards list is missing or not an array');
      return new Map([...groups].map(([ref, records]) => [ref, currentVersion(records)!]));
    });
  }
}
