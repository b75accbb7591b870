import type { Facts } from '../model/facts.js';
import { normalizeName } from '../model/values/name.js';

export interface ReferenceProblem {
  at: string;
  problem: string;
}

/** Names (and aliases) declared in one section, normalised, with the JSON path of the declaration. */
function declared(items: readonly { name?: string; title?: string; aliases: string[] }[], section: string) {
  const names = new Map<string, string>();
  items.forEach((item, i) => {
    for (const name of [item.name ?? item.title ?? '', ...item.aliases]) {
      if (!names.has(normalizeName(name))) names.set(normalizeName(name), `$.${section}[${i}]`);
    }
  });
  return names;
}

/**
 * Cross-references inside one facts document: every position's organization, every participant, party,
 * parent and event named must be declared in its section, and every evidence quote must be found in the
 * article text at its offset. Returns the problems; an empty list means the document is consistent.
 */
export function checkReferences(facts: Facts, text: string | null): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const orgs = declared(facts.organizations, 'organizations');
  const people = declared(facts.people, 'people');
  const events = declared(facts.events, 'events');
  const places = declared(facts.places, 'places');
  const need = (names: Map<string, string>, name: string | null, at: string, what: string) => {
    if (name && !names.has(normalizeName(name))) problems.push({ at, problem: `no ${what} named "${name}" is declared` });
  };

  facts.people.forEach((person, i) => {
    const other = people.get(normalizeName(person.name));
    if (other !== `$.people[${i}]`) problems.push({ at: `$.people[${i}].name`, problem: `"${person.name}" is already ${other}` });
    person.positions.forEach((p, j) => need(orgs, p.organization, `$.people[${i}].positions[${j}].organization`, 'organization'));
  });
  facts.organizations.forEach((org, i) => need(orgs, org.parent, `$.organizations[${i}].parent`, 'organization'));
  facts.places.forEach((place, i) => need(places, place.parent, `$.places[${i}].parent`, 'place'));
  facts.events.forEach((event, i) => {
    need(events, event.partOf, `$.events[${i}].partOf`, 'event');
    need(events, event.followsUp, `$.events[${i}].followsUp`, 'event');
    event.participants.forEach((p, j) => {
      const key = normalizeName(p.name);
      if (!people.has(key) && !orgs.has(key)) {
        problems.push({ at: `$.events[${i}].participants[${j}].name`, problem: `no person or organization named "${p.name}" is declared` });
      }
    });
  });
  facts.agreements.forEach((agreement, i) => {
    agreement.parties.forEach((party, j) => need(orgs, party, `$.agreements[${i}].parties[${j}]`, 'organization'));
    need(events, agreement.event, `$.agreements[${i}].event`, 'event');
  });
  if (text !== null) problems.push(...checkEvidence(facts, text));
  return problems;
}

/** Every `{quote, offset}` anywhere in the document must quote the text exactly at its offset. */
function checkEvidence(facts: Facts, text: string): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const visit = (value: unknown, at: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${at}[${i}]`));
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (typeof record.quote === 'string' && 'offset' in record) {
      const { quote, offset } = record as { quote: string; offset: number | null };
      const found = offset === null ? text.includes(quote) : text.startsWith(quote, offset);
      if (!found) problems.push({ at: `${at}.quote`, problem: `"${quote}" is not in the article text${offset === null ? '' : ` at offset ${offset}`}` });
      return;
    }
    for (const [key, v] of Object.entries(record)) visit(v, `${at}.${key}`);
  };
  visit(facts, '$');
  return problems;
}
