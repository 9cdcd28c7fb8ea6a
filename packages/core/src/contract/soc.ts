import * as v from 'valibot';
import { nonEmptyText, nullableText, occupationSummary, socCode } from './common.js';

const group = v.object({ code: v.pipe(v.string(), v.regex(/^\d{1,3}$/)), title: nonEmptyText });

export const socDocument = v.object({
  edition: v.literal(2020),
  code: socCode,
  title: nonEmptyText,
  hierarchy: v.object({ major: group, subMajor: group, minor: group }),
  description: nullableText,
  /** Occupations on the maps whose SOC 2020 unit group is this one. */
  occupations: v.array(occupationSummary),
});
export type SocDocument = v.InferOutput<typeof socDocument>;
