/**
 * Writes the whole static Embed API v1 tree under OUT/v1/, byte-identical to what the server returns. Built in a
 * temporary folder beside v1/ and swapped in with renames, so a failed run leaves the previous snapshot untouched.
 * Only OUT/v1/ is replaced: OUT may be a site's root with its own pages.
 */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseEmbedPath } from '@occupational-maps/core';
import { UnusableRecordError, type Dataset } from '../dataset.js';
import { renderDocument } from '../server/render.js';
import type { UpstreamStats } from '../upstream/http.js';

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

const exists = (path: string) => stat(path).then(() => true, () => false);

export async function writeSnapshot(options: SnapshotOptions): Promise<SnapshotSummary> {
  const started = performance.now();
  const root = resolve(options.outDir);
  const out = join(root, 'v1');
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = join(root, `.v1.tmp-${stamp}`);
  const old = join(root, `.v1.old-${stamp}`);
  const summary: SnapshotSummary = { documents: 0, bytes: 0, skippedDocuments: [], skippedRecords: [], upstreamCalls: 0, retries: 0, seconds: 0 };
  const callsBefore = options.stats ? { ...options.stats } : { calls: 0, retries: 0 };

  await mkdir(root, { recursive: true });
  try {
    const paths = await options.dataset.allPaths();
    const folders = new Set(paths.map((path) => dirname(join(temp, path))));
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
            await writeFile(join(temp, parsed.path), bytes);
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
    // Every worker has stopped before the temporary tree is removed: a write still under way would make that removal
    // fail (ENOTEMPTY) and hide the real error behind it.
    const outcomes = await Promise.allSettled(Array.from({ length: options.concurrency ?? 8 }, worker));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;

    // Swap: the old tree moves aside, the new one takes its name, then the old one goes.
    const hadOld = await exists(out);
    if (hadOld) await rename(out, old);
    try {
      await rename(temp, out);
    } catch (error) {
      if (hadOld) await rename(old, out);
      throw error;
    }
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  summary.skippedRecords = [...options.dataset.skipped.keys()];
  if (options.stats) {
    summary.upstreamCalls = options.stats.calls - callsBefore.calls;
    summary.retries = options.stats.retries - callsBefore.retries;
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
