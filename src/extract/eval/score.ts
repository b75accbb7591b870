import { z } from 'zod';
import type { FactsInput } from '../../model/facts.js';
import { normalizeName } from '../../model/values/name.js';
import { addRecall, goldAgreement, goldEvent, goldOrganization, recall, scoreAgreements, scoreEvents, scoreOrganizations, type Recall } from './kinds.js';

/**
 * Scoring of the extractor against hand-written gold files: people (by name), positions (person +
 * title) and, for every found position that is in the gold, whether its organization is right. Names
 * compare in simplified script; a gold position may list alternative organization names it accepts
 * (the article's short form and the full one: 科技部… / 科学技术部…). Core organizations, event dates
 * and agreements are scored by recall when the gold lists them (`kinds.ts`).
 */
export const goldSchema = z.strictObject({
  people: z.array(z.string().min(1)),
  positions: z.array(
    z.strictObject({
      person: z.string().min(1),
      title: z.string().min(1),
      organization: z.string().min(1),
      alternatives: z.array(z.string().min(1)).default([]),
    }),
  ),
  organizations: z.array(goldOrganization).optional(),
  events: z.array(goldEvent).optional(),
  agreements: z.array(goldAgreement).optional(),
});
export type Gold = z.output<typeof goldSchema>;

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface ArticleScore {
  people: Counts;
  positions: Counts;
  organizations: { correct: number; total: number };
  coreOrganizations: Recall;
  eventDates: Recall;
  agreements: Recall;
  /** What was missed or invented, for the report. */
  misses: string[];
}

export const THRESHOLDS = {
  personF1: 0.96,
  positionF1: 0.94,
  organizationAccuracy: 0.94,
  coreOrganizations: 0.85,
  eventDates: 0.85,
  agreements: 0.9,
} as const;

const n = normalizeName;
const NOTHING: Recall = { found: 0, total: 0 };

function count<T>(found: Set<T>, gold: Set<T>): Counts {
  const truePositives = [...found].filter((x) => gold.has(x)).length;
  return { truePositives, falsePositives: found.size - truePositives, falseNegatives: gold.size - truePositives };
}

export function scoreArticle(facts: FactsInput, gold: Gold): ArticleScore {
  const people = facts.people ?? [];
  const canonical = new Map<string, string>();
  for (const p of people) for (const name of [p.name, ...(p.aliases ?? [])]) canonical.set(n(name), n(p.name));
  const goldPeople = new Set(gold.people.map((name) => canonical.get(n(name)) ?? n(name)));
  const foundPeople = new Set(people.map((p) => n(p.name)));
  const found = new Map<string, string>();
  for (const p of people) for (const pos of p.positions ?? []) found.set(`${n(p.name)}|${n(pos.title)}`, n(pos.organization));
  const goldPositions = new Map(gold.positions.map((g) => [`${canonical.get(n(g.person)) ?? n(g.person)}|${n(g.title)}`, g]));
  let correct = 0;
  const misses: string[] = [];
  for (const [key, org] of found) {
    const g = goldPositions.get(key);
    if (!g) misses.push(`extra position ${key}@${org}`);
    else if ([g.organization, ...g.alternatives].map(n).includes(org)) correct++;
    else misses.push(`organization of ${key}: ${org}, gold ${g.organization}`);
  }
  for (const key of goldPositions.keys()) if (!found.has(key)) misses.push(`missed position ${key}`);
  for (const p of goldPeople) if (!foundPeople.has(p)) misses.push(`missed person ${p}`);
  for (const p of foundPeople) if (!goldPeople.has(p)) misses.push(`extra person ${p}`);
  const positions = count(new Set(found.keys()), new Set(goldPositions.keys()));
  return {
    people: count(foundPeople, goldPeople),
    positions,
    organizations: { correct, total: positions.truePositives },
    // A gold without a kind says nothing of it: neither its finds nor its extras are counted.
    coreOrganizations: gold.organizations ? scoreOrganizations(facts, gold.organizations, misses) : NOTHING,
    eventDates: gold.events ? scoreEvents(facts, gold.events, misses) : NOTHING,
    agreements: gold.agreements ? scoreAgreements(facts, gold.agreements, gold.organizations ?? [], misses) : NOTHING,
    misses,
  };
}

export function add(a: ArticleScore, b: ArticleScore): ArticleScore {
  const sum = (x: Counts, y: Counts): Counts => ({
    truePositives: x.truePositives + y.truePositives,
    falsePositives: x.falsePositives + y.falsePositives,
    falseNegatives: x.falseNegatives + y.falseNegatives,
  });
  return {
    people: sum(a.people, b.people),
    positions: sum(a.positions, b.positions),
    organizations: { correct: a.organizations.correct + b.organizations.correct, total: a.organizations.total + b.organizations.total },
    coreOrganizations: addRecall(a.coreOrganizations, b.coreOrganizations),
    eventDates: addRecall(a.eventDates, b.eventDates),
    agreements: addRecall(a.agreements, b.agreements),
    misses: [...a.misses, ...b.misses],
  };
}

/** Precision, recall and F1; an empty gold and an empty answer score 1 (nothing to find, nothing made up). */
export function prf({ truePositives: tp, falsePositives: fp, falseNegatives: fn }: Counts) {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function accuracy({ correct, total }: { correct: number; total: number }): number {
  return total === 0 ? 1 : correct / total;
}

/** Which thresholds an overall score fails; an empty list is a pass. */
export function failures(score: ArticleScore): string[] {
  const out: string[] = [];
  if (prf(score.people).f1 < THRESHOLDS.personF1) out.push(`person F1 ${prf(score.people).f1.toFixed(3)} < ${THRESHOLDS.personF1}`);
  if (prf(score.positions).f1 < THRESHOLDS.positionF1) out.push(`position F1 ${prf(score.positions).f1.toFixed(3)} < ${THRESHOLDS.positionF1}`);
  const acc = accuracy(score.organizations);
  if (acc < THRESHOLDS.organizationAccuracy) out.push(`organization accuracy ${acc.toFixed(3)} < ${THRESHOLDS.organizationAccuracy}`);
  for (const kind of ['coreOrganizations', 'eventDates', 'agreements'] as const) {
    const r = recall(score[kind]);
    if (r < THRESHOLDS[kind]) out.push(`${kind} recall ${r.toFixed(3)} < ${THRESHOLDS[kind]}`);
  }
  return out;
}
