import { normalizeName } from '../../model/values/name.js';
import { lexicon, wordEndingAt } from '../lexicon.js';
import { simplifiedOf, type OrgRef } from './context.js';
import type { Article } from './normalise.js';
import { countBefore } from './order.js';

/** 我校, 本馆, 我会: the writer's own organization, which is the one the article is about. */
const SELF = /(?:我|本)(?:校|馆|院|会|所|局|厅|委|司|处|中心|部)/g;
/** What joins the agents of a list (甲与乙, 甲、乙和丙) and never ends an organization's name. */
const JOINS = /[与和同及、]/;

/**
 * The organizations a span of text names as agents (A与B签署, 由A、B联合主办): those the article's
 * organization spotting found inside it, outermost only, and 我校 / 本馆 as the article's main
 * organization; a fragment between joining words that found none is kept when it ends like an
 * organization (…协会, …中心). In text order, each once, as the article writes them.
 */
export function organizationsIn(article: Article, named: readonly OrgRef[], main: OrgRef | null, start: number, end: number): string[] {
  // `named` is in text order: only the few starting inside the span are looked at, so it stays linear.
  const inside = named
    .slice(countBefore(named, (o) => o.start < start), countBefore(named, (o) => o.start < end))
    .filter((o) => o.start + o.name.length <= end)
    .sort((a, b) => a.start - b.start || b.name.length - a.name.length);
  const found: { name: string; start: number; end: number }[] = [];
  for (const o of inside) {
    const last = found.at(-1);
    if (!last || o.start >= last.end) found.push({ name: o.name, start: o.start, end: o.start + o.name.length });
  }
  const span = article.text.slice(start, end);
  if (main) for (const m of span.matchAll(SELF)) found.push({ name: main.name, start: start + m.index, end: start + m.index + m[0].length });
  found.push(...unspotted(article, start, end, found));
  found.sort((a, b) => a.start - b.start);
  return [...new Map(found.map((f) => [simplifiedOf(article, { name: f.name, start: f.start }), f.name])).values()];
}

/** Fragments between joining words that hold nothing found, ending like an organization. */
function unspotted(article: Article, start: number, end: number, found: readonly { start: number; end: number }[]) {
  const out: { name: string; start: number; end: number }[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && !JOINS.test(article.text[i]!)) continue;
    const covered = found.some((f) => f.start < i && f.end > from);
    const fragment = article.text.slice(from, i);
    if (!covered && fragment.length >= 3 && /^\p{Script=Han}+$/u.test(fragment) && wordEndingAt(lexicon.orgSuffixes, fragment, fragment.length)) {
      out.push({ name: article.original.slice(from, i), start: from, end: i });
    }
    from = i + 1;
  }
  return out;
}

/**
 * The article's full name for a short form of an organization (江西省科技厅 → 江西省科学技术厅): the one
 * longer organization it names that begins and ends like the short form and holds its characters in order.
 */
export function fullNameOf(names: readonly string[], short: string): string {
  const s = normalizeName(short);
  const fuller = names.filter((name) => {
    const n = normalizeName(name);
    return n.length > s.length && n[0] === s[0] && n.at(-1) === s.at(-1) && isSubsequence(s, n);
  });
  return fuller.length === 1 ? fuller[0]! : short;
}

function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const ch of long) if (ch === short[at]) at++;
  return at === short.length;
}
