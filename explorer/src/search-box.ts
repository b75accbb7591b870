import { graphql } from './api.js';
import { h, highlighted, message, replace } from './dom.js';
import { SEARCH } from './queries.js';
import type { Hit } from './types.js';

export const TYPE_LABELS: Record<string, string> = {
  PERSON: '人物 person',
  ORGANIZATION: '机构 organization',
  EVENT: '事件 event',
  AGREEMENT: '协议 agreement',
  PLACE: '地点 place',
  DOCUMENT: '文档 document',
};

interface SearchBoxOptions {
  label: string;
  initial?: string;
  /** The element a hit becomes: a link to its page, or a button that picks it. */
  action: (hit: Hit) => HTMLElement;
  /** Called with each query typed, e.g. to keep it in the URL. */
  onQuery?: (query: string) => void;
}

const DEBOUNCE_MS = 150;

/** A labelled search field answering as you type, each hit with its type, description and why it matched. */
export function searchBox({ label, initial = '', action, onQuery }: SearchBoxOptions): HTMLElement {
  const id = `q-${Math.random().toString(36).slice(2, 8)}`;
  const input = h('input', { id, type: 'search', value: initial, autocomplete: 'off', spellcheck: 'false', placeholder: '李建文, zhuangjia, zj, 北京天文館…' });
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;

  async function run(query: string) {
    inFlight?.abort();
    onQuery?.(query);
    if (!query.trim()) return replace(results);
    inFlight = new AbortController();
    try {
      const { search } = await graphql<{ search: { total: number; hits: Hit[] } }>(SEARCH, { query }, inFlight.signal);
      replace(results, h('p', { class: 'count' }, `${search.total} 个结果 results`), h('ol', { class: 'hits' }, search.hits.map((hit) => hitItem(hit, action))));
    } catch (error) {
      if ((error as Error).name !== 'AbortError') replace(results, message(`搜索失败 search failed: ${(error as Error).message}`, 'alert'));
    }
  }
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), DEBOUNCE_MS);
  });
  if (initial) void run(initial);
  return h('div', { class: 'search-box', role: 'search' }, h('label', { for: id }, label), input, results);
}

function hitItem(hit: Hit, action: (hit: Hit) => HTMLElement): HTMLElement {
  return h(
    'li',
    { class: `hit kind-${hit.type.toLowerCase()}` },
    action(hit),
    h('span', { class: 'badge' }, TYPE_LABELS[hit.type] ?? hit.type),
    hit.description && h('span', { class: 'description' }, hit.description),
    hit.highlight && h('span', { class: 'why' }, '匹配 matched: ', ...highlighted(hit.highlight)),
  );
}
