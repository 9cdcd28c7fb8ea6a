/**
 * What a document builder may ask for. The dataset provides it; each builder lives beside its normaliser
 * (occupation.ts, route.ts, progression.ts, …) and turns these sources into one Embed API document.
 */
import type { Catalogue } from '../catalogue.js';
import type { SocTable } from './soc.js';
import type { SkipReporter } from './common.js';
import type { ParsedProgression } from './progression.js';
import type { StandardRecord } from './upstream-schemas.js';
import type { JsonResult } from '../upstream/http.js';
import type { NotFound } from './built.js';

export type DataSource = 'live' | 'fixtures';

export interface DocumentSources {
  readonly source: DataSource;
  readonly soc: SocTable;
  readonly reportSkipped: SkipReporter;
  catalogue(): Promise<Catalogue>;
  occupation(code: string): Promise<JsonResult>;
  progression(code: string): Promise<ParsedProgression | null>;
  standard(ref: string): Promise<StandardRecord | null>;
}

/**
 * The answer for an occupation code the catalogue does not hold: not found, without asking the upstream; for a bare
 * code whose options are on the maps (`OCC1312` → `OCC1312A`, `OCC1312B`), the options. Null when the code is known.
 */
export function unknownOccupation(catalogue: Catalogue, code: string): NotFound | null {
  if (catalogue.has(code)) return null;
  const options = catalogue.optionsFor(code);
  if (options.length === 0) return { notFound: `No occupation found for ${code}.` };
  return { notFound: `${code} has options: ${options.map((option) => `${option.code} (${option.title})`).join(', ')}`, options };
}
