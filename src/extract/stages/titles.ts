import { lexicon, wordAt } from '../lexicon.js';
import { isHan } from './normalise.js';

/** A title from the lexicon found in the text, `[start, end)`. */
export interface TitleSpan {
  start: number;
  end: number;
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
    found.push({ start: i, end: i + title.length });
    i += title.length - 1;
  }
  return found;
}
