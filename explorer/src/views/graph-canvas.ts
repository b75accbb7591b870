import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { h, link } from '../dom.js';
import type { GraphNode, Subgraph } from '../types.js';

/** One colour per kind, told apart also by shape for readers who do not see the colours. */
const KINDS: Record<string, { color: string; shape: cytoscape.Css.NodeShape }> = {
  Person: { color: '#d9485f', shape: 'ellipse' },
  Organization: { color: '#2f6fbd', shape: 'round-rectangle' },
  Event: { color: '#e08a1e', shape: 'diamond' },
  Agreement: { color: '#6b4fbb', shape: 'hexagon' },
  Place: { color: '#2e9961', shape: 'triangle' },
  Document: { color: '#7a7a7a', shape: 'rectangle' },
  Role: { color: '#c98aa0', shape: 'round-tag' },
};

// Cytoscape draws on a canvas and takes no CSS variables: the same CJK font list as style.css.
const FONTS = 'Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif';

const STYLE: cytoscape.StylesheetJson = [
  { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, width: 22, height: 22, 'font-family': FONTS } },
  ...Object.entries(KINDS).map(([kind, { color, shape }]) => ({ selector: `node.${kind}`, style: { 'background-color': color, shape } })),
  { selector: 'node.focus', style: { 'border-width': 3, 'border-color': '#111' } },
  { selector: 'edge', style: { label: 'data(label)', 'font-size': 9, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5, 'line-color': '#aaa', 'target-arrow-color': '#aaa', 'text-rotation': 'autorotate', 'font-family': FONTS } },
];

export const nodeLabel = (node: GraphNode) => node.name ?? node.title ?? node.id;

// Event names run to thirty characters: the canvas shows their start, the list beside it the whole name.
const LABEL_CHARACTERS = 14;
const shortLabel = (label: string) => ([...label].length > LABEL_CHARACTERS ? `${[...label].slice(0, LABEL_CHARACTERS - 1).join('')}…` : label);

export interface GraphCanvas {
  element: HTMLElement;
  /** Adds what is not shown yet; returns how many nodes were new. */
  add(subgraph: Subgraph): number;
  /** Lays the graph out in rings around `root`. */
  layout(root: string): void;
}

/**
 * A cytoscape view of a subgraph, with the same nodes as a list of links and buttons beside it: the list is
 * what keyboards and screen readers use, the canvas what eyes use. `onActivate` is a click on a node or
 * its button.
 */
export function graphCanvas(description: string, onActivate: (id: string) => void): GraphCanvas {
  const canvas = h('div', { class: 'graph', role: 'img', 'aria-label': description });
  const list = h('ul', { class: 'graph-nodes' });
  let core: Core | undefined;
  // Cytoscape measures its container when it starts: it starts on first use, once the view is in the page.
  function cy(): Core {
    if (core) return core;
    core = cytoscape({ container: canvas, style: STYLE, minZoom: 0.2, maxZoom: 3 });
    core.on('tap', 'node', (event) => onActivate(event.target.id()));
    // For the browser console and the browser test: the live graph, as cytoscape holds it.
    (window as unknown as { tupuGraph: Core }).tupuGraph = core;
    return core;
  }

  function add({ nodes, edges }: Subgraph): number {
    const fresh = nodes.filter((n) => cy().getElementById(n.id).empty());
    const elements: ElementDefinition[] = [
      ...fresh.map((n) => ({ group: 'nodes' as const, data: { id: n.id, label: shortLabel(nodeLabel(n)) }, classes: n.__typename })),
      ...edges.filter((e) => cy().getElementById(e.id).empty()).map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.from, target: e.to, label: e.label ?? e.type } })),
    ];
    cy().add(elements);
    for (const node of fresh) list.append(listItem(node, onActivate));
    return fresh.length;
  }

  return {
    element: h('div', { class: 'graph-view' }, canvas, h('details', { open: '' }, h('summary', {}, '节点列表 Nodes (keyboard)'), list), legend()),
    add,
    layout: (root: string) => ringsAround(cy(), root),
  };
}

function listItem(node: GraphNode, onActivate: (id: string) => void): HTMLElement {
  const expand = h('button', { type: 'button', 'data-id': node.id }, `展开 expand ${nodeLabel(node)}`);
  expand.addEventListener('click', () => onActivate(node.id));
  const page = node.__typename === 'Role' ? null : link(`/entity/${encodeURIComponent(node.id)}`, nodeLabel(node));
  return h('li', {}, swatch(node.__typename), page ?? nodeLabel(node), ` (${node.__typename}) `, expand);
}

function legend(): HTMLElement {
  return h('p', { class: 'legend', 'aria-hidden': 'true' }, ...Object.keys(KINDS).map((kind) => h('span', {}, swatch(kind), kind)));
}

const swatch = (kind: string) => h('span', { class: 'swatch', style: `background:${KINDS[kind]?.color ?? '#999'}`, 'aria-hidden': 'true' });

/**
 * Rings by distance from the entity the view is about (the root in the middle, its neighbours around it…):
 * the same picture every time, which a force layout does not give, and the hops readable at a glance.
 */
function ringsAround(cy: Core, root: string) {
  const depth = new Map<string, number>();
  cy.elements().bfs({ root: cy.getElementById(root), directed: false, visit: (node, _edge, _previous, _index, level) => void depth.set(node.id(), level) });
  const outermost = Math.max(0, ...depth.values()) + 1; // nodes the root does not reach go outside
  cy.layout({ name: 'concentric', concentric: (node) => outermost - (depth.get(node.id()) ?? outermost), levelWidth: () => 1, minNodeSpacing: 50, animate: false, padding: 24 }).run();
  // Then a force layout from those rings, for space between the labels; started from the rings, it keeps them.
  cy.layout({ name: 'cose', randomize: false, animate: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 80, nodeRepulsion: () => 30_000, padding: 24 }).run();
}
