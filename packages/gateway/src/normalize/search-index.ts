/** `search-index.json`: one compact entry per occupation on the maps. */
import { PRODUCT_TYPE_SLUGS, type SearchIndexDocument, type SearchEntry } from '@occupational-maps/core';
import { standardRefIn, textList, toCount } from './common.js';
import { validated, type Built } from './built.js';
import type { DocumentSources } from './sources.js';
import type { CatalogueEntry } from './route.js';

/** `larsCodeOf(code)`: the LARS code of an occupation's apprenticeship standard, or `null`. */
export function buildSearchIndex(catalogue: readonly CatalogueEntry[], larsCodeOf: (code: string) => number | null = () => null): Built<SearchIndexDocument> {
  const occupations: SearchEntry[] = [];
  const typeNames = new Map<string, string | null>();
  for (const { summary, record } of catalogue) {
    if (!summary.routeSlug) continue;
    occupations.push({
      code: summary.code,
      title: summary.title,
      level: summary.level,
      band: summary.band,
      status: summary.status,
      route: summary.routeSlug,
      keywords: textList(record.keywords),
      jobTitles: textList(record.typicalJobTitles),
      products: summary.products.map((product) => product.code),
      productTypes: [...new Set(summary.products.map((product) => product.type))],
      larsCode: larsCodeOf(summary.code),
      productTypeSlugs: [...new Set(summary.products.map((product) => product.typeSlug))],
    });
    for (const product of summary.products) if (!typeNames.get(product.typeSlug)) typeNames.set(product.typeSlug, product.typeName);
  }
  const productTypes = [...typeNames].map(([slug, typeName]) => ({ slug, typeName })).sort(byTypeOrder);
  return validated('searchIndex', { occupations, productTypes });
}

/** Known types in the contract's order, then newer ones by slug. */
function byTypeOrder(a: { slug: string }, b: { slug: string }): number {
  const rank = (slug: string) => {
    const index = (PRODUCT_TYPE_SLUGS as readonly string[]).indexOf(slug);
    return index < 0 ? PRODUCT_TYPE_SLUGS.length : index;
  };
  return rank(a.slug) - rank(b.slug) || a.slug.localeCompare(b.slug);
}

/** `search-index.json` from the catalogue, with each standard's LARS code from API A (null when API A fails). */
export async function answerSearchIndex(sources: DocumentSources): Promise<Built<SearchIndexDocument>> {
  const { entries } = await sources.catalogue();
  const larsCodes = new Map<string, number | null>();
  await Promise.all(
    entries.map(async ({ summary }) => {
      const ref = standardRefIn(summary.products);
      const record = ref ? await sources.standard(ref).catch(() => null) : null;
      larsCodes.set(summary.code, toCount(record?.larsCode, { zeroIsNull: true }));
    }),
  );
  return buildSearchIndex(entries, (code) => larsCodes.get(code) ?? null);
}
