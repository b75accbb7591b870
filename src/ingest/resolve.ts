import type { EvidenceFacts, Facts, PersonFacts } from '../model/facts.js';
import type { GraphStore } from '../graph/port.js';
import { edgeId, nodeId } from '../model/ids.js';
import type { EdgeRecord, EntityLabel, Evidence, GraphChanges, NodeRecord, ParticipationKind, RelType } from '../model/index.js';
import { mergeEdge, mergeNode } from '../model/merge.js';
import { normalizeName, simplify } from '../model/values/name.js';
import { isHomophoneVariant } from '../model/values/pinyin.js';

export interface Resolved {
  changes: GraphChanges;
  documentId: string;
  /** Stored entities this document names differently and merged into (by an alias or a homophone variant). */
  merged: string[];
}

/**
 * Turns one validated facts document into graph changes, resolving each entity against the store:
 * organizations, places, events and agreements by name or alias; a person by name or alias when they
 * share an organization, or by a one-character homophone variant holding the same title in the same
 * organization (李建文 → 李健文, kept as an alias). Anyone else gets a new id derived from their name and
 * first organization, so the same input always gives the same ids.
 */
export async function resolveFacts(store: GraphStore, facts: Facts, text: string | null): Promise<Resolved> {
  const r = new Resolution(store, facts);
  await r.run(text);
  return { changes: r.changes(), documentId: r.documentId, merged: [...r.merged] };
}

/**
 * The name an entity is stored under and its aliases: a stored entity keeps its name; a new one is named
 * in simplified script. Every other spelling the article uses (traditional, variant) becomes an alias.
 */
function canonical(stored: NodeRecord | undefined, name: string, aliases: readonly string[]): { name: string; aliases: string[] } {
  const kept = stored?.name ?? simplify(name);
  return { name: kept, aliases: [...new Set([name, ...aliases])].filter((a) => a !== kept) };
}

class Resolution {
  readonly documentId: string;
  readonly merged = new Set<string>();
  private readonly nodes = new Map<string, NodeRecord>();
  private readonly edges = new Map<string, EdgeRecord>();
  private readonly ids = new Map<string, string[]>(); // `${label}:${normalised name}` → ids in this document

  constructor(
    private readonly store: GraphStore,
    private readonly facts: Facts,
  ) {
    const d = facts.document;
    this.documentId = nodeId('Document', d.url ?? `${d.title}\u0001${d.publishedAt ?? ''}`);
  }

  changes(): GraphChanges {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }

  async run(text: string | null): Promise<void> {
    const { facts } = this;
    const d = facts.document;
    this.put({ id: this.documentId, label: 'Document', name: d.title, title: d.title, publishedAt: d.publishedAt, url: d.url, section: d.section, text });
    const named = <T extends { aliases: string[]; evidence: EvidenceFacts[] }>(
      label: EntityLabel,
      items: readonly T[],
      nameOf: (item: T) => string,
      extra: (item: T) => Partial<NodeRecord> = () => ({}),
    ) =>
      this.each(
        items,
        (item) => this.findNamed(label, nameOf(item), item.aliases, items, extra(item).startDate ?? null),
        (item, found) => this.recordNamed(label, nameOf(item), item.aliases, item.evidence, found, extra(item)),
      );
    await named('Organization', facts.organizations, (o) => o.name);
    await named('Place', facts.places, (p) => p.name);
    await named('Event', facts.events, (e) => e.name, (e) => ({
      startDate: e.startDate,
      endDate: e.endDate,
      figures: e.facts.map((f) => ({ label: f.label, value: f.value, unit: f.unit, evidence: this.evidence(f.evidence) })),
    }));
    await named('Agreement', facts.agreements, (a) => a.title, (a) => ({ title: simplify(a.title), signedOn: a.signedOn }));
    await this.each(facts.people, (person) => this.findPerson(person), (person, existing) => this.recordPerson(person, existing));
    this.structure();
    await this.bylines();
  }

  /**
   * Looks every item up in the store at once (one round trip's wait for all of them, not one each), then
   * records them in the input order, so ids and aliases come out the same whatever answers first.
   */
  private async each<T, F>(items: readonly T[], lookup: (item: T) => Promise<F>, record: (item: T, found: F) => void): Promise<void> {
    const found = await Promise.all(items.map(lookup));
    items.forEach((item, i) => record(item, found[i]!));
  }

  /** A stored entity of this name, else of an alias no other entity here shares (events: same start date). */
  private async findNamed(
    label: EntityLabel,
    name: string,
    aliases: string[],
    siblings: readonly { aliases: string[] }[],
    startDate: string | null,
  ): Promise<NodeRecord | undefined> {
    const shared = (alias: string) => siblings.filter((s) => s.aliases.some((a) => normalizeName(a) === normalizeName(alias))).length > 1;
    const keys = [name, ...aliases.filter((a) => !shared(a))];
    const found = (await Promise.all(keys.map((key) => this.store.findByName(label, key)))).flat();
    return this.ownFirst(found.filter((n) => label !== 'Event' || n.startDate === startDate), name)[0];
  }

  /**
   * Candidates this document already resolved to (it was loaded before) first — of those, one it named
   * exactly so first — otherwise in the order given: loading a document again then resolves every name as
   * the first time did, even if documents loaded since offer a better match, so a second load changes nothing.
   */
  private ownFirst(candidates: NodeRecord[], name?: string): NodeRecord[] {
    const rank = (n: NodeRecord) =>
      !n.sources.includes(this.documentId) ? 2 : name !== undefined && normalizeName(n.name) === normalizeName(name) ? 0 : 1;
    return candidates.map((n, i) => ({ n, i, r: rank(n) })).sort((a, b) => a.r - b.r || a.i - b.i).map(({ n }) => n);
  }

  private recordNamed(
    label: EntityLabel,
    name: string,
    aliases: string[],
    evidence: EvidenceFacts[],
    found: NodeRecord | undefined,
    extra: Partial<NodeRecord> = {},
  ): string {
    if (found && normalizeName(found.name) !== normalizeName(name)) this.merged.add(found.id);
    const id = found?.id ?? nodeId(label, name, ...(label === 'Event' ? [extra.startDate ?? ''] : []));
    this.put({ id, label, ...canonical(found, name, aliases), evidence: this.evidence(evidence), ...extra });
    this.remember(label, [name, ...aliases], id);
    return id;
  }

  /** The stored person this one is, if any: same name in a shared organization, or a homophone variant. */
  private async findPerson(person: PersonFacts): Promise<NodeRecord | undefined> {
    const orgIds = person.positions.map((p) => this.one('Organization', p.organization));
    return (await this.sameNamed(person, orgIds)) ?? (await this.homophone(person, orgIds));
  }

  private recordPerson(person: PersonFacts, existing: NodeRecord | undefined): void {
    const orgIds = person.positions.map((p) => this.one('Organization', p.organization));
    const context = orgIds.length ? orgIds : [this.publisherId() ?? this.documentId];
    const id = existing?.id ?? nodeId('Person', person.name, context[0]!);
    if (existing && normalizeName(existing.name) !== normalizeName(person.name)) this.merged.add(id);
    this.put({ id, label: 'Person', ...canonical(existing, person.name, person.aliases), evidence: this.evidence(person.evidence) });
    this.remember('Person', [person.name, ...person.aliases], id);
    person.positions.forEach((p, i) => {
      // A title is stored simplified (副館長 is the 副馆长 role); the evidence keeps the article's words.
      const title = simplify(p.title);
      const roleId = nodeId('Role', id, title, orgIds[i]!);
      this.put({ id: roleId, label: 'Role', name: title, title, evidence: this.evidence([p.evidence]) });
      this.link('HOLDS', id, roleId, [p.evidence]);
      this.link('IN', roleId, orgIds[i]!, [p.evidence]);
    });
  }

  /**
   * A stored person of the same name or alias tied to one of these organizations or their parents: by a
   * role there, or by a byline of a document it published (the author of a 北京天文馆 page is the 李珺 of
   * 北京天文馆宣传部 in a later one).
   */
  private async sameNamed(person: PersonFacts, orgIds: string[]): Promise<NodeRecord | undefined> {
    if (!orgIds.length) return undefined; // no organization, no evidence linking them to anyone stored
    const found = (await Promise.all([person.name, ...person.aliases].map((n) => this.store.findByName('Person', n)))).flat();
    if (!found.length) return undefined;
    const candidates = this.ownFirst(found, person.name);
    const ours = new Set([...orgIds, ...this.parentsHere(orgIds)]);
    const theirs = await this.organizationsOf(candidates.map((p) => p.id));
    return candidates.find((_, i) => [...theirs[i]!].some((o) => ours.has(o)));
  }

  /** The parents this document declares for its organizations. */
  private parentsHere(orgIds: string[]): string[] {
    const parents = this.facts.organizations.filter((o) => o.parent).map((o) => [this.one('Organization', o.name), this.one('Organization', o.parent!)] as const);
    return parents.filter(([unit]) => orgIds.includes(unit)).map(([, parent]) => parent);
  }

  /** A stored person whose name is a homophone variant and who holds the same title in the same organization. */
  private async homophone(person: PersonFacts, orgIds: string[]): Promise<NodeRecord | undefined> {
    const roleEdges = (await this.store.edges(orgIds.map((node) => ({ node, type: 'IN' as const, direction: 'in' as const })))).flat();
    const roles = (await this.store.nodes(roleEdges.map((e) => e.from))).filter((role) =>
      person.positions.some((p) => role?.title === p.title),
    );
    const holders = (await this.store.edges(roles.map((role) => ({ node: role!.id, type: 'HOLDS' as const, direction: 'in' as const })))).flat();
    const people = this.ownFirst((await this.store.nodes(holders.map((e) => e.from))).filter((p): p is NodeRecord => !!p), person.name);
    return people.find((p) => [person.name, ...person.aliases].some((n) => isHomophoneVariant(n, p.name)));
  }

  /**
   * For each person, the organizations they are tied to, with those organizations' parents: where they hold
   * a role, and the publishers of the documents they wrote or photographed.
   */
  private async organizationsOf(personIds: string[]): Promise<Set<string>[]> {
    const out = (type: 'HOLDS' | 'AUTHORED' | 'PHOTOGRAPHED') => this.store.edges(personIds.map((node) => ({ node, type, direction: 'out' as const })));
    const [holds, authored, photographed] = await Promise.all([out('HOLDS'), out('AUTHORED'), out('PHOTOGRAPHED')]);
    const roles = [...new Set(holds.flat().map((e) => e.to))];
    const documents = [...new Set([...authored.flat(), ...photographed.flat()].map((e) => e.to))];
    const ins = await this.store.edges(roles.map((node) => ({ node, type: 'IN' as const, direction: 'out' as const })));
    const publishers = await this.store.edges(documents.map((node) => ({ node, type: 'PUBLISHED' as const, direction: 'in' as const })));
    const orgsOf = new Map<string, string[]>([
      ...roles.map((role, i) => [role, ins[i]!.map((e) => e.to)] as const),
      ...documents.map((doc, i) => [doc, publishers[i]!.map((e) => e.from)] as const),
    ]);
    const direct = personIds.map((_, i) => [...holds[i]!, ...authored[i]!, ...photographed[i]!].flatMap((e) => orgsOf.get(e.to) ?? []));
    const all = [...new Set(direct.flat())];
    const parents = await this.store.edges(all.map((node) => ({ node, type: 'PART_OF' as const, direction: 'out' as const })));
    const parentOf = new Map(all.map((org, i) => [org, parents[i]!.map((e) => e.to)]));
    return direct.map((orgs) => new Set([...orgs, ...orgs.flatMap((o) => parentOf.get(o) ?? [])]));
  }

  /** Units, places, events' places and links, participations, agreements: edges between resolved ids. */
  private structure(): void {
    const { facts } = this;
    for (const org of facts.organizations) if (org.parent) this.link('PART_OF', this.one('Organization', org.name), this.one('Organization', org.parent), org.evidence);
    for (const place of facts.places) if (place.parent) this.link('PART_OF', this.one('Place', place.name), this.one('Place', place.parent), place.evidence);
    for (const event of facts.events) {
      const id = this.one('Event', event.name);
      if (event.place) this.link('HELD_AT', id, this.placeId(event.place), event.evidence);
      if (event.partOf) this.link('PART_OF', id, this.one('Event', event.partOf), event.evidence);
      if (event.followsUp) this.link('FOLLOWS_UP', id, this.one('Event', event.followsUp), event.evidence);
      for (const p of event.participants) {
        const agents = this.ids.get(`Person:${normalizeName(p.name)}`) ?? this.ids.get(`Organization:${normalizeName(p.name)}`) ?? [];
        for (const agent of agents) this.link('TOOK_PART', agent, id, p.evidence, p.kind);
      }
    }
    for (const a of facts.agreements) {
      const id = this.one('Agreement', a.title);
      for (const party of a.parties) this.link('PARTY_TO', this.one('Organization', party), id, a.evidence);
      if (a.event) this.link('SIGNED_AT', id, this.one('Event', a.event), a.evidence);
    }
    for (const node of [...this.nodes.values()]) {
      if (node.label !== 'Document' && node.label !== 'Role') this.link('MENTIONS', this.documentId, node.id, []);
    }
  }

  /** Authors and photographers are people of this document, or new people affiliated with its publisher. */
  private async bylines(): Promise<void> {
    const d = this.facts.document;
    const declared = d.publisher ? this.ids.get(`Organization:${normalizeName(d.publisher)}`)?.[0] : undefined;
    const publisher = d.publisher
      ? (declared ?? this.recordNamed('Organization', d.publisher, [], [], await this.findNamed('Organization', d.publisher, [], [], null)))
      : null;
    if (publisher) this.link('PUBLISHED', publisher, this.documentId, []);
    for (const [type, names] of [['AUTHORED', d.authors], ['PHOTOGRAPHED', d.photographers]] as const) {
      for (const name of names) {
        // A byline's organization is the publisher: the same name tied to it is the person already stored.
        if (!this.ids.has(`Person:${normalizeName(name)}`)) {
          const person = { name, aliases: [], positions: [], evidence: [] };
          this.recordPerson(person, await this.sameNamed(person, publisher ? [publisher] : []));
        }
        this.link(type, this.one('Person', name), this.documentId, []);
      }
    }
  }

  private publisherId(): string | null {
    const name = this.facts.document.publisher;
    return name ? (this.ids.get(`Organization:${normalizeName(name)}`)?.[0] ?? nodeId('Organization', name)) : null;
  }

  /** A place named by an event: declared in `places`, or created from the name alone. */
  private placeId(name: string): string {
    const known = this.ids.get(`Place:${normalizeName(name)}`)?.[0];
    if (known) return known;
    const id = nodeId('Place', name);
    this.put({ id, label: 'Place', name });
    this.remember('Place', [name], id);
    return id;
  }

  private one(label: EntityLabel, name: string): string {
    const id = this.ids.get(`${label}:${normalizeName(name)}`)?.[0];
    if (!id) throw new Error(`unresolved ${label} "${name}" (references are checked before resolution)`);
    return id;
  }

  private remember(label: EntityLabel, names: string[], id: string): void {
    for (const name of names) {
      const key = `${label}:${normalizeName(name)}`;
      const ids = this.ids.get(key) ?? [];
      if (!ids.includes(id)) this.ids.set(key, [...ids, id]);
    }
  }

  private evidence(list: readonly EvidenceFacts[]): Evidence[] {
    return list.map((e) => ({ document: this.documentId, quote: e.quote, offset: e.offset }));
  }

  private put(partial: Partial<NodeRecord> & Pick<NodeRecord, 'id' | 'label' | 'name'>): void {
    const record: NodeRecord = { aliases: [], evidence: [], ...partial, sources: [this.documentId] };
    record.aliases = record.aliases.filter((a) => a !== record.name);
    this.nodes.set(record.id, mergeNode(this.nodes.get(record.id), record));
  }

  private link(type: RelType, from: string, to: string, evidence: readonly EvidenceFacts[], kind: ParticipationKind | null = null): void {
    const id = edgeId(type, from, to, kind);
    const edge: EdgeRecord = { id, type, from, to, kind, sources: [this.documentId], evidence: this.evidence(evidence) };
    this.edges.set(id, mergeEdge(this.edges.get(id), edge));
  }
}
