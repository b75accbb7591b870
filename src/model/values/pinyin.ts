import { pinyin } from 'pinyin-pro';

// Names are read again and again (every re-index of an entity, every resolution): their syllables are
// remembered, up to a bound, so a large load converts each name once.
const MEMO_SIZE = 200_000;
const memo = new Map<string, readonly string[]>();

/** Toneless pinyin syllables, one per character (non-Han characters pass through lowercased). */
export function syllables(text: string): readonly string[] {
  let found = memo.get(text);
  if (!found) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    memo.set(text, (found = pinyin(text, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase())));
  }
  return found;
}

/** Full pinyin joined without spaces: 庄嘉 → zhuangjia. */
export function joinedPinyin(text: string): string {
  return syllables(text).join('');
}

/** First letters: 庄嘉 → zj. */
export function pinyinInitials(text: string): string {
  return syllables(text).map((s) => s[0] ?? '').join('');
}

/**
 * Two names of equal length differing in exactly one character that sounds the same (李健文 / 李建文):
 * the commonest misspelling of a Chinese name, and the one the design merges.
 */
export function isHomophoneVariant(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const differing = [...a].filter((ch, i) => ch !== b[i]).length;
  return differing === 1 && joinedPinyin(a) === joinedPinyin(b);
}
