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

/** Words of time and manner between an organization and the verb (…渔会今天上午签署), no part of it. */
const ADVERBIAL = /(?:今天|今日|昨天|昨日|上午|下午|晚上|正式|共同|双方|分别|一起|于|在)+$/;

/**
 * Fragments between joining words that hold nothing found, ending like an organization: the fragment's
 * last run of Chinese (国立自然科学博物馆 before its English name in brackets), without the adverbials
 * that follow it.
 */
function unspotted(article: Article, start: number, end: number, found: readonly { start: number; end: number }[]) {
  const out: { name: string; start: number; end: number }[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && !JOINS.test(article.text[i]!)) continue;
    const covered = found.some((f) => f.start < i && f.end > from);
    const run = covered ? null : lastHanRun(article.text, from, i);
    if (run) {
      const name = article.text.slice(run.start, run.end).replace(ADVERBIAL, '');
      if (name.length >= 3 && wordEndingAt(lexicon.orgSuffixes, name, name.length)) out.push({ name: article.original.slice(run.start, run.start + name.length), start: run.start, end: run.start + name.length });
    }
    from = i + 1;
  }
  return out;
}

/** The last run of Chinese characters in `[start, end)`. */
function lastHanRun(text: string, start: number, end: number): { start: number; end: number } | null {
  let last = end;
  while (last > start && !/\p{Script=Han}/u.test(text[last - 1]!)) last--;
  let first = last;
  while (first > start && /\p{Script=Han}/u.test(text[first - 1]!)) first--;
  return last > first ? { start: first, end: last } : null;
}

// 中国科学技术协会(中国科协), …建设局(下称合作区城规建局): a short name the article gives in brackets.
const BRACKETED = /(\p{Script=Han}{4,40})[(（](?:下称|简称|以下简称)?(\p{Script=Han}{2,12})[)）]/gu;

/** The short names the article declares in brackets after an organization's name, to that name. */
export function bracketedShortNames(article: Article, names: readonly string[]): Map<string, string> {
  const byShort = new Map<string, string>();
  for (const m of article.text.matchAll(BRACKETED)) {
    const full = names.filter((n) => m[1]!.endsWith(normalizeName(n))).sort((a, b) => b.length - a.length)[0];
    if (full) byShort.set(m[2]!, full);
  }
  return byShort;
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
