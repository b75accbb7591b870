import type { EnqueuedTask, Index, Settings } from 'meilisearch';
import type { SearchDocument } from '../port.js';
import { learnNames } from '../tokenize.js';
import { dictionaryWords, mergeDictionary, mergeSynonyms, synonymsOf } from './settings.js';

// A process that only searches learns the names others indexed, from the dictionary, at most this often.
const REFRESH_MS = 60_000;

/**
 * The entity names the index keeps whole (its `dictionary` setting) and the aliases it links to names (its
 * `synonyms`), and nodejieba's user dictionary in this process kept in step with them: queries must be cut
 * by the same names the documents were cut by, whichever process indexed them.
 */
export class Vocabulary {
  private readonly words = new Set<string>();
  private synonyms: Record<string, string[]> = {};
  private fetchedAt = -Infinity;
  // Each settings update replaces the whole dictionary: this process's updates go one at a time.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly index: Index,
    private readonly settle: (task: Promise<EnqueuedTask>) => Promise<void>,
  ) {}

  /** What the index holds, as read from its settings. */
  remember(words: readonly string[] | null | undefined, synonyms?: Record<string, string[]> | null): void {
    learnNames(words ?? []);
    for (const word of words ?? []) this.words.add(word);
    if (synonyms) this.synonyms = synonyms;
    this.fetchedAt = Date.now();
  }

  /** Adds the documents' names to the dictionary and their aliases to the synonyms, in one settings task. */
  extend(documents: readonly SearchDocument[]): Promise<void> {
    learnNames(documents.flatMap((d) => [d.name, ...d.aliases, ...d.organizations, ...d.titles]));
    const [words, synonyms] = [dictionaryWords(documents), synonymsOf(documents)];
    const next = this.queue.then(() => this.add(words, synonyms));
    this.queue = next.catch(() => {});
    return next;
  }

  /** Best effort: a search-only key cannot read settings, and then queries are cut without those names. */
  async refresh(): Promise<void> {
    if (Date.now() - this.fetchedAt < REFRESH_MS) return;
    this.fetchedAt = Date.now();
    try {
      this.remember(await this.index.getDictionary());
    } catch {
      // the search that follows reports an unreachable service; a missing index or permission is no error here
    }
  }

  private async add(words: string[], synonyms: Record<string, string[]>): Promise<void> {
    if (words.every((w) => this.words.has(w)) && !mergeSynonyms(this.synonyms, synonyms)) return;
    const current = await this.index.getSettings(); // another process may have extended them meanwhile
    const update: Settings = {};
    const dictionary = mergeDictionary(current.dictionary, words);
    const merged = mergeSynonyms(current.synonyms, synonyms);
    if (dictionary) update.dictionary = dictionary;
    if (merged) update.synonyms = merged;
    if (dictionary || merged) await this.settle(this.index.updateSettings(update));
    this.remember(dictionary ?? current.dictionary, merged ?? current.synonyms);
  }
}
