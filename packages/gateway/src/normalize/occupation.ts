/** A full API B occupation record (+ its API A standard) → `occupations/{code}.json`. */
import { findRoute, type OccupationDocument } from '@occupational-maps/core';
import { validated, type Answer, type Built } from './built.js';
import { htmlToBlocks, plainText, safeHref } from './html-to-blocks.js';
import { normaliseKsbs } from './ksbs.js';
import { standardRefIn, textList, toCount, toIsoDate, toSocCode, toSummary, type SkipReporter } from './common.js';
import {
  link as linkSchema,
  OCCUPATION_ALIASES,
  occupationRecord,
  parseRecord,
  subUnitGroup,
  type OccupationRecord,
  type StandardRecord,
} from './upstream-schemas.js';
import type { SocTable } from './soc.js';
import { unknownOccupation, type DocumentSources } from './sources.js';


const LINK_RELS = {
  occupation: ['occupationalstandardurl', 'occupationurl'],
  map: ['occupationalmapurl', 'mapurl'],
  progression: ['occupationalprogressionurl', 'progressionurl'],
} as const;

export function buildOccupation(
  record: OccupationRecord,
  standard: StandardRecord | null,
  soc: SocTable,
  reportSkipped: SkipReporter,
): Built<OccupationDocument> {
  const summary = toSummary(record, reportSkipped, undefined);
  if (!summary) return { ok: false, reason: 'the record cannot make an occupation summary' };
  const code = summary.code;
  const routeInfo = findRoute(summary.routeSlug ?? null) ?? findRoute(standard?.route ?? null);
  if (!routeInfo) return { ok: false, reason: 'mapHierarchy: no route we know' };
  summary.routeSlug = routeInfo.slug;

  const hierarchy = record.mapHierarchy;
  const named = (id: number | null | undefined, name: string | null | undefined) => {
    const text = plainText(name);
    return typeof id === 'number' && Number.isInteger(id) && text ? { id, name: text } : null;
  };

  const links: Record<string, string> = {};
  for (const [index, raw] of (record.links ?? []).entries()) {
    const checked = parseRecord(linkSchema, raw, { rel: ['relationship'], href: ['url'] });
    if (!checked.ok) {
      reportSkipped(code, `links.${index}: ${checked.reason}`);
      continue;
    }
    const rel = checked.value.rel?.toLowerCase().replace(/[^a-z]/g, '');
    const href = safeHref(checked.value.href ?? undefined);
    if (rel && href && !links[rel]) links[rel] = href;
  }
  const linkFor = (rels: readonly string[]) => rels.map((rel) => links[rel]).find(Boolean) ?? null;

  const socBlock = record.soc;
  const soc2020Code = toSocCode(socBlock?.soc2020Code);
  const soc2010Code = toSocCode(socBlock?.soc2010Code);
  const soc2020Title = (soc2020Code && (plainText(socBlock?.soc2020Description) ?? soc.units.get(soc2020Code)?.title)) || null;
  const soc2010Title = soc2010Code ? plainText(socBlock?.soc2010Description) : null;
  const subUnitGroups = [];
  for (const [index, raw] of (socBlock?.soc2020SubUnitGroups ?? []).entries()) {
    const checked = parseRecord(subUnitGroup, raw);
    const title = checked.ok ? plainText(checked.value.description) : null;
    if (!checked.ok || !/^\d{4}\/\d{2}$/.test(checked.value.code) || !title) {
      reportSkipped(code, `soc.soc2020SubUnitGroups.${index}: ${checked.ok ? 'not a NNNN/NN code with a title' : checked.reason}`);
      continue;
    }
    subUnitGroups.push({ code: checked.value.code, title, primary: checked.value.isPrimary ?? false });
  }

  // KSBs and duties: API B's lists when it has them, else API A's (GUID ids, mapped by list order).
  const fromMaps = [record.knowledges, record.skills, record.behaviours].some((list) => list && list.length > 0);
  const { ksbs, duties } = normaliseKsbs(fromMaps ? record : (standard ?? {}), code, reportSkipped);

  const standardRef = standardRefIn(summary.products);
  const product = standardRef ? summary.products.find((p) => p.code.toUpperCase() === standardRef) : undefined;
  const standardPageUrl = safeHref(standard?.standardPageUrl ?? undefined) ?? null;
  const apprenticeship = standardRef
    ? {
        standard: standardRef,
        version: plainText(standard?.version ?? standard?.versionNumber) ?? null,
        status: apprenticeshipStatus(standard) ?? product?.status ?? null,
        typicalDurationMonths: toCount(standard?.typicalDuration, { zeroIsNull: true }),
        maxFunding: toCount(standard?.maxFunding, { zeroIsNull: true }),
        larsCode: toCount(standard?.larsCode, { zeroIsNull: true }),
        entryRequirements: plainText(standard?.entryRequirements),
        standardPageUrl,
      }
    : null;

  const doc: OccupationDocument = {
    ...summary,
    version: plainText(record.versionNo),
    route: { slug: routeInfo.slug, name: routeInfo.name },
    pathway: named(hierarchy?.pathwayId, hierarchy?.pathwayName),
    cluster: named(hierarchy?.clusterId, hierarchy?.clusterName),
    overview: plainText(record.overview) ?? plainText(standard?.overviewOfRole),
    summary: htmlToBlocks(record.summary),
    typicalJobTitles: textList(record.typicalJobTitles?.length ? record.typicalJobTitles : standard?.typicalJobTitles),
    keywords: textList(record.keywords ?? standard?.keywords),
    involvedEmployers: textList(record.involvedEmployers),
    green: record.greenOccupation
      ? { isGreen: record.greenOccupation.isGreen ?? false, classification: plainText(record.greenOccupation.classification) }
      : null,
    medianAnnualSalary: toCount(record.medianAnnualSalaryinGBP, { zeroIsNull: true }),
    soc: {
      soc2020: soc2020Code && soc2020Title ? { code: soc2020Code, title: soc2020Title } : null,
      soc2010: soc2010Code && soc2010Title ? { code: soc2010Code, title: soc2010Title } : null,
      subUnitGroups,
    },
    apprenticeship,
    ksbs,
    duties,
    links: {
      occupation: linkFor(LINK_RELS.occupation),
      map: linkFor(LINK_RELS.map),
      standard: standardPageUrl,
      progression: linkFor(LINK_RELS.progression),
    },
    updatedAt: toIsoDate(record.statusLastUpdated),
  };
  return validated('occupation', doc);
}

/** `occupations/{code}.json`: only for a code the catalogue holds; then API B's full record and its API A standard. */
export async function answerOccupation(sources: DocumentSources, code: string): Promise<Answer<OccupationDocument>> {
  const catalogue = await sources.catalogue();
  const unknown = unknownOccupation(catalogue, code);
  if (unknown) return unknown;
  const result = await sources.occupation(code);
  if (!result.found) return { notFound: `No occupation found for ${code}.` };
  const parsed = parseRecord(occupationRecord, result.body, OCCUPATION_ALIASES);
  if (!parsed.ok) {
    sources.reportSkipped(code, parsed.reason);
    return parsed;
  }
  // A record fetched without its products (the expand left out) takes them from its route tree.
  const record = parsed.value.products == null ? { ...parsed.value, products: catalogue.entryOf(code)?.record.products } : parsed.value;
  const ref = standardRefIn(toSummary(record, () => {})?.products ?? []);
  const standard = ref ? await sources.standard(ref) : null;
  const built = buildOccupation(record, standard, sources.soc, sources.reportSkipped);
  if (!built.ok) sources.reportSkipped(code, built.reason);
  return built;
}

/** API A's status words as the website shows them: a paused approved standard reads "Approved for delivery (paused for starts)". */
export function apprenticeshipStatus(standard: StandardRecord | null): string | null {
  const status = plainText(standard?.status);
  if (status && standard?.approvedForDeliveryPausedStarts === true && /^approved for delivery$/i.test(status)) return `${status} (paused for starts)`;
  return status;
}
