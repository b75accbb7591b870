import nodejieba from 'nodejieba';
import { hasHan, normalizeName } from '../model/values/name.js';
import { joinedPinyin, pinyinInitials } from '../model/values/pinyin.js';
import type { SearchDocument } from './port.js';
import { splitPersonName } from './person-names.js';
import { shortFormVariants } from './short-forms.js';

/**
 * The one place where text becomes search terms, shared by both engines. Measured on this corpus: person
 * names must stay whole tokens (else 明星 finds 刘明星), so every known entity name goes into nodejieba's
 * user dictionary; but an organization indexed only whole is lost to searches for its parts (天文 no
 * longer finds 北京天文馆), so non-person names are indexed whole and by their search-mode parts.
 * Persons get pinyin forms (full, joined, initials) instead, which is what finds homophone misspellings.
 */

const learned = new Set<string>();

/** Adds names to the segmentation dictionary once each (≈ 9 µs a word). */
export function learnNames(names: Iterable<string>): void {
  for (const name of names) {
    const key = normalizeName(name);
    if (key.length > 1 && !learned.has(key) && hasHan(key)) {
      nodejieba.insertWord(key);
      learned.add(key);
    }
  }
}

const isTerm = (token: string) => /[\p{L}\p{N}]/u.test(token);

/** Words of a text, in simplified script, punctuation and spaces dropped. */
export function words(text: string): string[] {
  return text
    .split(/\s+/)
    .flatMap((segment) => nodejieba.cut(normalizeName(segment), true))
    .filter(isTerm);
}

/** A name and its search-mode parts (北京天文馆 → 北京, 天文, 天文馆, 北京天文馆). */
export function nameParts(name: string): string[] {
  return unique(nodejieba.cutForSearch(normalizeName(name), true).filter(isTerm));
}

/** nameParts remembered for as long as the returned function is kept: for texts cut with one dictionary. */
export function namePartsMemo(): (text: string) => string[] {
  const cut = new Map<string, string[]>();
  return (text) => {
    let parts = cut.get(text);
    if (!parts) cut.set(text, (parts = nameParts(text)));
    return parts;
  };
}

/** What a query can be read as: Chinese words, or pinyin typed in Latin letters (tones and spaces optional). */
export interface AnalyzedQuery {
  /** The whole query normalised (simplified, no spaces): compared with whole names. */
  whole: string;
  /** Words of the query, for matching parts of names and context. */
  words: string[];
  /** The query as pinyin letters: typed in Latin, or the pinyin of a Chinese query (homophones). */
  pinyin: string | null;
  latin: boolean;
  /** The query read with its short forms swapped for full ones and back (北大 → 北京大学): lexicons/short-forms.txt. */
  variants: AnalyzedQuery[];
}

export function analyzeQuery(query: string): AnalyzedQuery {
  const q = analyzeText(query);
  if (!q.latin && q.whole) q.variants = shortFormVariants(q.whole).map((variant) => ({ ...analyzeText(variant), pinyin: null }));
  return q;
}

/** Every term a candidate may be found by: the query's and its variants'. */
export function candidateTerms(q: AnalyzedQuery): string[] {
  return unique([q, ...q.variants].flatMap((v) => [v.whole, ...v.words])).filter(Boolean);
}

/** The whole query and its whole variants: all a surname or given name is compared with (rank.ts). */
export function wholeTerms(q: AnalyzedQuery): string[] {
  return unique([q, ...q.variants].map((v) => v.whole)).filter(Boolean);
}

/** The words coverage must find (rank.ts): those of two characters or more, unless the query has nothing else. */
export function coverageWords(q: AnalyzedQuery): string[] {
  let words = wordsOf.get(q); // asked once per candidate: worked out once per query
  if (!words) {
    const primary = q.words.filter((w) => w.length > 1 || q.words.length === 1);
    wordsOf.set(q, (words = primary.length ? primary : q.words));
  }
  return words;
}

const wordsOf = new WeakMap<AnalyzedQuery, string[]>();

/**
 * Whether every document whose name or context holds the word has it among its terms. True of a word of
 * two or three characters in jieba's own dictionary: each name and context is learned as one word before
 * its document is cut (learnNames), and cut in search mode it gives every dictionary word of two or three
 * characters inside it. Not of a longer word (同仁医院 inside 首都医科大学附属北京同仁医院), one the segmenter
 * guessed (蒙创), or a learned name, which documents cut before it was learned do not hold as a term.
 */
export function indexedWherever(word: string): boolean {
  return word.length >= 2 && word.length <= 3 && !learned.has(word) && nodejieba.cutAll(word).includes(word);
}

function analyzeText(query: string): AnalyzedQuery {
  const trimmed = query.trim().slice(0, 200);
  const latin = !hasHan(trimmed) && /[a-zA-Z]/.test(trimmed);
  const letters = trimmed.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
  const whole = latin ? letters : normalizeName(trimmed);
  const pinyin = latin ? letters || null : hasHan(whole) ? joinedPinyin(whole) : null;
  const queryWords = latin ? [letters] : unique([...words(trimmed), ...words(trimmed).flatMap((w) => nameParts(w))]);
  return { whole, words: queryWords.filter(Boolean), pinyin, latin, variants: [] };
}

/** The terms of a document, by field, ready for either engine. */
export interface AnalyzedDocument {
  /** Whole names and aliases, normalised. */
  names: string[];
  /** Parts of non-person names. */
  parts: string[];
  /** Pinyin keys of names and aliases, and of the parts of non-person names (bowuguan for 博物馆). */
  pinyin: string[];
  /** A person's surnames and given names, found only by a search that asks for them (person-names.ts). */
  personal: string[];
  /** Each Chinese name or alias with its pinyin, to tell which one a pinyin query matched. */
  readings: { name: string; key: string; full: string; initials: string }[];
  /** Titles and organization names, whole and by parts. */
  context: string[];
  /** The name, then each alias, as written and normalised: ranking compares keys, shows what was written. */
  spellings: { shown: string; key: string }[];
  /** Titles and organization names, whole only, normalised. */
  wholeContext: string[];
}

/**
 * `partsOf`: nameParts, or a memo of it over a batch of documents cut with one dictionary (the engine's):
 * the people of an organization repeat its name and titles, each cut again otherwise.
 */
export function analyzeDocument(document: SearchDocument, partsOf: (text: string) => string[] = nameParts): AnalyzedDocument {
  // Normalised once here, at indexing, so that ranking a candidate never converts script again.
  const spellings = [document.name, ...document.aliases].map((shown) => ({ shown, key: normalizeName(shown) }));
  const names = unique(spellings.map((s) => s.key));
  const parts = document.type === 'PERSON' ? [] : unique(spellings.flatMap((s) => partsOf(s.shown)));
  const wholeContext = unique([...document.titles, ...document.organizations].map(normalizeName));
  const context = unique([...wholeContext, ...[...document.titles, ...document.organizations].flatMap((text) => partsOf(text))]);
  const readings = spellings
    .filter((s) => hasHan(s.key))
    .map(({ shown, key }) => ({ name: shown, key, full: joinedPinyin(key), initials: pinyinInitials(key) }));
  const partPinyin = parts.filter((p) => p.length > 1 && hasHan(p)).map(joinedPinyin);
  const pinyin = unique([...readings.flatMap((r) => [r.full, r.initials]), ...partPinyin]);
  const split = document.type === 'PERSON' ? names.map(splitPersonName) : [];
  const personal = unique(split.flatMap((s) => (s ? [s.surname, s.given] : [])));
  return { names, parts, pinyin, personal, readings, context, spellings, wholeContext };
}

const unique = <T>(list: T[]) => [...new Set(list)];
