/**
 * The codes a college's course list may give, and the keys that match them to occupations. A course names an
 * occupation (`OCC0499`, or a parent of options such as `OCC1312` for `OCC1312A`), an apprenticeship standard
 * (`ST0499`), a LARS standard code (`283`), a T Level (`TL0012a`, or `TL0012` for every specialism of it), a
 * regulated qualification such as an HTQ by its number (`610/0553/3`, or the LARS learning aim reference
 * `61005533`), a technical qualification (`TQL2C11048RN5361`) or any other product code the maps carry.
 */
import { OCCUPATION_CODE, STANDARD_REF } from '@occupational-maps/core';

export type CourseCodeKind = 'occupation' | 'standard' | 'lars' | 't-level' | 'qualification' | 'other';

export interface CourseCode {
  /** As written in the list (trimmed), for messages. */
  raw: string;
  kind: CourseCodeKind;
  /** The keys an occupation must carry (any of them) to match; see `occupationKeys`. */
  keys: readonly string[];
}

const T_LEVEL = /^TL\d{4}([A-Z])?$/;
const QUALIFICATION_NUMBER = /^\d{3}\/\d{4}\/[\dX]$/;
const LEARNING_AIM = /^\d{7}[\dX]$/;
const LARS_STANDARD = /^\d{1,5}$/;
/** Letters, digits and the separators product codes use; anything else cannot be a code on the maps. */
const PLAUSIBLE = /^[A-Z0-9][A-Z0-9/._-]{1,39}$/;

/** Product codes compare upper case and without the slashes of qualification numbers. */
export const productKey = (code: string): string => `p:${code.trim().toUpperCase().replaceAll('/', '')}`;

/**
 * Reads one code. `null` when it cannot be a code at all (spaces, punctuation, too long): the list's "unknown code".
 * A plausible code of no known form is kind `other`: it matches a product with exactly that code, if any.
 */
export function classifyCourseCode(value: string | number): CourseCode | null {
  const raw = String(value).trim();
  const upper = raw.toUpperCase();
  if (OCCUPATION_CODE.test(upper)) {
    // OCC1312 also reaches its options (OCC1312A, OCC1312B) where no occupation has the bare code.
    return { raw, kind: 'occupation', keys: /\d$/.test(upper) ? [`occ:${upper}`, `occ-parent:${upper}`] : [`occ:${upper}`] };
  }
  if (STANDARD_REF.test(upper)) return { raw, kind: 'standard', keys: [productKey(upper)] };
  const tLevel = T_LEVEL.exec(upper);
  if (tLevel) return { raw, kind: 't-level', keys: [tLevel[1] ? productKey(upper) : `tl:${upper}`] };
  if (QUALIFICATION_NUMBER.test(upper) || LEARNING_AIM.test(upper)) return { raw, kind: 'qualification', keys: [productKey(upper)] };
  if (LARS_STANDARD.test(upper)) return { raw, kind: 'lars', keys: [`lars:${Number(upper)}`] };
  if (PLAUSIBLE.test(upper)) return { raw, kind: 'other', keys: [productKey(upper)] };
  return null;
}

/** What matching needs to know of an occupation: every document the elements load has it. */
export interface MatchTarget {
  code: string;
  /** Product codes (ST0499, TL0012a, 610/0553/3, …). */
  products: readonly string[];
  /** The LARS code of its apprenticeship standard, where known. */
  larsCode?: number | null;
}

/** Every key under which an occupation can be found (see `CourseCode.keys`). */
export function occupationKeys(target: MatchTarget): string[] {
  const code = target.code.toUpperCase();
  const keys = [`occ:${code}`];
  const option = /^(OCC\d{3,5})[A-Z]{1,2}$/.exec(code);
  if (option) keys.push(`occ-parent:${option[1]}`);
  for (const product of target.products) {
    keys.push(productKey(product));
    const tLevel = T_LEVEL.exec(product.trim().toUpperCase());
    if (tLevel?.[1]) keys.push(`tl:${product.trim().toUpperCase().slice(0, -1)}`);
  }
  if (typeof target.larsCode === 'number' && target.larsCode > 0) keys.push(`lars:${target.larsCode}`);
  return keys;
}
