/** Reads the bundled SOC 2020 titles, which load lazily: pages with no `<soc-badge>` never download them. */

export type SocTitles = Readonly<Record<string, string>>;

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

let loading: Promise<SocTitles> | undefined;
let loaded: SocTitles | undefined;

/** The titles if they have already arrived, so badges created later draw their title in the first frame. */
export const peekSocTitles = (): SocTitles | undefined => loaded;

/** The titles, imported once per page; a failed import (say, a missing CDN chunk) may be tried again later. */
export function loadSocTitles(): Promise<SocTitles> {
  loading ??= import('./soc-data.js').then(
    (module) => (loaded = module.SOC_2020_TITLES),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** A SOC 2020 unit group and its major, sub-major and minor groups; `null` for a code SOC 2020 does not have. */
export function socLineage(titles: SocTitles, code: string): SocLineage | null {
  if (!/^\d{4}$/.test(code) || !Object.hasOwn(titles, code)) return null;
  // In SOC 2020 a group's parent is its code less the last digit (the generator checks this).
  const group = (prefix: string): SocGroup => ({ code: prefix, title: titles[prefix] ?? '' });
  return { major: group(code.slice(0, 1)), subMajor: group(code.slice(0, 2)), minor: group(code.slice(0, 3)), unit: group(code) };
}
