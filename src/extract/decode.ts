import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ArticleTooLargeError, BinaryFileError, EmptyArticleError, UnknownEncodingError } from './errors.js';
import { htmlToText, looksLikeHtml } from './html.js';

export interface DecodeOptions {
  /** Files larger than this many bytes are refused before any decoding (default 5 MB). */
  maxBytes?: number;
}

/** The largest article accepted, in bytes: a news article is far smaller; anything bigger is not one. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
const CHINESE_LEGACY = new Set(['GB18030', 'GBK', 'GB2312', 'Big5', 'EUC-TW']);

/** NUL bytes, or many control characters in the first 8 KB, mean a binary file, not text. */
function binaryReason(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return 'it contains NUL bytes';
  let controls = 0;
  for (const b of head) if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
  return controls > head.length / 10 ? 'it is mostly control bytes' : null;
}

/** UTF-8 (strictly: invalid sequences fail) first, then the GB family or Big5 that chardet names. */
function decodeText(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const guess = chardet.detect(bytes);
    const encoding = guess && CHINESE_LEGACY.has(guess) ? (guess === 'Big5' || guess === 'EUC-TW' ? 'big5' : 'gb18030') : 'gb18030';
    const text = iconv.decode(Buffer.from(bytes), encoding);
    // GB18030 maps nearly every byte sequence; replacement characters mean it was not GB text after all.
    if ((text.match(/\uFFFD/g)?.length ?? 0) > text.length / 100) throw new UnknownEncodingError(path, guess);
    return text;
  }
}

/**
 * The plain text of an article file: size checked first (a 20 MB file is refused without being read),
 * then emptiness, binary content, encoding (UTF-8 with or without BOM, GBK/GB18030, Big5), and an HTML
 * page reduced to its text. Throws an `ArticleError` subclass naming `path` and the problem.
 */
export function decodeArticle(bytes: Uint8Array, path: string, options: DecodeOptions = {}): string {
  const { maxBytes = MAX_ARTICLE_BYTES } = options;
  if (bytes.length > maxBytes) throw new ArticleTooLargeError(path, bytes.length, maxBytes);
  if (bytes.length === 0) throw new EmptyArticleError(path);
  const binary = binaryReason(bytes);
  if (binary) throw new BinaryFileError(path, binary);
  const text = decodeText(bytes, path).replace(/^\uFEFF/, '');
  const plain = looksLikeHtml(text) ? htmlToText(text) : text;
  if (plain.trim().length === 0) throw new EmptyArticleError(path);
  return plain;
}
