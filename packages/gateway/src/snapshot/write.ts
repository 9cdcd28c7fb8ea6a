/**
 * Writes the whole static Embed API v1 tree under OUT/v1/, byte-identical to what the server returns. Built in a
 * temporary folder inside OUT and moved in file by file (swap.ts: no moment without v1/), so a failed run leaves the
 * previous snapshot untouched. Only OUT/v1/ is replaced: OUT may be a site's root with its own pages.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseEmbedPath, type EmbedDocumentKind, type ParsedEmbedPath } from '@occupational-maps/core';

type DocumentPath = Extract<ParsedEmbedPath, { ok: true }>;
import { UnusableRecordError, type Dataset } from '../dataset.js';
import { renderDocument } from '../server/render.js';
import type { UpstreamStats } from '../upstream/http.js';
import { documentRank, stagingFolder, swapIn } from './swap.js';

export interface SnapshotSummary {
  documents: number;
  bytes: number;
  /** Documents left out because their upstream record was not usable. */
  skippedDocuments: Array<{ path: string; reason: string }>;
  /** Upstream records (or parts) left out, `code: reason`. */
  skippedRecords: string[];
  upstreamCalls: number;
  retries: number;
  seconds: number;
}

export interface SnapshotOptions {
  dataset: Dataset;
  outDir: string;
  stats?: UpstreamStats;
  onProgress?: (done: number, total: number) => void;
  /** Documents waiting on the upstream built at once (default: see `writeDocuments`). */
  concurrency?: number;
}

export interface DocumentsOptions {
  dataset: Dataset;
  /** The folder the documents go to (`…/v1`). */
  into: string;
  onProgress?: (done: number, total: number) => void;
  /**
   * Documents waiting on the upstream built at once (default: four per upstream slot, at least 8). Upstream calls
   * are bounded separately by the HTTP layer; this only has to be large enough that a call is always waiting when a
   * slot frees, while other documents are being parsed, rendered and written.
   */
  concurrency?: number;
}

/**
 * Kinds that make no upstream call of their own in a snapshot: built from the catalogue alone (routes.json, standards,
 * SOC unit groups), or from records another document asks for first (each progression map: meta.json asks for every
 * one, in catalogue order). They are built beside the documents that wait on the upstream, not after them, so their
 * CPU and disk time hides under the upstream's latency instead of adding a tail once the last call is answered.
 */
const LOCAL_KINDS: readonly EmbedDocumentKind[] = ['routes', 'standard', 'soc', 'progression'];
/** Workers over the local documents: one builds while the other waits for its file to be written. */
const LOCAL_WORKERS = 2;

/**
 * Builds every document of the dataset into `into` (which should be new: a staging folder). Two lanes share one
 * progress count: the documents that wait on the upstream (meta.json, which asks for every progression map at once,
 * then the route maps, the occupations and the search index), enough at once to keep the upstream queue full; and
 * the local documents (`LOCAL_KINDS`). Throws on the first failure that is not an unusable record, once every worker
 * has stopped.
 */
export async function writeDocuments(options: DocumentsOptions, summary: SnapshotSummary): Promise<void> {
  // API A's full list needs no catalogue: it streams in while the route trees are walked.
  options.dataset.prefetch();
  const paths = (await options.dataset.allPaths()).map((path): DocumentPath => {
    const parsed = parseEmbedPath(path);
    if (!parsed.ok) throw new Error(`Internal: "${path}" is not an Embed API path (${parsed.reason}).`);
    return parsed;
  });
  const folders = new Set(paths.map((parsed) => dirname(join(options.into, parsed.path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const lanes = {
    upstream: paths.filter((parsed) => !LOCAL_KINDS.includes(parsed.kind)),
    // Those the catalogue alone makes first; the progression maps as they arrive.
    local: LOCAL_KINDS.flatMap((kind) => paths.filter((parsed) => parsed.kind === kind)),
  };
  const upstreamWorkers = options.concurrency ?? Math.max(8, 4 * options.dataset.upstreamConcurrency());
  let done = 0;
  // After one failure no worker starts another document: the run is lost, and its upstream calls would be wasted.
  let failed = false;
  options.onProgress?.(0, paths.length);
  const worker = async (lane: DocumentPath[]) => {
    while (!failed && lane.length > 0) {
      const parsed = lane.shift()!;
      try {
        const result = await options.dataset.document(parsed.kind, parsed.key);
        if (result.found) {
          const bytes = renderDocument(result.doc);
          await writeFile(join(options.into, parsed.path), bytes);
          summary.documents++;
          summary.bytes += bytes.length;
        } else summary.skippedDocuments.push({ path: parsed.path, reason: result.message });
      } catch (error) {
        if (!(error instanceof UnusableRecordError)) {
          failed = true;
          throw error;
        }
        summary.skippedDocuments.push({ path: parsed.path, reason: error.reason });
      }
      options.onProgress?.(++done, paths.length);
    }
  };
  // Every worker has stopped before the caller removes the staging tree: a write still under way would make that
  // removal fail (ENOTEMPTY) and hide the real error behind it.
  const outcomes = await Promise.allSettled([
    ...Array.from({ length: upstreamWorkers }, () => worker(lanes.upstream)),
    ...Array.from({ length: LOCAL_WORKERS }, () => worker(lanes.local)),
  ]);
  const failure = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}

export function emptySummary(): SnapshotSummary {
  return { documents: 0, bytes: 0, skippedDocuments: [], skippedRecords: [], upstreamCalls: 0, retries: 0, seconds: 0 };
}

/** Fills in what the dataset and the HTTP layer counted since `callsBefore`, and the time since `started`. */
export function finishSummary(summary: SnapshotSummary, dataset: Dataset, stats: UpstreamStats | undefined, callsBefore: { calls: number; retries: number }, started: number): SnapshotSummary {
  summary.skippedRecords = [...dataset.skipped.keys()];
  if (stats) {
    summary.upstreamCalls = stats.calls - callsBefore.calls;
    summary.retries = stats.retries - callsBefore.retries;
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** The closing lines of a run: calls, what was skipped and (unless quiet) which, at most 20 of each. */
export function summaryLines(summary: SnapshotSummary, quiet: boolean): string[] {
  const lines = [
    `${summary.upstreamCalls} upstream calls, ${summary.retries} retries`,
    `${summary.skippedRecords.length} upstream records skipped, ${summary.skippedDocuments.length} documents left out`,
  ];
  if (!quiet) {
    for (const { path, reason } of summary.skippedDocuments.slice(0, 20)) lines.push(`  left out ${path}: ${reason}`);
    for (const record of summary.skippedRecords.slice(0, 20)) lines.push(`  skipped ${record}`);
    if (summary.skippedRecords.length > 20) lines.push(`  … and ${summary.skippedRecords.length - 20} more skipped records`);
  }
  return lines;
}

export async function writeSnapshot(options: SnapshotOptions): Promise<SnapshotSummary> {
  const started = performance.now();
  const root = resolve(options.outDir);
  const summary = emptySummary();
  const callsBefore = options.stats ? { ...options.stats } : { calls: 0, retries: 0 };

  await mkdir(root, { recursive: true });
  const staged = await stagingFolder(root, '.v1.tmp');
  try {
    await writeDocuments({ dataset: options.dataset, into: join(staged, 'v1'), onProgress: options.onProgress, concurrency: options.concurrency }, summary);
    await swapIn({ root, staged, replaces: ['v1'], rank: (path) => documentRank(path.slice('v1/'.length)) });
  } catch (error) {
    await rm(staged, { recursive: true, force: true });
    throw error;
  }
  return finishSummary(summary, options.dataset, options.stats, callsBefore, started);
}
