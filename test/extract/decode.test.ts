import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeArticle } from '../../src/extract/index.js';
import { ArticleTooLargeError, BinaryFileError, EmptyArticleError } from '../../src/extract/errors.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const ARTICLE = '北京天文馆举办活动\n发布时间:2020年11月26日\n北京天文馆馆长朱进出席。';

describe('decodeArticle', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeArticle(utf8(ARTICLE), 'a.txt')).toBe(ARTICLE);
    expect(decodeArticle(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(ARTICLE)]), 'a.txt')).toBe(ARTICLE);
  });

  it('reads a GBK / GB18030 article', () => {
    expect(decodeArticle(new Uint8Array(iconv.encode(ARTICLE, 'gbk')), 'gbk.txt')).toBe(ARTICLE);
    expect(decodeArticle(new Uint8Array(iconv.encode(ARTICLE, 'gb18030')), 'gb.txt')).toBe(ARTICLE);
  });

  it('refuses an empty file, naming it', () => {
    expect(() => decodeArticle(new Uint8Array(), 'empty.txt')).toThrow(EmptyArticleError);
    expect(() => decodeArticle(utf8('  \n '), 'blank.txt')).toThrow(/blank\.txt: the file is empty/);
  });

  it('refuses a binary file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => decodeArticle(png, 'image.png')).toThrow(BinaryFileError);
    expect(() => decodeArticle(png, 'image.png')).toThrow(/image\.png: not a text file \(it contains NUL bytes\)/);
  });

  it('refuses a file over the size limit quickly, and the limit is configurable', () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x41);
    const started = performance.now();
    expect(() => decodeArticle(big, 'big.txt')).toThrow(ArticleTooLargeError);
    expect(performance.now() - started).toBeLessThan(100);
    expect(() => decodeArticle(utf8(ARTICLE), 'a.txt', { maxBytes: 10 })).toThrow(/a\.txt: the file is \d+ bytes, over the limit of 10 bytes/);
  });

  it('reduces an HTML page to its text', () => {
    const html = `<!doctype html><html><head><style>p{color:red}</style><script>var a = "<p>x</p>";</script></head>
      <body><h1>北京天文馆举办活动</h1><!-- nav --><p>北京天文馆馆长朱进&nbsp;出席&amp;致辞。&#x4E2D;</p></body></html>`;
    expect(decodeArticle(utf8(html), 'page.html')).toBe('北京天文馆举办活动\n北京天文馆馆长朱进 出席&致辞。中');
  });

  it('survives an HTML page with an unclosed script', () => {
    const html = `<html><body><p>正文</p>${'<script>x'.repeat(100_000)}`;
    expect(decodeArticle(utf8(html), 'broken.html')).toBe('正文');
  });
});
