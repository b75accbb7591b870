import { lexicon, wordAt, wordEndingAt } from '../lexicon.js';
import type { Article } from './normalise.js';
import { isSelfStanding } from './orgs.js';

/** An organization as the article writes it, and where. */
export interface OrgRef {
  name: string;
  start: number;
}

/**
 * Organizations named in running text without a title next to them: a place followed, within one
 * phrase, by a suffix of two characters or more (北京天文馆科普大篷车 → 北京天文馆). A bounded
 * look-ahead, so the scan stays linear.
 */
export function spotOrganizations(article: Article): OrgRef[] {
  const { text } = article;
  const found: OrgRef[] = [];
  for (let i = 0; i < text.length; i++) {
    const place = wordAt(lexicon.places, text, i);
    if (!place || place.length < 2) continue;
    for (let end = i + place.length + 1; end <= Math.min(text.length, i + 16); end++) {
      if (!/\p{Script=Han}/u.test(text[end - 1]!)) break;
      const suffix = wordEndingAt(lexicon.orgSuffixes, text, end);
      if (suffix && suffix.length >= 2 && end - i >= 4) {
        found.push({ name: article.original.slice(i, end), start: i });
        i = end - 1;
        break;
      }
    }
  }
  return found;
}

/** The first mention of each distinct organization, in text order. */
export function distinct(article: Article, refs: readonly OrgRef[]): OrgRef[] {
  const first = new Map<string, OrgRef>();
  for (const ref of [...refs].sort((a, b) => a.start - b.start)) {
    const key = article.text.slice(ref.start, ref.start + ref.name.length);
    if (!first.has(key)) first.set(key, ref);
  }
  return [...first.values()];
}

function occurrences(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count++;
  return count;
}

/**
 * The organization the article is about: among the self-standing organizations it names, the one it
 * names most often (the earliest on a tie). Units and bare titles are resolved against it.
 */
export function mainOrganization(article: Article, candidates: readonly OrgRef[]): OrgRef | null {
  let best: { ref: OrgRef; count: number } | null = null;
  for (const ref of distinct(article, candidates)) {
    const simplified = article.text.slice(ref.start, ref.start + ref.name.length);
    if (!isSelfStanding(simplified)) continue;
    const count = occurrences(article.text, simplified);
    if (!best || count > best.count) best = { ref, count };
  }
  return best?.ref ?? null;
}

function isUnit(simplified: string): boolean {
  return wordEndingAt(lexicon.unitSuffixes, simplified, simplified.length) !== null;
}

/**
 * The full name of an organization as far as the article tells it: a self-standing name as written; a
 * unit (科普教育部) under the organization it follows elsewhere in the article (北京天文馆科普教育部),
 * else under the article's main organization; no organization at all → the main organization.
 */
export function resolveOrganization(article: Article, org: OrgRef | null, known: readonly OrgRef[], main: OrgRef | null): string | null {
  if (!org) return main?.name ?? null;
  const simplified = article.text.slice(org.start, org.start + org.name.length);
  if (isSelfStanding(simplified) || !isUnit(simplified)) return org.name;
  for (const parent of known) {
    const parentSimplified = article.text.slice(parent.start, parent.start + parent.name.length);
    if (parentSimplified !== simplified && isSelfStanding(parentSimplified) && article.text.includes(parentSimplified + simplified)) {
      return parent.name + org.name;
    }
  }
  return main ? main.name + org.name : org.name;
}
