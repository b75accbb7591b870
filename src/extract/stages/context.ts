import { lexicon, wordAt, wordEndingAt } from '../lexicon.js';
import { isHan, normalise, type Article } from './normalise.js';
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
      if (!isHan(text[end - 1]) || FUNCTION_CHARS.has(text[end - 1]!)) break;
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

const simplifiedOf = (article: Article, ref: OrgRef) => article.text.slice(ref.start, ref.start + ref.name.length);

/** Where the sentence holding `at` starts (after 。!?; or a line break). */
export function sentenceStart(text: string, at: number): number {
  let i = at;
  while (i > 0 && !'。!?;\n'.includes(text[i - 1]!)) i--;
  return i;
}

/** 市科协, 县委: a name that begins with a bare level word instead of a place. */
const SHORT_FORM = /^[省市县区州]/;

/**
 * The one organization the article names in full for a short form (县委 → 安化县委, 市科协 → 厦门市科协):
 * a longer name ending with the short form, or null when the article names none or several.
 */
function fullForm(article: Article, simplified: string, known: readonly OrgRef[]): string | null {
  const full = new Set(
    known.filter((k) => {
      const name = simplifiedOf(article, k);
      return name.length > simplified.length && name.endsWith(simplified) && !SHORT_FORM.test(name);
    }).map((k) => k.name),
  );
  return full.size === 1 ? [...full][0]! : null;
}

/**
 * The one place of a level (信阳市 for 市) the article names (信阳市科技局, 吉林省科技活动周), in the
 * article's spelling. Null when it names none or several.
 */
function placeOfLevel(article: Article, level: string): string | null {
  const places = new Set<string>();
  const { text } = article;
  for (let at = text.indexOf(level, 2); at >= 0; at = text.indexOf(level, at + 1)) {
    for (let length = 2; length <= Math.min(at, 6); length++) {
      if (lexicon.places.has(text.slice(at - length, at))) places.add(article.original.slice(at - length, at + 1));
    }
  }
  return places.size === 1 ? [...places][0]! : null;
}

/** The last organization (not a unit) named before `at` in the same sentence. */
function nearestBefore(article: Article, at: number, known: readonly OrgRef[]): OrgRef | null {
  const from = sentenceStart(article.text, at);
  let nearest: OrgRef | null = null;
  for (const k of known) {
    const name = simplifiedOf(article, k);
    if (k.start >= from && k.start + k.name.length <= at && (isSelfStanding(name) || !isUnit(name)) && (!nearest || k.start > nearest.start)) nearest = k;
  }
  return nearest;
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
  for (const parent of named) {
    const parentSimplified = simplifiedOf(article, parent);
    if (parentSimplified !== simplified && isSelfStanding(parentSimplified) && article.text.includes(parentSimplified + simplified)) {
      return parent.name + org.name;
    }
  }
  const parent = nearestBefore(article, org.start, named) ?? main;
  if (!parent) return org.name;
  // 广东科学中心 … 科学中心主任, 中心副主任: the organization by the tail of its name, not a unit of it.
  return normalise(parent.name).text.endsWith(simplified) ? parent.name : parent.name + org.name;
}

/** 县长, 副市长, 常务副省长: the head of a government, whose seat is the place, not its party committee. */
const GOVERNMENT_TITLE = /^(?:常务)?副?([省市县区州乡镇])长$/;

/**
 * Where a government title named with no organization sits (副省长安立佳): the one place of its level the
 * article names (吉林省); null for another title or when the article names none or several.
 */
function seatByLevel(article: Article, title: string): string | null {
  const level = GOVERNMENT_TITLE.exec(normalise(title).text)?.[1];
  return level ? placeOfLevel(article, level) : null;
}

function isGovernmentTitle(title: string): boolean {
  return GOVERNMENT_TITLE.test(normalise(title).text);
}

/**
 * The organization a title is held in, when a chain or a list gave it another's (安化县委常委、副县长;
 * 吉林省人大常委会副主任甲、副省长乙): a government title belongs to the place of its level (安化县,
 * 中共眉县县委 → 眉县, 吉林省); any other title keeps it.
 */
export function seatOf(article: Article, title: string, organization: string): string {
  const level = GOVERNMENT_TITLE.exec(normalise(title).text)?.[1];
  if (!level) return organization;
  const simplified = normalise(organization).text;
  if (simplified.endsWith('政府')) return organization; // a government (州人民政府) is a seat already
  // 市委常委、常务副市长 with no city named there: the one city the article names.
  if (SHORT_FORM.test(simplified)) return placeOfLevel(article, level) ?? organization;
  const committee = /^(中共)?(.+?([省市县区州乡镇]))\3?委$/u.exec(simplified);
  if (committee) {
    const start = committee[1]?.length ?? 0;
    return organization.slice(start, start + committee[2]!.length);
  }
  // 吉林省人大常委会…、副省长安立佳: a list shared the organization; the seat is its place of that level.
  const place = wordAt(lexicon.places, simplified, 0);
  return place && place.length >= 2 && simplified[place.length] === level ? organization.slice(0, place.length + 1) : organization;
}

/** 馆长, 副校长, 前任院长: the head of a 馆, 校, 院 — what the organization's name ends with. */
const HEAD_TITLE = /^(?:前任|前|原)?(?:常务)?副?(.)长$/;

/**
 * The organization a bare head's title belongs to (校长刘金兰 after 我校…; 前馆长陈训祥 after 国立科学工艺
 * 博物馆…): the last organization named before `at` whose name ends with the title's head character.
 */
function headedBy(article: Article, title: string, at: number, named: readonly OrgRef[]): string | null {
  const head = HEAD_TITLE.exec(normalise(title).text)?.[1];
  if (!head) return null;
  let found: OrgRef | null = null;
  for (const o of named) if (o.start < at && simplifiedOf(article, o).endsWith(head) && (!found || o.start > found.start)) found = o;
  return found?.name ?? null;
}

/**
 * The organization of a person named with titles only (no organization in the mention, none elsewhere
 * for the same person). 副省长安立佳: a government title sits in the article's place of its level; 校长
 * 刘金兰, 前馆长陈训祥 head the last 校, 馆 named before them; 贾贵山副研究员为社区居民传授…: another title
 * is the article's own organization's, unless it is a national leader's or the sentence has named another
 * organization before it (a list of guests from elsewhere). Null: no position.
 */
export function bareTitleOrganization(article: Article, titles: readonly string[], at: number, named: readonly OrgRef[], main: OrgRef | null): string | null {
  if (titles.some(isGovernmentTitle)) return titles.length === 1 ? seatByLevel(article, titles[0]!) : null;
  const headed = titles.length === 1 ? headedBy(article, titles[0]!, at, named) : null;
  if (headed) return headed;
  if (!main || titles.some((t) => lexicon.nationalTitles.has(normalise(t).text))) return null;
  const from = sentenceStart(article.text, at);
  const others = named.some((o) => o.start < at && o.start >= from && o.name !== main.name);
  return others ? null : main.name;
}
