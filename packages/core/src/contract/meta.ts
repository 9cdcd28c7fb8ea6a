import * as v from 'valibot';
import { API_VERSION, count, httpUrl, nonEmptyText } from './common.js';

export const metaDocument = v.object({
  apiVersion: v.literal(API_VERSION),
  /** ISO 8601 timestamp of the build of this data. */
  generatedAt: v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp')),
  source: v.picklist(['live', 'fixtures', 'snapshot']),
  /** What the Open Government Licence and Skills England require wherever the data is shown. */
  attribution: v.object({ text: nonEmptyText, licence: nonEmptyText, url: httpUrl }),
  counts: v.object({
    routes: count,
    occupations: count,
    standards: count,
    progressionEdges: count,
    socUnitGroups: count,
  }),
});
export type MetaDocument = v.InferOutput<typeof metaDocument>;
