import { graphql } from '../api.js';
import { h, link, message, replace } from '../dom.js';
import { NEIGHBORHOOD } from '../queries.js';
import type { Subgraph } from '../types.js';
import { graphCanvas } from './graph-canvas.js';

/**
 * `#/graph/ID[?expand=ID,ID][&documents=1]`: the neighbourhood of one entity; clicking a node adds its own
 * neighbourhood, and the URL keeps every expanded node so that the same picture can be sent as a link.
 */
export async function graphView(main: HTMLElement, id: string, params: URLSearchParams) {
  const documents = params.get('documents') === '1';
  const expanded = new Set([id, ...(params.get('expand')?.split(',').filter(Boolean) ?? [])]);
  const status = h('p', { role: 'status', class: 'status' });
  const view = graphCanvas('实体关系图 graph of the neighbourhood; the list below holds the same nodes', (node) => void expand(node));
  replace(main, h('h1', {}, '关系图 Graph'), controls(id, params, documents), status, view.element);

  const neighbourhood = (node: string) => graphql<{ neighborhood: Subgraph }>(NEIGHBORHOOD, { id: node, documents }).then((d) => d.neighborhood);
  async function expand(node: string) {
    const added = view.add(await neighbourhood(node));
    expanded.add(node);
    status.textContent = `展开 expanded: ${added} 个新节点 new nodes`;
    history.replaceState(null, '', `#/graph/${encodeURIComponent(id)}?${query(expanded, id, documents)}`);
    view.layout(id);
  }

  try {
    for (const node of expanded) view.add(await neighbourhood(node));
    view.layout(id);
    status.textContent = '点击节点展开 click a node (or its button below) to expand it';
  } catch (error) {
    replace(status, message(`无法加载 could not load: ${(error as Error).message}`, 'alert'));
  }
}

function query(expanded: Set<string>, root: string, documents: boolean): string {
  const params = new URLSearchParams();
  const more = [...expanded].filter((n) => n !== root);
  if (more.length) params.set('expand', more.join(','));
  if (documents) params.set('documents', '1');
  return params.toString();
}

/** The document layer is off by default: through documents, everything an article names is two hops apart. */
function controls(id: string, params: URLSearchParams, documents: boolean): HTMLElement {
  const toggle = h('input', { type: 'checkbox', id: 'documents' });
  toggle.checked = documents;
  toggle.addEventListener('change', () => {
    const next = new URLSearchParams(params);
    if (toggle.checked) next.set('documents', '1');
    else next.delete('documents');
    location.hash = `#/graph/${encodeURIComponent(id)}?${next}`;
  });
  return h('p', { class: 'controls' }, toggle, h('label', { for: 'documents' }, ' 显示文档 show the document layer'), ' · ', link(`/entity/${encodeURIComponent(id)}`, '返回实体页 back to the entity page'));
}
