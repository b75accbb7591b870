import { createMemoryStore } from '../../src/graph/memory/store.js';
import type { GraphStore } from '../../src/graph/port.js';
import { NODE_LABELS, type GraphChanges } from '../../src/model/index.js';
import { edge, node } from '../support/graph-builder.js';

/** `count` small documents' worth of changes; shared organizations make later batches merge into earlier ones. */
export function batches(count: number): GraphChanges[] {
  return Array.from({ length: count }, (_, i) => {
    const source = { sources: [`doc_${i}`] };
    const person = node('Person', `人物${i}`, { ...source, aliases: [`别名${i}`] });
    const organization = node('Organization', `机构${i % 3}`, { ...source, aliases: [`简称${i}`] });
    const role = node('Role', `人物${i}主任`, { ...source, title: '主任' });
    return { nodes: [person, organization, role], edges: [edge('HOLDS', person, role), edge('IN', role, organization)] };
  });
}

/** Everything a store holds, as one comparable string: every node with its merged fields, and the counts. */
export async function contentOf(store: GraphStore): Promise<string> {
  const nodes = [];
  for await (const batch of store.scan(NODE_LABELS, 100)) nodes.push(...batch);
  nodes.sort((a, b) => (a.id < b.id ? -1 : 1));
  return JSON.stringify({ stats: await store.stats(), nodes });
}

/** What a store holds after exactly these batches, applied in order. */
export async function expectedAfter(applied: readonly GraphChanges[]): Promise<string> {
  const store = createMemoryStore();
  for (const changes of applied) await store.apply(changes);
  return contentOf(store);
}
