import { Interner } from '../../interned.js';
import type { SearchDocument } from '../port.js';
import type { AnalyzedDocument } from '../tokenize.js';

/**
 * Search documents and their terms as the engine keeps them, their repeated strings shared through one
 * pool: every person of an organization lists its name, its titles and their segmentation parts, and
 * every call of the segmenter makes new copies of them.
 */
export class SharedEntries {
  private readonly pool = new Interner();

  document(doc: SearchDocument): SearchDocument {
    const { one, all } = this.pool;
    return {
      ...doc,
      type: one(doc.type) as SearchDocument['type'],
      titles: all(doc.titles),
      organizations: all(doc.organizations),
      organizationIds: all(doc.organizationIds),
      sources: all(doc.sources),
    };
  }

  terms(terms: AnalyzedDocument): AnalyzedDocument {
    const { one, all } = this.pool;
    return {
      names: all(terms.names),
      parts: all(terms.parts),
      pinyin: all(terms.pinyin),
      personal: all(terms.personal),
      readings: terms.readings.map((r) => ({ name: one(r.name), key: one(r.key), full: one(r.full), initials: one(r.initials) })),
      context: all(terms.context),
      spellings: terms.spellings.map((s) => ({ shown: one(s.shown), key: one(s.key) })),
      wholeContext: all(terms.wholeContext),
    };
  }
}
