import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReferences } from '../../src/ingest/references.js';
import { factsSchema, type Facts } from '../../src/model/facts.js';

/**
 * The curated facts of the seed article (北京天文馆, 2020-11-26, 井冈山 summary meeting), checked at the facts
 * level: counts, the tricky cases (李健文/李建文, 科技部, 井冈山市委市政府, units and their parents), and
 * that every evidence quote sits in the article text at its offset.
 */
const SEED = 'bjp-2020-11-26-jinggangshan-summary';
const text = readFileSync(new URL(`../../seeds/${SEED}.txt`, import.meta.url), 'utf8');
const raw: unknown = JSON.parse(readFileSync(new URL(`../../seeds/${SEED}.facts.json`, import.meta.url), 'utf8'));
const parsed = factsSchema.safeParse(raw);
const facts = parsed.data as Facts;

const ACTIVITY = '全国优秀科普产(展)品巡展暨流动科技馆进基层活动';
const MEETING = '全国优秀科普产(展)品巡展暨流动科技馆进井冈山活动总结会';
const JLZX = '中国科学技术交流中心';
const BJP = '北京天文馆';
const SQL = '中国宋庆龄青少年科技文化交流中心';
const MCKJ = `${SQL}体验中心蒙创空间`;
const TR = '首都医科大学附属北京同仁医院';
const MEMBERS = [
  '科学技术部国外人才研究中心',
  '中国消防博物馆',
  '中国科学院行政管理局',
  '中国古动物馆',
  '中国铁道博物馆',
  '中国园林博物馆',
  SQL,
  BJP,
  '北京动物园',
  '北京科学中心',
  TR,
  '北京中医药大学东直门医院',
  '北京市西城区青少年科学技术馆',
];

const person = (name: string) => {
  const found = facts.people.filter((p) => p.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
const organization = (name: string) => {
  const found = facts.organizations.filter((o) => o.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
const event = (name: string) => {
  const found = facts.events.filter((e) => e.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
const withKind = (eventName: string, kind: string) =>
  event(eventName).participants.filter((p) => p.kind === kind);
const namesOf = (items: readonly { name: string }[]) => items.map((i) => i.name).sort();
const positions = () => facts.people.flatMap((p) => p.positions.map((pos) => ({ person: p.name, ...pos })));

/** Every `{quote, offset}` anywhere in the raw JSON, with its path. */
function evidenceIn(value: unknown, at = '$'): { at: string; quote: string; offset: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => evidenceIn(v, `${at}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  if (typeof record.quote === 'string') return [{ at, quote: record.quote, offset: record.offset }];
  return Object.entries(record).flatMap(([key, v]) => evidenceIn(v, `${at}.${key}`));
}

describe(`seed facts ${SEED}.facts.json`, () => {
  it('is valid against the facts schema and its cross-references hold', () => {
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(checkReferences(facts, text)).toEqual([]);
  });

  it('quotes the article exactly at every evidence offset', () => {
    const all = evidenceIn(raw);
    expect(all.length).toBeGreaterThan(100);
    for (const { at, quote, offset } of all) {
      expect(typeof offset, at).toBe('number');
      expect(text.slice(offset as number, (offset as number) + quote.length), at).toBe(quote);
    }
  });

  it('describes the document', () => {
    expect(facts.document).toEqual({
      title: '全国优秀科普产(展)品巡展暨流动科技馆进井冈山活动总结会召开',
      publishedAt: '2020-11-26',
      url: null,
      publisher: BJP,
      section: '科普活动 > 流动天文馆 > 活动新闻',
      authors: ['李珺'],
      photographers: ['韩叙'],
      source: `${SEED}.txt`,
    });
    expect(text).toContain(facts.document.title);
  });

  it('names 22 people once each, the writer and photographer included without positions', () => {
    expect(facts.people).toHaveLength(22);
    expect(new Set(facts.people.map((p) => p.name)).size).toBe(22);
    for (const [name, quote] of [['李珺', '文:李珺'], ['韩叙', '摄影:韩叙']] as const) {
      expect(person(name).positions).toEqual([]);
      expect(person(name).evidence.map((e) => e.quote)).toContain(quote);
    }
    for (const p of facts.people) expect(p.evidence.length, p.name).toBeGreaterThan(0);
  });

  it('has 22 positions, one title each, with its first stating quote', () => {
    const all = positions();
    expect(all).toHaveLength(22);
    for (const p of all) {
      expect(p.title).not.toMatch(/[、,，]/);
      expect(p.evidence.quote).toContain(p.person);
      expect(p.evidence.quote).toContain(p.title);
      expect(p.evidence.offset, `${p.person} ${p.title}`).toBe(text.indexOf(p.evidence.quote));
    }
  });

  it('gives each person every title held, in the organization or unit it is held in', () => {
    const held = positions().map((p) => `${p.person}|${p.title}|${p.organization}`).sort();
    expect(held).toEqual(
      [
        `庄嘉|副主任|${JLZX}`,
        `刘润达|副处长|${JLZX}科普处`,
        `李健文|党委书记|${BJP}`,
        `李健文|副馆长|${BJP}`,
        `杨斌|主任|${BJP}科普教育部`,
        '许佳军|副主任|科学技术部国外人才研究中心',
        `齐锐|副馆长|${BJP}`,
        '张捷|参谋|中国消防博物馆',
        '赵博|三级指挥员|中国消防博物馆',
        '胡吉|副处长|中国科学院行政管理局科学文化传播处',
        '张平|副馆长|中国古动物馆',
        '刘恒|党委副书记|中国铁道博物馆',
        '刘恒|纪委书记|中国铁道博物馆',
        '刘明星|部长|中国园林博物馆宣传教育部',
        '丁雪竹|科员|中国园林博物馆宣传教育部',
        `王玉卓|负责人|${MCKJ}`,
        `徐召|骨干教师|${MCKJ}`,
        '郑常明|馆长|北京动物园科普馆',
        '李晓征|部长|北京科学中心观众服务部',
        `刘影|健康教育专干|${TR}感疾控处`,
        '张莹|护士|北京中医药大学东直门医院',
        '马志洪|书记|北京市西城区青少年科学技术馆',
      ].sort(),
    );
  });

  it('gives 李健文 and 刘恒 two positions each, everyone else with a title one', () => {
    const counts = new Map(facts.people.map((p) => [p.name, p.positions.length]));
    expect(counts.get('李健文')).toBe(2);
    expect(counts.get('刘恒')).toBe(2);
    const others = [...counts].filter(([name]) => !['李健文', '刘恒', '李珺', '韩叙'].includes(name));
    expect(others).toHaveLength(18);
    for (const [name, n] of others) expect(n, name).toBe(1);
  });

  it('keeps 李健文 once, with 李建文 as an alias and evidence for both spellings', () => {
    const li = person('李健文');
    expect(li.aliases).toEqual(['李建文']);
    expect(facts.people.some((p) => p.name === '李建文')).toBe(false);
    expect(li.evidence.some((e) => e.quote.includes('李健文'))).toBe(true);
    expect(li.evidence.some((e) => e.quote.includes('李建文'))).toBe(true);
  });

  it('places 杨斌 in 北京天文馆科普教育部: the full "北京天文馆科普教育部主任杨斌" is the position quote, the earlier "科普教育部主任杨斌" is kept as evidence', () => {
    const yang = person('杨斌');
    expect(yang.positions[0]!.evidence.quote).toBe('北京天文馆科普教育部主任杨斌');
    const quotes = yang.evidence.map((e) => e.quote);
    expect(quotes).toEqual(['科普教育部主任杨斌', '北京天文馆科普教育部主任杨斌']);
    expect(yang.evidence[0]!.offset).toBeLessThan(yang.evidence[1]!.offset!);
  });

  it('reads "中国园林博物馆宣传教育部部长刘明星、科员丁雪竹" as both titles held in 中国园林博物馆宣传教育部 (the unit prefix distributes over the list, as for 王玉卓、徐召 in 蒙创空间 and 张捷、赵博 in 中国消防博物馆)', () => {
    expect(person('丁雪竹').positions).toEqual([
      { title: '科员', organization: '中国园林博物馆宣传教育部', evidence: expect.objectContaining({ quote: '中国园林博物馆宣传教育部部长刘明星、科员丁雪竹' }) },
    ]);
    expect(person('徐召').positions[0]!.organization).toBe(MCKJ);
    expect(person('赵博').positions[0]!.organization).toBe('中国消防博物馆');
  });

  it('declares units with their parents', () => {
    const parents: Record<string, string> = {
      [`${JLZX}科普处`]: JLZX,
      中国园林博物馆宣传教育部: '中国园林博物馆',
      [`${BJP}科普教育部`]: BJP,
      中国科学院行政管理局科学文化传播处: '中国科学院行政管理局',
      中国科学院行政管理局: '中国科学院',
      [`${SQL}体验中心`]: SQL,
      [MCKJ]: `${SQL}体验中心`,
      北京科学中心观众服务部: '北京科学中心',
      [`${TR}感疾控处`]: TR,
      北京动物园科普馆: '北京动物园',
      科学技术部引进国外智力管理司: '科学技术部',
      科学技术部国外人才研究中心: '科学技术部',
    };
    for (const [unit, parent] of Object.entries(parents)) expect(organization(unit).parent, unit).toBe(parent);
    expect(facts.organizations.filter((o) => o.parent !== null)).toHaveLength(Object.keys(parents).length);
    for (const top of [JLZX, BJP, '科学技术部', '井冈山市委', '井冈山市人民政府', '新华网']) {
      expect(organization(top).parent, top).toBeNull();
    }
  });

  it('declares every organization once, each with evidence', () => {
    expect(facts.organizations).toHaveLength(30);
    expect(new Set(facts.organizations.map((o) => o.name)).size).toBe(facts.organizations.length);
    for (const o of facts.organizations) expect(o.evidence.length, o.name).toBeGreaterThan(0);
    for (const m of MEMBERS) organization(m);
  });

  it('knows 科技部 as 科学技术部, and 科技部国外人才研究中心 as the same organization as 科学技术部国外人才研究中心', () => {
    const most = organization('科学技术部');
    expect(most.aliases).toEqual(['科技部']);
    expect(most.evidence.map((e) => e.quote)).toEqual(expect.arrayContaining(['科学技术部', '科技部']));
    const centre = organization('科学技术部国外人才研究中心');
    expect(centre.aliases).toEqual(['科技部国外人才研究中心']);
    expect(centre.evidence.map((e) => e.quote)).toContain('科技部国外人才研究中心');
    expect(facts.organizations.some((o) => o.name === '科技部国外人才研究中心' || o.name === '科技部')).toBe(false);
  });

  it('splits 井冈山市委市政府 into 井冈山市委 and 井冈山市人民政府, each with it as an alias', () => {
    for (const name of ['井冈山市委', '井冈山市人民政府']) {
      expect(organization(name).aliases).toEqual(['井冈山市委市政府']);
      expect(organization(name).evidence.map((e) => e.quote)).toContain('井冈山市委市政府');
    }
    expect(organization('新华网').evidence[0]!.quote).toBe('新华网客户端');
  });

  it('declares the places, 北京天文馆 among them', () => {
    expect(facts.places.map((p) => [p.name, p.parent])).toEqual([
      ['江西省井冈山市', '江西省'],
      ['江西省', null],
      [BJP, null],
    ]);
    expect(facts.places[0]!.aliases).toEqual(['井冈山市']);
  });

  it('has the activity and the summary meeting that follows it up', () => {
    expect(facts.events).toHaveLength(2);
    const activity = event(ACTIVITY);
    expect(activity).toMatchObject({
      aliases: ['全国优秀科普产(展)品巡展暨流动科技馆进井冈山'],
      startDate: '2020-11-07',
      endDate: '2020-11-09',
      place: '江西省井冈山市',
      followsUp: null,
      partOf: null,
    });
    const meeting = event(MEETING);
    expect(meeting).toMatchObject({ startDate: '2020-11-24', endDate: '2020-11-24', place: BJP, followsUp: ACTIVITY, partOf: null });
    for (const e of facts.events) expect(e.evidence.length, e.name).toBeGreaterThan(0);
  });

  it('counts the participations on each event by kind', () => {
    const count = (name: string) =>
      Object.fromEntries(
        [...new Set(event(name).participants.map((p) => p.kind))].map((k) => [k, withKind(name, k).length]),
      );
    expect(count(MEETING)).toEqual({
      HOST: 1,
      ORGANIZER: 2,
      ATTENDEE: 2,
      CHAIR: 1,
      SPEAKER: 19,
      AWARD_PRESENTER: 2,
      AWARD_RECIPIENT: 13,
    });
    expect(count(ACTIVITY)).toEqual({ LEAD: 1, MEMBER: 13, SUPPORTER: 4, ATTENDEE: 1 });
    for (const e of facts.events) {
      for (const p of e.participants) expect(p.evidence.length, `${e.name} ${p.kind} ${p.name}`).toBeGreaterThan(0);
      const keys = e.participants.map((p) => `${p.kind}|${p.name}`);
      expect(new Set(keys).size, e.name).toBe(keys.length);
    }
  });

  it('has the 13 member units on the activity, quoted from the list, and the same 13 receiving awards', () => {
    const members = withKind(ACTIVITY, 'MEMBER');
    expect(namesOf(members)).toEqual([...MEMBERS].sort());
    const list = text.indexOf('在科学技术部国外人才研究中心、');
    const end = text.indexOf('各活动单位的积极配合');
    for (const m of members) {
      const inList = m.evidence.find((e) => e.quote === m.name)!;
      expect(inList.offset!, m.name).toBeGreaterThan(list);
      expect(inList.offset!, m.name).toBeLessThan(end);
    }
    expect(namesOf(withKind(MEETING, 'AWARD_RECIPIENT'))).toEqual([...MEMBERS].sort());
    expect(namesOf(withKind(ACTIVITY, 'LEAD'))).toEqual([BJP]);
    expect(namesOf(withKind(ACTIVITY, 'SUPPORTER'))).toEqual(
      ['科学技术部引进国外智力管理司', JLZX, '井冈山市委', '井冈山市人民政府'].sort(),
    );
    expect(namesOf(withKind(ACTIVITY, 'ATTENDEE'))).toEqual(['齐锐']);
  });

  it('has who hosted, organized, chaired, attended, spoke and presented at the meeting', () => {
    expect(namesOf(withKind(MEETING, 'HOST'))).toEqual(['科学技术部']);
    expect(namesOf(withKind(MEETING, 'ORGANIZER'))).toEqual(['科学技术部引进国外智力管理司', JLZX].sort());
    expect(namesOf(withKind(MEETING, 'CHAIR'))).toEqual(['李健文']);
    expect(withKind(MEETING, 'CHAIR')[0]!.evidence[0]!.quote).toBe('本次会议由北京天文馆党委书记、副馆长李健文主持');
    expect(namesOf(withKind(MEETING, 'ATTENDEE'))).toEqual(['刘润达', '庄嘉'].sort());
    expect(namesOf(withKind(MEETING, 'SPEAKER'))).toEqual(
      ['杨斌', '许佳军', '齐锐', '张捷', '赵博', '胡吉', '张平', '刘恒', '刘明星', '丁雪竹', '王玉卓', '徐召', '郑常明', '李晓征', '刘影', '张莹', '马志洪', '刘润达', '庄嘉'].sort(),
    );
    const presenters = withKind(MEETING, 'AWARD_PRESENTER');
    expect(namesOf(presenters)).toEqual(['李健文', '庄嘉'].sort());
    // The award is quoted with the variant spelling 李建文, resolved to 李健文.
    expect(presenters.find((p) => p.name === '李健文')!.evidence[0]!.quote).toContain('李建文');
  });

  it('has the activity figures with their units', () => {
    const figures = event(ACTIVITY).facts.map((f) => [f.label, f.value, f.unit]);
    expect(figures).toEqual([
      ['活动地点', 7, '个'],
      ['成员单位', 13, '家'],
      ['科普服务队', 60, '人'],
      ['现场参加人数', 10000, '人'],
      ['线上观看', 2500000, '人次'],
      ['问卷调查人数', 509, '人'],
      ['满意度', 99.8, '%'],
      ['新单位', 5, '家'],
      ['为期', 3, '天'],
    ]);
    for (const f of event(ACTIVITY).facts) expect(f.evidence.length, f.label).toBeGreaterThan(0);
    const quote = (label: string) => event(ACTIVITY).facts.find((f) => f.label === label)!.evidence[0]!.quote;
    expect(quote('现场参加人数')).toContain('近万人');
    expect(quote('线上观看')).toContain('250余万人次');
    expect(quote('满意度')).toContain('99.8%');
    expect(event(MEETING).facts).toEqual([]);
  });

  it('has the cooperation agreement between 北京天文馆 and 井冈山市人民政府, undated', () => {
    expect(facts.agreements).toHaveLength(1);
    const [agreement] = facts.agreements;
    expect(agreement).toMatchObject({
      title: '关于共同支持井冈山市开展科普活动,提升全民科学素养的合作意向',
      parties: [BJP, '井冈山市人民政府'],
      signedOn: null,
      event: ACTIVITY,
    });
    expect(agreement!.evidence[0]!.quote).toContain('并签订合作协议');
  });

  it('names only declared people and organizations (by name or alias) as participants, parties and position holders', () => {
    const orgNames = new Set(facts.organizations.flatMap((o) => [o.name, ...o.aliases]));
    const peopleNames = new Set(facts.people.flatMap((p) => [p.name, ...p.aliases]));
    const eventNames = new Set(facts.events.flatMap((e) => [e.name, ...e.aliases]));
    const placeNames = new Set(facts.places.flatMap((p) => [p.name, ...p.aliases]));
    for (const p of positions()) expect(orgNames.has(p.organization), p.organization).toBe(true);
    for (const o of facts.organizations) if (o.parent) expect(orgNames.has(o.parent), o.parent).toBe(true);
    for (const p of facts.places) if (p.parent) expect(placeNames.has(p.parent), p.parent).toBe(true);
    for (const e of facts.events) {
      for (const p of e.participants) expect(peopleNames.has(p.name) || orgNames.has(p.name), p.name).toBe(true);
      if (e.place) expect(placeNames.has(e.place), e.place).toBe(true);
      if (e.followsUp) expect(eventNames.has(e.followsUp), e.followsUp).toBe(true);
    }
    for (const a of facts.agreements) {
      for (const party of a.parties) expect(orgNames.has(party), party).toBe(true);
      if (a.event) expect(eventNames.has(a.event), a.event).toBe(true);
    }
    for (const name of [...facts.document.authors, ...facts.document.photographers]) expect(peopleNames.has(name), name).toBe(true);
    expect(orgNames.has(facts.document.publisher!)).toBe(true);
  });
});
