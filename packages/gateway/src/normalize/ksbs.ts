/**
 * KSBs and duties in both upstream id forms. API B gives human ids (`K1`) plus UUIDs; API A gives GUIDs (and
 * sometimes human ids). Human ids are kept when every item has one; otherwise K1… are derived from list order.
 * Duties are then mapped through every id form an item was known by, so GUID mappings become `K1`/`S1`/`B1`.
 */
import type { Duty, Ksb } from '@occupational-maps/core';
import { parseRecord, dutyRecord, DUTY_ALIASES, ksbRecord, KSB_ALIASES } from './upstream-schemas.js';
import { plainText } from './html-to-blocks.js';
import type { SkipReporter } from './common.js';

type Kind = { letter: 'K' | 'S' | 'B'; idField: string; list: string };
const KINDS: readonly Kind[] = [
  { letter: 'K', idField: 'knowledgeId', list: 'knowledges' },
  { letter: 'S', idField: 'skillId', list: 'skills' },
  { letter: 'B', idField: 'behaviourId', list: 'behaviours' },
];

export interface KsbSource {
  knowledges?: readonly unknown[] | null;
  skills?: readonly unknown[] | null;
  behaviours?: readonly unknown[] | null;
  duties?: readonly unknown[] | null;
}

export interface NormalisedKsbs {
  ksbs: { knowledge: Ksb[]; skills: Ksb[]; behaviours: Ksb[] };
  duties: Duty[];
}

const HUMAN = /^[KSB]\d+[a-z]?$/;
const HUMAN_DUTY = /^D\d+[a-z]?$/;
const idText = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');
/** GUIDs compare case-insensitively; human ids are upper-case letter + number. */
const aliasKey = (value: string) => value.toLowerCase();

export function normaliseKsbs(source: KsbSource, owner: string, reportSkipped: SkipReporter): NormalisedKsbs {
  const aliases = new Map<string, string>();
  const lists: Ksb[][] = [];
  for (const kind of KINDS) {
    const raw = (source[kind.list as keyof KsbSource] ?? []) as unknown[];
    const items: Array<{ human: string; aliases: string[]; text: string }> = [];
    for (const [index, entry] of raw.entries()) {
      const checked = parseRecord(ksbRecord, entry, KSB_ALIASES);
      const text = checked.ok ? plainText(checked.value.detail) : null;
      if (!checked.ok || !text) {
        reportSkipped(owner, `${kind.list}.${index}: ${checked.ok ? 'no text once markup is removed' : checked.reason}`);
        continue;
      }
      const record = checked.value as Record<string, unknown>;
      const ownId = idText(record[kind.idField]).toUpperCase();
      items.push({ human: ownId, aliases: [idText(record.id), idText(record[kind.idField])].filter(Boolean), text });
    }
    const humanIds = items.map((item) => item.human);
    const keepHuman = items.length > 0 && humanIds.every((id) => HUMAN.test(id) && id.startsWith(kind.letter)) && new Set(humanIds).size === humanIds.length;
    const ksbs = items.map((item, index) => {
      const id = keepHuman ? item.human : `${kind.letter}${index + 1}`;
      for (const alias of item.aliases) aliases.set(aliasKey(alias), id);
      aliases.set(aliasKey(id), id);
      return { id, text: item.text };
    });
    lists.push(ksbs);
  }

  const duties: Duty[] = [];
  const rawDuties = (source.duties ?? []) as unknown[];
  for (const [index, entry] of rawDuties.entries()) {
    const checked = parseRecord(dutyRecord, entry, DUTY_ALIASES);
    const text = checked.ok ? plainText(checked.value.dutyDetail) : null;
    if (!checked.ok || !text) {
      reportSkipped(owner, `duties.${index}: ${checked.ok ? 'no text once markup is removed' : checked.reason}`);
      continue;
    }
    const duty = checked.value;
    const mapped = new Set<string>();
    for (const group of [duty.mappedKnowledge, duty.mappedKnowledgeIds, duty.mappedSkills, duty.mappedSkillsIds, duty.mappedBehaviour, duty.mappedBehaviourIds]) {
      for (const ref of group ?? []) {
        const id = aliases.get(aliasKey(idText(ref)));
        if (id) mapped.add(id);
      }
    }
    const ownId = idText(duty.dutyId).toUpperCase();
    duties.push({ id: HUMAN_DUTY.test(ownId) ? ownId : '', text, ksbs: [...mapped].sort(compareKsbIds) });
  }
  // Like KSBs: keep the upstream's D1… only when every duty has a distinct one.
  const keepDutyIds = duties.every((duty) => duty.id) && new Set(duties.map((duty) => duty.id)).size === duties.length;
  if (!keepDutyIds) duties.forEach((duty, index) => (duty.id = `D${index + 1}`));

  return { ksbs: { knowledge: lists[0], skills: lists[1], behaviours: lists[2] }, duties };
}

/** K before S before B, then by number: the order the official pages list them. */
function compareKsbIds(a: string, b: string): number {
  const order = 'KSB';
  return order.indexOf(a[0]) - order.indexOf(b[0]) || parseInt(a.slice(1), 10) - parseInt(b.slice(1), 10) || a.localeCompare(b);
}
