import { normalizeName } from '../../model/values/name.js';
import { lexicon, wordEndingAt } from '../lexicon.js';
import { evidence } from './evidence.js';
import { nameAfter, nameBefore, type NameSpan } from './names.js';
import type { Article } from './normalise.js';
import type { NameMention } from './people.js';

/**
 * The names of one list 甲、乙、丙 around the 、 at `at`: the name before it and every name after a 、,
 * each accepted only where a name may start and end.
 */
function listAt(article: Article, at: number): { names: NameSpan[]; end: number } | null {
  const first = nameBefore(article, at);
  if (!first) return null;
  const names = [first];
  let end = at;
  while (article.text[end] === '、') {
    const next = nameAfter(article, end + 1);
    if (!next || next.start !== end + 1) break;
    names.push(next);
    end = next.end;
  }
  return { names, end };
}

/** Whether an organization's name (a suffix of two characters or more: 科技馆) ends at `at`. */
const followsOrganization = (text: string, at: number) => (wordEndingAt(lexicon.orgSuffixes, text, at)?.length ?? 0) >= 2;

/**
 * People named in lists without a title of their own (省科技馆潘斌、黄凯、聂海林等陪同调研; 方晓宏、
 * 蔡礼强共同为…揭牌): a list of two names or more counts when one of them is a person the article names
 * with a title, or when it follows an organization's name directly and ends with 等 or holds three names
 * (省科协关心、关怀和支持 is no list of people).
 */
export function listedPeople(article: Article, known: ReadonlySet<string>): NameMention[] {
  const found: NameMention[] = [];
  const { text } = article;
  for (let at = text.indexOf('、'); at >= 0; at = text.indexOf('、', at + 1)) {
    const list = listAt(article, at);
    if (!list || list.names.length < 2) continue;
    const closed = text[list.end] === '等' || list.names.length >= 3;
    const anchored = list.names.some((n) => known.has(normalizeName(n.name))) || (closed && followsOrganization(text, list.names[0]!.start));
    if (anchored) for (const n of list.names) found.push({ name: n.name, evidence: evidence(article, n.start, n.end) });
    at = Math.max(at, list.end - 1);
  }
  return found;
}
