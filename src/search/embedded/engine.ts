import type { Index } from 'flexsearch';
import { fingerprint } from '../documents.js';
import type { SearchDocument, SearchQuery, SearchResults } from '../port.js';
import { analyzeDocument, analyzeQuery, coverageWords, indexedWherever, learnNames, namePartsMemo, wholeTerms, type AnalyzedDocument, type AnalyzedQuery } from '../tokenize.js';
import { searchOffset, searchPage, type Candidate, type Candidates } from '../select.js';
import { COVERAGE_FIELDS, createFieldIndexes, fieldText, pinyinLookups, sameField, type Field } from './fields.js';
import { SharedEntries } from './interned.js';

interface Entry {
  doc: SearchDocument;
  /** Also what each field index holds for the document: a re-upsert touches only the fields that changed. */
  terms: AnalyzedDocument;
  fingerprint: string;
}

interface FieldList {
  ids: string[];
  /** The list reached the cap: the field holds more documents for the term. */
  cut: boolean;
}

export interface EngineLimits {
  /**
   * Most documents one field index gives for one term: the cap on a search's work (a broad word such as
   * 医院 is in thousands of documents). A list cut there leaves the total a lower bound.
   */
  candidatesPerTerm?: number;
}

/**
 * The in-process engine: FlexSearch inverted indexes, one per field (fields.ts), generate candidates;
 * rank.ts decides which candidates match and in what order.
 */
export class EmbeddedEngine {
  private readonly entries = new Map<string, Entry>();
  // Documents upserted while indexing is deferred (see `defer`), by id: the last version of each.
  private deferred: Map<string, SearchDocument> | null = null;
  private readonly shared = new SharedEntries();
  private readonly candidatesPerTerm: number;
  private readonly fields = createFieldIndexes();

  constructor({ candidatesPerTerm = 1000 }: EngineLimits = {}) {
    this.candidatesPerTerm = candidatesPerTerm;
  }

  /**
   * Until `flush`, upserts and removals only keep the last version of each document. Opening a store
   * replays every version a load wrote (each entity re-upserted as it gained relationships); indexed as
   * they come, each would be segmented and fingerprinted again and its changed fields removed from
   * FlexSearch. Deferred, each document is indexed once, after every name is in the dictionary.
   */
  defer(): this {
    this.deferred ??= new Map();
    return this;
  }

  /** Indexes what was deferred, and indexes as it comes from now on. */
  flush(): void {
    const deferred = this.deferred;
    if (!deferred) return;
    this.deferred = null;
    learnNames(namesOfAll(deferred.values()));
    const partsOf = namePartsMemo(); // the dictionary is fixed until the next learnNames
    // Each document leaves the deferred map once indexed: the raw and the kept copy are never all held twice.
    for (const [id, doc] of deferred) {
      this.index(doc, partsOf);
      deferred.delete(id);
    }
  }

  upsert(documents: readonly SearchDocument[]): void {
    if (this.deferred) {
      for (const doc of documents) this.deferred.set(doc.id, doc);
      return;
    }
    learnNames(namesOfAll(documents));
    const partsOf = namePartsMemo();
    for (const doc of documents) this.index(doc, partsOf);
  }

  private index(incoming: SearchDocument, partsOf: (text: string) => string[]): void {
    const doc = this.shared.document(incoming);
    const terms = this.shared.terms(analyzeDocument(doc, partsOf));
    const before = this.entries.get(doc.id)?.terms;
    for (const [field, index] of Object.entries(this.fields) as [Field, Index][]) {
      // A document is re-upserted each time an entity gains a relationship, mostly with the same terms:
      // FlexSearch's remove is the costly step of a large load, so an unchanged field is left alone.
      if (before && sameField(field, before, terms)) continue;
      if (before) index.remove(doc.id);
      index.add(doc.id, fieldText(field, terms));
    }
    this.entries.set(doc.id, { doc, terms, fingerprint: fingerprint(doc) });
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) {
      this.deferred?.delete(id);
      if (!this.entries.delete(id)) continue;
      for (const index of Object.values(this.fields)) index.remove(id);
    }
  }

  /** One page of matches of the query, best first (score, then shorter name, then id). */
  search({ query, types, first, after }: SearchQuery): SearchResults {
    if (after) searchOffset(after); // a bad cursor is the client's error, even for a query that finds nothing
    const q = analyzeQuery(query);
    if (!q.whole) return { total: 0, totalIsExact: true, hits: [], hasNextPage: false };
    return searchPage(this.candidates(q), q, { types, first, after });
  }

  /**
   * The documents the field indexes find for a query: generous, rank.ts decides which really match.
   * - A name, alias, prefix, pinyin, surname or given name can only match a document found by a whole
   *   reading of the query in the names, personal or pinyin indexes: those are `nameable`.
   * - Coverage needs every word of a reading in a document's name or context (`coverageLists`).
   */
  candidates(q: AnalyzedQuery): Candidates {
    this.flush();
    const found = new Set<string>();
    const nameable = new Set<string>();
    let [complete, nameablesComplete] = [true, true];
    const take = ({ ids, cut }: FieldList, names: boolean) => {
      complete &&= !cut;
      if (names) nameablesComplete &&= !cut;
      for (const id of ids) {
        found.add(id);
        if (names) nameable.add(id);
      }
    };
    // Surnames hold long lists (every 王): only whole readings are looked up there, as only they can match.
    for (const whole of wholeTerms(q)) for (const field of ['names', 'personal'] as const) take(this.list(field, whole), true);
    for (const key of q.pinyin ? pinyinLookups(q.pinyin) : []) take(this.list('pinyin', key), true);
    if (q.latin && q.pinyin) take(this.list('partPinyin', q.pinyin), true);
    const wordLists = new Map<string, FieldList[]>();
    for (const reading of [q, ...q.variants]) {
      if (reading.latin || !reading.words.length) continue; // rank.ts gives such a reading no coverage
      const lookUp = (word: string) => getOrAdd(wordLists, word, () => COVERAGE_FIELDS.map((field) => this.list(field, word)));
      for (const list of coverageLists(coverageWords(reading), lookUp)) take(list, false);
    }
    const candidates: Candidate[] = [];
    for (const id of found) candidates.push(this.entries.get(id)!);
    // Typed pinyin may match the pinyin of a name's Latin part, which no index holds: every candidate counts.
    return { candidates, complete, nameable: nameablesComplete && !q.latin ? nameable : null };
  }

  /** The documents one field index holds for a term, at most the cap. */
  private list(field: Field, term: string): FieldList {
    // FlexSearch 0.8 answers undefined, not [], for a term whose every document was removed.
    const ids = (this.fields[field].search(term, { limit: this.candidatesPerTerm }) ?? []).map(String);
    return { ids, cut: ids.length >= this.candidatesPerTerm };
  }

  fingerprints(): Map<string, string> {
    this.flush();
    return new Map([...this.entries].map(([id, e]) => [id, e.fingerprint]));
  }

  *documents(): Generator<SearchDocument> {
    this.flush();
    for (const entry of this.entries.values()) yield entry.doc;
  }
}

/** The names a document brings to the segmenter's dictionary. */
function* namesOfAll(documents: Iterable<SearchDocument>): Generator<string> {
  for (const d of documents) yield* [d.name, ...d.aliases, ...d.organizations, ...d.titles];
}

/**
 * The lists a reading is looked up by for coverage, which needs every word of the reading in a document.
 * Of the words every holder is indexed under (tokenize.ts `indexedWherever`), the rarest (fewest documents
 * in its names, parts and context lists) finds every document that can match: the lists of the other
 * words, thousands for a kind word such as 医院, would only add documents that lack it. So the cap bites
 * only when even the rarest word is broad; and then the words with fewer documents still come: a learned
 * name's or a long word's lists hold only some of its holders, but few, and the closest (the people of the
 * organization a query names in full). A reading without a word indexed wherever it stands is looked up
 * by all its words.
 */
function coverageLists(words: string[], lookUp: (word: string) => FieldList[]): FieldList[] {
  const sure = words.filter(indexedWherever);
  if (!sure.length) return words.flatMap(lookUp);
  const finder = sure.map(lookUp).reduce((best, lists) => (size(lists) < size(best) ? lists : best));
  const fewer = words.filter((word) => !sure.includes(word)).map(lookUp).filter((lists) => size(lists) < size(finder));
  return [...finder, ...fewer.flat()];
}

const size = (lists: FieldList[]) => lists.reduce((sum, list) => sum + list.ids.length, 0);

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

