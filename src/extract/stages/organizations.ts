import type { OrganizationFacts } from '../../model/facts.js';
import { normalizeName } from '../../model/values/name.js';
import { lexicon, wordEndingAt } from '../lexicon.js';
import { evidence } from './evidence.js';
import type { Article } from './normalise.js';
import { knownPrefix, parentLength } from './orgs.js';
import { normalise } from './normalise.js';

type Organization = Omit<OrganizationFacts, 'parent'> & { parent: string | null };

/** Other names of a national body or of a unit under one (科技部国外人才研究中心 ↔ 科学技术部…). */
function aliasesOf(simplified: string): string[] {
  const prefix = knownPrefix(simplified);
  if (!prefix) return [];
  const full = lexicon.orgAliases.get(prefix)!;
  const forms = [...lexicon.orgAliases].filter(([, f]) => f === full).map(([alias]) => alias + simplified.slice(prefix.length));
  return forms.filter((form) => form !== simplified);
}

/** A phrase that ends like an organization's name (礼泉县实验中学, 省科技馆), not like a place (井冈山市). */
export function isOrganizationName(name: string): boolean {
  const simplified = normalise(name).text;
  return (wordEndingAt(lexicon.orgSuffixes, simplified, simplified.length)?.length ?? 0) >= 2;
}

/** Names that are no part of a longer name of the list (北京同仁医院 of 首都医科大学附属北京同仁医院). */
export function notPartOfOthers(names: readonly string[], others: readonly string[]): string[] {
  const longer = [...new Set(others.map((o) => normalizeName(o)))];
  return names.filter((name) => !longer.some((o) => o.length > normalizeName(name).length && o.includes(normalizeName(name))));
}

/**
 * The organizations the facts refer to, each once, with parents made explicit (a unit's organization is
 * declared too: 中国园林博物馆宣传教育部 → 中国园林博物馆) and the first place the article names it.
 */
export function organizationList(article: Article, names: readonly string[]): Organization[] {
  const byKey = new Map<string, Organization>();
  const add = (name: string): void => {
    const key = normalizeName(name);
    if (byKey.has(key)) return;
    const simplified = normalise(name).text;
    const cut = parentLength(simplified);
    const parent = cut === null ? null : name.slice(0, cut);
    const at = article.text.indexOf(simplified);
    byKey.set(key, { name, parent, aliases: aliasesOf(simplified), evidence: at >= 0 ? [evidence(article, at, at + name.length)] : [] });
    if (parent) add(parent);
  };
  names.forEach(add);
  return [...byKey.values()];
}
