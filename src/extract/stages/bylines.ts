import { lexicon, wordAt, wordEndingAt } from '../lexicon.js';
import { isHan, type Article } from './normalise.js';
import { evidence, type Evidence } from './evidence.js';

export type BylineRole = 'author' | 'photographer' | 'editor';

/** A person credited in a byline (文:李珺 摄影:韩叙, 记者孙理, 供稿:科技传播科 赖华). */
export interface Credit {
  name: string;
  roles: BylineRole[];
  evidence: Evidence;
}

const LABELS: Record<string, BylineRole[]> = {
  文: ['author'], 记者: ['author'], 通讯员: ['author'], 作者: ['author'], 撰稿: ['author'], 供稿: ['author'], 撰文: ['author'],
  图: ['photographer'], 摄影: ['photographer'], 摄: ['photographer'], 图片: ['photographer'],
  图文: ['author', 'photographer'], 编辑: ['editor'], 责任编辑: ['editor'], 责编: ['editor'],
  通讯: ['author'], 审核: ['editor'], 审校: ['editor'], 校对: ['editor'], 初审: ['editor'], 复审: ['editor'], 终审: ['editor'],
};
const LABEL_SET = new Set(Object.keys(LABELS));
/** Labels that may follow a news agency's name (本报记者, 新华社记者) instead of a line start. */
const AFTER_WORDS = new Set(['记者', '通讯员']);
const OPENERS = new Set([...' \n(（【[|']);

/** A surname and one or two characters (four only after a two-character surname: 欧阳群力). */
function isPersonName(word: string): boolean {
  const surname = wordAt(lexicon.surnames, word, 0, 2);
  return surname !== null && word.length >= 2 && word.length <= surname.length + 2 && [...word].every(isHan);
}

/**
 * 记者张三北京报道, 记者李四高雄报导: the name before a dateline (a place of up to six characters and
 * 报道), preferring the cut after which the longest known place, or the dateline word itself, follows.
 */
function nameBeforeDateline(word: string): string | null {
  const cuts = [3, 2, 4].filter((n) => isPersonName(word.slice(0, n)) && /^\p{Script=Han}{0,6}?(?:报道|报导|电|讯)$/u.test(word.slice(n)));
  // The longest place wins: 周晓|北京报道 over 周晓北|京报道 (京 alone is a place too).
  const fit = (n: number) => (/^(?:报道|报导|电|讯)$/.test(word.slice(n)) ? 9 : (wordAt(lexicon.places, word, n)?.length ?? 0));
  const cut = cuts.reduce<number | undefined>((best, n) => (best === undefined || fit(n) > fit(best) ? n : best), undefined);
  return cut === undefined ? null : word.slice(0, cut);
}

/** The names after one label, up to the end of the line, a closing bracket or the next label. */
function creditsAfter(article: Article, label: string, at: number): Credit[] {
  const { text } = article;
  let i = at;
  if (':/'.includes(text[i] ?? '#')) i++;
  const credits: Credit[] = [];
  while (i < text.length && text[i] !== '\n') {
    while (text[i] === ' ' || text[i] === '、' || text[i] === ',') i++;
    let end = i;
    while (end < text.length && !' \n、,)）】]|'.includes(text[end]!)) end++;
    const word = text.slice(i, end);
    if (word.length === 0 || LABEL_SET.has(word.split(/[:/]/)[0]!)) break;
    const name = isPersonName(word) ? word : nameBeforeDateline(word);
    if (name) credits.push({ name: article.original.slice(i, i + name.length), roles: LABELS[label]!, evidence: evidence(article, at - label.length, end) });
    // A unit may precede the names (供稿:科技传播科 赖华); any other word ends the byline.
    else if (wordEndingAt(lexicon.orgSuffixes, word, word.length) === null) break;
    if (')）】]|'.includes(text[end] ?? '')) break;
    i = end;
  }
  return credits;
}

/**
 * The names of a line or bracket that holds nothing else (薛艳芳 张 凯; 办公室 冯钰欣), a one-character
 * surname joined to the character after it: null unless every word is a name or, before the names, a unit.
 */
function namesOnly(article: Article, start: number, end: number): Credit[] | null {
  const words = [...article.text.slice(start, end).matchAll(/\S+/g)];
  const credits: Credit[] = [];
  for (let k = 0; k < words.length; k++) {
    let [word, at] = [words[k]![0], start + words[k]!.index];
    const next = words[k + 1];
    if (word.length === 1 && next?.[0].length === 1 && isPersonName(word + next[0])) {
      word = article.text.slice(at, start + next.index + 1);
      k++;
    }
    const compact = word.replace(/ /g, '');
    if (isPersonName(compact)) credits.push({ name: article.original.slice(at, at + word.length).replace(/ /g, ''), roles: ['author'], evidence: evidence(article, at, at + word.length) });
    else if (credits.length > 0 || wordEndingAt(lexicon.orgSuffixes, compact, compact.length) === null) return null;
  }
  return credits.length > 0 ? credits : null;
}

/** Author lines of no label: a short line of names only near the top, or a closing bracket at the end. */
function unlabelledCredits(article: Article): Credit[] {
  const { text } = article;
  const credits: Credit[] = [];
  let lineStart = 0;
  for (let line = 0; line < 4 && lineStart < text.length; line++) {
    const lineEnd = text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart);
    if (lineEnd - lineStart <= 20) credits.push(...(namesOnly(article, lineStart, lineEnd) ?? []));
    lineStart = lineEnd + 1;
  }
  const closing = /[(（]([^()（）\n]{2,30})[)）]\s*$/.exec(text);
  if (closing) credits.push(...(namesOnly(article, closing.index + 1, closing.index + 1 + closing[1]!.length) ?? []));
  return credits;
}

/**
 * Every byline credit in the article; a label must open a line or bracket (not 中文 or 星图), and a
 * one-character label be followed by a colon, a slash or a space (文:李珺, (文 王岩 图 吕雄伟)).
 */
export function findCredits(article: Article): Credit[] {
  const { text } = article;
  const credits: Credit[] = [];
  for (let i = 0; i < text.length; i++) {
    const label = wordAt(LABEL_SET, text, i, 4);
    if (!label) continue;
    const opened = i === 0 || OPENERS.has(text[i - 1]!) || AFTER_WORDS.has(label);
    const marked = ': /'.includes(text[i + label.length] ?? '#') || AFTER_WORDS.has(label) || label.length > 1;
    if (opened && marked) {
      // 通讯/摄影:曹楚安: labels joined by / credit the same names with both roles.
      const second = text[i + label.length] === '/' ? wordAt(LABEL_SET, text, i + label.length + 1, 4) : null;
      const after = second ? i + label.length + 1 + second.length : i + label.length;
      const found = creditsAfter(article, second ?? label, after);
      for (const c of found) if (second) c.roles = [...new Set([...LABELS[label]!, ...c.roles])];
      credits.push(...found);
      i = after - 1;
      continue;
    }
    i += label.length - 1;
  }
  const seen = new Set(credits.map((c) => c.name));
  return [...credits, ...unlabelledCredits(article).filter((c) => !seen.has(c.name))];
}
