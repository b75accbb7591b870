import { createHash } from 'node:crypto';
import type { EdgeQuery, GraphStore } from '../graph/port.js';
import { isEntityLabel, typeOfLabel, type NodeRecord, type RelType } from '../model/index.js';
import type { SearchDocument } from './port.js';

/**
 * Builds the search documents of some entities from the graph, in a fixed number of batched reads whatever
 * the number of ids: one hop out for every kind of context, then the nodes at the other ends.
 */
export async function buildSearchDocuments(store: GraphStore, ids: readonly string[]): Promise<SearchDocument[]> {
  const entities = (await store.nodes(ids)).filter((n): n is NodeRecord => !!n && isEntityLabel(n.label));
  const hops = entities.flatMap((n) => contextHops(n).map((q) => ({ ...q, owner: n.id })));
  const edges = await store.edges(hops);
  const firstEnds = edges.map((list, i) => list.map((e) => (hops[i]!.direction === 'out' ? e.to : e.from)));
  const roleIds = hops.flatMap((h, i) => (h.type === 'HOLDS' ? firstEnds[i]! : []));
  const roleOrgs = await store.edges(roleIds.map((node): EdgeQuery => ({ node, type: 'IN', direction: 'out' })));
  const orgOfRole = new Map(roleIds.map((id, i) => [id, roleOrgs[i]!.map((e) => e.to)]));
  const contextEnds = hops.flatMap((h, i) => (h.type === 'TOOK_PART' ? [] : firstEnds[i]!)); // participations are only counted
  const related = await nodeMap(store, [...contextEnds, ...[...orgOfRole.values()].flat()]);

  return entities.map((entity) => {
    const titles: string[] = [];
    const orgs: NodeRecord[] = [];
    let weight = entity.sources.length;
    hops.forEach((hop, i) => {
      if (hop.owner !== entity.id) return;
      weight += firstEnds[i]!.length;
      if (hop.type === 'TOOK_PART') return;
      for (const end of firstEnds[i]!) {
        if (hop.type === 'HOLDS') {
          titles.push(related.get(end)?.title ?? '');
          orgs.push(...(orgOfRole.get(end) ?? []).map((o) => related.get(o)!).filter(Boolean));
        } else if (related.get(end)) orgs.push(related.get(end)!);
      }
    });
    return toDocument(entity, unique(titles.filter(Boolean)), uniqueBy(orgs, (o) => o.id), weight);
  });
}

/** What gives an entity its context in a search hit: the hops to follow from it. */
function contextHops(node: NodeRecord): EdgeQuery[] {
  const hop = (type: RelType, direction: 'out' | 'in'): EdgeQuery => ({ node: node.id, type, direction });
  switch (node.label) {
    case 'Person':
      return [hop('HOLDS', 'out'), hop('TOOK_PART', 'out')];
    case 'Organization':
      return [hop('PART_OF', 'out'), hop('TOOK_PART', 'out')];
    case 'Place':
      return [hop('PART_OF', 'out')];
    case 'Event':
      return [hop('HELD_AT', 'out')];
    case 'Agreement':
      return [hop('PARTY_TO', 'in')];
    case 'Document':
      return [hop('PUBLISHED', 'in')];
    default:
      return [];
  }
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

async function nodeMap(store: GraphStore, ids: string[]): Promise<Map<string, NodeRecord>> {
  const unique = [...new Set(ids)];
  const nodes = await store.nodes(unique);
  return new Map(nodes.filter((n): n is NodeRecord => !!n).map((n) => [n.id, n]));
}

const unique = <T>(list: T[]) => [...new Set(list)];
const uniqueBy = <T>(list: T[], key: (t: T) => string) => [...new Map(list.map((t) => [key(t), t])).values()];
