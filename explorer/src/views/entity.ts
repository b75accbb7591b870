import { graphql } from '../api.js';
import { h, link, message, replace } from '../dom.js';
import { ENTITY } from '../queries.js';
import type { EntityData } from '../types.js';
import { KIND_SECTIONS } from './kinds.js';

const KIND_NAMES: Record<string, string> = {
  Person: '人物 Person',
  Organization: '机构 Organization',
  Event: '事件 Event',
  Agreement: '协议 Agreement',
  Place: '地点 Place',
  Document: '文档 Document',
};

/** `#/entity/ID[?at=OFFSET]`: what is known of one entity, each fact with its evidence. */
export async function entityView(main: HTMLElement, id: string, params: URLSearchParams) {
  replace(main, message('加载中 loading…'));
  const { node } = await graphql<{ node: EntityData | null }>(ENTITY, { id });
  if (!node || !KIND_SECTIONS[node.__typename]) return replace(main, message(`没有这个实体 no entity has the id ${id}`, 'alert'));
  const graphLink = `/graph/${encodeURIComponent(id)}`;
  replace(
    main,
    h('article', { class: `entity kind-${node.__typename.toLowerCase()}` },
      h('p', { class: 'badge' }, KIND_NAMES[node.__typename]),
      h('h1', {}, node.name),
      node.aliases.length ? h('p', { class: 'aliases' }, `又作 also written: ${node.aliases.join('、')}`) : null,
      h('p', { class: 'actions' }, link(graphLink, '关系图 Graph of its neighbourhood'), ' · ', link(`/path?from=${encodeURIComponent(id)}`, '路径 Path from here')),
      ...KIND_SECTIONS[node.__typename]!(node),
      node.__typename === 'Document' ? null : sourcesLine(node),
    ),
  );
  focusOffset(main, params.get('at'));
}

function sourcesLine(node: EntityData): HTMLElement | null {
  if (!node.sources.length) return null;
  return h('p', { class: 'sources' }, '来源 Sources: ', ...node.sources.map((s) => link(`/entity/${encodeURIComponent(s.id)}`, s.title)));
}

/** A link to a place in a document brings that mention into view and gives it focus. */
function focusOffset(main: HTMLElement, at: string | null) {
  const mark = at === null ? null : main.querySelector<HTMLElement>(`#at-${CSS.escape(at)}`);
  if (!mark) return;
  mark.classList.add('target');
  mark.scrollIntoView({ block: 'center' });
  mark.focus();
}
