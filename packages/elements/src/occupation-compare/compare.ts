import type { OccupationDocument } from '@occupational-maps/core';

/** The most occupations shown side by side; more would not fit a readable table. */
export const MAX_COMPARED = 3;

/** Codes from a `codes` attribute: comma or space separated, trimmed, upper case, each once, in the order given. */
export function parseCodes(value: string | null | undefined): string[] {
  const codes: string[] = [];
  for (const part of (value ?? '').split(/[\s,]+/)) {
    const code = part.trim().toUpperCase();
    if (code && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

/**
 * The form in which two statements count as the same: Unicode-normalised, lower case, punctuation and runs of space
 * folded. Standards are written by different trailblazer groups, so the same statement differs in case, spacing and
 * a final full stop.
 */
export function normaliseStatement(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

export type StatementCategory = 'knowledge' | 'skills' | 'behaviours' | 'duties';
export const STATEMENT_CATEGORIES: readonly StatementCategory[] = ['knowledge', 'skills', 'behaviours', 'duties'];

export interface Statement {
  /** The wording as the first occupation that has it words it. */
  text: string;
  /** Indexes (into the compared occupations) of the occupations that have it. */
  in: number[];
}

export interface CategoryComparison {
  category: StatementCategory;
  /** Statements every compared occupation has. */
  sharedByAll: Statement[];
  /** For three occupations: statements two of them share, grouped by the pair (key `0,2`). */
  sharedBySome: Map<string, Statement[]>;
  /** Statements only one occupation has, by that occupation's index. */
  only: Statement[][];
  /** Distinct statements across all occupations. */
  total: number;
}

const statementsOf = (occupation: OccupationDocument, category: StatementCategory) =>
  category === 'duties' ? occupation.duties : occupation.ksbs[category];

/** What the occupations' knowledge, skills, behaviours and duties share and do not, compared by normalised text. */
export function compareStatements(occupations: readonly OccupationDocument[]): CategoryComparison[] {
  return STATEMENT_CATEGORIES.map((category) => {
    const byText = new Map<string, Statement>();
    occupations.forEach((occupation, index) => {
      for (const { text } of statementsOf(occupation, category)) {
        const key = normaliseStatement(text);
        if (!key) continue;
        const statement = byText.get(key) ?? { text: text.trim(), in: [] };
        if (!statement.in.includes(index)) statement.in.push(index);
        byText.set(key, statement);
      }
    });
    const sharedByAll: Statement[] = [];
    const sharedBySome = new Map<string, Statement[]>();
    const only: Statement[][] = occupations.map(() => []);
    for (const statement of byText.values()) {
      if (statement.in.length === occupations.length) sharedByAll.push(statement);
      else if (statement.in.length === 1) only[statement.in[0]!]!.push(statement);
      else {
        const key = statement.in.join(',');
        sharedBySome.set(key, [...(sharedBySome.get(key) ?? []), statement]);
      }
    }
    return { category, sharedByAll, sharedBySome, only, total: byText.size };
  });
}
