import * as OpenCC from 'opencc-js';

// Traditional (Taiwan, Hong Kong and OpenCC's generic set) to mainland simplified, one converter for all.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

// Names and titles are normalised again and again (every comparison, every index write): remembered,
// up to a bound, so each is converted once.
const MEMO_SIZE = 100_000;
const normalized = new Map<string, string>();

/** Simplified script, full-width ASCII folded (NFKC), whitespace and middle dots removed. */
export function normalizeName(name: string): string {
  const found = normalized.get(name);
  if (found !== undefined) return found;
  if (normalized.size >= MEMO_SIZE) normalized.clear();
  const result = toSimplified(name.normalize('NFKC')).replace(/[\s\u3000·•・]+/g, '');
  normalized.set(name, result);
  return result;
}

/** Traditional → simplified conversion for running text, keeping length (offsets stay valid). */
export function simplify(text: string): string {
  return toSimplified(text);
}

/** True when a string holds at least one CJK ideograph. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
