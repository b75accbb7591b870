/** A sentence of the text, `[start, end)`: split at 。!?; and line breaks, never inside “quotes”. */
export interface Sentence {
  start: number;
  end: number;
}

function split(text: string, start: number, end: number, stops: string): Sentence[] {
  const out: Sentence[] = [];
  let from = start;
  let depth = 0;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === '“' || ch === '「') depth++;
    else if ((ch === '”' || ch === '」') && depth > 0) depth--;
    else if (ch === '\n' || (depth === 0 && stops.includes(ch))) {
      if (i > from) out.push({ start: from, end: i });
      from = i + 1;
      depth = 0;
    }
  }
  if (end > from) out.push({ start: from, end });
  return out;
}

// Several stages walk the sentences of the same article: split it once.
let last: { text: string; sentences: Sentence[] } | null = null;

export function sentences(text: string): Sentence[] {
  if (last?.text !== text) last = { text, sentences: split(text, 0, text.length, '。!?;') };
  return last.sentences;
}

/** The clauses of a sentence, split at commas and colons outside quotes. */
export function clauses(text: string, sentence: Sentence): Sentence[] {
  return split(text, sentence.start, sentence.end, ',:');
}
