import { mulberry32, int, pick, weighted, type Random } from './random.js';
import { CITIES, COMMON_NAMES, COMMON_TITLES, DISTRICTS, GIVEN, KINDS, SURNAMES, UNITS, UNIT_TITLES } from './lexicons.js';

/**
 * The people and organizations a corpus talks about, drawn once per run. They are small records (about
 * 200 bytes each, 120,000 at S=100); the documents that mention them are generated lazily in corpus.ts.
 */
export interface Organization {
  name: string;
  /** Index of the parent organization, for units. */
  parent: number | null;
  place: string;
  titles: readonly string[];
}

export interface Person {
  name: string;
  positions: { title: string; organization: number }[];
}

export interface Population {
  organizations: Organization[];
  /** Indexes of the organizations that are not units. */
  topLevel: number[];
  people: Person[];
}

const surname = weighted(SURNAMES);

function personName(random: Random): string {
  if (random() < 0.05) return pick(random, COMMON_NAMES);
  const given = random() < 0.7 ? pick(random, GIVEN) + pick(random, GIVEN) : pick(random, GIVEN);
  return surname(random) + given;
}

function place(random: Random): string {
  const city = pick(random, CITIES);
  return random() < 0.6 ? city : city + pick(random, DISTRICTS);
}

/** A county-level place (井冈山云安县): drawn only once a kind's usual places are used up, past S≈100. */
function county(random: Random): string {
  return pick(random, CITIES) + pick(random, GIVEN) + pick(random, GIVEN) + '县';
}

/**
 * Distinct names drawn until one is new: collisions become rare quickly, so a few tries suffice. Only when
 * they do not does `wider` draw from a larger space, so that corpora up to S=100 stay exactly as they were.
 */
function fresh(seen: Set<string>, draw: () => string, wider: () => string = draw): string {
  for (let i = 0; i < 100; i++) {
    const name = i < 50 ? draw() : wider();
    if (!seen.has(name)) return seen.add(name), name;
  }
  throw new Error('the lexicons are too small for this scale');
}

function organizations(random: Random, count: number): Pick<Population, 'organizations' | 'topLevel'> {
  const seen = new Set<string>();
  const all: Organization[] = [];
  const topLevel: number[] = [];
  const tops = Math.ceil(count * 0.7); // the rest are units (科普部, 办公室…) of those
  for (let i = 0; i < tops; i++) {
    const kind = pick(random, KINDS);
    let where = '';
    const named = (at: () => string) => () => (where = at()) + pick(random, kind.fields) + kind.kind;
    const name = fresh(seen, named(() => place(random)), named(() => county(random)));
    topLevel.push(all.length);
    all.push({ name, parent: null, place: where, titles: [...kind.titles, ...COMMON_TITLES] });
  }
  while (all.length < count) {
    const parent = pick(random, topLevel);
    const p = all[parent]!;
    const name = fresh(seen, () => p.name + pick(random, UNITS));
    all.push({ name, parent, place: p.place, titles: UNIT_TITLES });
  }
  return { organizations: all, topLevel };
}

/**
 * People with one to three positions (two on average), in one organization and often a unit of it.
 * Name and organization together are unique, else the resolver would rightly merge two such people.
 */
function people(random: Random, count: number, orgs: Organization[]): Person[] {
  const taken = new Set<string>();
  const list: Person[] = [];
  for (let i = 0; i < count; i++) {
    const home = int(random, orgs.length);
    const n = 1 + int(random, 2) + (random() < 0.5 ? 1 : 0);
    const places = [home];
    const parent = orgs[home]!.parent;
    if (n > 1) places.push(parent ?? home);
    if (n > 2) places.push(int(random, orgs.length));
    let name = personName(random);
    for (let tries = 0; places.some((o) => taken.has(`${name}|${o}`)); tries++) name = personName(random);
    places.forEach((o) => taken.add(`${name}|${o}`));
    const positions: Person['positions'] = [];
    for (const organization of places) {
      const title = pick(random, orgs[organization]!.titles);
      if (!positions.some((p) => p.organization === organization && p.title === title)) positions.push({ title, organization });
    }
    list.push({ name, positions });
  }
  return list;
}

export function population(scale: number, seed: number): Population {
  const random = mulberry32(seed);
  const orgs = organizations(random, Math.round(200 * scale));
  return { ...orgs, people: people(random, Math.round(1000 * scale), orgs.organizations) };
}
