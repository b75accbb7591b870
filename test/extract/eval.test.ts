import { describe, expect, it } from 'vitest';
import type { FactsInput } from '../../src/model/facts.js';
import { scoreFixtures } from '../../src/extract/eval/fixtures.js';
import { recall } from '../../src/extract/eval/kinds.js';
import { accuracy, add, failures, goldSchema, prf, scoreArticle, THRESHOLDS } from '../../src/extract/eval/score.js';

describe('extractor against the hand-written gold fixtures', () => {
  const overall = scoreFixtures().map((r) => r.score).reduce(add);

  it('meets the person, position and organization thresholds', () => {
    expect(prf(overall.people).f1).toBeGreaterThanOrEqual(THRESHOLDS.personF1);
    expect(prf(overall.positions).f1).toBeGreaterThanOrEqual(THRESHOLDS.positionF1);
    expect(accuracy(overall.organizations)).toBeGreaterThanOrEqual(THRESHOLDS.organizationAccuracy);
  });

  it('meets the core organization, event date and agreement thresholds, on gold that lists them', () => {
    expect(overall.coreOrganizations.total).toBeGreaterThan(30);
    expect(overall.eventDates.total).toBeGreaterThanOrEqual(5);
    expect(overall.agreements.total).toBeGreaterThanOrEqual(2);
    expect(recall(overall.coreOrganizations)).toBeGreaterThanOrEqual(THRESHOLDS.coreOrganizations);
    expect(recall(overall.eventDates)).toBeGreaterThanOrEqual(THRESHOLDS.eventDates);
    expect(recall(overall.agreements)).toBeGreaterThanOrEqual(THRESHOLDS.agreements);
    expect(failures(overall)).toEqual([]);
  });
});

describe('scoring the kinds beyond people and positions', () => {
  const facts = (over: Partial<FactsInput>): FactsInput =>
    ({ document: { title: 't', publishedAt: null }, people: [], organizations: [], events: [], agreements: [], ...over }) as FactsInput;
  const gold = goldSchema.parse({
    people: [],
    positions: [],
    organizations: [
      { name: '北京天文馆', alternatives: ['天文馆'] },
      { name: '井冈山市人民政府', alternatives: [] },
      { name: '中国科学技术交流中心', alternatives: [] },
    ],
    events: [
      { name: '总结会', startDate: '2020-11-24', endDate: '2020-11-24' },
      { startDate: '2020-11-07', endDate: '2020-11-09' },
      { startDate: '2020-11-24' },
    ],
    agreements: [{ title: '协议', parties: ['天文馆', '井冈山市人民政府'], signedOn: '2020-11-08' }],
  });

  it('finds an organization by an alias in either script, or as the seat of a position', () => {
    const score = scoreArticle(
      facts({
        organizations: [{ name: '北京天文館', aliases: [], parent: null, evidence: [] }],
        people: [{ name: '庄嘉', aliases: [], evidence: [], positions: [{ title: '副主任', organization: '中国科学技术交流中心', evidence: { quote: 'x', offset: 0 } }] }],
      }),
      gold,
    );
    expect(score.coreOrganizations).toEqual({ found: 2, total: 3 });
    expect(score.misses).toContain('missed organization 井冈山市人民政府');
  });

  it('uses each extracted event once, by its start and end date', () => {
    const event = (startDate: string, endDate: string) => ({ name: 'e', aliases: [], startDate, endDate, place: null, participants: [], facts: [], evidence: [] });
    const score = scoreArticle(facts({ events: [event('2020-11-24', '2020-11-24'), event('2020-11-07', '2020-11-08')] as FactsInput['events'] }), gold);
    expect(score.eventDates).toEqual({ found: 1, total: 3 });
  });

  it('matches agreement parties through the gold organizations and needs the same date', () => {
    const agreement = (signedOn: string | null) => ({ title: 'x', aliases: [], parties: ['井岡山市人民政府', '北京天文馆'], signedOn, event: null, evidence: [] });
    expect(scoreArticle(facts({ agreements: [agreement('2020-11-08')] as FactsInput['agreements'] }), gold).agreements).toEqual({ found: 1, total: 1 });
    expect(scoreArticle(facts({ agreements: [agreement(null)] as FactsInput['agreements'] }), gold).agreements).toEqual({ found: 0, total: 1 });
  });

  it('scores gold without the new kinds on people and positions only', () => {
    const score = scoreArticle(facts({}), goldSchema.parse({ people: [], positions: [] }));
    expect([score.coreOrganizations, score.eventDates, score.agreements]).toEqual([{ found: 0, total: 0 }, { found: 0, total: 0 }, { found: 0, total: 0 }]);
    expect(score.misses).toEqual([]);
  });
});
