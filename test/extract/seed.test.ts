import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.js';
import { checkReferences } from '../../src/ingest/references.js';
import { factsSchema } from '../../src/model/facts.js';

const text = readFileSync(new URL('../fixtures/articles/bjp-2020-11-26-jinggangshan-summary.txt', import.meta.url), 'utf8');
const facts = factsSchema.parse(extractFacts(text, { source: 'bjp-2020-11-26-jinggangshan-summary.txt' }));

describe('the seed article', () => {
  it('is valid facts whose references and evidence check out', () => {
    expect(checkReferences(facts, text)).toEqual([]);
  });

  it('reports 李健文 once, with the homophone 李建文 as alias and evidence for both', () => {
    const li = facts.people.filter((p) => p.name === '李健文' || p.name === '李建文');
    expect(li).toHaveLength(1);
    expect(li[0]!.aliases).toEqual(['李建文']);
    expect(li[0]!.positions.map((p) => `${p.title}@${p.organization}`)).toEqual(['党委书记@北京天文馆', '副馆长@北京天文馆']);
    expect(li[0]!.evidence.some((e) => e.quote.includes('李建文'))).toBe(true);
    expect(li[0]!.evidence.some((e) => e.quote.includes('李健文'))).toBe(true);
  });

  it('finds 22 people and the bylines', () => {
    expect(facts.people).toHaveLength(22);
    expect(facts.document).toMatchObject({ publishedAt: '2020-11-26', authors: ['李珺'], photographers: ['韩叙'], publisher: '北京天文馆' });
    expect(facts.document.title).toBe('全国优秀科普产(展)品巡展暨流动科技馆进井冈山活动总结会召开');
  });

  it('dates events relative to the article and names hosts, organizers, chair and speakers', () => {
    const [summary, tour] = facts.events;
    expect(summary).toMatchObject({ startDate: '2020-11-24', place: '北京天文馆' });
    expect(summary!.participants).toContainEqual(expect.objectContaining({ name: '科学技术部', kind: 'HOST' }));
    expect(summary!.participants).toContainEqual(expect.objectContaining({ name: '中国科学技术交流中心', kind: 'ORGANIZER' }));
    expect(summary!.participants).toContainEqual(expect.objectContaining({ name: '李健文', kind: 'CHAIR' }));
    expect(summary!.participants).toContainEqual(expect.objectContaining({ name: '许佳军', kind: 'SPEAKER' }));
    expect(tour).toMatchObject({ startDate: '2020-11-07', endDate: '2020-11-09', place: '江西省井冈山市' });
  });

  it('finds the activity\'s 13 member units, its supporters and lead unit, and the awards to the members', () => {
    const [summary, tour] = facts.events;
    const of = (event: typeof tour, kind: string) => event!.participants.filter((p) => p.kind === kind).map((p) => p.name);
    expect(of(tour, 'MEMBER')).toHaveLength(13);
    expect(of(tour, 'MEMBER')).toContain('北京市西城区青少年科学技术馆');
    expect(of(tour, 'SUPPORTER')).toEqual(['科学技术部引进国外智力管理司', '中国科学技术交流中心', '井冈山市委市政府']);
    expect(of(tour, 'LEAD')).toEqual(['北京天文馆']);
    expect(of(summary, 'AWARD_PRESENTER')).toEqual(['庄嘉', '李健文']);
    expect(of(summary, 'AWARD_RECIPIENT')).toEqual(of(tour, 'MEMBER'));
    expect(facts.places.find((p) => p.name === '江西省井冈山市')).toMatchObject({ parent: '江西省', aliases: ['井冈山市'] });
  });

  it('finds the agreement and its parties', () => {
    expect(facts.agreements).toEqual([
      expect.objectContaining({ title: '关于共同支持井冈山市开展科普活动,提升全民科学素养的合作意向', parties: ['北京天文馆', '井冈山市人民政府'] }),
    ]);
  });
});
