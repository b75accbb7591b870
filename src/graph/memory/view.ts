import type { EdgeRecord, NodeRecord } from '../../model/index.js';
import { HOPS, hopKey, hopKind, keyedHops, type NodeSelection, type ViewEdge, type ViewNode, type ViewStep } from '../view.js';
import type { MemoryGraph } from './graph.js';

/**
 * The memory store's answer to a view: a walk of the selection tree over the in-process graph, copying
 * only the selected properties, so both stores hand the API records of the same shape.
 */
export function viewNodes(graph: MemoryGraph, ids: readonly string[], selection: NodeSelection, variables: Record<string, unknown>): (ViewNode | null)[] {
  const project = (node: NodeRecord, at: NodeSelection): ViewNode => {
    const viewed: ViewNode = { id: node.id, label: node.label };
    for (const key of at.properties) (viewed as Record<string, unknown>)[key] = node[key];
    viewed[HOPS] = keyedHops(
      at.hops.map((hop) => {
        const kind = hopKind(hop, variables);
        const steps = graph.edges({ node: node.id, type: hop.type, direction: hop.direction, kind }).map(
          (edge): ViewStep => ({ edge: projectEdge(edge, hop.edge), node: project(graph.node(hop.direction === 'out' ? edge.to : edge.from)!, hop.node) }),
        );
        return [hopKey(hop.type, hop.direction, kind), steps];
      }),
    );
    return viewed;
  };
  return ids.map((id) => {
    const node = graph.node(id);
    return node && project(node, selection);
  });
}

function projectEdge(edge: EdgeRecord, properties: readonly string[]): ViewEdge {
  const viewed: ViewEdge = { type: edge.type, from: edge.from, to: edge.to };
  for (const key of properties) (viewed as Record<string, unknown>)[key] = edge[key as keyof EdgeRecord];
  return viewed;
}
