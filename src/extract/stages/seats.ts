import { lexicon, wordAt } from '../lexicon.js';
import { namedBefore, perArticle, SHORT_FORM, sentenceStart, simplifiedOf, type OrgRef } from './context.js';
import { normalise, type Article } from './normalise.js';

/**
 * Where a title sits when the mention does not say, or says it with another's organization: the
 * government titles' places, the heads' organizations, the article's own organization.
 */

/**
 * The one place of a level (信阳市 for 市) the article names (信阳市科技局, 吉林省科技活动周), in the
 * article's spelling. Null when it names none or several.
 */
const placeOfLevel = perArticle((article: Article, level: string): string | null => {
  const places = new Set<string>();
  const { text } = article;
  for (let at = text.indexOf(level, 2); at >= 0; at = text.indexOf(level, at + 1)) {
    for (let length = 2; length <= Math.min(at, 6); length++) {
      if (lexicon.places.has(text.slice(at - length, at))) places.add(article.original.slice(at - length, at + 1));
    }
  }
  return places.size === 1 ? [...places][0]! : null;
});

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

export function isGovernmentTitle(title: string): boolean {
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
  for (const o of namedBefore(named, at)) if (simplifiedOf(article, o).endsWith(head)) return o.name;
  return null;
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
  for (const o of namedBefore(named, at)) {
    if (o.start < from) break;
    if (o.name !== main.name) return null;
  }
  return main.name;
}
