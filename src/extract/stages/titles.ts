import { lexicon, wordAt, wordEndingAt } from '../lexicon.js';
import { isHan } from './normalise.js';

/** A title from the lexicon found in the text, `[start, end)`. */
export interface TitleSpan {
  start: number;
  end: number;
}

/**
 * 联络办公室主任, 科技政策系主任: the first characters of a title (室主任, 系主任) that complete an
 * organization's name belong to it when the rest is a title too. Returns how many to leave out, or 0.
 */
function suffixTail(text: string, at: number, title: string): number {
  for (let k = 1; k < title.length; k++) {
    const suffix = wordEndingAt(lexicon.orgSuffixes, text, at + k);
    // 科技政策系主任: a one-character unit (系, 室) after a name is the unit's, the rest the title.
    const ends = suffix && (suffix.length > k || (k === 1 && isHan(text[at - 1])));
    if (ends && lexicon.titles.has(title.slice(k))) return k;
  }
  return 0;
}

/**
 * Every title of the lexicon in the text, longest match first, left to right, non-overlapping: one pass
 * over the text with a bounded look-ahead, so it is linear in the text's length.
 */
export function spotTitles(text: string): TitleSpan[] {
  const found: TitleSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isHan(text[i])) continue;
    const title = wordAt(lexicon.titles, text, i);
    if (!title) continue;
    // 教科卫体委员会主任: a title that begins an organization's suffix word (委员|会) is no title.
    if ((wordAt(lexicon.orgSuffixes, text, i)?.length ?? 0) > title.length) {
      i += title.length - 1;
      continue;
    }
    const start = i + suffixTail(text, i, title);
    found.push({ start, end: i + title.length });
    i += title.length - 1;
  }
  return found;
}
