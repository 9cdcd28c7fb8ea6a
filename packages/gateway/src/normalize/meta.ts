/** `meta.json`: the API version, the source, the licence attribution and the counts of what the maps hold. */
import { API_VERSION, type MetaDocument } from '@occupational-maps/core';
import { validated, type Built } from './built.js';
import type { DocumentSources } from './sources.js';

export const ATTRIBUTION = Object.freeze({
  text:
    'Contains public sector information from Skills England licensed under the Open Government Licence v3.0. © Skills England. ' +
    'Not endorsed by Skills England. SOC 2020 data: Office for National Statistics, Open Government Licence v3.0.',
  licence: 'Open Government Licence v3.0',
  url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
});

/** Needs every progression map (for the edge count), so on a cold live gateway its first build is the slowest. */
export async function answerMeta(sources: DocumentSources): Promise<Built<MetaDocument>> {
  const catalogue = await sources.catalogue();
  const progressions = await Promise.all(catalogue.entries.map((entry) => sources.progression(entry.summary.code)));
  const socUnits = new Set(catalogue.entries.map((entry) => entry.summary.soc2020).filter((code) => code && sources.soc.units.has(code)));
  const doc: MetaDocument = {
    apiVersion: API_VERSION,
    generatedAt: catalogue.builtAt.toISOString(),
    source: sources.source,
    // The embedded dataset is illustrative; live data is Skills England's, as fetched when the catalogue was built.
    data: sources.source === 'fixtures' ? { kind: 'sample', fetchedAt: null } : { kind: 'skills-england', fetchedAt: catalogue.builtAt.toISOString() },
    attribution: { ...ATTRIBUTION },
    counts: {
      routes: catalogue.routes.length,
      occupations: catalogue.entries.length,
      standards: catalogue.standardRefs().length,
      progressionEdges: catalogue.edgesAcross(progressions).length,
      socUnitGroups: socUnits.size,
    },
  };
  return validated('meta', doc);
}
