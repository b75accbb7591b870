import { h } from '../dom.js';
import type { EntityData } from '../types.js';

interface Mark {
  start: number;
  end: number;
  entity: { id: string; name: string; __typename: string };
}

/**
 * The document's text with every mention marked where its evidence offset says, each mark a link to the
 * entity. Marks that would overlap an earlier one are left out rather than nested: the earlier one is longer
 * or comes first in the text, and both entities are listed above the text anyway.
 */
export function documentText(document: EntityData): HTMLElement {
  const text: string = document.text;
  const marks = mentionMarks(document);
  const pieces: (Node | string)[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    pieces.push(text.slice(at, mark.start));
    pieces.push(h('a', { class: `mention kind-${mark.entity.__typename.toLowerCase()}`, id: `at-${mark.start}`, href: `#/entity/${encodeURIComponent(mark.entity.id)}`, title: mark.entity.name }, text.slice(mark.start, mark.end)));
    at = mark.end;
  }
  pieces.push(text.slice(at));
  return h('section', { 'aria-labelledby': 'doc-text' }, h('h2', { id: 'doc-text' }, '正文 Text'), h('div', { class: 'document-text', lang: 'zh-Hans' }, ...pieces));
}

function mentionMarks(document: EntityData): Mark[] {
  const text: string = document.text;
  const marks: Mark[] = [];
  for (const entity of document.mentions) {
    for (const evidence of entity.evidence) {
      const start = evidence.offset;
      // Only evidence read in this document whose quote really is at its offset.
      if (evidence.document.id !== document.id || start === null || text.slice(start, start + evidence.quote.length) !== evidence.quote) continue;
      marks.push({ start, end: start + evidence.quote.length, entity });
    }
  }
  return marks.sort((a, b) => a.start - b.start || b.end - a.end);
}
