import { lexicon, wordAt, wordEndingAt } from '../lexicon.js';
import type { Article } from './normalise.js';
import { actFollows, endsWordAt, nameAfter, nameBefore, type NameSpan } from './names.js';
import { countBefore } from './order.js';
import { phraseBefore, splitOrganization } from './orgs.js';
import { isGovernmentTitle } from './seats.js';
import { spotTitles, type TitleSpan } from './titles.js';

/** A place in the article where a person is named with titles, and maybe an organization, `[start, end)`. */
export interface Mention {
  name: NameSpan;
  /** Titles as the article writes them, modifiers included (三级指挥员). */
  titles: string[];
  /** The organization as written, its span, or null when the sentence names none. */
  org: { name: string; start: number; end: number } | null;
  start: number;
  end: number;
}

/** Titles chained by 、 or 兼 that end with `last` (党委书记、副馆长; 副理事长兼秘书长): walk back while they touch. */
function chainEndingWith(titles: TitleSpan[], index: number, article: Article, floor: number): TitleSpan[] {
  const chain = [titles[index]!];
  for (let i = index - 1; i >= 0; i--) {
    const title = titles[i]!;
    if (title.start < floor || title.end !== chain[0]!.start - 1 || !'、兼'.includes(article.text[title.end]!)) break;
    chain.unshift(title);
  }
  return chain;
}

/**
 * Organization and title modifier for the titles starting at `titleStart`; a phrase of one list item
 * after 、 (or 和) with no organization of its own shares the previous person's (张捷、三级指挥员赵博).
 */
function organizationFor(article: Article, titleStart: number, floor: number, previous: Mention | null) {
  const phrase = phraseBefore(article, titleStart, floor);
  const { org, modifier } = splitOrganization(article, phrase);
  if (org && sharesLastCharacter(article, org, titleStart)) org[1]++;
  if (org) return { org: { name: article.original.slice(org[0], org[1]), start: org[0], end: org[1] }, modifier };
  // 大连市副市长: a place of the title's level is where a government title sits.
  if (modifier && isGovernmentTitle(titleText(article, titleStart)) && placeOfTitle(article, phrase, titleStart)) {
    return { org: { name: article.original.slice(phrase[0], titleStart), start: phrase[0], end: titleStart }, modifier: '' };
  }
  // 教育部长潘文忠: a national body whose last character is the title's first (教育部 + 部长).
  for (let at = phrase[0]; at < titleStart - 1; at++) {
    if (lexicon.orgAliases.has(article.text.slice(at, titleStart + 1))) return { org: { name: article.original.slice(at, titleStart + 1), start: at, end: titleStart + 1 }, modifier: '' };
  }
  const separator = article.text[phrase[0] - 1] ?? '#';
  // 西城区科协党组书记、常务副主席甲,副主席乙: right after a comma, a deputy (or head) of the same office
  // the previous person holds continues the list; another title (…教授甲,高级工程师乙) does not.
  const sameOffice = () => previous !== null && previous.titles.some((t) => office(t) === office(titleText(article, titleStart)));
  const continues = '、和及与'.includes(separator) || (separator === ',' && phrase[0] === titleStart && sameOffice());
  const listed = previous !== null && continues && previous.end === phrase[0] - 1;
  return { org: listed ? previous.org : null, modifier };
}

/**
 * 國立臺灣科學教育館長: an organization whose name ends with no suffix before a title, where the
 * title's first character is the suffix it lacks, is written once for both (科學教育館 + 館長).
 */
function sharesLastCharacter(article: Article, [, end]: [number, number], titleStart: number): boolean {
  const { text } = article;
  return end === titleStart && titleText(article, titleStart).length >= 2 && !wordEndingAt(lexicon.orgSuffixes, text, end) && wordEndingAt(lexicon.orgSuffixes, text, end + 1) !== null;
}

/** 主席 for 主席, 副主席 and 常务副主席: the office a title is the head or a deputy of. */
const office = (title: string) => title.replace(/^(?:常务|执行|专职)?副?/, '');

/** Whether the phrase before a government title is a place ending in the title's level (大连市 + 副市长). */
function placeOfTitle(article: Article, [start]: [number, number], titleStart: number): boolean {
  const place = article.text.slice(start, titleStart);
  const head = wordAt(lexicon.places, place, 0);
  return head !== null && head.length >= 2 && place.length === head.length + 1 && article.text[titleStart - 1] === titleText(article, titleStart).replace(/^(?:常务)?副?/, '')[0];
}

/** The title of the lexicon that starts at `at`. */
const titleText = (article: Article, at: number) => wordAt(lexicon.titles, article.text, at) ?? '';

function titlesOf(article: Article, chain: TitleSpan[], modifier: string): string[] {
  return chain.map((t, i) => (i === 0 ? modifier : '') + article.original.slice(t.start, t.end));
}

/** The index of the title ending at `end` (titles are in text order and never overlap), or -1. */
function titleEndingAt(titles: readonly TitleSpan[], end: number): number {
  const index = countBefore(titles, (t) => t.end < end);
  return titles[index]?.end === end ? index : -1;
}

/** 统战部 after 县委…、: a department (a short name ending in 部) of a party committee (a name ending in 委). */
function isCommitteeDepartment(article: Article, unit: { start: number; end: number }, committee: { start: number; end: number }): boolean {
  return /^.{1,3}部$/.test(article.text.slice(unit.start, unit.end)) && article.text[committee.end - 1] === '委';
}

/**
 * The mentions of one person named after a chain of titles: the titles touching the name with their
 * organization, then, walking back over 、, each earlier organization + titles that no name followed
 * (中国科学院院士、北京大学教授李明华: 院士 in 中国科学院, 教授 in 北京大学), earliest first.
 */
function positionsChain(article: Article, titles: TitleSpan[], index: number, floor: number, previous: Mention | null, name: NameSpan): Mention[] {
  const found: Mention[] = [];
  for (let last = index; last >= 0; ) {
    const chain = chainEndingWith(titles, last, article, floor);
    const { org, modifier } = organizationFor(article, chain[0]!.start, floor, previous);
    const start = org && org.start < chain[0]!.start ? org.start : chain[0]!.start - modifier.length;
    if (last !== index && !org) break;
    const later = found[0];
    // 省科协党组成员、专职副主席吴焕泉: a title with no organization of its own shares the chain's.
    if (later && !later.org) later.org = org;
    else if (later?.org && org && isCommitteeDepartment(article, later.org, org)) {
      // 县委副书记、统战部部长: the department's head is a title of the committee.
      later.titles = later.titles.map((t) => later.org!.name + t);
      later.org = org;
    }
    found.unshift({ name, titles: titlesOf(article, chain, modifier), org, start, end: name.end });
    const earlier = titleEndingAt(titles, start - 1);
    last = earlier >= 0 && titles[earlier]!.start >= floor && article.text[start - 1] === '、' ? earlier : -1;
  }
  return found;
}

/**
 * 区关工委副主任王敏、姚爱民: names listed after the first one with no title of their own share its
 * titles. A listed name followed by a title is the start of another mention, not a sharer.
 */
function namesSharing(article: Article, end: number): NameSpan[] {
  const names: NameSpan[] = [];
  for (let at = end; article.text[at] === '、'; ) {
    const name = nameAfter(article, at + 1);
    if (!name || name.start !== at + 1 || wordAt(lexicon.titles, article.text, name.end) || wordAt(lexicon.ranks, article.text, name.end)) break;
    names.push(name);
    at = name.end;
  }
  return names;
}

/** 当选为, 被任命为, 出任: a name before one of these takes the organization and title after it. */
const ELECTED = /(?:当选为|当选|被任命为|任命为|出任|升任|担任)$/;
const ELECTING = /当选|任命|出任|升任|担任/;
const MAX_ELECTED = 40;

/** 张明当选为省科协主席: the position a person named before a verb of election or appointment takes. */
function electedTo(article: Article, titles: TitleSpan[], index: number, floor: number, previous: Mention | null): Mention | null {
  // 理事长、秘书长: the chain is read from its last title.
  if (titles[index + 1]?.start === titles[index]!.end + 1 && '、兼'.includes(article.text[titles[index]!.end]!)) return null;
  const chain = chainEndingWith(titles, index, article, floor);
  // The verb comes within an organization's length before the chain: look for it before the costly parse.
  if (!ELECTING.test(article.text.slice(Math.max(floor, chain[0]!.start - MAX_ELECTED), chain[0]!.start))) return null;
  const { org, modifier } = organizationFor(article, chain[0]!.start, floor, previous);
  const opens = org?.start ?? chain[0]!.start - modifier.length;
  const verb = ELECTED.exec(article.text.slice(Math.max(floor, opens - 5), opens));
  const name = verb ? nameBefore(article, opens - verb[0].length) : null;
  if (!name || name.start < floor) return null;
  return { name, titles: titlesOf(article, chain, modifier), org, start: name.start, end: titles[index]!.end };
}

/**
 * Every person named with a title: organization + titles + name (the common order), or organization +
 * name + title (北京天文馆朱进馆长, 朱进研究员). Titles are visited in order and a person's name ends
 * the phrase, so a missing comma between two people (…馆长王晓东咸阳市科协主席…) still splits them.
 */
export function findMentions(article: Article): Mention[] {
  const titles = spotTitles(article.text);
  const mentions: Mention[] = [];
  let floor = 0;
  titles.forEach((title, index) => {
    if (title.start < floor) return;
    const previous = mentions[mentions.length - 1] ?? null;
    const after = nameAfter(article, title.end);
    if (after) {
      const chain = positionsChain(article, titles, index, floor, previous, after);
      mentions.push(...chain);
      const shared = namesSharing(article, after.end);
      for (const name of shared) mentions.push(...chain.map((m) => ({ ...m, name, start: name.start, end: name.end })));
      floor = shared.at(-1)?.end ?? after.end;
      return;
    }
    // 朱进馆长作报告, 受陈华主席委托: a title a name comes before ends where a word follows.
    const ends = endsWordAt(article.text, title.end) || actFollows(article.text, title.end);
    const before = ends ? nameBefore(article, title.start) : null;
    if (!before) {
      const elected = ends ? electedTo(article, titles, index, floor, previous) : null;
      if (elected) {
        mentions.push(elected);
        floor = title.end;
      }
      return;
    }
    if (before.start < floor) return;
    const { org } = organizationFor(article, before.start, floor, previous);
    mentions.push({ name: before, titles: titlesOf(article, [title], ''), org, start: org?.start ?? before.start, end: title.end });
    floor = title.end;
  });
  return mentions;
}
