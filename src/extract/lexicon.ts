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
  nationalTitles: Set<string>;
  notNames: Set<string>;
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
    nationalTitles: new Set(words('national-titles.txt')),
    notNames: new Set(words('not-names.txt')),
    delimiters: new Set(words('delimiters.txt')),
  };
  return { ...sets, orgAliases: aliasTable('org-aliases.txt') };
}

export const lexicon: Lexicon = load();

/** For each character, the length of the longest word of a set that starts (or ends) with it. */
interface Reach {
  byFirst: Map<string, number>;
  byLast: Map<string, number>;
}

// Most positions of an article start (or end) no word of a set: one map lookup rejects them before any
// substring is cut. (The extractor's hottest path, measured by scripts/bench.)
const reaches = new Map<Set<string>, Reach>();
let last: { set: Set<string>; reach: Reach } | null = null; // scans call with one set many times in a row
function reachOf(set: Set<string>): Reach {
  if (last?.set === set) return last.reach;
  let reach = reaches.get(set);
  if (reach) {
    last = { set, reach };
    return reach;
  }
  reach = { byFirst: new Map(), byLast: new Map() };
  for (const word of set) {
    const [first, last] = [word[0]!, word[word.length - 1]!];
    reach.byFirst.set(first, Math.max(reach.byFirst.get(first) ?? 0, word.length));
    reach.byLast.set(last, Math.max(reach.byLast.get(last) ?? 0, word.length));
  }
  reaches.set(set, reach);
  return reach;
}

/** The longest word of `set` that starts at `at` in `text`, or null. */
export function wordAt(set: Set<string>, text: string, at: number, maxLength = Infinity): string | null {
  const reach = reachOf(set).byFirst.get(text[at] ?? '') ?? 0;
  for (let len = Math.min(maxLength, reach, text.length - at); len > 0; len--) {
    const word = text.slice(at, at + len);
    if (set.has(word)) return word;
  }
  return null;
}

/** The longest word of `set` that ends at `end` in `text`, or null. */
export function wordEndingAt(set: Set<string>, text: string, end: number, maxLength = Infinity): string | null {
  const reach = reachOf(set).byLast.get(text[end - 1] ?? '') ?? 0;
  for (let len = Math.min(maxLength, reach, end); len > 0; len--) {
    const word = text.slice(end - len, end);
    if (set.has(word)) return word;
  }
  return null;
}
