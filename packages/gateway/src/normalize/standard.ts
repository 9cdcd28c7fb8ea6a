/** `standards/{ref}.json` from the catalogue, and the choice of one API A record among a standard's versions. */
import { type StandardDocument } from '@occupational-maps/core';
import { validated, type Answer, type Built } from './built.js';
import type { DocumentSources } from './sources.js';
import type { CatalogueEntry } from './route.js';
import { mapStatus } from './common.js';
import type { StandardRecord } from './upstream-schemas.js';

export function buildStandard(ref: string, catalogue: readonly CatalogueEntry[]): Built<StandardDocument> | null {
  const occupations = catalogue
    .filter((entry) => entry.summary.products.some((product) => product.code.toUpperCase() === ref))
    .map((entry) => entry.summary.code)
    .sort();
  if (occupations.length === 0) return null;
  return validated('standard', { standard: ref, occupation: occupations[0], occupations });
}

const versionParts = (record: StandardRecord) => (record.version ?? record.versionNumber ?? '0').split('.').map((part) => Number.parseInt(part, 10) || 0);
const compareVersions = (a: StandardRecord, b: StandardRecord) => {
  const [x, y] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/**
 * The full API A list holds every version of every standard; the single-record call answers with the current one.
 * From a list we take the highest approved version, else the highest of any status.
 */
export function currentVersion(records: readonly StandardRecord[]): StandardRecord | null {
  const sorted = [...records].sort(compareVersions).reverse();
  return sorted.find((record) => mapStatus(record.status) === 'approved') ?? sorted[0] ?? null;
}

/** `standards/{ref}.json`: from the catalogue alone. */
export async function answerStandard(sources: DocumentSources, ref: string): Promise<Answer<StandardDocument>> {
  return buildStandard(ref, (await sources.catalogue()).entries) ?? { notFound: `No occupation on the maps has the standard ${ref}.` };
}
