import { simplify } from '../model/values/name.js';

/**
 * Marks, in a name as written (simplified or traditional), every occurrence of the given terms. The
 * comparison is made on the simplified form, which has the same length, so positions carry over.
 */
export function highlight(display: string, terms: readonly string[], pre = '<em>', post = '</em>'): string {
  const simplified = simplify(display);
  const marked = new Array<boolean>(display.length).fill(false);
  for (const term of terms) {
    if (!term) continue;
    for (let at = simplified.indexOf(term); at >= 0; at = simplified.indexOf(term, at + 1)) {
      marked.fill(true, at, at + term.length);
    }
  }
  let out = '';
  for (let i = 0; i < display.length; i++) {
    if (marked[i] && !marked[i - 1]) out += pre;
    out += display[i];
    if (marked[i] && !marked[i + 1]) out += post;
  }
  return out;
}
