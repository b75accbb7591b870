import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.js';
import { factsSchema } from '../../src/model/facts.js';

/** Not a news article: valid facts with empty lists (the choice over throwing NotAnArticleError). */
describe('texts that are not news articles', () => {
  it.each([
    ['lorem ipsum', 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.'],
    ['a recipe', '番茄炒蛋\n材料:番茄两个,鸡蛋三个,盐少许。\n做法:鸡蛋打散,番茄切块,先炒蛋后炒番茄。'],
    ['an empty string', ''],
  ])('%s gives valid facts with no people, events or agreements', (_, text) => {
    const facts = factsSchema.parse(extractFacts(text));
    expect(facts.people).toEqual([]);
    expect(facts.events).toEqual([]);
    expect(facts.agreements).toEqual([]);
  });

  it('finishes on 2 MB of pathological input', () => {
    const inputs = [
      '馆长'.repeat(1_000_000),
      '与'.repeat(500_000) + '签署' + '协议'.repeat(500_000),
      '在北京天文馆主任张'.repeat(200_000),
      `“${'由主办承办'.repeat(400_000)}`,
      '2020年11月'.repeat(200_000),
    ];
    for (const text of inputs) {
      const started = performance.now();
      expect(() => factsSchema.parse(extractFacts(text))).not.toThrow();
      expect(performance.now() - started).toBeLessThan(20_000);
    }
  }, 120_000);
});
