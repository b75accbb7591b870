import type { DateSpan } from './dates.js';

/**
 * Dates written the way reporters write them on the day: 今天 / 昨日 (against the publication date),
 * 十二月三日 and 昨（十五）日 in Chinese numerals, a day alone (4日签署, 台北17日电) or a month/day
 * (4/9签署) in the month and year of the publication. Each needs `reference`, the publication date.
 */
const RELATIVE = /今天|今日|昨天|昨日|前天/g;
const DAYS_BEFORE: Record<string, number> = { 今天: 0, 今日: 0, 昨天: 1, 昨日: 1, 前天: 2 };
const NUMERALS = /([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日|[(（]([一二三四五六七八九十]{1,3})[)）]日/g;
// Bounded digit counts; a lookbehind keeps a day from being read inside a longer date.
const DAY_ONLY = /(?<![\d月/\-.年])(\d{1,2})日(?!\d)/g;
const MONTH_SLASH_DAY = /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?![\d/.])(?=\p{Script=Han})(?!的)/gu;

const DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三 → 3, 十五 → 15, 二十九 → 29, 三十一 → 31. */
export function chineseNumber(numeral: string): number {
  const [tens, units] = numeral.includes('十') ? numeral.split('十') : ['', numeral];
  return (numeral.includes('十') ? (DIGIT[tens!] ?? 1) * 10 : 0) + (DIGIT[units!] ?? 0);
}

function shift(reference: string, days: number): string {
  const date = new Date(`${reference}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

function onDay(reference: string, month: number, day: number): string | null {
  const value = `${reference.slice(0, 4)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = new Date(`${value}T00:00:00Z`);
  return month >= 1 && month <= 12 && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

/** The spoken dates of the text; those overlapping a written date are the caller's to drop. */
export function spokenDates(text: string, reference: string): DateSpan[] {
  const spans: DateSpan[] = [];
  const push = (start: number, length: number, value: string | null) => value && spans.push({ start, end: start + length, from: value, to: value });
  const month = Number(reference.slice(5, 7));
  for (const m of text.matchAll(RELATIVE)) push(m.index, m[0].length, shift(reference, DAYS_BEFORE[m[0]]!));
  for (const m of text.matchAll(NUMERALS)) {
    push(m.index, m[0].length, m[1] ? onDay(reference, chineseNumber(m[1]), chineseNumber(m[2]!)) : onDay(reference, month, chineseNumber(m[3]!)));
  }
  for (const m of text.matchAll(DAY_ONLY)) push(m.index, m[0].length, onDay(reference, month, Number(m[1])));
  for (const m of text.matchAll(MONTH_SLASH_DAY)) push(m.index, m[0].length, onDay(reference, Number(m[1]), Number(m[2])));
  return spans;
}
