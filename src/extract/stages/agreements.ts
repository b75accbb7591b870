import type { Article } from './normalise.js';
import type { DateSpan } from './dates.js';
import { evidence, type Evidence } from './evidence.js';
import { original } from './events.js';
import { clauses, sentences } from './sentences.js';

/** An agreement signed or reached between parties the article names. */
export interface AgreementMention {
  title: string;
  parties: string[];
  signedOn: string | null;
  evidence: Evidence;
}

// "A与B签署…协议" / "A和B达成了“…合作意向”": bounded classes, one optional group, linear.
const SIGNED = /([^,:与和同]{2,40})(?:与|和|同)([^,:与和同]{2,40}?)(?:共同|正式)?(?:签订|签署|达成|签约)了?(“[^”]{2,80}”|[^,“]{0,20}?(?:协议|合作意向|意向书|备忘录|合同|协定))/;
/** Longer clauses are not news prose (and would make the pattern slow). */
const MAX_CLAUSE = 300;
const LEADING = /^.*(?:[0-9一二三四五六七八九十]+|第[一二三四五六七八九十]+|的|有|在|后|上|中)(?=\p{Script=Han}{3})/u;

/** A party as named: the clause's words before 与, without a leading 第五 or adverbial. */
function party(words: string): string {
  return words.replace(LEADING, '').trim();
}

/**
 * Agreements: a clause naming two parties joined by 与/和/同 and a verb of signing with its object
 * (签署战略合作协议, 达成了“…的合作意向”). The date is the clause's sentence's date, if it has one.
 */
export function findAgreements(article: Article, dates: DateSpan[]): AgreementMention[] {
  const found: AgreementMention[] = [];
  for (const sentence of sentences(article.text)) {
    for (const clause of clauses(article.text, sentence)) {
      // The pattern is tried only where a signing verb occurs, on clauses of news-sentence length.
      const slice = article.text.slice(clause.start, clause.end);
      if (slice.length > MAX_CLAUSE || !/签订|签署|达成|签约/.test(slice)) continue;
      const m = SIGNED.exec(article.text.slice(clause.start, clause.end));
      if (!m) continue;
      const parties = [party(m[1]!), party(m[2]!)].filter((p) => p.length >= 2);
      if (parties.length < 2) continue;
      const title = m[3]!.replace(/[“”]/g, '');
      const date = dates.find((d) => d.start >= sentence.start && d.end <= sentence.end);
      found.push({
        title: original(article, sentence, title),
        parties: parties.map((p) => original(article, sentence, p)),
        signedOn: date?.from ?? null,
        evidence: evidence(article, clause.start + m.index, clause.start + m.index + m[0].length),
      });
    }
  }
  return found;
}
