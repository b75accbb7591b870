import { z } from 'zod';
import { PARTICIPATION_KINDS, type ParticipationKind } from './index.js';
import { isIsoDate } from './values/date.js';

/**
 * The facts JSON format: what `tupu extract` prints and what `seeds/*.facts.json` hold. Names are written
 * as the article writes them; references between sections (a position's organization, a participant, a
 * party) are by name or alias and are checked by `checkReferences` after the shape is valid.
 */
const name = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD');
const optionalDate = isoDate.nullable().optional().default(null);
const names = z.array(name).default([]);

export const evidenceSchema = z.strictObject({
  quote: name,
  offset: z.number().int().nonnegative().nullable().optional().default(null),
});

const evidenceList = z.array(evidenceSchema).default([]);

export const positionSchema = z.strictObject({
  title: name,
  organization: name,
  evidence: evidenceSchema,
});

export const personSchema = z.strictObject({
  name,
  aliases: names,
  positions: z.array(positionSchema).default([]),
  /** Where the name (or an alias) appears; every alias should have a quote here. */
  evidence: evidenceList,
});

export const organizationSchema = z.strictObject({
  name,
  parent: name.nullable().optional().default(null),
  aliases: names,
  evidence: evidenceList,
});

export const placeSchema = z.strictObject({
  name,
  parent: name.nullable().optional().default(null),
  aliases: names,
  evidence: evidenceList,
});

export const participantSchema = z.strictObject({
  name,
  kind: z.enum(PARTICIPATION_KINDS as [ParticipationKind, ...ParticipationKind[]]),
  evidence: evidenceList,
});

export const figureSchema = z.strictObject({
  label: name,
  value: z.number().finite(),
  unit: z.string().nullable().optional().default(null),
  evidence: evidenceList,
});

export const eventSchema = z.strictObject({
  name,
  aliases: names,
  startDate: optionalDate,
  endDate: optionalDate,
  place: name.nullable().optional().default(null),
  /** The name of a larger event this one belongs to, or that it follows up. */
  partOf: name.nullable().optional().default(null),
  followsUp: name.nullable().optional().default(null),
  participants: z.array(participantSchema).default([]),
  facts: z.array(figureSchema).default([]),
  evidence: evidenceList,
});

export const agreementSchema = z.strictObject({
  title: name,
  aliases: names,
  parties: z.array(name).min(1, 'an agreement has at least one party'),
  signedOn: optionalDate,
  /** The event at which it was signed or announced. */
  event: name.nullable().optional().default(null),
  evidence: evidenceList,
});

export const documentSchema = z.strictObject({
  title: name,
  publishedAt: optionalDate,
  url: z.string().url().nullable().optional().default(null),
  publisher: name.nullable().optional().default(null),
  section: z.string().nullable().optional().default(null),
  authors: names,
  photographers: names,
  /** The article's text file, relative to the facts file; its text becomes Document.text. */
  source: z.string().nullable().optional().default(null),
});

export const factsSchema = z.strictObject({
  document: documentSchema,
  people: z.array(personSchema).default([]),
  organizations: z.array(organizationSchema).default([]),
  places: z.array(placeSchema).default([]),
  events: z.array(eventSchema).default([]),
  agreements: z.array(agreementSchema).default([]),
});

export type Facts = z.output<typeof factsSchema>;
export type FactsInput = z.input<typeof factsSchema>;
export type PersonFacts = Facts['people'][number];
export type OrganizationFacts = Facts['organizations'][number];
export type PlaceFacts = Facts['places'][number];
export type EventFacts = Facts['events'][number];
export type AgreementFacts = Facts['agreements'][number];
export type EvidenceFacts = z.output<typeof evidenceSchema>;
