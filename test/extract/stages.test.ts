import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.js';
import { factsSchema } from '../../src/model/facts.js';
import { placeList } from '../../src/extract/stages/places.js';
import { findCredits } from '../../src/extract/stages/bylines.js';
import { findDates } from '../../src/extract/stages/dates.js';
import { normalise } from '../../src/extract/stages/normalise.js';

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

  it('reads labels followed by a space, and unlabelled names on a line of their own or in a closing bracket', () => {
    expect(credits('正文。\n(文 周晓 图 孙立新)')).toEqual(['周晓:author', '孙立新:photographer']);
    expect(credits('何 平 周晓\n科普日活动走进社区\n正文。')).toEqual(['何平:author', '周晓:author']);
    expect(credits('正文。(辦公室 孫立新)')).toEqual(['孫立新:author']);
    expect(credits('科普日活动走进社区\n正文很长。(完)')).toEqual([]);
    expect(credits('图 1 展品\n文化活动丰富。')).toEqual([]);
    expect(credits('【记者孙立新苏州报道】正文。')).toEqual(['孙立新:author']);
    expect(credits('本报记者周晓北京报道 正文。')).toEqual(['周晓:author']);
    expect(credits('正文。\n审核:何平\n通讯/摄影:孙立新')).toEqual(['何平:editor', '孙立新:author+photographer']);
  });
});

describe('agreements', () => {
  it('reads parties, title and date of a signing', () => {
    const text = '2015年3月30日,新西兰科学中心与省科协签署战略合作协议。';
    const [a] = extractFacts(text).agreements!;
    expect(a).toMatchObject({ title: '战略合作协议', parties: ['新西兰科学中心', '省科协'], signedOn: '2015-03-30' });
  });
});

describe('events, places and the parts units play', () => {
  const article = [
    '市青少年科技节在滨江市科技馆举办',
    '5月9日,由滨江市科协主办的“青少年科技节”在浙江省滨江市科技馆隆重开幕。',
    '作为本次活动牵头单位,滨江市科技馆馆长周明远介绍了筹备情况。',
    '本次活动在滨江市教育局、滨江日报社等单位的大力支持下,在滨江市第一中学、滨江市实验小学、当地有关部门各参与单位的积极配合下顺利开展。',
    '最后,滨江市科协主席王立群、副主席陈思远为各成员单位颁发纪念牌。',
  ].join('\n');
  const facts = factsSchema.parse(extractFacts(article, { publishedAt: '2024-05-10' }));
  const [festival] = facts.events;
  const kinds = (kind: string) => festival!.participants.filter((p) => p.kind === kind).map((p) => p.name);

  it('merges the headline and the body into one event with the body\'s date and the longer name', () => {
    expect(facts.events).toHaveLength(1);
    expect(festival).toMatchObject({ name: '市青少年科技节', startDate: '2024-05-09', place: '滨江市科技馆' });
  });

  it('declares the places events are held at, a two-level name with its parent and its short form', () => {
    const places = placeList(normalise('在江西省井冈山市举办'), ['江西省井冈山市', '北京天文馆', null]);
    expect(places.map((p) => [p.name, p.parent, p.aliases])).toEqual([
      ['江西省井冈山市', '江西省', ['井冈山市']], ['江西省', null, []], ['北京天文馆', null, []],
    ]);
  });

  it('reads supporters, members and the lead unit named outside the event\'s sentence, not descriptions', () => {
    expect(kinds('HOST')).toEqual(['滨江市科协']);
    expect(kinds('SUPPORTER')).toEqual(['滨江市教育局', '滨江日报社']);
    expect(kinds('MEMBER')).toEqual(['滨江市第一中学', '滨江市实验小学']);
    expect(kinds('LEAD')).toEqual(['滨江市科技馆']);
  });

  it('gives an act to everyone listed before it, and the members receive what is presented to them', () => {
    expect(kinds('AWARD_PRESENTER')).toEqual(['王立群', '陈思远']);
    expect(kinds('AWARD_RECIPIENT')).toEqual(['滨江市第一中学', '滨江市实验小学']);
  });
});

describe('people named in lists', () => {
  const people = (text: string) => factsSchema.parse(extractFacts(text)).people.map((p) => p.name);
  it('takes a list of names after an organization or beside a titled person, not words that look like names', () => {
    expect(people('苏州科技馆孙立新、周晓、何平等陪同调研。')).toEqual(['孙立新', '周晓', '何平']);
    expect(people('苏州科协主席吴志刚致辞。吴志刚、孙立新共同为基地揭牌。')).toEqual(['吴志刚', '孙立新']);
    expect(people('在苏州科协关心、关怀和支持下,活动圆满结束。')).toEqual([]);
  });
});
