import { createHash } from 'node:crypto';
import type { Subgraph } from '../graph/port.js';
import type { EdgeRecord, NodeRecord, RelType } from '../model/index.js';
import { edgeLabel } from './attributes.js';
import { isPublicBody } from './ftm-public-bodies.js';

/** A FollowTheMoney entity as its tools read it, one JSON object a line. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** The schema each label becomes; Role is a Position held through an Occupancy, so it has no entry here. */
const SCHEMAS = { Person: 'Person', Organization: 'Organization', Event: 'Event', Agreement: 'Contract', Place: 'Address', Document: 'Document' } as const;

/** Edges folded into properties of their ends (an organization's parent, a document's author…) rather than links. */
const FOLDED: readonly RelType[] = ['HOLDS', 'IN', 'HELD_AT', 'MENTIONS', 'AUTHORED', 'PHOTOGRAPHED', 'PUBLISHED'];
/** Participation kinds that make an organization or person an event's organizer (the others are `involved`). */
const ORGANIZING = ['HOST', 'ORGANIZER'];

/**
 * The graph as FollowTheMoney entities, for Aleph and OpenSanctions tools. Evidence quotes become
 * descriptions, source documents become Document entities referenced by `proof`, and every reference
 * points at an entity of the same export.
 */
export function toFtm(subgraph: Subgraph): FtmEntity[] {
  const nodes = new Map(subgraph.nodes.map((n) => [n.id, n]));
  const entities = new Map<string, FtmEntity>();
  // A document is its own source: FtM refuses an entity that refers to itself.
  const proof = (record: { id: string; sources: string[] }) => record.sources.filter((id) => id !== record.id && nodes.get(id)?.label === 'Document').map(ftmId);
  for (const node of subgraph.nodes) {
    if (node.label === 'Role') continue;
    const schema = node.label === 'Organization' && isPublicBody(node.name) ? 'PublicBody' : SCHEMAS[node.label];
    entities.set(node.id, { id: ftmId(node.id), schema, properties: clean({ name: [node.name], alias: node.aliases, proof: proof(node), ...ownProperties(node) }) });
  }
  const add = (id: string, property: string, values: string[]) => {
    const entity = entities.get(id);
    if (entity && values.length) entity.properties[property] = [...new Set([...(entity.properties[property] ?? []), ...values])];
  };
  const link = (id: string, schema: string, properties: Record<string, (string | null | undefined)[]>) => entities.set(id, { id: ftmId(id), schema, properties: clean(properties) });
  for (const edge of subgraph.edges) foldEdge(edge, nodes, add);
  for (const role of subgraph.nodes.filter((n) => n.label === 'Role')) addOccupancy(role, subgraph.edges, nodes, link, proof);
  for (const edge of subgraph.edges.filter((e) => !FOLDED.includes(e.type) && !isOrgParent(e, nodes))) {
    link(edge.id, 'UnknownLink', { subject: [ftmId(edge.from)], object: [ftmId(edge.to)], role: [edgeLabel(edge)], description: quotes(edge), proof: proof(edge) });
  }
  return [...entities.values()];
}

function ownProperties(node: NodeRecord): Record<string, (string | null | undefined)[]> {
  switch (node.label) {
    case 'Event':
      return { startDate: [node.startDate], endDate: [node.endDate], description: (node.figures ?? []).map((f) => `${f.label} ${f.value}${f.unit ?? ''}`) };
    case 'Agreement':
      return { title: [node.title ?? node.name], contractDate: [node.signedOn], description: quotes(node) };
    case 'Place':
      return { full: [node.name] };
    case 'Document':
      return { title: [node.title ?? node.name], publishedAt: [node.publishedAt], sourceUrl: [node.url], bodyText: [node.text] };
    default:
      return { description: quotes(node) };
  }
}

const isOrgParent = (edge: EdgeRecord, nodes: Map<string, NodeRecord>) =>
  edge.type === 'PART_OF' && nodes.get(edge.from)?.label === 'Organization' && nodes.get(edge.to)?.label === 'Organization';

/** Edges that are properties in FtM: where an event was held, a unit's parent, a document's bylines, who took part. */
function foldEdge(edge: EdgeRecord, nodes: Map<string, NodeRecord>, add: (id: string, property: string, values: string[]) => void) {
  const name = (id: string) => nodes.get(id)?.name ?? '';
  if (edge.type === 'HELD_AT') add(edge.from, 'addressEntity', [ftmId(edge.to)]);
  if (isOrgParent(edge, nodes)) add(edge.from, 'parent', [ftmId(edge.to)]);
  if (edge.type === 'AUTHORED' || edge.type === 'PHOTOGRAPHED') add(edge.to, 'author', [name(edge.from)]);
  if (edge.type === 'PUBLISHED') add(edge.to, 'publisher', [name(edge.from)]);
  if (edge.type === 'TOOK_PART') add(edge.to, ORGANIZING.includes(edge.kind ?? '') ? 'organizer' : 'involved', [ftmId(edge.from)]);
}

/** A role is FtM's Position (one per title in one organization) and the Occupancy of it by its holder. */
function addOccupancy(
  role: NodeRecord,
  edges: EdgeRecord[],
  nodes: Map<string, NodeRecord>,
  link: (id: string, schema: string, properties: Record<string, (string | null | undefined)[]>) => void,
  proof: (record: { id: string; sources: string[] }) => string[],
) {
  const holder = edges.find((e) => e.type === 'HOLDS' && e.to === role.id)?.from;
  const organization = edges.find((e) => e.type === 'IN' && e.from === role.id)?.to;
  const title = role.title ?? role.name;
  const position = `position-${createHash('sha256').update(`${organization ?? ''}\u0001${title}`).digest('hex').slice(0, 16)}`;
  const organizationName = organization ? (nodes.get(organization)?.name ?? '') : '';
  link(position, 'Position', { name: [`${organizationName}${title}`], organization: [organization && ftmId(organization)] });
  if (holder) link(role.id, 'Occupancy', { holder: [ftmId(holder)], post: [position], description: quotes(role), proof: proof(role) });
}

/** FtM ids are letters, digits, dots and dashes: tupu's `person_…` becomes `person-…`. */
export const ftmId = (id: string) => id.replaceAll('_', '-');

const quotes = (record: { evidence: { quote: string }[] }) => [...new Set(record.evidence.map((e) => e.quote))];

/** Drops empty values and properties: FtM has no null. */
function clean(properties: Record<string, (string | null | undefined)[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(properties)
      .map(([key, values]) => [key, values.filter((v): v is string => typeof v === 'string' && v !== '')] as const)
      .filter(([, values]) => values.length > 0),
  );
}
