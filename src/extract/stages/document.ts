import type { Article } from './normalise.js';
import { findDates } from './dates.js';

/** Metadata read from the page around the article: title, date, section, publisher. */
export interface DocumentMeta {
  title: string;
  publishedAt: string | null;
  section: string | null;
  publisher: string | null;
}

const NAVIGATION = /[|>]|所在位置|首页|当前位置|copyright|版权所有|发布时间|来源[:：]/i;
const DATE_LINE = /^\s*(发布时间|发布日期|时间|日期)?[:：]?\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/;

function lines(text: string): { line: string; start: number }[] {
  const out: { line: string; start: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ line, start });
    start += line.length + 1;
  }
  return out;
}

/** The first line that reads like a headline: not navigation, not a date, not a sentence of the body. */
function findTitle(article: Article): string | null {
  for (const { line, start } of lines(article.text).slice(0, 30)) {
    const trimmed = line.trim();
    if (trimmed.length < 5 || trimmed.length > 80 || NAVIGATION.test(trimmed) || DATE_LINE.test(trimmed)) continue;
    if (/[。!?]$/.test(trimmed) || (trimmed.match(/\p{Script=Han}/gu)?.length ?? 0) < 4) continue;
    const offset = start + line.indexOf(trimmed);
    return article.original.slice(offset, offset + trimmed.length);
  }
  return null;
}

/** A publication date near the top: on a line of its own or after 发布时间 / 日期. */
function findPublishedAt(article: Article): string | null {
  for (const { line } of lines(article.text).slice(0, 15)) {
    if (!DATE_LINE.test(line) && !/发布时间|发布日期/.test(line)) continue;
    const date = findDates(line, null)[0];
    if (date?.from) return date.from;
  }
  return null;
}

/** A breadcrumb (所在位置:首页 > 科普活动> 流动天文馆> 活动新闻) without its home page. */
function findSection(article: Article): string | null {
  const crumb = lines(article.text).slice(0, 15).find(({ line }) => (line.match(/>/g)?.length ?? 0) >= 2);
  if (!crumb) return null;
  const parts = crumb.line.replace(/^.*?[:：]/, '').split('>').map((p) => p.trim()).filter((p) => p && !/首页/.test(p));
  return parts.length > 0 ? parts.join(' > ') : null;
}

/** The organization of a copyright line at the foot of the page (Copyright@ 1999- 北京天文馆). */
function findPublisher(article: Article): string | null {
  const m = /(?:copyright|版权所有)[^\n\p{Script=Han}]{0,40}(\p{Script=Han}{2,30})/iu.exec(article.text);
  return m?.[1] ? article.original.slice(m.index + m[0].length - m[1].length, m.index + m[0].length) : null;
}

export function readDocument(article: Article, publishedAt: string | null | undefined): DocumentMeta {
  return {
    title: findTitle(article) ?? '(无标题)',
    publishedAt: publishedAt ?? findPublishedAt(article),
    section: findSection(article),
    publisher: findPublisher(article),
  };
}
