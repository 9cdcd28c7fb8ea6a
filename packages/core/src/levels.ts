import type { Band } from './contract/common.js';

/** The three level bands of the occupational maps, as the official map's columns. */

export interface BandInfo {
  readonly band: Band;
  /** Maps API `technicalLevel`: 1, 2 or 3. */
  readonly technicalLevel: 1 | 2 | 3;
  readonly levels: readonly number[];
  readonly name: string;
}

export const BANDS: readonly BandInfo[] = Object.freeze([
  { band: 'technical', technicalLevel: 1, levels: [2, 3], name: 'Technical' },
  { band: 'higher-technical', technicalLevel: 2, levels: [4, 5], name: 'Higher technical' },
  { band: 'professional', technicalLevel: 3, levels: [6, 7], name: 'Professional' },
]);

/** The band an occupation level (2–7) sits in; level 1 counts as technical and 8 as professional. */
export function bandForLevel(level: number): Band | null {
  if (!Number.isInteger(level) || level < 1 || level > 8) return null;
  if (level <= 3) return 'technical';
  if (level <= 5) return 'higher-technical';
  return 'professional';
}

/** The band for a Maps API `technicalLevel` (1, 2, 3). */
export function bandForTechnicalLevel(technicalLevel: number): Band | null {
  return BANDS.find((info) => info.technicalLevel === technicalLevel)?.band ?? null;
}

/**
 * Parses a level filter such as `"4-5"`, `"2,3"` or `"2-3,6"` into a sorted set of levels.
 * Unknown parts are ignored; an empty or unparseable value gives an empty list (meaning "all").
 */
export function parseLevels(value: string | null | undefined): number[] {
  const levels = new Set<number>();
  for (const part of (value ?? '').split(',')) {
    const range = part.trim().match(/^(\d)\s*(?:[-–]\s*(\d))?$/);
    if (!range) continue;
    const start = Number(range[1]);
    const end = range[2] === undefined ? start : Number(range[2]);
    for (let level = Math.min(start, end); level <= Math.max(start, end); level++) {
      if (level >= 1 && level <= 8) levels.add(level);
    }
  }
  return [...levels].sort((a, b) => a - b);
}
