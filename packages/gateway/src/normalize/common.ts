/** Small upstream → contract mappings shared by every normalizer. */
import {
  bandForLevel,
  findRoute,
  legacyProductType,
  OCCUPATION_CODE,
  SOC_CODE,
  STANDARD_REF,
  normaliseCode,
  slugOfTypeName,
  type OccupationStatus,
  type OccupationSummary,
  type Product,
  type ProductType,
} from '@occupational-maps/core';
import { parseRecord, product as productSchema, type OccupationRecord } from './upstream-schemas.js';
import { plainText } from './html-to-blocks.js';

/** Reports a record (or part of one) that was left out, with the code it belongs to and why. */
export type SkipReporter = (code: string, reason: string) => void;

/**
 * Upstream status words → contract status. Order matters: "Proposal in development" is a proposal and
 * "Occupational standard without apprenticeship" is not simply approved.
 */
export function mapStatus(statusName: string | null | undefined, status?: number | null): OccupationStatus {
  const words = (statusName ?? '').toLowerCase().replace(/[-_]/g, ' ');
  if (words) {
    if (words.includes('without apprenticeship')) return 'without-apprenticeship';
    if (/retired|withdrawn/.test(words)) return 'retired';
    if (/proposal|potential|proposed/.test(words)) return 'proposal';
    if (/in development|indevelopment/.test(words)) return 'in-development';
    if (/approved/.test(words)) return 'approved';
    return 'other';
  }
  return status === 1 ? 'approved' : 'other';
}

/** What a product's type is: the open slug and the upstream's own name for it (the contract's `typeSlug`, `typeName`). */
export interface ProductTypeOf {
  slug: string;
  typeName: string | null;
}

const TYPE_NAME_SLUGS: ReadonlyArray<[RegExp, string]> = [
  [/^foundationapprenticeships?$/, 'foundation-apprenticeship'],
  [/^apprenticeshipunits?$/, 'apprenticeship-unit'],
  [/^apprenticeship/, 'apprenticeship'],
  [/^tlevels?$/, 't-level'],
  [/^(htqs?|highertechnical)/, 'htq'],
  [/^(tqs?|technicalqualification)/, 'tq'],
];
/** Product type ids: 1 Apprenticeship and 3 TLevel are verified; 2 HTQ and 4 TQ are inferred (upstream-api.md §1.6). */
const TYPE_IDS: Readonly<Record<number, string>> = { 1: 'apprenticeship', 2: 'htq', 3: 't-level', 4: 'tq' };
const CODE_PREFIXES: ReadonlyArray<[RegExp, string]> = [
  [/^ST\d/i, 'apprenticeship'],
  [/^FA\d/i, 'foundation-apprenticeship'],
  [/^AU\d/i, 'apprenticeship-unit'],
  [/^TL\d/i, 't-level'],
  [/^HTQ/i, 'htq'],
  [/^TQ/i, 'tq'],
];

/**
 * A product's type from its `typeName` ("Apprenticeship", "Foundation Apprenticeship", "TLevel", "T Level", "HTQ",
 * "TQ", …), else its numeric `type`, else its code. A name the contract does not know yet keeps its own slug and
 * name (`V Level` → `v-level`), so it is shown as itself rather than as "Other".
 */
export function productTypeOf(typeName: string | null | undefined, type: number | null | undefined, code: string): ProductTypeOf {
  const name = plainText(typeName) ?? null;
  const squashed = (name ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (squashed) {
    const known = TYPE_NAME_SLUGS.find(([pattern]) => pattern.test(squashed));
    if (known) return { slug: known[1], typeName: name };
    const slug = slugOfTypeName(name!);
    if (slug) return { slug, typeName: name };
  }
  const byId = typeof type === 'number' ? TYPE_IDS[type] : undefined;
  if (byId) return { slug: byId, typeName: name };
  const byCode = CODE_PREFIXES.find(([pattern]) => pattern.test(code));
  return { slug: byCode?.[1] ?? 'other', typeName: name };
}

/** The closed type of the first clients (`other` for every type they did not know). */
export function mapProductType(typeName: string | null | undefined, type: number | null | undefined, code: string): ProductType {
  return legacyProductType(productTypeOf(typeName, type, code).slug);
}

/** A level 1–8 or null. */
export function toLevel(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 8 ? value : null;
}

/** A whole non-negative number or null (`larsCode: 0` means "not yet assigned", so zero can be refused). */
export function toCount(value: number | null | undefined, { zeroIsNull = false } = {}): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  const whole = Math.round(value);
  return zeroIsNull && whole === 0 ? null : whole;
}

/** `2018-05-24T00:00:00 +00:00`, `2017-08-25`, `2017-08-25T10:00:00Z` → `YYYY-MM-DD`; anything else → null. */
export function toIsoDate(value: string | null | undefined): string | null {
  const match = value?.trim().match(/^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/);
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : null;
}

/** SOC codes arrive as numbers or strings; `0` or blank means "no mapping". */
export function toSocCode(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  if (!/^\d+$/.test(text) || Number(text) === 0) return null;
  const padded = text.padStart(4, '0');
  return SOC_CODE.test(padded) ? padded : null;
}

/** A trimmed upper-case occupation code, or null when it is not one. */
export function toOccupationCode(value: string | null | undefined): string | null {
  const code = value ? normaliseCode(value) : '';
  return OCCUPATION_CODE.test(code) ? code : null;
}

/** Text items of a list that may hold strings or `{ name }` objects; cleaned, blanks dropped, duplicates removed. */
export function textList(value: unknown): string[] {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
  const out = new Set<string>();
  for (const item of items) {
    const raw = typeof item === 'string' || typeof item === 'number' ? String(item) : item && typeof item === 'object' ? (item as { name?: unknown }).name : null;
    const text = typeof raw === 'string' ? plainText(raw) : null;
    if (text) out.add(text);
  }
  return [...out];
}

export function normaliseProducts(value: readonly unknown[] | null | undefined, owner: string, reportSkipped: SkipReporter): Product[] {
  const products: Product[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of (value ?? []).entries()) {
    const checked = parseRecord(productSchema, raw);
    if (!checked.ok) {
      reportSkipped(owner, `products.${index}: ${checked.reason}`);
      continue;
    }
    const p = checked.value;
    const code = p.productCode.replace(/\s+/g, '');
    if (seen.has(code)) continue;
    seen.add(code);
    const { slug, typeName } = productTypeOf(p.typeName, p.type, code);
    products.push({
      code,
      type: legacyProductType(slug),
      typeSlug: slug,
      typeName,
      title: plainText(p.name),
      status: plainText(p.statusName),
      level: toLevel(p.level),
      careerStarter: p.careerStarter ?? null,
    });
  }
  return products;
}

/** The apprenticeship standard an occupation is a product of: its first apprenticeship product with an ST code. */
export function standardRefIn(products: readonly Product[]): string | null {
  return products.find((p) => p.typeSlug === 'apprenticeship' && STANDARD_REF.test(p.code.toUpperCase()))?.code.toUpperCase() ?? null;
}

/** The route slug an occupation belongs to, from its map hierarchy (id first, then name). */
export function routeSlugOf(record: Pick<OccupationRecord, 'mapHierarchy'>, fallbackRoute?: string | number | null): string | null {
  const hierarchy = record.mapHierarchy;
  return (findRoute(hierarchy?.routeId ?? null) ?? findRoute(hierarchy?.routeName ?? null) ?? findRoute(fallbackRoute ?? null))?.slug ?? null;
}

/**
 * The summary every map, progression and SOC document uses. Null when the record cannot make a valid one
 * (bad code or level); the caller reports it.
 */
export function toSummary(record: OccupationRecord, reportSkipped: SkipReporter, routeSlug?: string | null): OccupationSummary | null {
  const code = toOccupationCode(record.stdCode);
  if (!code) {
    reportSkipped(record.stdCode, `stdCode: "${record.stdCode}" is not an occupation code`);
    return null;
  }
  const level = toLevel(record.level);
  const band = level === null ? null : bandForLevel(level);
  if (level === null || band === null) {
    reportSkipped(code, `level: ${record.level} is not a level from 1 to 8`);
    return null;
  }
  const title = plainText(record.name);
  if (!title) {
    reportSkipped(code, 'name: empty once markup is removed');
    return null;
  }
  return {
    code,
    title,
    level,
    band,
    status: mapStatus(record.statusName, record.status),
    routeSlug: routeSlug !== undefined ? routeSlug : routeSlugOf(record),
    products: normaliseProducts(record.products, code, reportSkipped),
    soc2020: toSocCode(record.soc?.soc2020Code),
  };
}
