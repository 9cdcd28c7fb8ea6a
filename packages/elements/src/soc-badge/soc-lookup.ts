/** Reads the bundled SOC 2020 titles, which load lazily: pages with no `<soc-badge>` never download them. */

export type SocTitles = Readonly<Record<string, string>>;

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
