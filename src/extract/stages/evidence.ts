import type { Article } from './normalise.js';

/** A quote of the article and its index in the text: what every fact carries. */
export interface Evidence {
  quote: string;
  offset: number;
}

/** The article's own words over `[start, end)`, trimmed of spaces so the quote is never blank. */
export function evidence(article: Article, start: number, end: number): Evidence {
  let [s, e] = [start, end];
  while (s < e && /\s/.test(article.original[s]!)) s++;
  while (e > s && /\s/.test(article.original[e - 1]!)) e--;
  return { quote: article.original.slice(s, e), offset: s };
}
