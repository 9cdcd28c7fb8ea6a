/**
 * Writes the whole static Embed API v1 tree under OUT/v1/, byte-identical to what the server returns. Built in a
 * temporary folder inside OUT and moved in file by file (swap.ts: no moment without v1/), so a failed run leaves the
 * previous snapshot untouched. Only OUT/v1/ is replaced: OUT may be a site's root with its own pages.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseEmbedPath } from '@occupational-maps/core';
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
  /** Documents built at once; upstream calls are bounded separately by the HTTP layer. */
  concurrency?: number;
}

export interface DocumentsOptions {
  dataset: Dataset;
  /** The folder the documents go to (`…/v1`). */
  into: string;
  onProgress?: (done: number, total: number) => void;
  /** Documents built at once; upstream calls are bounded separately by the HTTP layer. */
  concurrency?: number;
}

/**
 * Builds every document of the dataset into `into` (which should be new: a staging folder). Throws on the first
 * failure that is not an unusable record, once every worker has stopped.
 */
export async function writeDocuments(options: DocumentsOptions, summary: SnapshotSummary): Promise<void> {
  const paths = await options.dataset.allPaths();
  const folders = new Set(paths.map((path) => dirname(join(options.into, path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  let next = 0;
  let done = 0;
  // After one failure no worker starts another document: the run is lost, and its upstream calls would be wasted.
  let failed = false;
  options.onProgress?.(0, paths.length);
  const worker = async () => {
    while (!failed && next < paths.length) {
      const path = paths[next++];
      const parsed = parseEmbedPath(path);
      if (!parsed.ok) throw new Error(`Internal: "${path}" is not an Embed API path (${parsed.reason}).`);
      try {
        const result = await options.dataset.document(parsed.kind, parsed.key);
        if (result.found) {
          const bytes = renderDocument(result.doc);
          await writeFile(join(options.into, parsed.path), bytes);
          summary.documents++;
          summary.bytes += bytes.length;
        } else summary.skippedDocuments.push({ path, reason: result.message });
      } catch (error) {
        if (!(error instanceof UnusableRecordError)) {
          failed = true;
          throw error;
        }
        summary.skippedDocuments.push({ path, reason: error.reason });
      }
      options.onProgress?.(++done, paths.length);
    }
  };
  // Every worker has stopped before the caller removes the staging tree: a write still under way would make that
  // removal fail (ENOTEMPTY) and hide the real error behind it.
  const outcomes = await Promise.allSettled(Array.from({ length: options.concurrency ?? 8 }, worker));
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
