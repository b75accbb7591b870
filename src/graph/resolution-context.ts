import type { EdgeRecord, NodeRecord, RelType } from '../model/index.js';
import type { GraphStore, ResolutionQuery, Step, Subgraph } from './port.js';

/**
 * The part of the graph entity resolution (src/ingest/resolve.ts) reads, defined once through two of the
 * port's calls; the memory adapter answers with it and the Neo4j adapter with one statement that follows the
 * same hops (both pass the same contract test):
 * - the entities of the names asked (findByName: name or alias, normalised);
 * - for an organization among them: its roles of the titles asked (IN) and their holders (HOLDS), which is
 *   what a homophone variant is checked against;
 * - for every person found either way: their roles (HOLDS) and those roles' organizations (IN), the
 *   documents they wrote or photographed (AUTHORED, PHOTOGRAPHED) and those documents' publishers
 *   (PUBLISHED): the organizations a same-named person is tied to;
 * - for every organization reached (named, of a role, a publisher): its parents (PART_OF).
 * Holders get the whole person neighbourhood too: a later document of a batch may name one by the alias an
 * earlier one gave them, and is then resolved against their other ties.
 */
export async function readResolutionContext(store: Pick<GraphStore, 'findByName' | 'traverse'>, { names, titles }: ResolutionQuery): Promise<Subgraph> {
  const named = (await Promise.all(names.map((k) => store.findByName(k.label, k.name)))).flat();
  const nodes = new Map(named.map((n) => [n.id, n]));
  const edges = new Map<string, EdgeRecord>();
  const follow = async (ids: readonly string[], type: RelType, direction: 'out' | 'in', keep: (s: Step) => boolean = () => true) => {
    const steps = (await store.traverse(ids.map((node) => ({ node, type, direction })))).flat().filter(keep);
    for (const { edge, node } of steps) {
      edges.set(edge.id, edge);
      nodes.set(node.id, node);
    }
    return unique(steps.map((s) => s.node.id));
  };
  const namedOf = (label: string) => unique(named.filter((n) => n.label === label).map((n) => n.id));
  const wanted = new Set(titles);

  const titled = await follow(namedOf('Organization'), 'IN', 'in', (s) => wanted.has(s.node.title ?? ''));
  const holders = await follow(titled, 'HOLDS', 'in');
  const people = unique([...namedOf('Person'), ...holders]);
  const roles = await follow(people, 'HOLDS', 'out');
  const roleOrganizations = await follow(roles, 'IN', 'out');
  const documents = unique([...(await follow(people, 'AUTHORED', 'out')), ...(await follow(people, 'PHOTOGRAPHED', 'out'))]);
  const publishers = await follow(documents, 'PUBLISHED', 'in');
  await follow(unique([...namedOf('Organization'), ...roleOrganizations, ...publishers]), 'PART_OF', 'out');
  return { nodes: [...nodes.values()].map(withoutText), edges: [...edges.values()] };
}

/** A document's text is the one large field, and resolution never reads it. */
export function withoutText(node: NodeRecord): NodeRecord {
  if (node.text === undefined) return node;
  const { text: _text, ...rest } = node;
  return rest;
}

const unique = <T>(list: readonly T[]) => [...new Set(list)];
