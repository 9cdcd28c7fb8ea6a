import * as v from 'valibot';
import { API_VERSION, count, DATA_KIND_VALUES, httpUrl, nonEmptyText } from './common.js';

const timestamp = v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 timestamp'));

export const metaDocument = v.pipe(
  v.object({
    apiVersion: v.literal(API_VERSION),
    /** ISO 8601 timestamp of the build of this data. */
    generatedAt: timestamp,
    /** How the gateway got it: from the live APIs, or from the embedded sample (`fixtures`). */
    source: v.picklist(['live', 'fixtures', 'snapshot']),
    /**
     * What the data is, for the attribution line: the embedded illustrative `sample` (not Skills England data), or
     * `skills-england` data (live, or a published snapshot of it) fetched at `fetchedAt`. Absent from documents made
     * before it existed: it is then worked out from `source` and `generatedAt`.
     */
    data: v.optional(v.object({ kind: v.picklist(DATA_KIND_VALUES), fetchedAt: v.nullable(timestamp) })),
    /** What the Open Government Licence and Skills England require wherever the data is shown. */
    attribution: v.object({ text: nonEmptyText, licence: nonEmptyText, url: httpUrl }),
    counts: v.object({
      routes: count,
      occupations: count,
      standards: count,
      progressionEdges: count,
      socUnitGroups: count,
    }),
  }),
  v.transform((meta) => ({
    ...meta,
    data:
      meta.data ??
      (meta.source === 'fixtures'
        ? { kind: 'sample' as const, fetchedAt: null }
        : { kind: 'skills-england' as const, fetchedAt: meta.generatedAt }),
  })),
);
export type MetaDocument = v.InferOutput<typeof metaDocument>;
export type DataKind = MetaDocument['data']['kind'];
