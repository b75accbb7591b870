import type { PersonFacts } from '../../model/facts.js';
import { normalizeName } from '../../model/values/name.js';
import { isHomophoneVariant } from '../../model/values/pinyin.js';
import type { Evidence } from './evidence.js';

/** One person named with one title in one organization, at one place in the article. */
export interface PositionMention {
  name: string;
  title: string;
  organization: string;
  evidence: Evidence;
}

/** A person named without a title (a byline), at one place in the article. */
export interface NameMention {
  name: string;
  evidence: Evidence;
}

interface Group {
  spellings: Map<string, number>;
  positions: Map<string, PersonFacts['positions'][number]>;
  evidence: Evidence[];
  quoted: Set<string>;
}

const positionKey = (title: string, organization: string) => `${normalizeName(title)}@${normalizeName(organization)}`;

function addTo(groups: Map<string, Group>, name: string, quote: Evidence): Group {
  const key = normalizeName(name);
  const group: Group = groups.get(key) ?? { spellings: new Map(), positions: new Map(), evidence: [], quoted: new Set() };
  groups.set(key, group);
  group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1);
  if (!group.quoted.has(`${quote.offset}:${quote.quote}`)) group.evidence.push(quote);
  group.quoted.add(`${quote.offset}:${quote.quote}`);
  return group;
}

/** Homophone spellings (李健文 / 李建文) that share a title in one organization are one person. */
function mergeHomophones(groups: Map<string, Group>): void {
  const keys = [...groups.keys()];
  for (const a of keys) {
    for (const b of keys) {
      const ga = groups.get(a);
      const gb = groups.get(b);
      if (a === b || !ga || !gb || ![...gb.positions.keys()].some((k) => ga.positions.has(k))) continue;
      if (!isHomophoneVariant(a, b)) continue;
      const [keep, drop, dropKey] = total(ga) >= total(gb) ? [ga, gb, b] : [gb, ga, a];
      for (const [spelling, n] of drop.spellings) keep.spellings.set(spelling, (keep.spellings.get(spelling) ?? 0) + n);
      for (const [k, p] of drop.positions) if (!keep.positions.has(k)) keep.positions.set(k, p);
      keep.evidence.push(...drop.evidence);
      groups.delete(dropKey);
    }
  }
}

/**
 * 省科技馆展教部付丛茂部长 … 省科技馆付丛茂部长: one title named once in a unit and once in its
 * organization is one position, in the unit.
 */
function dropLessSpecific(group: Group): void {
  const all = [...group.positions.entries()];
  for (const [key, p] of all) {
    const [title, org] = [normalizeName(p.title), normalizeName(p.organization)];
    const unit = all.some(([k, q]) => k !== key && normalizeName(q.title) === title && normalizeName(q.organization).startsWith(org));
    if (unit) group.positions.delete(key);
  }
}

function total(group: Group): number {
  return [...group.spellings.values()].reduce((a, b) => a + b, 0);
}

/**
 * People with their positions, one entry per person: the same name (compared in simplified script) is
 * the same person within one article; the most frequent spelling is the name, the others aliases.
 */
export function assemblePeople(positions: PositionMention[], names: NameMention[]): PersonFacts[] {
  const groups = new Map<string, Group>();
  for (const p of positions) {
    const group = addTo(groups, p.name, p.evidence);
    const key = positionKey(p.title, p.organization);
    if (!group.positions.has(key)) group.positions.set(key, { title: p.title, organization: p.organization, evidence: p.evidence });
  }
  for (const n of names) addTo(groups, n.name, n.evidence);
  mergeHomophones(groups);
  for (const group of groups.values()) dropLessSpecific(group);
  return [...groups.values()].map((group) => {
    const [name, ...aliases] = [...group.spellings.entries()].sort((x, y) => y[1] - x[1]).map(([s]) => s);
    const sorted = [...group.evidence].sort((x, y) => (x.offset ?? 0) - (y.offset ?? 0));
    return { name: name!, aliases, positions: [...group.positions.values()], evidence: sorted };
  }).sort((x, y) => (x.evidence[0]?.offset ?? 0) - (y.evidence[0]?.offset ?? 0));
}
