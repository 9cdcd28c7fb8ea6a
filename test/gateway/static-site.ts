/**
 * Test helpers for published static sites: what Netlify and Cloudflare Pages do with a `_headers` file (every rule
 * whose path matches applies, `*` matches any characters, `/` included, and a header set by two matching rules gets
 * both values joined by a comma), and a fingerprint of every file to prove a site unchanged.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { filesUnder } from '@occupational-maps/gateway';

/** Path → SHA-256 of every file under a folder, dot-files included. */
export async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of await filesUnder(dir)) out[path] = createHash('sha256').update(await readFile(join(dir, path))).digest('hex');
  return out;
}

export interface HeaderRule {
  path: string;
  pattern: RegExp;
  headers: Array<[string, string]>;
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const escaped = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ path: line.trim(), pattern: new RegExp(`^${escaped}$`), headers: [] });
      continue;
    }
    const match = line.trim().match(/^([^:]+):\s*(.*)$/);
    if (!match || rules.length === 0) throw new Error(`_headers: cannot read "${line}"`);
    rules.at(-1)!.headers.push([match[1].trim(), match[2].trim()]);
  }
  return rules;
}

/** The headers a host adds to a path, lower-cased names; `sources` says which rules set each (to find clashes). */
export function headersFor(rules: HeaderRule[], path: string): { headers: Record<string, string>; sources: Record<string, string[]> } {
  const headers: Record<string, string> = {};
  const sources: Record<string, string[]> = {};
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
      (sources[key] ??= []).push(rule.path);
    }
  }
  return { headers, sources };
}
