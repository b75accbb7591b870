import { lexicon, wordAt, wordEndingAt } from '../lexicon.js';
import { isBreak, isHan, type Article } from './normalise.js';
import { segment } from './segment.js';

/** A person's name found in the article: `name` without inner spaces, `[start, end)` in the text. */
export interface NameSpan {
  name: string;
  start: number;
  end: number;
}

/** Characters that never begin a name in running text. */
const NOT_IN_NAME = new Set([...'的了在和与及等也对为是将们、这那其各有无不个位名人者员长或并']);
/** …nor continue one; 为, 和, 有, 长 may (陆为民, 王和平, 张有才, 单长勇): the words after names catch them. */
const NOT_IN_GIVEN_NAME = new Set([...NOT_IN_NAME].filter((ch) => !'为和有长'.includes(ch)));

/** Whether a name may end just before `at`: punctuation, the end, or a word that follows names. */
export function endsWordAt(text: string, at: number): boolean {
  const ch = text[at];
  if (isBreak(ch) || !isHan(ch)) return true;
  return [lexicon.nameFollowers, lexicon.titles, lexicon.ranks, lexicon.places].some((set) => wordAt(set, text, at) !== null);
}

/** Indexes of the characters of a name starting at `at`; one space may sit after the surname (张 凯). */
function nameChars(text: string, at: number, surname: number, given: number): number[] | null {
  const chars: number[] = [];
  let i = at;
  while (chars.length < surname + given) {
    if (chars.length === surname && text[i] === ' ' && isHan(text[i + 1])) i++;
    const ch = text[i];
    if (!isHan(ch) || (chars.length === 0 ? NOT_IN_NAME : NOT_IN_GIVEN_NAME).has(ch!)) return null;
    chars.push(i++);
  }
  return chars;
}

/** The name's characters without the space a name may hold (张 凯). */
const compact = (text: string, chars: number[]) => chars.map((i) => text[i]).join('');

function span(article: Article, chars: number[]): NameSpan {
  const name = chars.map((i) => article.original[i]).join('');
  return { name, start: chars[0]!, end: chars[chars.length - 1]! + 1 };
}

/**
 * The name that starts at `at` (after a title): a known surname and one or two given characters,
 * choosing the length after which a name can end. A three-character name is preferred unless its last
 * character starts a word that follows names (齐锐也分享, 张平发言). Falls back to a word nodejieba tags
 * as a name (nr) or unknown (x) for surnames missing from the lexicon.
 */
export function nameAfter(article: Article, at: number): NameSpan | null {
  const { text } = article;
  const start = text[at] === ' ' ? at + 1 : at;
  const surname = wordAt(lexicon.surnames, text, start, 2);
  if (surname) {
    for (const given of [2, 1]) {
      const chars = nameChars(text, start, surname.length, given);
      if (!chars) continue;
      const last = chars[chars.length - 1]!;
      if (given === 2 && wordAt(lexicon.nameFollowers, text, last) !== null) continue;
      if (endsWordAt(text, last + 1) && !isNoName(compact(text, chars))) return span(article, chars);
    }
    // A word the lexicon lacks (熊群力召集…, 刘全会先后…): nodejieba, segmenting what follows the name,
    // finds a verb, adverb, preposition, conjunction or time word of two characters or more.
    for (const given of [2, 1]) {
      const chars = nameChars(text, start, surname.length, given);
      if (chars && actFollows(text, chars[chars.length - 1]! + 1) && !isNoName(compact(text, chars))) return span(article, chars);
    }
    return null;
  }
  return taggedNameAt(article, start);
}

const ACT_TAGS = /^(?:v|d|p|c|t|f)$/;

/**
 * Whether a verb, adverb, preposition, conjunction or time word of two characters or more starts at
 * `end`. Segmented from there: nodejieba cuts names badly (刘|全会), the words after them well.
 */
export function actFollows(text: string, end: number): boolean {
  const next = segment(text, end, Math.min(text.length, end + 6))[0];
  return next !== undefined && next.word.length >= 2 && ACT_TAGS.test(next.tag);
}

/**
 * Whether an organization's name ends at `at`: a suffix of two characters or more (科技馆), or of one
 * where nodejieba ends a word too (科普处|张三, not 基层科|普组织).
 */
function organizationEndsAt(text: string, at: number): boolean {
  const suffix = wordEndingAt(lexicon.orgSuffixes, text, at);
  if (!suffix) return false;
  return suffix.length >= 2 || segment(text, Math.max(0, at - 4), Math.min(text.length, at + 3)).some((t) => t.end === at);
}

/** Whether nodejieba, segmenting the words before `start`, ends a verb, preposition or conjunction there. */
function actPrecedes(text: string, start: number): boolean {
  const last = segment(text, Math.max(0, start - 4), start).at(-1);
  return last !== undefined && last.end === start && last.word.length >= 2 && ACT_TAGS.test(last.tag);
}

function taggedNameAt(article: Article, at: number): NameSpan | null {
  // Cheap refusals first: segmenting is the costly step, and a title or a verb is no name.
  const ch = article.text[at];
  if (!isHan(ch) || NOT_IN_NAME.has(ch!) || endsWordAt(article.text, at)) return null;
  const first = segment(article.text, at, Math.min(article.text.length, at + 8))[0];
  if (!first || first.start !== at || !['nr', 'nrfg', 'x'].includes(first.tag)) return null;
  if (first.word.length < 2 || first.word.length > 3 || ![...first.word].every(isHan)) return null;
  if ([...first.word].some((ch) => NOT_IN_NAME.has(ch)) || !endsWordAt(article.text, first.end)) return null;
  return { name: article.original.slice(first.start, first.end), start: first.start, end: first.end };
}

/** Parts of speech of a two-character word that is no name: verbs, adjectives, adverbs, function words. */
const NOT_NAME_TAGS = /^(?:v|vn|vd|a|ad|an|d|c|p|r|u.*|f|m|q|t)$/;

/**
 * Words that start with a surname and still are no name: what the lexicons know as a suffix, title,
 * rank, place or word after names (集团公司董事长, 部长宣布), an organization (区政协常委), a
 * two-character word nodejieba knows as a verb or function word (相关负责人).
 */
function isNoName(word: string): boolean {
  if ([lexicon.notNames, lexicon.orgSuffixes, lexicon.titles, lexicon.ranks, lexicon.places, lexicon.nameFollowers].some((set) => set.has(word))) return true;
  if ((wordEndingAt(lexicon.orgSuffixes, word, word.length)?.length ?? 0) >= 2) return true;
  if (word.length !== 2) return false;
  const tokens = segment(word);
  return tokens.length === 1 && NOT_NAME_TAGS.test(tokens[0]!.tag);
}

/**
 * The name that ends at `end` (before a title or rank: 北京天文馆朱进馆长, 朱进研究员). Only accepted
 * where a name can start: at the start of a phrase, after a function word or a verb, or right after an
 * organization's name.
 */
export function nameBefore(article: Article, end: number): NameSpan | null {
  const { text } = article;
  for (const length of [3, 2, 4]) {
    const start = end - length;
    if (start < 0) continue;
    const surname = wordAt(lexicon.surnames, text, start, length === 4 ? 2 : 1);
    if (!surname || (length === 4) !== (surname.length === 2)) continue;
    const chars = nameChars(text, start, surname.length, length - surname.length);
    if (!chars || chars[chars.length - 1]! + 1 !== end || isNoName(text.slice(start, end))) continue;
    const before = text[start - 1];
    // At a phrase's start, after an organization (北京天文馆朱进馆长), a preposition or a verb (以习近平
    // 总书记…, 贯彻习近平总书记…).
    if (isBreak(before) || !isHan(before) || lexicon.delimiters.has(before!) || organizationEndsAt(text, start) || actPrecedes(text, start)) return span(article, chars);
  }
  return null;
}
