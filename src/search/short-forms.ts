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

/**
 * Each reading of a text with one form, everywhere it stands on its own, replaced by another form of its
 * line. A form inside a longer known form is part of that one (科协 in 中国科协, 科学技术 in 科学技术协会):
 * the longer form is swapped, never the piece, else each round would grow the text (中国中国科学技术协会).
 */
function swaps(text: string): string[] {
  const found: string[] = [];
  for (const forms of FORMS) {
    for (const form of forms) {
      const places = standalone(text, form);
      if (!places.length) continue;
      for (const other of forms) if (other !== form) found.push(replaceAt(text, places, form.length, other));
    }
  }
  return found;
}

const ALL_FORMS = [...new Set(FORMS.flat())];

/** Where a form stands in a text outside every longer known form found there. */
function standalone(text: string, form: string): number[] {
  const covering = ALL_FORMS.filter((longer) => longer.length > form.length && longer.includes(form)).flatMap((longer) => placesOf(text, longer).map((at) => [at, at + longer.length]));
  return placesOf(text, form).filter((at) => !covering.some(([start, end]) => start! <= at && at + form.length <= end!));
}

function placesOf(text: string, form: string): number[] {
  const places: number[] = [];
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) places.push(at);
  return places;
}

/** The text with `length` characters at each place (ascending, not overlapping) replaced. */
function replaceAt(text: string, places: number[], length: number, replacement: string): string {
  let [result, from] = ['', 0];
  for (const at of places) [result, from] = [result + text.slice(from, at) + replacement, at + length];
  return result + text.slice(from);
}
