/**
 * Loose runtime schemas for upstream records (shared/reference/upstream-api.md). They accept every documented
 * variant — numbers sent as strings, `id` or `routeId`, job titles as strings or `{ name }`, employers as a comma
 * list or an array — and ignore unknown fields, so beta drift does not break a run. Items of nested lists are
 * checked one by one by the normalizers, so one bad product does not sink an occupation.
 */
import * as v from 'valibot';

/** A number, or a string holding one (`"605"`, `" 3 "`). */
export const numberish = v.union([
  v.pipe(v.number(), v.finite()),
  v.pipe(v.string(), v.trim(), v.regex(/^-?\d+(?:\.\d+)?$/), v.transform(Number)),
]);
/** Text, or a number where text is meant (`versionNo: 1.3`). Trimmed. */
export const textish = v.pipe(v.union([v.string(), v.pipe(v.number(), v.finite())]), v.transform((value) => String(value).trim()));
/** A code: trimmed text that is not empty. */
export const codeText = v.pipe(textish, v.minLength(1, 'is empty'));

const opt = <S extends v.GenericSchema>(schema: S) => v.nullish(schema);
const list = opt(v.array(v.unknown()));
const booleanish = v.union([v.boolean(), v.pipe(v.picklist([0, 1]), v.transform((n) => n === 1))]);

/** Copies the first present alias into the canonical key, so `id`/`routeId`, `stdCode`/`code` read the same. */
export function withAliases(value: unknown, aliases: Record<string, readonly string[]>): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = { ...(value as Record<string, unknown>) };
  for (const [canonical, names] of Object.entries(aliases)) {
    if (record[canonical] !== undefined && record[canonical] !== null) continue;
    const found = names.find((name) => record[name] !== undefined && record[name] !== null);
    if (found) record[canonical] = record[found];
  }
  return record;
}

export const OCCUPATION_ALIASES = { stdCode: ['code', 'occupationCode', 'StdCode'], name: ['title', 'occupationName'], level: ['occupationLevel'] };
export const ROUTE_ALIASES = { routeId: ['id', 'RouteId'], name: ['routeName'] };
export const NAMED_ALIASES = { id: ['pathwayId', 'clusterId', 'clusterGroupId'], name: ['pathwayName', 'clusterName'] };

export const routeListItem = v.looseObject({ routeId: numberish, name: opt(textish), sequence: opt(numberish) });

export const mapHierarchy = v.looseObject({
  routeId: opt(numberish),
  routeName: opt(textish),
  pathwayId: opt(numberish),
  pathwayName: opt(textish),
  clusterId: opt(numberish),
  clusterName: opt(textish),
  technicalLevel: opt(numberish),
});

export const socBlock = v.looseObject({
  soc2020Code: opt(textish),
  soc2020Description: opt(textish),
  soc2010Code: opt(textish),
  soc2010Description: opt(textish),
  soc2020SubUnitGroups: list,
});

export const subUnitGroup = v.looseObject({ code: codeText, description: opt(textish), isPrimary: opt(booleanish) });

export const product = v.looseObject({
  productCode: codeText,
  name: opt(textish),
  level: opt(numberish),
  statusName: opt(textish),
  typeName: opt(textish),
  type: opt(numberish),
  careerStarter: opt(booleanish),
});

export const link = v.looseObject({ rel: opt(textish), href: opt(textish) });

/** An occupation as API B sends it, in a route tree, a search result or a full record. */
export const occupationRecord = v.looseObject({
  stdCode: codeText,
  name: v.pipe(textish, v.minLength(1, 'has no name')),
  level: numberish,
  versionNo: opt(textish),
  status: opt(numberish),
  statusName: opt(textish),
  statusLastUpdated: opt(textish),
  overview: opt(textish),
  summary: opt(v.string()),
  greenOccupation: opt(v.looseObject({ isGreen: opt(booleanish), classification: opt(textish) })),
  mapHierarchy: opt(mapHierarchy),
  soc: opt(socBlock),
  typicalJobTitles: list,
  keywords: opt(v.union([v.array(v.unknown()), v.string()])),
  involvedEmployers: opt(v.union([v.array(v.unknown()), v.string()])),
  products: list,
  links: list,
  medianAnnualSalaryinGBP: opt(numberish),
  duties: list,
  knowledges: list,
  skills: list,
  behaviours: list,
});

export const ksbRecord = v.looseObject({ id: opt(textish), detail: v.pipe(textish, v.minLength(1, 'has no text')) });

export const dutyRecord = v.looseObject({
  id: opt(textish),
  dutyId: opt(textish),
  dutyDetail: v.pipe(textish, v.minLength(1, 'has no text')),
  mappedKnowledge: list,
  mappedKnowledgeIds: list,
  mappedSkills: list,
  mappedSkillsIds: list,
  mappedBehaviour: list,
  mappedBehaviourIds: list,
});
export const DUTY_ALIASES = {
  dutyId: ['dutyID', 'DutyId'],
  dutyDetail: ['detail', 'description'],
  mappedBehaviour: ['mappedBehaviours'],
  mappedBehaviourIds: ['mappedBehavioursIds'],
  mappedSkills: ['mappedSkill'],
};
export const KSB_ALIASES = { detail: ['description', 'text'] };

/** A route map tree; levels below are checked as the tree is walked. */
export const routeTree = v.looseObject({ routeId: numberish, name: opt(textish), pathways: list });
export const treeNode = v.looseObject({ id: opt(numberish), name: opt(textish), sequence: opt(numberish), description: opt(textish), technicalLevel: opt(numberish), technicalLevelName: opt(textish) });

export const progressionRecord = v.looseObject({ keyStdCode: opt(codeText), occupations: list, progressions: list });
export const progressionPair = v.looseObject({ stdCodeFrom: codeText, stdCodeTo: codeText });
export const PAIR_ALIASES = { stdCodeFrom: ['from', 'fromStdCode'], stdCodeTo: ['to', 'toStdCode'] };

/** A record of API A, the apprenticeship standards API. */
export const standardRecord = v.looseObject({
  referenceNumber: codeText,
  occupationCode: opt(textish),
  title: opt(textish),
  status: opt(textish),
  /** `true` when an approved standard is paused for new starts: the website says "Approved for delivery (paused for starts)". */
  approvedForDeliveryPausedStarts: opt(booleanish),
  version: opt(textish),
  versionNumber: opt(textish),
  level: opt(numberish),
  route: opt(textish),
  typicalDuration: opt(numberish),
  maxFunding: opt(numberish),
  larsCode: opt(numberish),
  entryRequirements: opt(textish),
  standardPageUrl: opt(textish),
  overviewOfRole: opt(textish),
  typicalJobTitles: list,
  keywords: opt(v.union([v.array(v.unknown()), v.string()])),
  knowledges: list,
  skills: list,
  behaviours: list,
  duties: list,
  /** `{ optionId, title, occupationCode }`: each option has its own occupation (OCC1312A, OCC1312B). */
  options: list,
});

export type OccupationRecord = v.InferOutput<typeof occupationRecord>;
export type StandardRecord = v.InferOutput<typeof standardRecord>;
export type ProgressionRecord = v.InferOutput<typeof progressionRecord>;

export type ParsedRecord<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Validates one upstream record; the reason names the field, e.g. `level: Invalid type`. */
export function parseRecord<S extends v.GenericSchema>(schema: S, value: unknown, aliases?: Record<string, readonly string[]>): ParsedRecord<v.InferOutput<S>> {
  const result = v.safeParse(schema, aliases ? withAliases(value, aliases) : value);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  return { ok: false, reason: `${v.getDotPath(issue) ?? '(record)'}: ${issue.message}` };
}
