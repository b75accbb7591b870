import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.js';

// An article written for this test from the patterns the extraction issue lists (not a real article):
// chains of titles, lists sharing an organization, names before titles, a rank after a name, a space
// inside a name, a missing comma, hosts and organizers, a list of attendees, an agreement.
const text = readFileSync(new URL('../fixtures/synthetic/issue-patterns.txt', import.meta.url), 'utf8');
const facts = extractFacts(text, { source: 'issue-patterns.txt' });
const positions = (name: string) => facts.people!.find((p) => p.name === name)?.positions?.map((p) => `${p.organization} ${p.title}`);

describe('extraction of the patterns the issue names', () => {
  it('reads chains of titles and lists sharing one organization', () => {
    expect(positions('徐延豪')).toEqual(['中国科协 党组副书记', '中国科协 副主席', '中国科协 书记处书记']);
    expect(positions('沐华斌')).toEqual(['玉溪市科协 主席']);
    expect(positions('陈晓静')).toEqual(['玉溪市科协 副主席']);
  });

  it('reads names before titles, and gives a bare rank the organization the person is named with', () => {
    expect(positions('朱进')).toEqual(['北京天文馆 馆长', '北京天文馆 研究员']);
    expect(positions('周莉萍')).toEqual(['长寿经开区经发局 副局长']);
  });

  it('joins a name split by a space and splits two people with no comma between them', () => {
    expect(facts.people!.map((p) => p.name)).toContain('张凯');
    expect(positions('王晓东')).toEqual(['陕西科技馆 馆长']);
    expect(positions('亚斌建')).toEqual(['咸阳市科协 主席']);
  });

  it('dates the event from the publication year, with its host, organizer and the attendees of a list', () => {
    const [event] = facts.events!;
    expect(event!.startDate).toBe('2019-05-18');
    const kinds = event!.participants!.map((p) => `${p.name}:${p.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(['中国科协:HOST', '云南省科协:ORGANIZER', '徐延豪:ATTENDEE', '沐华斌:ATTENDEE', '陈晓静:ATTENDEE']));
    expect(kinds.some((k) => k.includes('主办'))).toBe(false);
  });

  it('reads the agreement, its parties and the bylines', () => {
    expect(facts.agreements!.map((a) => a.parties)).toEqual([['玉溪市科协', '北京天文馆']]);
    expect(facts.document).toMatchObject({ publishedAt: '2019-05-20', authors: ['王丽'], photographers: ['李强'] });
  });
});
