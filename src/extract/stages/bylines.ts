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
};
const LABEL_SET = new Set(Object.keys(LABELS));
/** Labels that may follow a news agency's name (本报记者, 新华社记者) instead of a line start. */
const AFTER_WORDS = new Set(['记者', '通讯员']);
const OPENERS = new Set([...' \n(（【[|']);

function isPersonName(word: string): boolean {
  const surname = wordAt(lexicon.surnames, word, 0, 2);
  return surname !== null && word.length >= 2 && word.length <= 4 && [...word].every(isHan);
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
    if (isPersonName(word)) credits.push({ name: article.original.slice(i, end), roles: LABELS[label]!, evidence: evidence(article, at - label.length, end) });
    // A unit may precede the names (供稿:科技传播科 赖华); any other word ends the byline.
    else if (wordEndingAt(lexicon.orgSuffixes, word, word.length) === null) break;
    if (')）】]|'.includes(text[end] ?? '')) break;
    i = end;
  }
  return credits;
}

/** Every byline credit in the article; a label must open a line or bracket (not 中文 or 星图). */
export function findCredits(article: Article): Credit[] {
  const { text } = article;
  const credits: Credit[] = [];
  for (let i = 0; i < text.length; i++) {
    const label = wordAt(LABEL_SET, text, i, 4);
    if (!label) continue;
    const opened = i === 0 || OPENERS.has(text[i - 1]!) || AFTER_WORDS.has(label);
    const marked = ':/'.includes(text[i + label.length] ?? '#') || AFTER_WORDS.has(label) || label.length > 1;
    if (opened && marked) credits.push(...creditsAfter(article, label, i + label.length));
    i += label.length - 1;
  }
  return credits;
}
