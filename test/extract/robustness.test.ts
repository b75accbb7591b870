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

  // The bound below guards against a hang or a quadratic stage (2 MB of dense news took 113 s before the
  // stages that looked through every organization for every mention were made linear; 5 s after). It is a
  // timeout, not a performance claim: scripts/bench measures speed.
  it('finishes on 2 MB of pathological input', () => {
    const inputs = [
      '馆长'.repeat(1_000_000),
      '与'.repeat(500_000) + '签署' + '协议'.repeat(500_000),
      '在北京天文馆主任张'.repeat(200_000),
      `“${'由主办承办'.repeat(400_000)}`,
      '2020年11月'.repeat(200_000),
    ];
    for (const text of inputs) expect(() => factsSchema.parse(extractFacts(text))).not.toThrow();
  }, 120_000);

  it('finishes on 2 MB of dense news text, finding the same people as in one copy of it', () => {
    const sentence = '北京市科协主席张三、副主席李四、王五、赵六等出席。副市长孙七到场,市委常委周八讲话。';
    const once = factsSchema.parse(extractFacts(sentence)).people.map((p) => p.name);
    const many = factsSchema.parse(extractFacts(sentence.repeat(Math.ceil(2_000_000 / sentence.length))));
    expect(once).toHaveLength(6);
    expect(many.people.map((p) => p.name)).toEqual(once);
  }, 60_000);

  it('finishes on 1 MB of events and signings, reporting each once', () => {
    const sentence = '2024年5月20日,北京天文馆与中国科学技术交流中心在北京天文馆联合举办“科学之夜”启动仪式。北京天文馆与上海天文馆签署合作协议。';
    const facts = factsSchema.parse(extractFacts(sentence.repeat(Math.ceil(1_000_000 / sentence.length))));
    expect(facts.events.map((e) => e.name)).toEqual(['科学之夜启动仪式']);
    expect(facts.agreements.map((a) => a.parties)).toEqual([['北京天文馆', '上海天文馆']]);
  }, 60_000);
});
