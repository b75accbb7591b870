import { graphql } from '../api.js';
import { entityLink, h, message, replace } from '../dom.js';
import { NAME, PATH } from '../queries.js';
import { searchBox } from '../search-box.js';
import type { Hit, Subgraph } from '../types.js';
import { graphCanvas, nodeLabel } from './graph-canvas.js';

/** `#/path?from=ID&to=ID[&documents=1]`: pick two entities by search, then see how they are connected. */
export async function pathView(main: HTMLElement, params: URLSearchParams) {
  const from = params.get('from');
  const to = params.get('to');
  const pick = (end: 'from' | 'to') => (hit: Hit) => {
    const button = h('button', { type: 'button' }, `选 pick ${hit.entity.name}`);
    button.addEventListener('click', () => {
      const next = new URLSearchParams(params);
      next.set(end, hit.entity.id);
      location.hash = `#/path?${next}`;
    });
    return button;
  };
  const [fromName, toName] = await Promise.all([from, to].map(nameOf));
  const pickers = h('div', { class: 'pickers' },
    fromName ? h('p', {}, '从 From: ', fromName) : searchBox({ label: '从 From', action: pick('from') }),
    toName ? h('p', {}, '到 To: ', toName) : searchBox({ label: '到 To', action: pick('to') }),
  );
  replace(main, h('h1', {}, '路径 Path between two entities'), pickers);
  if (from && to) await showPath(main, from, to, params.get('documents') === '1');
}

/** The picked entity as a link to its page; null when none is picked (or the id names nothing). */
async function nameOf(id: string | null): Promise<HTMLElement | null> {
  if (!id) return null;
  const { node } = await graphql<{ node: { id: string; name?: string } | null }>(NAME, { id });
  return node?.name ? entityLink({ id: node.id, name: node.name }) : null;
}

async function showPath(main: HTMLElement, from: string, to: string, documents: boolean) {
  const { path } = await graphql<{ path: (Subgraph & { length: number }) | null }>(PATH, { from, to, documents });
  if (!path) return main.append(message('这两个实体在 6 步之内没有联系 no connection within 6 steps', 'alert'));
  const view = graphCanvas(`路径图 path of ${path.length} steps; the list below holds the same nodes`, (id) => (location.hash = `#/graph/${encodeURIComponent(id)}`));
  const chain = path.nodes.map(nodeLabel).join(' → ');
  main.append(h('p', { class: 'chain' }, `${path.length} 步 steps: ${chain}`), view.element);
  view.add(path);
  view.layout(from);
}
