/** Whether a text is an HTML page rather than plain article text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>])/i.test(text) || /<(body|p|div)[\s>]/i.test(text.slice(0, 4096));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ldquo: '“', rdquo: '”', middot: '·', mdash: '—', hellip: '…' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/**
 * Comments, scripts and styles removed with indexOf, not a lazy regex: an unclosed <script> would make
 * a regex rescan to the end for every opening, quadratic on a large page.
 */
function dropBlocks(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let at = 0;
  const opening = /<!--|<script\b|<style\b|<noscript\b/g;
  for (let m = opening.exec(lower); m; m = opening.exec(lower)) {
    if (m.index < at) continue;
    const close = m[0] === '<!--' ? '-->' : `</${m[0].slice(1)}`;
    const end = lower.indexOf(close, m.index + m[0].length);
    out += html.slice(at, m.index);
    at = end < 0 ? html.length : lower.indexOf('>', end) + 1 || html.length;
    if (end < 0) break;
    opening.lastIndex = at;
  }
  return out + html.slice(at);
}

/**
 * The text of an HTML page, small and hand-written: scripts, styles and comments dropped, every tag a
 * line break (blocks are what separate headline, date and paragraphs), entities decoded, blank lines
 * folded. Each pattern is a tag-delimited scan without nested quantifiers, linear on any input.
 */
export function htmlToText(html: string): string {
  const text = dropBlocks(html).replace(/<[^>]*>/g, '\n');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
