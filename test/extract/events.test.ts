import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.js';

const eventsOf = (text: string, publishedAt = '2024-06-01') =>
  extractFacts(text, { publishedAt }).events!.map((e) => `${e.name} ${e.startDate}…${e.endDate}`);

describe('events and their dates', () => {
  it('reads an activity carried out on a stated day, without quotes around its name', () => {
    expect(eventsOf('5月18日,市科技馆志愿者走进红星小学,为师生开展了一场天文知识讲座。')).toEqual(['一场天文知识讲座 2024-05-18…2024-05-18']);
  });

  it('takes no undated plan for an event', () => {
    expect(eventsOf('今后,市科技馆还将继续开展形式多样的科普活动。')).toEqual([]);
  });
});
