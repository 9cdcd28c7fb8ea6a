/** API A, the apprenticeship standards API (no key). The full list is ~79 MB, so it is only fetched for snapshots. */
import type { DownloadProgress, JsonResult, UpstreamHttp } from './http.js';

export const DEFAULT_STANDARDS_API_BASE = 'https://skillsengland.education.gov.uk/api/apprenticeshipstandards';

export class StandardsClient {
  readonly base: string;
  constructor(
    private readonly http: UpstreamHttp,
    options: { base?: string } = {},
  ) {
    this.base = (options.base ?? DEFAULT_STANDARDS_API_BASE).replace(/\/+$/, '');
  }

  /** The current version of one standard. */
  standard(referenceNumber: string): Promise<JsonResult> {
    return this.http.getJson(`${this.base}/${encodeURIComponent(referenceNumber)}`);
  }
  /** Every version of every standard, one array (~79 MB live: streamed, with progress as it arrives). */
  all(onProgress?: DownloadProgress): Promise<JsonResult> {
    return this.http.getJson(this.base, {}, onProgress);
  }
}
