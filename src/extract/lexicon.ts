import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The extractor's lexicons, kept as data files beside this module (one entry per whitespace-separated
 * word, `#` starts a comment line) and read once, when the module is first imported.
 */
function words(file: string): string[] {
  const path = fileURLToPath(new URL(`./lexicons/${file}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .flatMap((line) => line.split(/\s+/))
    .filter((word) => word.length > 0);
}

/** `主任+` stands for 主任, 副主任 and 常务副主任: the deputy forms every such title has. */
function expandTitles(entries: string[]): string[] {
  return entries.flatMap((entry) => {
    if (!entry.endsWith('+')) return [entry];
    const title = entry.slice(0, -1);
    return [title, `副${title}`, `常务副${title}`, `执行${title}`];
  });
}

/** Lines of `full alias alias…`: each alias mapped to its full name (and the full name to itself). */
function aliasTable(file: string): Map<string, string> {
  const path = fileURLToPath(new URL(`./lexicons/${file}`, import.meta.url));
  const table = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trimStart().startsWith('#')) continue;
    const [full, ...aliases] = line.split(/\s+/).filter(Boolean);
    if (!full) continue;
    for (const alias of [full, ...aliases]) table.set(alias, full);
  }
  return table;
}

export interface Lexicon {
  titles: Set<string>;
  ranks: Set<string>;
  orgSuffixes: Set<string>;
  unitSuffixes: Set<string>;
  surnames: Set<string>;
  places: Set<string>;
  nameFollowers: Set<string>;
  delimiters: Set<string>;
  /** Short or full form of a national organization → its full name. */
  orgAliases: Map<string, string>;
}

function load(): Lexicon {
  const sets = {
    titles: new Set(expandTitles(words('titles.txt'))),
    ranks: new Set(words('ranks.txt')),
    orgSuffixes: new Set(words('org-suffixes.txt')),
    unitSuffixes: new Set(words('unit-suffixes.txt')),
    surnames: new Set(words('surnames.txt')),
    places: new Set(words('places.txt')),
    nameFollowers: new Set(words('name-followers.txt')),
    delimiters: new Set(words('delimiters.txt')),
  };
  return { ...sets, orgAliases: aliasTable('org-aliases.txt') };
}

export const lexicon: Lexicon = load();

// The length of each set's longest word bounds its scans: a surname scan tries 2 characters, not 15.
// (The extractor's hottest path, measured by scripts/bench.)
const longestWords = new Map<Set<string>, number>();
function longestIn(set: Set<string>): number {
  let longest = longestWords.get(set);
  if (longest === undefined) longestWords.set(set, (longest = Math.max(0, ...[...set].map((w) => w.length))));
  return longest;
}

/** The longest word of `set` that starts at `at` in `text`, or null. */
export function wordAt(set: Set<string>, text: string, at: number, maxLength = Infinity): string | null {
  for (let len = Math.min(maxLength, longestIn(set), text.length - at); len > 0; len--) {
    const word = text.slice(at, at + len);
    if (set.has(word)) return word;
  }
  return null;
}

/** The longest word of `set` that ends at `end` in `text`, or null. */
export function wordEndingAt(set: Set<string>, text: string, end: number, maxLength = Infinity): string | null {
  for (let len = Math.min(maxLength, longestIn(set), end); len > 0; len--) {
    const word = text.slice(end - len, end);
    if (set.has(word)) return word;
  }
  return null;
}
