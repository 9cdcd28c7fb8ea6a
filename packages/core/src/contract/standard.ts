import * as v from 'valibot';
import { occupationCode } from './common.js';

export const standardDocument = v.object({
  standard: v.pipe(v.string(), v.regex(/^ST\d{3,5}[A-Z]?$/)),
  /** The occupation to show for this standard (the first, where options share one standard). */
  occupation: occupationCode,
  /** Every occupation the standard is a product of: option-level occupations share one (ST0120 → OCC0120A, OCC0120B). */
  occupations: v.pipe(v.array(occupationCode), v.minLength(1)),
});
export type StandardDocument = v.InferOutput<typeof standardDocument>;
