import type { PlaceFacts } from '../../model/facts.js';
import { lexicon, wordAt } from '../lexicon.js';
import { evidence } from './evidence.js';
import { normalise, type Article } from './normalise.js';

/** Administrative suffixes a place name at the head of a longer one ends with: 江西省|井冈山市. */
const DIVISION = /^(?:省|市|自治区|特别行政区|自治州|地区|盟|县|区)/;

/**
 * The length of the division a place name begins with, when the name holds two levels (江西省井冈山市 →
 * 3, for 江西省 + 井冈山市); null for a single level (井冈山市, 北京天文馆).
 */
function parentLength(simplified: string): number | null {
  const head = wordAt(lexicon.places, simplified, 0);
  if (!head || head.length === 1) return null;
  const division = DIVISION.exec(simplified.slice(head.length));
  if (!division) return null;
  const length = head.length + division[0].length;
  return simplified.length - length >= 2 ? length : null;
}

/**
 * The places the events are held at, each once: a two-level name is declared with its parent, and the
 * lower level alone is an alias (江西省井冈山市: parent 江西省, alias 井冈山市), so a later article's
 * 井冈山市 finds the same place. Organizations the article names (北京天文馆) are places too when an
 * event is held there: a Place node is where, an Organization node is who.
 */
export function placeList(article: Article, names: readonly (string | null)[]): PlaceFacts[] {
  const byName = new Map<string, PlaceFacts>();
  const add = (name: string, parent: string | null, aliases: string[]): void => {
    if (byName.has(name)) return;
    const simplified = normalise(name).text;
    const at = article.text.indexOf(simplified);
    byName.set(name, { name, parent, aliases, evidence: at >= 0 ? [evidence(article, at, at + name.length)] : [] });
  };
  for (const name of names) {
    if (!name) continue;
    const cut = parentLength(normalise(name).text);
    if (cut === null) add(name, null, []);
    else {
      add(name, name.slice(0, cut), [name.slice(cut)]);
      add(name.slice(0, cut), null, []);
    }
  }
  return [...byName.values()];
}
