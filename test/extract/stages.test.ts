import { describe, expect, it } from 'vitest';
import { findCredits } from '../../src/extract/stages/bylines.js';
import { findDates } from '../../src/extract/stages/dates.js';
import { normalise } from '../../src/extract/stages/normalise.js';
import { findAgreements } from '../../src/extract/stages/agreements.js';

describe('normalise', () => {
  it('simplifies and folds full-width forms without changing the length', () => {
    const a = normalise('北京天文館館長朱進，（ＡＢ）');
    expect(a.text).toBe('北京天文馆馆长朱进,(AB)');
    expect(a.text.length).toBe(a.original.length);
  });
});

describe('dates', () => {
  it('resolves ranges and yearless dates against the article year or the publication date', () => {
    const spans = findDates('2020年11月24日开会。11月7—9日巡展,4月16日上午启动。', null);
    expect(spans.map((d) => [d.from, d.to])).toEqual([
      ['2020-11-24', '2020-11-24'], ['2020-11-07', '2020-11-09'], ['2020-04-16', '2020-04-16'],
    ]);
    expect(findDates('3月30日签署', '2015-04-01')[0]?.from).toBe('2015-03-30');
    expect(findDates('3月30日签署', null)[0]?.from).toBeNull();
  });
});

describe('bylines', () => {
  const credits = (text: string) => findCredits(normalise(text)).map((c) => `${c.name}:${c.roles.join('+')}`);
  it('reads labelled credits and not words that merely contain a label', () => {
    expect(credits('中文 | ENGLISH\n活动星图\n文:李珺 摄影:韩叙')).toEqual(['李珺:author', '韩叙:photographer']);
    expect(credits('(供稿:科技传播科 赖华)')).toEqual(['赖华:author']);
    expect(credits('记者从省科协了解到……       记者孙理')).toEqual(['孙理:author']);
    expect(credits('责任编辑:王芳')).toEqual(['王芳:editor']);
  });
});

describe('agreements', () => {
  it('reads parties, title and date of a signing', () => {
    const text = '2015年3月30日,新西兰科学中心与省科协签署战略合作协议。';
    const [a] = findAgreements(normalise(text), findDates(text, null));
    expect(a).toMatchObject({ title: '战略合作协议', parties: ['新西兰科学中心', '省科协'], signedOn: '2015-03-30' });
  });
});
