import { createMemoryStore } from '../graph/memory/store.js';
import type { ResolutionQuery } from '../graph/port.js';
import type { NodeSelection } from '../graph/view.js';
import type { Facts } from '../model/facts.js';
import { isEntityLabel, type EdgeRecord, type EntityLabel, type GraphChanges, type NodeRecord } from '../model/index.js';
import { mergeEdge, mergeNode } from '../model/merge.js';
import { normalizeName } from '../model/values/name.js';
import { buildSearchDocuments } from '../search/documents.js';
import { asOneWriter, type Ports } from './writer.js';
import type { FactsDocument } from './read.js';
import { resolveFacts } from './resolve.js';

/** A view of ids alone: which entities exist, without reading their records (a document's text). */
const EXISTENCE: NodeSelection = { properties: [], hops: [] };

export interface IngestedDocument {
  file: string;
  documentId: string;
  /** Entities this document added to the graph (an entity an earlier document of the batch added is not counted again). */
  created: number;
  /** Stored entities it named differently and merged into. */
  merged: number;
}

/**
 * Resolves, writes and indexes some validated documents as one all-or-nothing batch, in a number of round
 * trips that does not depend on how many documents or entities it holds: one read of everything resolution
 * consults (GraphStore.resolutionContext), resolution in memory against a scratch store holding that read,
 * one read of which touched entities already exist, one write of the whole batch, and the search documents'
 * views (buildSearchDocuments: one per entity label, sent at once). Each document is applied to the scratch
 * store before the next one resolves, so a batch gives exactly the graph loading its documents one by one
 * gives.
 */
export async function ingestBatch(documents: readonly FactsDocument[], ports: Ports): Promise<IngestedDocument[]> {
  const { graph, search } = ports;
  if (!documents.length) return [];
  return asOneWriter(ports, async () => {
    const scratch = createMemoryStore();
    await scratch.apply(await graph.resolutionContext(resolutionQuery(documents.map((d) => d.facts))));
    const batch = new ChangeSet();
    const resolved = [];
    for (const { facts, text } of documents) {
      const one = await resolveFacts(scratch, facts, text);
      await scratch.apply(one.changes);
      batch.add(one.changes);
      resolved.push(one);
    }
    const entityIds = batch.nodes().filter((n) => isEntityLabel(n.label)).map((n) => n.id);
    const stored = new Set((await graph.view(entityIds, EXISTENCE, {})).filter((n) => n !== null).map((n) => n!.id));
    await graph.apply(batch.changes());
    await search.upsert(await buildSearchDocuments(graph, entityIds));
    return resolved.map((one, i) => {
      const created = one.changes.nodes.filter((n) => isEntityLabel(n.label) && !stored.has(n.id));
      created.forEach((n) => stored.add(n.id)); // a later document of the batch found it stored
      return { file: documents[i]!.file, documentId: one.documentId, created: created.length, merged: one.merged.length };
    });
  });
}

/** Every entity name and position title some documents ask resolution to look up. */
export function resolutionQuery(documents: readonly Facts[]): ResolutionQuery {
  const names = new Map<string, { label: EntityLabel; name: string }>();
  const add = (label: EntityLabel, ...list: (string | null | undefined)[]) => {
    for (const name of list) if (name) names.set(`${label}:${normalizeName(name)}`, { label, name });
  };
  const titles = new Set<string>();
  for (const facts of documents) {
    const { document: d } = facts;
    facts.organizations.forEach((o) => add('Organization', o.name, ...o.aliases));
    facts.places.forEach((p) => add('Place', p.name, ...p.aliases));
    facts.events.forEach((e) => add('Event', e.name, ...e.aliases));
    facts.agreements.forEach((a) => add('Agreement', a.title, ...a.aliases));
    facts.people.forEach((p) => add('Person', p.name, ...p.aliases));
    facts.people.forEach((p) => p.positions.forEach((position) => titles.add(position.title)));
    add('Organization', d.publisher);
    add('Person', ...d.authors, ...d.photographers);
  }
  return { names: [...names.values()], titles: [...titles] };
}

/** The changes of several documents as one write: records of the same id merged as the store would merge them. */
class ChangeSet {
  private readonly nodeById = new Map<string, NodeRecord>();
  private readonly edgeById = new Map<string, EdgeRecord>();

  add(changes: GraphChanges): void {
    for (const n of changes.nodes) this.nodeById.set(n.id, mergeNode(this.nodeById.get(n.id), n));
    for (const e of changes.edges) this.edgeById.set(e.id, mergeEdge(this.edgeById.get(e.id), e));
  }

  nodes = () => [...this.nodeById.values()];

  changes = (): GraphChanges => ({ nodes: this.nodes(), edges: [...this.edgeById.values()] });
}
