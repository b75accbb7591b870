import nodejieba from 'nodejieba';
import { lexicon } from '../lexicon.js';

/** A word of the segmented text with its part-of-speech tag and its index in the article text. */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

let dictionaryReady = false;

/**
 * Titles and organization suffixes go into nodejieba's user dictionary (≈ 9 µs a word, once), so that
 * 科协主席 splits as 科协/主席 and a title never swallows the neighbouring name.
 */
function ensureDictionary(): void {
  if (dictionaryReady) return;
  for (const title of lexicon.titles) nodejieba.insertWord(title, 'n');
  for (const suffix of lexicon.orgSuffixes) if (suffix.length > 1) nodejieba.insertWord(suffix, 'n');
  dictionaryReady = true;
}

// While one article is extracted, the stages ask for the same windows (the words around a title, a name,
// a list) and the same short names again and again: they are remembered until `forgetSegments`.
const memo = new Map<string, Map<string, Token[]>>();

/** Drops what `segment` remembered: called around each article, so nothing outlives its extraction. */
export function forgetSegments(): void {
  memo.clear();
}

/** Segments `text[start, end)` with POS tags; offsets are recomputed from the words' lengths. */
export function segment(text: string, start = 0, end = text.length): Token[] {
  let windows = memo.get(text);
  if (!windows) memo.set(text, (windows = new Map()));
  const key = `${start}:${end}`;
  let tokens = windows.get(key);
  if (!tokens) windows.set(key, (tokens = segmentWindow(text, start, end)));
  return tokens;
}

function segmentWindow(text: string, start: number, end: number): Token[] {
  ensureDictionary();
  const tokens: Token[] = [];
  let at = start;
  for (const { word, tag } of nodejieba.tag(text.slice(start, end))) {
    // nodejieba drops nothing but may fold runs of spaces: resynchronise on the word itself.
    const found = text.indexOf(word, at);
    if (found < 0 || found >= end) break;
    tokens.push({ word, tag, start: found, end: found + word.length });
    at = found + word.length;
  }
  return tokens;
}

/** Start and end indexes of every token: where a word boundary may fall. */
export function boundaries(tokens: readonly Token[]): Set<number> {
  const set = new Set<number>();
  for (const t of tokens) {
    set.add(t.start);
    set.add(t.end);
  }
  return set;
}
