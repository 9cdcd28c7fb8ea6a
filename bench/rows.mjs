// The one machine-readable line each benchmark prints per result, for bench/index.mjs to gather into
// docs/performance.md. People read the rest of a benchmark's output; this line is for the aggregator.

export const ROW_PREFIX = 'BENCH-JSON ';

/**
 * Prints one result row.
 * @param {object} row
 * @param {string} row.section  which table it belongs to, e.g. 'Bundle size'
 * @param {string} row.name     what was measured, e.g. '`<soc-badge>` alone, gzip'
 * @param {number} row.value    the measured figure (a median where it varies)
 * @param {string} row.unit     'B', 'ms', 'req/s', 'requests', 'score', …
 * @param {string} [row.baselineName]  what the same-run baseline is
 * @param {number} [row.baseline]      the baseline's figure, in the same unit
 * @param {string} [row.goal]   the goal in words, e.g. '≤ 2× the floor'
 * @param {boolean} [row.pass]  whether the goal is met (absent when there is no goal)
 * @param {string} [row.note]   runs, sample size or a caveat
 */
export function printRow(row) {
  const ratio = row.baseline ? row.value / row.baseline : undefined;
  console.log(`${ROW_PREFIX}${JSON.stringify({ ratio, ...row })}`);
}

/** The median of a list of numbers (the lower middle one for an even count, so it is always a measured value). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
