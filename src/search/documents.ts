import { createHash } from 'node:crypto';
import type { GraphStore } from '../graph/port.js';
import { hopKey, viewedSteps, type HopSelection, type NodeSelection, type ViewNode } from '../graph/view.js';
import { isEntityLabel, labelOfId, typeOfLabel, type NodeLabel, type NodeRecord, type RelType } from '../model/index.js';
import type { SearchDocument } from './port.js';

const named: NodeSelection = { properties: ['name'], hops: [] };
const hop = (type: RelType, direction: 'out' | 'in', node: NodeSelection): HopSelection => ({ type, direction, edge: [], node });

/** What gives an entity its context in a search hit, by label: the hops to follow from it. */
const CONTEXT: Partial<Record<NodeLabel, HopSelection[]>> = {
  Person: [hop('HOLDS', 'out', { properties: ['title'], hops: [hop('IN', 'out', named)] }), hop('TOOK_PART', 'out', { properties: [], hops: [] })],
  Organization: [hop('PART_OF', 'out', named), hop('TOOK_PART', 'out', { properties: [], hops: [] })],
  Place: [hop('PART_OF', 'out', named)],
  Event: [hop('HELD_AT', 'out', named)],
  Agreement: [hop('PARTY_TO', 'in', named)],
  Document: [hop('PUBLISHED', 'in', named)],
};

/** One view per label, with only that label's hops; built once, so the store caches its statement. */
const SELECTIONS = new Map(
  Object.entries(CONTEXT).map(([label, hops]): [string, NodeSelection] => [
    label,
    { label: label as NodeLabel, properties: ['name', 'aliases', 'sources', 'startDate', 'endDate', 'signedOn', 'publishedAt'], hops },
  ]),
);

/**
 * Builds the search documents of some entities from the graph in one view per label, all sent at once
 * (one round of waiting on Neo4j) whatever the number of ids: each entity with its roles and their
 * organizations, its participations (counted) and its other context.
 */
export async function buildSearchDocuments(store: GraphStore, ids: readonly string[]): Promise<SearchDocument[]> {
  const byLabel = new Map<NodeSelection, string[]>();
  for (const id of ids) {
    const selection = SELECTIONS.get(labelOfId(id) ?? '');
    if (selection) byLabel.set(selection, byLabel.get(selection) ?? []).get(selection)!.push(id);
  }
  const found = new Map<string, ViewNode>();
  await Promise.all(
    [...byLabel].map(async ([selection, group]) => {
      for (const node of await store.view(group, selection, {})) if (node) found.set(node.id, node);
    }),
  );
  const viewed = ids.map((id) => found.get(id)).filter((n): n is ViewNode => !!n && isEntityLabel(n.label));
  return viewed.map((entity) => {
    const titles: string[] = [];
    const orgs: ViewNode[] = [];
    let weight = entity.sources!.length;
    for (const h of CONTEXT[entity.label] ?? []) {
      const steps = viewedSteps(entity, hopKey(h.type, h.direction, null)) ?? [];
      weight += steps.length;
      if (h.type === 'TOOK_PART') continue; // participations are only counted
      for (const { node } of steps) {
        if (h.type !== 'HOLDS') orgs.push(node);
        else {
          if (node.title) titles.push(node.title);
          orgs.push(...(viewedSteps(node, hopKey('IN', 'out', null)) ?? []).map((step) => step.node));
        }
      }
    }
    return toDocument(entity as NodeRecord, unique(titles), uniqueBy(orgs, (o) => o.id) as NodeRecord[], weight);
  });
}

function toDocument(entity: NodeRecord, titles: string[], context: NodeRecord[], weight: number): SearchDocument {
  const date = entity.startDate ?? entity.signedOn ?? entity.publishedAt ?? null;
  return {
    id: entity.id,
    type: typeOfLabel(entity.label as never),
    name: entity.name,
    aliases: entity.aliases,
    titles,
    organizations: context.map((o) => o.name),
    organizationIds: context.map((o) => o.id),
    description: describe(entity, titles, context, date),
    date,
    sources: entity.sources,
    weight,
  };
}

/** 北京天文馆 党委书记、副馆长 · 2020-11-07—2020-11-09 · 江西省井冈山市: what a reader needs to tell hits apart. */
function describe(entity: NodeRecord, titles: string[], context: NodeRecord[], date: string | null): string {
  const dates = entity.endDate && entity.endDate !== date ? `${date}—${entity.endDate}` : date;
  const where = context.map((o) => o.name).join('、');
  const parts = entity.label === 'Person' ? [where && `${where} ${titles.join('、')}`] : [dates, where];
  return parts.filter(Boolean).join(' · ');
}

/** A stable digest of a document's content, to tell a stale index entry from a current one. */
export function fingerprint(document: SearchDocument): string {
  return createHash('sha1').update(JSON.stringify(document, Object.keys(document).sort())).digest('hex');
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

function uniqueBy<T>(list: T[], key: (t: T) => string): T[] {
  return [...new Map(list.map((t) => [key(t), t])).values()];
}
