import * as v from 'valibot';
import { errorDocument } from './common.js';

export type Validation<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Says where and why a value failed, e.g. `pathways.0.clusters.2.band: Invalid type …`; at most three issues. `at` is
 * the dot path of the validated value inside its document, when it is only a part of one.
 */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], at?: string): string {
  const lines = issues.slice(0, 3).map((issue) => {
    const path = v.getDotPath(issue);
    const where = at ? (path ? `${at}.${path}` : at) : (path ?? '(document)');
    return `${where}: ${issue.message}`;
  });
  if (issues.length > 3) lines.push(`… and ${issues.length - 3} more`);
  return lines.join('; ');
}

/** Validates any schema and gives a readable reason on failure. */
export function validateWith<S extends v.GenericSchema>(schema: S, value: unknown): Validation<v.InferOutput<S>> {
  const result = v.safeParse(schema, value);
  return result.success ? { ok: true, value: result.output } : { ok: false, reason: describeIssues(result.issues) };
}

/** True when a body is an Embed API error document `{ error: { code, message } }`. */
export const isErrorDocument = (value: unknown): value is v.InferOutput<typeof errorDocument> =>
  v.is(errorDocument, value);
