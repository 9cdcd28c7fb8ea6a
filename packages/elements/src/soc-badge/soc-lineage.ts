import type { SocTitles } from './soc-lookup.js';
// Apart from soc-lookup.ts: only an open detail shows the groups, so only the detail's module needs this.


export interface SocGroup {
  code: string;
  title: string;
}

/** A unit group with its ancestors, major first. */
export interface SocLineage {
  major: SocGroup;
  subMajor: SocGroup;
  minor: SocGroup;
  unit: SocGroup;
}

/** A SOC 2020 unit group and its major, sub-major and minor groups; `null` for a code SOC 2020 does not have. */
export function socLineage(titles: SocTitles, code: string): SocLineage | null {
  if (!/^\d{4}$/.test(code) || !Object.hasOwn(titles, code)) return null;
  // In SOC 2020 a group's parent is its code less the last digit (the generator checks this).
  const group = (prefix: string): SocGroup => ({ code: prefix, title: titles[prefix] ?? '' });
  return { major: group(code.slice(0, 1)), subMajor: group(code.slice(0, 2)), minor: group(code.slice(0, 3)), unit: group(code) };
}
