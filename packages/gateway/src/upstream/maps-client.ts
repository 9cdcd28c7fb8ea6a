/** API B, the Occupational Maps Public API (needs `X-API-KEY`). Returns raw JSON; the normalizers validate it. */
import type { JsonResult, UpstreamHttp } from './http.js';

export const DEFAULT_MAPS_API_BASE = 'https://occupational-maps-api.skillsengland.education.gov.uk/api/v1';

/** Every occupation expand, so one call gives a whole record (duties and KSBs arrive as top-level lists). */
export const OCCUPATION_EXPAND = [
  'occupation.overview', 'occupation.summary', 'occupation.maphierarchy', 'occupation.soc', 'occupation.typicaljobtitles',
  'occupation.keywords', 'occupation.involvedemployers', 'occupation.products', 'occupation.links', 'occupation.green',
  'occupation.salary', 'occupation.dutiesKSB',
].join(',');

/** What a route map, a search index and the SOC look-ups need of each occupation in a route tree. */
export const ROUTE_TREE_EXPAND = [
  'occupation.overview', 'occupation.soc', 'occupation.maphierarchy', 'occupation.typicaljobtitles',
  'occupation.keywords', 'occupation.products', 'occupation.links',
].join(',');

export class MapsClient {
  readonly base: string;
  constructor(
    readonly http: UpstreamHttp,
    options: { base?: string; apiKey?: string } = {},
  ) {
    this.base = (options.base ?? DEFAULT_MAPS_API_BASE).replace(/\/+$/, '');
    this.headers = options.apiKey ? { 'X-API-KEY': options.apiKey } : {};
  }
  private readonly headers: Record<string, string>;
  private get(path: string): Promise<JsonResult> {
    return this.http.getJson(`${this.base}${path}`, this.headers);
  }

  routes(): Promise<JsonResult> {
    return this.get('/Routes');
  }
  route(routeId: number): Promise<JsonResult> {
    return this.get(`/Routes/${routeId}?expand=${ROUTE_TREE_EXPAND}`);
  }
  occupation(stdCode: string): Promise<JsonResult> {
    return this.get(`/Occupations/${encodeURIComponent(stdCode)}?expand=${OCCUPATION_EXPAND}`);
  }
  progression(stdCode: string): Promise<JsonResult> {
    return this.get(`/OccupationalProgression/${encodeURIComponent(stdCode)}`);
  }
}
