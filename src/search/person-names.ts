import nodejieba from 'nodejieba';
import { lexicon } from '../extract/lexicon.js';
import { hasHan } from '../model/values/name.js';

const COMPOUND_SURNAMES = [...lexicon.surnames].filter((s) => s.length > 1);

/** 欧阳文华 → 欧阳 + 文华, 丁雪竹 → 丁 + 雪竹; null for a name that is not one Chinese person name. */
export function splitPersonName(name: string): { surname: string; given: string } | null {
  if (!hasHan(name) || name.length < 2 || name.length > 5 || !/^\p{Script=Han}+$/u.test(name)) return null;
  const surname = COMPOUND_SURNAMES.find((s) => name.startsWith(s) && name.length > s.length) ?? name[0]!;
  return { surname, given: name.slice(surname.length) };
}

/**
 * True when the segmenter knows the text as one word without guessing (明星, 文明), rather than as
 * characters that only a name would put together (雪竹): such a word typed alone means the word, not a
 * person whose given name it happens to be, unless the search asks for people.
 */
export function isCommonWord(text: string): boolean {
  const cut = nodejieba.cut(text, false);
  return cut.length === 1 && cut[0] === text;
}
