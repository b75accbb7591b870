import { simplify } from '../../model/values/name.js';

/**
 * The article as the stages see it: `original` is what the article says (names and quotes are cut from
 * it), `text` is the same string in simplified script with full-width ASCII and odd spaces folded. Both
 * have the same length, so an index found in `text` is an offset into `original`.
 */
export interface Article {
  original: string;
  text: string;
}

/** One character at a time, so the length never changes (NFKC would expand some characters). */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (ch === '\u3000' || ch === '\u00a0' || ch === '\t') return ' ';
  if (ch === '\r') return '\n';
  return ch;
}

/** Traditional → simplified per character when whole-text conversion would change the length. */
function simplifyKeepingLength(original: string): string {
  const whole = simplify(original);
  if (whole.length === original.length) return whole;
  return Array.from(original, (ch) => {
    const s = simplify(ch);
    return s.length === ch.length ? s : ch;
  }).join('');
}

export function normalise(original: string): Article {
  const simplified = simplifyKeepingLength(original);
  let text = '';
  for (let i = 0; i < simplified.length; i++) text += foldChar(simplified[i]!);
  return { original, text };
}

/** Punctuation and spacing that ends a phrase (both scripts' forms, after folding). */
const BREAK = new Set([...',.;:!?()[]<>"\'|/\\ \n、，。；：！？（）【】《》“”‘’「」『』…—-~·▲△▶►■□●○◆◇★☆•※']);

export function isBreak(ch: string | undefined): boolean {
  return ch === undefined || BREAK.has(ch);
}

const HAN = /\p{Script=Han}/u;
/** CJK Unified Ideographs, where nearly every character of an article falls: no regular expression needed. */
const isCommonHan = (code: number) => code >= 0x4e00 && code <= 0x9fff;

export function isHan(ch: string | undefined): boolean {
  if (ch === undefined || ch.length === 0) return false;
  const code = ch.charCodeAt(0);
  if (isCommonHan(code)) return true;
  return code >= 0x2e80 && HAN.test(ch);
}
