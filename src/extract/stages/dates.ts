import { isIsoDate } from '../../model/values/date.js';
import { countBefore } from './order.js';
import { spokenDates } from './spoken-dates.js';

/** A date or date range written in the text, resolved to ISO dates, at `[start, end)`. */
export interface DateSpan {
  start: number;
  end: number;
  from: string | null;
  to: string | null;
}

// Digit counts are bounded and the alternatives cannot overlap, so these never backtrack badly.
const CHINESE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日?(?:[—\-–~至到](?:(\d{1,2})月)?(\d{1,2})日)?/g;
const NUMERIC = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/g;

function iso(year: number | null, month: number, day: number): string | null {
  if (year === null) return null;
  const value = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(value) ? value : null;
}

/**
 * Every date in the text. A date without a year (11月7—9日, 4月16日上午) takes the last year written
 * before it in the article, else the year of `reference` (the publication date); without either it
 * stays unknown (null) rather than guessed. With a publication date, the dates reporters write relative
 * to it count too (`spoken-dates.ts`).
 */
export function findDates(text: string, reference: string | null): DateSpan[] {
  const spans: DateSpan[] = [];
  let year: number | null = reference ? Number(reference.slice(0, 4)) : null;
  for (const m of text.matchAll(NUMERIC)) {
    spans.push({ start: m.index, end: m.index + m[0].length, from: iso(Number(m[1]), Number(m[2]), Number(m[3])), to: null });
  }
  for (const m of text.matchAll(CHINESE)) {
    if (m[1]) year = Number(m[1]);
    const month = Number(m[2]);
    const from = iso(year, month, Number(m[3]));
    const to = m[5] ? iso(year, m[4] ? Number(m[4]) : month, Number(m[5])) : from;
    spans.push({ start: m.index, end: m.index + m[0].length, from, to });
  }
  for (const span of spans) span.to ??= span.from;
  spans.sort((a, b) => a.start - b.start);
  // A spoken date inside a written one (the 3日 of 12月3日) is not another date: found by binary search.
  const inWritten = (d: DateSpan) => (spans[countBefore(spans, (w) => w.start < d.end) - 1]?.end ?? -1) > d.start;
  const spoken = reference ? spokenDates(text, reference).filter((d) => !inWritten(d)) : [];
  return [...spans, ...spoken].sort((a, b) => a.start - b.start);
}

/** The first date written inside `[start, end)` (`dates` in text order), found by binary search. */
export function firstDateIn(dates: readonly DateSpan[], start: number, end: number): DateSpan | undefined {
  const first = dates[countBefore(dates, (d) => d.start < start)];
  return first && first.end <= end ? first : undefined;
}
