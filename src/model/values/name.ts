import * as OpenCC from 'opencc-js';

// Traditional (Taiwan, Hong Kong and OpenCC's generic set) to mainland simplified, one converter for all.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Simplified script, full-width ASCII folded (NFKC), whitespace and middle dots removed. */
export function normalizeName(name: string): string {
  return toSimplified(name.normalize('NFKC')).replace(/[\s\u3000·•・]+/g, '');
}

/** Traditional → simplified conversion for running text, keeping length (offsets stay valid). */
export function simplify(text: string): string {
  return toSimplified(text);
}

/** True when a string holds at least one CJK ideograph. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
