import * as v from 'valibot';
import { occupationCode, occupationSummary, progressionEdge } from './common.js';

export const progressionDocument = v.object({
  /** The occupation this progression map is centred on. */
  key: occupationCode,
  occupations: v.array(occupationSummary),
  /** De-duplicated directed edges; every endpoint is in `occupations`. */
  edges: v.array(progressionEdge),
});
export type ProgressionDocument = v.InferOutput<typeof progressionDocument>;
