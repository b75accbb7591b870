import { z } from 'zod';
import type { FactsInput } from '../../model/facts.js';
import { normalizeName } from '../../model/values/name.js';

/**
 * Recall of the kinds beyond people and positions: an article's core organizations, the dates of its
 * events and its agreements (parties and date). Gold written before these kinds were scored has none of
 * the three keys and is scored on people and positions only.
 */
export const goldOrganization = z.strictObject({ name: z.string().min(1), alternatives: z.array(z.string().min(1)).default([]) });
export const goldEvent = z.strictObject({
  name: z.string().optional(),
  startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  // A one-day event may leave its end out.
  endDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
});
export const goldAgreement = z.strictObject({
  title: z.string().optional(),
  parties: z.array(z.string().min(1)).min(1),
  signedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
});
type GoldOrganization = z.output<typeof goldOrganization>;
type GoldEvent = z.output<typeof goldEvent>;
type GoldAgreement = z.output<typeof goldAgreement>;

export interface Recall {
  found: number;
  total: number;
}

const n = normalizeName;

/** Every organization name the facts give, as written or as alias, or as the seat of a position. */
function extractedOrganizations(facts: FactsInput): Set<string> {
  const names = (facts.organizations ?? []).flatMap((o) => [o.name, ...(o.aliases ?? [])]);
  const seats = (facts.people ?? []).flatMap((p) => (p.positions ?? []).map((pos) => pos.organization));
  return new Set([...names, ...seats].map(n));
}

export function scoreOrganizations(facts: FactsInput, gold: GoldOrganization[], misses: string[]): Recall {
  const extracted = extractedOrganizations(facts);
  let found = 0;
  for (const g of gold) {
    if ([g.name, ...g.alternatives].some((name) => extracted.has(n(name)))) found++;
    else misses.push(`missed organization ${g.name}`);
  }
  return { found, total: gold.length };
}

export function scoreEvents(facts: FactsInput, gold: GoldEvent[], misses: string[]): Recall {
  const unused = (facts.events ?? []).map((e) => `${e.startDate}|${e.endDate ?? e.startDate}`);
  let found = 0;
  for (const g of gold) {
    const at = unused.indexOf(`${g.startDate}|${g.endDate ?? g.startDate}`);
    if (at >= 0) {
      unused.splice(at, 1);
      found++;
    } else misses.push(`missed event date ${g.startDate}…${g.endDate ?? g.startDate} ${g.name ?? ''}`.trimEnd());
  }
  for (const extra of unused) misses.push(`extra event date ${extra.replace('|', '…')}`);
  return { found, total: gold.length };
}

/** A party's identity: the gold organization whose name or alternative it is, else its own name. */
function partyKey(organizations: GoldOrganization[]): (name: string) => string {
  const byName = new Map<string, string>();
  for (const o of organizations) for (const name of [o.name, ...o.alternatives]) byName.set(n(name), n(o.name));
  return (name) => byName.get(n(name)) ?? n(name);
}

export function scoreAgreements(facts: FactsInput, gold: GoldAgreement[], organizations: GoldOrganization[], misses: string[]): Recall {
  const key = partyKey(organizations);
  const signature = (parties: readonly string[], signedOn: string | null | undefined) => `${[...new Set(parties.map(key))].sort().join('+')}@${signedOn ?? null}`;
  const unused = (facts.agreements ?? []).map((a) => signature(a.parties, a.signedOn));
  let found = 0;
  for (const g of gold) {
    const at = unused.indexOf(signature(g.parties, g.signedOn));
    if (at >= 0) {
      unused.splice(at, 1);
      found++;
    } else misses.push(`missed agreement ${signature(g.parties, g.signedOn)}`);
  }
  for (const extra of unused) misses.push(`extra agreement ${extra}`);
  return { found, total: gold.length };
}

export const addRecall = (a: Recall, b: Recall): Recall => ({ found: a.found + b.found, total: a.total + b.total });

/** Nothing to find is found entirely. */
export const recall = ({ found, total }: Recall): number => (total === 0 ? 1 : found / total);
