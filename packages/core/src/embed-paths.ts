/** The path of each Embed API v1 document, relative to the API base (`/v1/`). */
export const embedPaths = {
  meta: () => 'meta.json',
  routes: () => 'routes.json',
  routeMap: (slug: string) => `routes/${slug}.json`,
  occupation: (code: string) => `occupations/${code}.json`,
  standard: (ref: string) => `standards/${ref}.json`,
  progression: (code: string) => `progression/${code}.json`,
  soc: (code: string) => `soc/${code}.json`,
  searchIndex: () => 'search-index.json',
} as const;

export type EmbedDocumentKind = keyof typeof embedPaths;
