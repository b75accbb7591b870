import { lexicon, wordAt, wordEndingAt } from '../lexicon.js';
import { isHan, normalise, type Article } from './normalise.js';
import { countBefore } from './order.js';
import { segment } from './segment.js';
import { isSelfStanding, parentLength } from './orgs.js';

/** An organization as the article writes it, and where. */
export interface OrgRef {
  name: string;
  start: number;
}

/** Characters that end a phrase inside running text: 位于广州的广东科学中心 is no organization's name. */
const FUNCTION_CHARS = new Set([...'的在和与及为对等由向从是了']);

/**
 * Organizations named in running text without a title next to them: a place followed, within one
 * phrase, by a suffix of two characters or more (北京天文馆科普大篷车 → 北京天文馆), the longest such; and
 * short forms in lists (县科协). A bounded look-ahead, so the scan stays linear.
 */
export function spotOrganizations(article: Article): OrgRef[] {
  const { text } = article;
  const found: OrgRef[] = [];
  for (let i = 0; i < text.length; i++) {
    const short = shortFormAt(text, i);
    if (short) {
      found.push({ name: article.original.slice(i, i + short), start: i });
      i += short - 1;
      continue;
    }
    const place = wordAt(lexicon.places, text, i);
    if (!place || place.length < 2) continue;
    // The longest name in reach: 首都医科大学附属北京同仁医院 goes on past its 大学.
    let last = 0;
    for (let end = i + place.length + 1; end <= Math.min(text.length, i + 16); end++) {
      if (!isHan(text[end - 1]) || FUNCTION_CHARS.has(text[end - 1]!)) break;
      // …科技馆|协同…: a word that joins two organizations ends the first; a title (…馆|党委书记) is no part of it.
      if (last && ((wordAt(lexicon.delimiters, text, end - 1)?.length ?? 0) >= 2 || wordAt(lexicon.titles, text, end - 1))) break;
      const suffix = wordEndingAt(lexicon.orgSuffixes, text, end);
      if (suffix && suffix.length >= 2 && end - i >= 4) last = end;
    }
    if (last) {
      found.push({ name: article.original.slice(i, last), start: i });
      i = last - 1;
    }
  }
  return found;
}

/** What may come right before a short form in a list of organizations (协同县科协、县教育局). */
const LIST_OPENERS = new Set([...'、与和及同由']);

/**
 * The length of a short form listed at `i` (县科协, 市教育局: a level word and at most four characters
 * ending with an organization suffix, right after a list separator or outside running text), or 0.
 */
function shortFormAt(text: string, i: number): number {
  if (!SHORT_FORM.test(text[i]!) || (isHan(text[i - 1]) && !LIST_OPENERS.has(text[i - 1]!))) return 0;
  for (let end = i + 3; end <= Math.min(text.length, i + 5); end++) {
    if (!isHan(text[end - 1]) || FUNCTION_CHARS.has(text[end - 1]!)) return 0;
    const suffix = wordEndingAt(lexicon.orgSuffixes, text, end);
    if (suffix && (suffix.length >= 2 || !isHan(text[end]) || LIST_OPENERS.has(text[end]!) || wordEndsAt(text, i, end))) return end - i;
  }
  return 0;
}

/** The organizations named not as part of a longer one (北京同仁医院 inside 首都医科大学附属北京同仁医院). */
export function outermost(refs: readonly OrgRef[]): OrgRef[] {
  const sorted = [...refs].sort((a, b) => a.start - b.start || b.name.length - a.name.length);
  const out: OrgRef[] = [];
  let reach = -1;
  for (const ref of sorted) {
    if (ref.start + ref.name.length > reach) out.push(ref);
    reach = Math.max(reach, ref.start + ref.name.length);
  }
  return out;
}

/** Whether nodejieba ends a word at `end` (县教育局|就, not 市科|普). */
function wordEndsAt(text: string, start: number, end: number): boolean {
  return segment(text, start, Math.min(text.length, end + 2)).some((t) => t.end === end);
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

export const simplifiedOf = (article: Article, ref: OrgRef) => article.text.slice(ref.start, ref.start + ref.name.length);

/**
 * Remembers `compute(article, key)` for the length of one article (its Article object): what is asked of
 * every mention (a place of a level, a short form's full name) is computed once, not once per mention,
 * which on a long text would be quadratic.
 */
export function perArticle<T>(compute: (article: Article, key: string) => T): (article: Article, key: string) => T {
  const memo = new WeakMap<Article, Map<string, T>>();
  return (article, key) => {
    let known = memo.get(article);
    if (!known) memo.set(article, (known = new Map()));
    if (!known.has(key)) known.set(key, compute(article, key));
    return known.get(key)!;
  };
}

/** The organizations named before `at`, nearest first (`named` is in text order). */
export function* namedBefore(named: readonly OrgRef[], at: number): Generator<OrgRef> {
  for (let i = countBefore(named, (o) => o.start < at) - 1; i >= 0; i--) yield named[i]!;
}

/** Where the sentence holding `at` starts (after 。!?; or a line break). */
export function sentenceStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !'。!?;\n'.includes(text[i - 1]!)) i--;
  return i;
}

/** 市科协, 县委: a name that begins with a bare level word instead of a place. */
export const SHORT_FORM = /^[省市县区州]/;

/**
 * The one organization the article names in full for a short form (县委 → 安化县委, 市科协 → 厦门市科协):
 * a longer name ending with the short form, or null when the article names none or several.
 */
function fullForm(article: Article, simplified: string, named: readonly OrgRef[]): string | null {
  const full = new Set<string>();
  for (const [name, original] of distinctNames(article, named)) {
    if (name.length > simplified.length && name.endsWith(simplified) && !SHORT_FORM.test(name)) full.add(original);
  }
  return full.size === 1 ? [...full][0]! : null;
}

/** Each distinct organization name (simplified → as first written): few, however long the article. */
const distinctNamesOf = new WeakMap<readonly OrgRef[], Map<string, string>>();
function distinctNames(article: Article, named: readonly OrgRef[]): Map<string, string> {
  let names = distinctNamesOf.get(named);
  if (!names) {
    names = new Map();
    for (const k of named) if (!names.has(simplifiedOf(article, k))) names.set(simplifiedOf(article, k), k.name);
    distinctNamesOf.set(named, names);
  }
  return names;
}

/** The last organization (not a unit) named before `at` in the same sentence. */
function nearestBefore(article: Article, at: number, named: readonly OrgRef[]): OrgRef | null {
  const from = sentenceStart(article.text, at);
  for (const k of namedBefore(named, at)) {
    if (k.start < from) return null;
    const name = simplifiedOf(article, k);
    if (k.start + k.name.length <= at && (isSelfStanding(name) || !isUnit(name))) return k;
  }
  return null;
}

/**
 * The full name of an organization as far as the article tells it: a short form (县委) as the article
 * names it in full elsewhere; another self-standing name as written; a unit (科普教育部) under the
 * organization it follows elsewhere in the article (北京天文馆科普教育部), else under the last organization
 * named before it in its sentence, else under the article's main organization.
 */
export function resolveOrganization(article: Article, org: OrgRef, named: readonly OrgRef[], main: OrgRef | null): string {
  const simplified = simplifiedOf(article, org);
  if (SHORT_FORM.test(simplified)) return fullForm(article, simplified, named) ?? org.name;
  // 清华大学社会学系 names its parent itself: only a bare unit (科普教育部) needs one from the context.
  if (isSelfStanding(simplified) || !isUnit(simplified) || parentLength(simplified) !== null) return org.name;
  for (const [parentSimplified, parent] of distinctNames(article, named)) {
    if (parentSimplified !== simplified && isSelfStanding(parentSimplified) && article.text.includes(parentSimplified + simplified)) {
      return parent + org.name;
    }
  }
  const parent = nearestBefore(article, org.start, named) ?? main;
  if (!parent) return org.name;
  // 广东科学中心 … 科学中心主任, 中心副主任: the organization by the tail of its name, not a unit of it.
  return normalise(parent.name).text.endsWith(simplified) ? parent.name : parent.name + org.name;
}
