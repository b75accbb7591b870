import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeName } from '../model/values/name.js';

/**
 * The short forms journalists type for organizations (北大, 中国科协) and the contractions inside names
 * (科技馆 for 科学技术馆), kept as data in lexicons/short-forms.txt: each line, a full form and its short forms.
 * A query is also read with each form it contains swapped for the other forms of its line.
 */
function readLines(): string[][] {
  const path = fileURLToPath(new URL('./lexicons/short-forms.txt', import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.trimStart().startsWith('#'))
    .map((line) => [...new Set(line.trim().split(/\s+/).map(normalizeName))])
    .filter((forms) => forms.length > 1);
}

const FORMS = readLines();
// A query naming many forms is not expanded into every combination: a handful of readings is enough.
const MAX_VARIANTS = 12;

/**
 * The query with its forms swapped for the other forms of their lines: one swap, then two (全国人大常委会 →
 * 全国人民代表大会常务委员会), nearest readings first, at most MAX_VARIANTS of them.
 */
export function shortFormVariants(text: string): string[] {
  const variants = new Set<string>([text]);
  for (let round = [text]; round.length && variants.size <= MAX_VARIANTS; ) {
    const next: string[] = [];
    for (const reading of round) {
      for (const swapped of swaps(reading)) {
        if (variants.has(swapped) || variants.size > MAX_VARIANTS) continue;
        variants.add(swapped);
        next.push(swapped);
      }
    }
    round = next;
  }
  variants.delete(text);
  return [...variants];
}

/** Each reading of a text with one form, everywhere it stands, replaced by another form of its line. */
function swaps(text: string): string[] {
  const found: string[] = [];
  for (const forms of FORMS) {
    for (const form of forms) {
      if (!text.includes(form)) continue;
      for (const other of forms) if (other !== form) found.push(text.split(form).join(other));
    }
  }
  return found;
}
