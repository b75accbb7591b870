import { h, link } from '../dom.js';
import type { Evidence } from '../types.js';

/** A quoted piece of evidence and the document it was read in, linked to the place in that document. */
export function evidenceList(evidence: Evidence[]): HTMLElement | null {
  if (!evidence.length) return null;
  return h('ul', { class: 'evidence', 'aria-label': '证据 evidence' }, evidence.map(evidenceItem));
}

function evidenceItem(evidence: Evidence): HTMLElement {
  const at = evidence.offset === null ? '' : `?at=${evidence.offset}`;
  return h('li', {}, h('q', {}, evidence.quote), ' — ', link(`/entity/${encodeURIComponent(evidence.document.id)}${at}`, evidence.document.title ?? '文档 document'));
}
