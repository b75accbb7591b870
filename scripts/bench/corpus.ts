import * as OpenCC from 'opencc-js';
import type { FactsInput } from '../../src/model/facts.js';
import type { ParticipationKind } from '../../src/model/index.js';
import { AGREEMENT_KINDS, EVENT_KINDS, TOPICS } from './lexicons.js';
import { population, type Population } from './population.js';
import { addDays, int, isoDate, mulberry32, pick } from './random.js';

/**
 * The benchmark corpus: one news report per event, in the facts JSON format. At scale S it holds about
 * 1,000·S people, 200·S organizations (a third of them units), 100·S events, 2,000·S roles, 3,000·S
 * participations and 50·S agreements. Documents are generated one at a time from the seed, so a run at
 * S=100 holds the population (small records) but never the whole corpus.
 */
export const PER_EVENT = { people: 24, organizations: 6, agreements: 0.5 };

export function plannedCounts(scale: number) {
  return {
    documents: Math.round(100 * scale),
    people: Math.round(1000 * scale),
    organizations: Math.round(200 * scale),
    roles: Math.round(2000 * scale),
    participations: Math.round(3000 * scale),
    agreements: Math.round(50 * scale),
  };
}

// Some reports come from Taiwan or Hong Kong outlets: their names are in traditional script.
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const TRADITIONAL_SHARE = 0.05;

const PERSON_KINDS: ParticipationKind[] = ['CHAIR', 'SPEAKER', 'SPEAKER', 'SPEAKER', 'AWARD_PRESENTER', 'AWARD_RECIPIENT', 'AWARD_RECIPIENT'];
const ORGANIZATION_KINDS: ParticipationKind[] = ['HOST', 'ORGANIZER', 'LEAD', 'SUPPORTER', 'MEMBER', 'MEMBER'];

export function* corpus(scale: number, seed = 20201126): Generator<FactsInput> {
  const world = population(scale, seed);
  const { documents } = plannedCounts(scale);
  for (let e = 0; e < documents; e++) yield report(world, e, mulberry32(seed ^ Math.imul(e + 1, 0x9e3779b1)));
}

/** Every person is in at least one report: report e names people 10e…10e+9, then others at random. */
function chosenPeople(world: Population, e: number, random: () => number): number[] {
  const count = world.people.length;
  const chosen: number[] = [];
  const names = new Set<string>(); // a document may not name two different people the same
  for (let k = 0; chosen.length < PER_EVENT.people && k < PER_EVENT.people * 3; k++) {
    const i = k < 10 ? (e * 10 + k) % count : int(random, count);
    const name = world.people[i]!.name;
    if (!names.has(name)) chosen.push(i), names.add(name);
  }
  return chosen;
}

function report(world: Population, e: number, random: () => number): FactsInput {
  const { organizations: orgs, people } = world;
  const persons = chosenPeople(world, e, random);
  const agents = [...new Set(ORGANIZATION_KINDS.map(() => pick(random, world.topLevel)))];
  const host = orgs[agents[0]!]!;
  const declared = new Set<number>(agents);
  const declare = (o: number) => {
    for (let i: number | null = o; i !== null; i = orgs[i]!.parent) declared.add(i);
  };
  persons.forEach((p) => people[p]!.positions.forEach((pos) => declare(pos.organization)));

  const startDate = isoDate(random, 2015, 2024);
  const event = `${host.name}${startDate.slice(0, 4)}年${pick(random, TOPICS)}${pick(random, EVENT_KINDS)}`;
  const agreements = [];
  if (agents.length > 1 && random() < PER_EVENT.agreements) {
    const [a, b] = [orgs[agents[0]!]!.name, orgs[agents[1 + int(random, agents.length - 1)]!]!.name];
    agreements.push({ title: `${a}与${b}${pick(random, AGREEMENT_KINDS)}`, parties: [a, b], signedOn: startDate, event });
  }
  const facts: FactsInput = {
    document: { title: `${event}在${host.place}举行`, publishedAt: addDays(startDate, int(random, 3)), publisher: host.name },
    organizations: [...declared].map((o) => ({ name: orgs[o]!.name, parent: orgs[o]!.parent === null ? null : orgs[orgs[o]!.parent!]!.name })),
    people: persons.map((p) => ({
      name: people[p]!.name,
      positions: people[p]!.positions.map(({ title, organization }) => {
        const org = orgs[organization]!.name;
        return { title, organization: org, evidence: { quote: `${org}${title}${people[p]!.name}` } };
      }),
    })),
    events: [
      {
        name: event,
        startDate,
        endDate: addDays(startDate, int(random, 3)),
        place: host.place,
        participants: [
          ...persons.map((p, i) => ({ name: people[p]!.name, kind: PERSON_KINDS[i] ?? ('ATTENDEE' as const) })),
          ...agents.map((o, i) => ({ name: orgs[o]!.name, kind: ORGANIZATION_KINDS[i]! })),
        ],
        facts: [{ label: '参加人数', value: 50 + int(random, 2000), unit: '人' }],
      },
    ],
    agreements,
  };
  return random() < TRADITIONAL_SHARE ? (JSON.parse(toTraditional(JSON.stringify(facts))) as FactsInput) : facts;
}

/** Entities a document declares (people, organizations, events, agreements, roles, itself): what load rates count. */
export function entityCount(facts: FactsInput): number {
  const roles = (facts.people ?? []).reduce((n, p) => n + (p.positions?.length ?? 0), 0);
  return 1 + (facts.people ?? []).length + (facts.organizations ?? []).length + (facts.events ?? []).length + (facts.agreements ?? []).length + roles;
}
