import { describe, expect, it } from 'vitest';
import { isCommonWord, splitPersonName } from '../../src/search/person-names.js';
import { shortFormVariants } from '../../src/search/short-forms.js';
import { analyzeDocument, analyzeQuery, candidateTerms } from '../../src/search/tokenize.js';
import { searchDoc } from '../support/search-builder.js';

describe('organization short forms (lexicons/short-forms.txt)', () => {
  it('reads a short form as its full form and a full form as its short forms', () => {
    expect(shortFormVariants('北大')).toContain('北京大学');
    expect(shortFormVariants('陕西省科学技术协会')).toContain('陕西省科协');
    expect(shortFormVariants('西城区青少年科技馆')).toContain('西城区青少年科学技术馆');
  });

  it('swaps two forms of one query, and keeps both readings of an ambiguous one', () => {
    expect(shortFormVariants('全国人大常委会')).toContain('全国人民代表大会常务委员会');
    expect(shortFormVariants('人大')).toEqual(expect.arrayContaining(['全国人民代表大会', '中国人民大学']));
  });

  it('gives no reading for a query without a known form, and a bounded number otherwise', () => {
    expect(shortFormVariants('庄嘉')).toEqual([]);
    expect(shortFormVariants('中国科协科技馆人大政协北大').length).toBeLessThanOrEqual(12);
  });

  it('swaps the longest form a query holds, never a piece of it (科协 inside 中国科协)', () => {
    const variants = shortFormVariants('嘉兴开福区科学技术协会');
    expect(variants).toEqual(expect.arrayContaining(['嘉兴开福区科协', '嘉兴开福区中国科学技术协会', '嘉兴开福区中国科协']));
    expect(variants.filter((v) => v.includes('中国中国'))).toEqual([]);
    expect(shortFormVariants('中国科协')).toEqual(expect.arrayContaining(['中国科学技术协会', '科协']));
  });

  it('finds candidates by the terms of every reading', () => {
    expect(candidateTerms(analyzeQuery('北大'))).toEqual(expect.arrayContaining(['北大', '北京大学']));
    expect(analyzeQuery('beida').variants).toEqual([]);
  });
});

describe('person names typed in part', () => {
  it('splits single and compound surnames from given names', () => {
    expect(splitPersonName('丁雪竹')).toEqual({ surname: '丁', given: '雪竹' });
    expect(splitPersonName('欧阳文华')).toEqual({ surname: '欧阳', given: '文华' });
    expect(splitPersonName('Zhuang Jia')).toBeNull();
    expect(splitPersonName('中国科学技术交流中心')).toBeNull();
  });

  it('tells a common word (明星) from characters only a name puts together (雪竹)', () => {
    expect(isCommonWord('明星')).toBe(true);
    expect(isCommonWord('雪竹')).toBe(false);
  });

  it('indexes surnames and given names of people only, and the pinyin of organization words', () => {
    expect(analyzeDocument(searchDoc('PERSON', '丁雪竹')).personal).toEqual(['丁', '雪竹']);
    const museum = analyzeDocument(searchDoc('ORGANIZATION', '中国消防博物馆'));
    expect(museum.personal).toEqual([]);
    expect(museum.pinyin).toContain('bowuguan');
  });
});
