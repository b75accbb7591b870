import { lexicon, wordAt, wordEndingAt } from '../lexicon.js';
import { isBreak, isHan, type Article } from './normalise.js';
import { segment, type Token } from './segment.js';

const MAX_PHRASE = 48;
/** The longest words between an organization and its title (机器人项目|主管, 分管业务|副主席). */
const MAX_MODIFIER = 6;
/** What may open the phrase before a title without being part of the organization: a term, a time. */
const PREFIX = /^(?:第[一二三四五六七八九十百零\d]{1,4}届|\d{1,2}[点时](?:\d{1,2}分)?许?)/;
/** Words before a title that say when it was taken up (新任馆长), not what it is; 前任, 原 stay. */
const TENURE = /^(?:新任|现任|时任|新当选)/;

/** Parts of speech that never belong to an organization name: prepositions, conjunctions, particles. */
const DELIMITING_TAGS = new Set(['p', 'c', 'u', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'r', 'd', 'y', 'e', 'o', 't']);

/** 我校, 本馆: the article's own organization, as the article calls it. */
const SELF = /^[我本](?:校|馆|院|会|所|中心|局|部|站|社|台)$/;

function isDelimiter(token: Token, text: string, phraseStart: number): boolean {
  // nodejieba may cut a suffix word it does not know (研究/所, 联合/会): neither part is a delimiter.
  const suffix = wordEndingAt(lexicon.orgSuffixes, text, token.end);
  if (suffix && suffix.length > token.word.length) return false;
  if ((wordAt(lexicon.orgSuffixes, text, token.start)?.length ?? 0) > token.word.length) return false;
  if (SELF.test(token.word)) return false;
  // 生物物理|所|所长: a one-character suffix nodejieba tags as a conjunction still ends the name.
  if (lexicon.orgSuffixes.has(token.word) && token.start - phraseStart >= 2) return false;
  if (lexicon.delimiters.has(token.word)) return !joinsOneName(token, text, phraseStart);
  // A word cut for its part of speech only is part of a name after a place or an organization (中国|
  // 新一代|人工智能…研究院, 南京大学|现代|工程学院), not after other words (活动|当天|北京天文馆).
  return DELIMITING_TAGS.has(token.tag) && !afterPlaceOrOrganization(token, text, phraseStart);
}

function afterPlaceOrOrganization(token: Token, text: string, phraseStart: number): boolean {
  if (token.start - phraseStart < 2) return false;
  return wordEndingAt(lexicon.places, text, token.start) !== null || (wordEndingAt(lexicon.orgSuffixes, text, token.start)?.length ?? 0) >= 2;
}

/** After two characters or more of the phrase that complete no organization: the name goes on. */
function insideName(token: Token, text: string, phraseStart: number): boolean {
  return token.start - phraseStart >= 2 && isHan(text[token.start - 1]) && wordEndingAt(lexicon.orgSuffixes, text, token.start) === null;
}

/**
 * Whether an organization's name may end at `at`: a suffix word ends there, and a one-character
 * suffix (部, 处, 科) only where a word ends too, so 中国科|学 is no organization.
 */
function suffixEndsAt(text: string, at: number, wordEnds: Set<number>): boolean {
  const suffix = wordEndingAt(lexicon.orgSuffixes, text, at);
  return suffix !== null && (suffix.length > 1 || wordEnds.has(at));
}

function wordEnds(text: string, start: number, end: number): Set<number> {
  return new Set(segment(text, start, end).map((t) => t.end));
}

/**
 * 创新科技及工业局, 人力资源和社会保障局: a conjunction inside one organization's name, because the words
 * before it complete no organization (北京天文馆与井冈山市人民政府 are two).
 */
function joinsOneName(token: Token, text: string, phraseStart: number): boolean {
  return CONJUNCTIONS.has(token.word) && insideName(token, text, phraseStart);
}
const CONJUNCTIONS = new Set(['及', '与', '和']);

/**
 * 北京鲁迅博物馆(北京新文化运动纪念馆)党委书记: another name in brackets between an organization and a
 * title; the organization is the phrase before the bracket. Returns where that phrase ends.
 */
function beforeBracketedAlias(text: string, titleStart: number, floor: number): number {
  if (text[titleStart - 1] !== ')') return titleStart;
  const open = text.lastIndexOf('(', titleStart - 1);
  return open > floor && titleStart - open <= 24 && open > 0 && !isBreak(text[open - 1]) ? open : titleStart;
}

/**
 * The words before `end` (a title's start) that may name an organization: back to punctuation, to
 * `floor` (the end of the previous person found), and after the last word that cannot be part of a
 * name (参加会议的有|中国科学技术交流中心). Returns `[start, end)`.
 */
export function phraseBefore(article: Article, titleStart: number, floor: number): [number, number] {
  const { text } = article;
  const end = beforeBracketedAlias(text, titleStart, floor);
  let start = end;
  // Organization names are short: the bound keeps this linear on text without punctuation.
  while (start > floor && end - start < MAX_PHRASE && !isBreak(text[start - 1])) start--;
  const tokens = segment(text, start, end);
  for (const token of tokens) {
    // 联合会前任主席: a word for a former holder right before the title is the title's, not a cut.
    if (token.end === end && FORMER.has(token.word)) continue;
    if (isDelimiter(token, text, start)) start = token.end;
  }
  // 下面请市科协吕品主席: a one-character verb or preposition before a place (or 市, 省…) opens no name.
  for (let i = end - 3; i >= start; i--) {
    if (lexicon.delimiters.has(text[i]!) && wordAt(lexicon.places, text, i + 1) !== null) {
      start = i + 1;
      break;
    }
  }
  return [Math.min(start, end), end];
}

const FORMER = new Set(['前任', '原', '前']);

function withoutTenure(article: Article, start: number, end: number): string {
  return article.original.slice(start + (TENURE.exec(article.text.slice(start, end))?.[0].length ?? 0), end);
}

/**
 * Splits the phrase before a title into the organization and a modifier of the title: the organization
 * ends at its last word ending with a suffix (…感疾控处|健康教育专干, 中国消防博物馆|三级指挥员). A short
 * phrase with no suffix at all is a modifier only (骨干|教师).
 */
export function splitOrganization(article: Article, [phraseStart, end]: [number, number]): { org: [number, number] | null; modifier: string } {
  // 第十三届全国人大常委, 9点30分省人大常委会…: the term of office or the time is no part of the name.
  const start = phraseStart + (PREFIX.exec(article.text.slice(phraseStart, end))?.[0].length ?? 0);
  if (start >= end) return { org: null, modifier: '' };
  const ends = wordEnds(article.text, start, end);
  for (let at = end; at - start >= 2 && end - at <= MAX_MODIFIER; at--) {
    if (suffixEndsAt(article.text, at, ends)) return { org: [start, at], modifier: withoutTenure(article, at, end) };
  }
  if (end - start <= 4) return { org: null, modifier: withoutTenure(article, start, end) };
  // No suffix and verbs inside (科协组织要深入学习贯彻): a clause, not a name (乐博士阅读大世界 has one).
  if (segment(article.text, start, end).filter((t) => t.tag.startsWith('v')).length >= 2) return { org: null, modifier: '' };
  return { org: [start, end], modifier: '' };
}

/**
 * Whether an organization name stands on its own: it starts with a place (陕西省科协, 中国…, 新西兰…)
 * or a known national body (科技部…). Otherwise it is a unit (科普教育部) whose organization the
 * article's context supplies.
 */
export function isSelfStanding(simplified: string): boolean {
  return wordAt(lexicon.places, simplified, 0) !== null || knownPrefix(simplified) !== null;
}

/** The known national body (full or short form) that begins `simplified`, if any. */
export function knownPrefix(simplified: string): string | null {
  for (let len = simplified.length; len >= 2; len--) {
    if (lexicon.orgAliases.has(simplified.slice(0, len))) return simplified.slice(0, len);
  }
  return null;
}

/**
 * The parent of a unit: its longest proper prefix that ends a word with an organization suffix
 * (中国园林博物馆宣传教育部 → 中国园林博物馆), or null.
 */
export function parentLength(simplified: string): number | null {
  const ends = wordEnds(simplified, 0, simplified.length);
  // Three characters at least: 社会|服务部 is no organization 社会 with a unit 服务部 (会 ends 社会).
  for (let at = simplified.length - 2; at >= 3; at--) {
    if (suffixEndsAt(simplified, at, ends) && ends.has(at)) return at;
  }
  return null;
}
