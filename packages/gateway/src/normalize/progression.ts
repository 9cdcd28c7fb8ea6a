/** `GET /OccupationalProgression/{code}` → de-duplicated edges and `progression/{code}.json`. */
import { findRoute, type OccupationSummary, type ProgressionDocument, type ProgressionEdge } from '@occupational-maps/core';
import { routeSlugOf, toOccupationCode, toSummary, type SkipReporter } from './common.js';
import { validated, type Answer, type Built } from './built.js';
import { unknownOccupation, type DocumentSources } from './sources.js';
import { parseRecord, OCCUPATION_ALIASES, occupationRecord, PAIR_ALIASES, progressionPair, progressionRecord } from './upstream-schemas.js';

export interface ParsedProgression {
  edges: ProgressionEdge[];
  /** Summaries from the progression's own `occupations[]`, for occupations the catalogue lacks. */
  occupations: Map<string, OccupationSummary>;
}

export function parseProgression(raw: unknown, key: string, reportSkipped: SkipReporter): ParsedProgression {
  const result: ParsedProgression = { edges: [], occupations: new Map() };
  const record = parseRecord(progressionRecord, raw);
  if (!record.ok) {
    reportSkipped(key, `progression: ${record.reason}`);
    return result;
  }
  for (const [index, rawOccupation] of (record.value.occupations ?? []).entries()) {
    const occupation = parseRecord(occupationRecord, rawOccupation, OCCUPATION_ALIASES);
    if (!occupation.ok) {
      reportSkipped(key, `progression occupations.${index}: ${occupation.reason}`);
      continue;
    }
    const routeId = (occupation.value as Record<string, unknown>).routeId;
    const slug = routeSlugOf(occupation.value) ?? findRoute(typeof routeId === 'number' || typeof routeId === 'string' ? routeId : null)?.slug ?? null;
    const summary = toSummary(occupation.value, (code, reason) => reportSkipped(key, `progression occupation ${code}: ${reason}`), slug);
    if (summary && !result.occupations.has(summary.code)) result.occupations.set(summary.code, summary);
  }
  const seen = new Set<string>();
  for (const [index, rawPair] of (record.value.progressions ?? []).entries()) {
    const pair = parseRecord(progressionPair, rawPair, PAIR_ALIASES);
    const from = pair.ok ? toOccupationCode(pair.value.stdCodeFrom) : null;
    const to = pair.ok ? toOccupationCode(pair.value.stdCodeTo) : null;
    if (!from || !to || from === to) {
      reportSkipped(key, `progressions.${index}: ${pair.ok ? 'not a pair of two different occupation codes' : pair.reason}`);
      continue;
    }
    const edgeKey = `${from}>${to}`;
    if (seen.has(edgeKey)) continue;
    seen.add(edgeKey);
    result.edges.push({ from, to });
  }
  return result;
}

/**
 * `progression/{code}.json`: the key first, then every occupation an edge reaches. Edges whose far end has no
 * usable summary are dropped (and reported), so every endpoint is always in `occupations`.
 */
export function buildProgression(
  key: OccupationSummary,
  parsed: ParsedProgression | null,
  summaryOf: (code: string) => OccupationSummary | null,
  reportSkipped: SkipReporter,
): Built<ProgressionDocument> {
  const occupations = new Map<string, OccupationSummary>([[key.code, key]]);
  const edges: ProgressionEdge[] = [];
  for (const edge of parsed?.edges ?? []) {
    const ends = [edge.from, edge.to].map((code) => occupations.get(code) ?? summaryOf(code) ?? parsed?.occupations.get(code) ?? null);
    if (ends.some((end) => !end)) {
      reportSkipped(key.code, `progression edge ${edge.from} → ${edge.to}: an endpoint has no usable record`);
      continue;
    }
    for (const end of ends) occupations.set(end!.code, end!);
    edges.push(edge);
  }
  const doc: ProgressionDocument = { key: key.code, occupations: [...occupations.values()], edges };
  return validated('progression', doc);
}

/** `progression/{code}.json`: only for a code the catalogue holds, so an unknown code costs no upstream call. */
export async function answerProgression(sources: DocumentSources, code: string): Promise<Answer<ProgressionDocument>> {
  const catalogue = await sources.catalogue();
  const unknown = unknownOccupation(catalogue, code);
  if (unknown) return unknown;
  const parsed = await sources.progression(code);
  return buildProgression(catalogue.summaryOf(code)!, parsed, (other) => catalogue.summaryOf(other), sources.reportSkipped);
}
