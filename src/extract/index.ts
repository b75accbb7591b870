import type { FactsInput } from '../model/facts.js';
import { normalizeName } from '../model/values/name.js';
import { findAgreements } from './stages/agreements.js';
import { findCredits, type BylineRole } from './stages/bylines.js';
import { distinct, mainOrganization, outermost, resolveOrganization, sentenceStart, spotOrganizations, type OrgRef } from './stages/context.js';
import { bareTitleOrganization, seatOf } from './stages/seats.js';
import { findDates } from './stages/dates.js';
import { readDocument } from './stages/document.js';
import { evidence } from './stages/evidence.js';
import { findEvents } from './stages/events.js';
import { findMentions, type Mention } from './stages/mentions.js';
import { normalise, type Article } from './stages/normalise.js';
import { isOrganizationName, notPartOfOthers, organizationList } from './stages/organizations.js';
import { withParticipants } from './stages/participants.js';
import { assemblePeople, type NameMention, type PositionMention } from './stages/people.js';
import { listedPeople } from './stages/lists.js';
import { forgetSegments } from './stages/segment.js';
import { placeList } from './stages/places.js';
import { unitParticipations } from './stages/units.js';

export { decodeArticle, type DecodeOptions } from './decode.js';

export interface ExtractOptions {
  /** The article's file, recorded as `document.source`. */
  source?: string | null;
  /** The publication date (YYYY-MM-DD) when known from elsewhere; dates without a year resolve against it. */
  publishedAt?: string | null;
}

/**
 * Every (person, title, organization) of the mentions, organizations resolved from context; a person
 * named with titles but no organization the article ties them to (习近平总书记, 高级工程师陈贺能 in a
 * list of guests) is a person without a position.
 */
function positionsOf(article: Article, mentions: Mention[], named: OrgRef[], main: OrgRef | null): { positions: PositionMention[]; unplaced: NameMention[] } {
  // One resolution per distinct organization as written: a long article repeats the same few.
  const resolved = new Map<string, string>();
  // A title named with no organization (朱进研究员) belongs to the organization the same person is
  // named with elsewhere in the article (北京天文馆朱进馆长).
  const ownOrg = new Map<string, OrgRef>();
  for (const m of mentions) if (m.org && !ownOrg.has(m.name.name)) ownOrg.set(m.name.name, m.org);
  // Named again by a shorter title (专职副主席吴焕泉 … 吴焕泉副主席): the same position, not another.
  const statedTitles = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (!m.org) continue;
    const stated = statedTitles.get(m.name.name) ?? new Set<string>();
    statedTitles.set(m.name.name, stated);
    for (const title of m.titles) stated.add(title);
  }
  const restated = (m: Mention, title: string) => !m.org && [...(statedTitles.get(m.name.name) ?? [])].some((t) => t !== title && t.endsWith(title));
  // A unit resolves against its sentence, so the same name may resolve differently in two sentences.
  const resolveOnce = (org: OrgRef): string => {
    const key = `${org.name}@${sentenceStart(article.text, org.start)}`;
    if (!resolved.has(key)) resolved.set(key, resolveOrganization(article, org, named, main));
    return resolved.get(key)!;
  };
  const positions: PositionMention[] = [];
  const unplaced: NameMention[] = [];
  for (const m of mentions) {
    const org = m.org ?? ownOrg.get(m.name.name) ?? null;
    const quote = evidence(article, m.start, m.end);
    const organization = org ? resolveOnce(org) : bareTitleOrganization(article, m.titles, m.start, named, main);
    if (!organization) {
      unplaced.push({ name: m.name.name, evidence: quote });
      continue;
    }
    for (const title of m.titles) if (!restated(m, title)) positions.push({ name: m.name.name, title, organization: seatOf(article, title, organization), evidence: quote });
  }
  return { positions, unplaced };
}

/**
 * Facts of one article (simplified or traditional Chinese plain text), as the facts JSON of
 * `src/model/facts.ts`. A pipeline of pure stages: normalise → mentions (titles, names, organizations)
 * → positions resolved against the article's context → people → bylines and document → events and
 * agreements → organizations. A text that is no news article gives a document with empty lists.
 */
export function extractFacts(text: string, options: ExtractOptions = {}): FactsInput {
  forgetSegments();
  try {
    return extract(text, options);
  } finally {
    forgetSegments();
  }
}

function extract(text: string, options: ExtractOptions): FactsInput {
  const article = normalise(text);
  const meta = readDocument(article, options.publishedAt);
  const mentions = findMentions(article);
  // Every place an organization is named, in text order: a unit resolves against the nearest one.
  const spotted = spotOrganizations(article);
  const named = [...mentions.flatMap((m) => (m.org ? [m.org] : [])), ...spotted].sort((a, b) => a.start - b.start);
  const known = distinct(article, named);
  const main = mainOrganization(article, known);
  const { positions, unplaced } = positionsOf(article, mentions, named, main);
  const credits = findCredits(article);
  const titled = new Set([...positions, ...unplaced].map((p) => normalizeName(p.name)));
  const people = assemblePeople(positions, [...unplaced, ...credits, ...listedPeople(article, titled)]);
  const dates = findDates(article.text, meta.publishedAt);
  const events = findEvents(article, dates, { named, main });
  const agreements = findAgreements(article, { dates, events, named, main });
  const units = unitParticipations(article, events, [...positions.map((p) => p.organization), ...known.map((k) => k.name)]);
  const byRole = (role: BylineRole) => [...new Set(credits.filter((c) => c.roles.includes(role)).map((c) => c.name))];
  const organizations = organizationList(article, [
    ...positions.map((p) => p.organization),
    ...events.flatMap((e) => e.organizations.map((o) => o.name)),
    ...units.map((u) => u.name),
    ...agreements.flatMap((a) => a.parties),
    // Every other organization the article names, and the events' venues that are organizations.
    ...notPartOfOthers(outermost(spotted).map((o) => o.name), named.map((o) => o.name)),
    ...events.flatMap((e) => (e.place && isOrganizationName(e.place) ? [e.place] : [])),
  ]);
  return {
    document: { ...meta, url: null, source: options.source ?? null, authors: byRole('author'), photographers: byRole('photographer') },
    people,
    organizations,
    places: placeList(article, events.map((e) => e.place)),
    events: withParticipants(article, events, mentions, people, units),
    agreements: agreements.map((a) => ({ ...a, aliases: [], evidence: [a.evidence] })),
  };
}
