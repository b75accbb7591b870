import type { FactsInput } from '../model/facts.js';
import { findAgreements } from './stages/agreements.js';
import { findCredits, type BylineRole } from './stages/bylines.js';
import { distinct, mainOrganization, resolveOrganization, seatOf, sentenceStart, spotOrganizations, type OrgRef } from './stages/context.js';
import { findDates } from './stages/dates.js';
import { readDocument } from './stages/document.js';
import { evidence } from './stages/evidence.js';
import { findEvents } from './stages/events.js';
import { findMentions, type Mention } from './stages/mentions.js';
import { normalise, type Article } from './stages/normalise.js';
import { organizationList } from './stages/organizations.js';
import { withParticipants } from './stages/participants.js';
import { assemblePeople, type PositionMention } from './stages/people.js';
import { placeList } from './stages/places.js';
import { unitParticipations } from './stages/units.js';

export { decodeArticle, type DecodeOptions } from './decode.js';

export interface ExtractOptions {
  /** The article's file, recorded as `document.source`. */
  source?: string | null;
  /** The publication date (YYYY-MM-DD) when known from elsewhere; dates without a year resolve against it. */
  publishedAt?: string | null;
}

/** Every (person, title, organization) of the mentions, organizations resolved from context. */
function positionsOf(article: Article, mentions: Mention[], named: OrgRef[], main: OrgRef | null): PositionMention[] {
  // One resolution per distinct organization as written: a long article repeats the same few.
  const resolved = new Map<string, string | null>();
  // A title named with no organization (朱进研究员) belongs first to the organization the same person is
  // named with elsewhere in the article (北京天文馆朱进馆长), before the article's main organization.
  const ownOrg = new Map<string, OrgRef>();
  for (const m of mentions) if (m.org && !ownOrg.has(m.name.name)) ownOrg.set(m.name.name, m.org);
  // Named again by a shorter title (专职副主席吴焕泉 … 吴焕泉副主席): the same position, not another.
  const statedTitles = new Map<string, string[]>();
  for (const m of mentions) if (m.org) statedTitles.set(m.name.name, [...(statedTitles.get(m.name.name) ?? []), ...m.titles]);
  const restated = (m: Mention, title: string) => !m.org && (statedTitles.get(m.name.name) ?? []).some((t) => t !== title && t.endsWith(title));
  return mentions.flatMap((m) => {
    const org = m.org ?? ownOrg.get(m.name.name) ?? null;
    // A unit resolves against its sentence, so the same name may resolve differently in two sentences.
    const key = org ? `${org.name}@${sentenceStart(article.text, org.start)}` : '';
    if (!resolved.has(key)) resolved.set(key, resolveOrganization(article, org, named, main));
    const organization = resolved.get(key);
    if (!organization) return [];
    const quote = evidence(article, m.start, m.end);
    return m.titles.filter((title) => !restated(m, title)).map((title) => ({ name: m.name.name, title, organization: seatOf(title, organization), evidence: quote }));
  });
}

/**
 * Facts of one article (simplified or traditional Chinese plain text), as the facts JSON of
 * `src/model/facts.ts`. A pipeline of pure stages: normalise → mentions (titles, names, organizations)
 * → positions resolved against the article's context → people → bylines and document → events and
 * agreements → organizations. A text that is no news article gives a document with empty lists.
 */
export function extractFacts(text: string, options: ExtractOptions = {}): FactsInput {
  const article = normalise(text);
  const meta = readDocument(article, options.publishedAt);
  const mentions = findMentions(article);
  // Every place an organization is named, in text order: a unit resolves against the nearest one.
  const named = [...mentions.flatMap((m) => (m.org ? [m.org] : [])), ...spotOrganizations(article)].sort((a, b) => a.start - b.start);
  const known = distinct(article, named);
  const main = mainOrganization(article, known);
  const positions = positionsOf(article, mentions, named, main);
  const credits = findCredits(article);
  const people = assemblePeople(positions, credits);
  const dates = findDates(article.text, meta.publishedAt);
  const events = findEvents(article, dates);
  const agreements = findAgreements(article, dates);
  const units = unitParticipations(article, events, [...positions.map((p) => p.organization), ...known.map((k) => k.name)]);
  const byRole = (role: BylineRole) => [...new Set(credits.filter((c) => c.roles.includes(role)).map((c) => c.name))];
  const organizations = organizationList(article, [
    ...positions.map((p) => p.organization),
    ...events.flatMap((e) => e.organizations.map((o) => o.name)),
    ...units.map((u) => u.name),
    ...agreements.flatMap((a) => a.parties),
  ]);
  return {
    document: { ...meta, url: null, source: options.source ?? null, authors: byRole('author'), photographers: byRole('photographer') },
    people,
    organizations,
    places: placeList(article, events.map((e) => e.place)),
    events: withParticipants(article, events, mentions, people, units),
    agreements: agreements.map((a) => ({ ...a, aliases: [], event: null, evidence: [a.evidence] })),
  };
}
