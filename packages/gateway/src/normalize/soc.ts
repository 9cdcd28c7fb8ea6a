/** SOC 2020 unit groups → `soc/{code}.json`. The table is data/soc2020.json (ONS, OGL v3), loaded by the caller. */
import { type OccupationSummary, type SocDocument } from '@occupational-maps/core';
import { validated, type Answer, type Built } from './built.js';
import type { DocumentSources } from './sources.js';

export interface SocUnit {
  code: string;
  title: string;
  description: string | null;
}
export interface SocTable {
  units: ReadonlyMap<string, SocUnit>;
  /** Titles of major (1 digit), sub-major (2) and minor (3) groups. */
  groups: ReadonlyMap<string, string>;
}

export function socTableFrom(data: { units: SocUnit[]; groups: Record<string, string> }): SocTable {
  return { units: new Map(data.units.map((unit) => [unit.code, unit])), groups: new Map(Object.entries(data.groups)) };
}

/** Null when the code is not one of the 412 unit groups. */
export function buildSoc(code: string, table: SocTable, occupations: OccupationSummary[]): Built<SocDocument> | null {
  const unit = table.units.get(code);
  if (!unit) return null;
  const group = (digits: number) => {
    const groupCode = code.slice(0, digits);
    return { code: groupCode, title: table.groups.get(groupCode) ?? '' };
  };
  const doc: SocDocument = {
    edition: 2020,
    code,
    title: unit.title,
    hierarchy: { major: group(1), subMajor: group(2), minor: group(3) },
    description: unit.description,
    occupations: occupations.filter((occupation) => occupation.soc2020 === code),
  };
  return validated('soc', doc);
}

/** `soc/{code}.json`: the ONS unit group and the occupations on the maps that map to it. */
export async function answerSoc(sources: DocumentSources, code: string): Promise<Answer<SocDocument>> {
  const occupations = (await sources.catalogue()).entries.map((entry) => entry.summary);
  return buildSoc(code, sources.soc, occupations) ?? { notFound: `${code} is not a SOC 2020 unit group.` };
}
