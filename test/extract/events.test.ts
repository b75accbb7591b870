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

describe('the event of a sentence naming its hosts before the place', () => {
  const facts = extractFacts(
    [
      '2024年5月20日,北京天文馆与中国科学技术交流中心在北京天文馆联合举办“科学之夜”启动仪式。',
      '北京天文馆馆长张三出席会议并讲话,中国科学技术交流中心主任李四出席并致辞,北京科学中心主任王五出席活动。',
      '本次活动由北京天文学会和北京天文馆联合组织。',
    ].join(''),
    { publishedAt: '2024-05-21' },
  );
  const [event] = facts.events!;

  it('names the event by what was held, at the place without the adverb, on the sentence date, the subjects its hosts', () => {
    expect(facts.events).toHaveLength(1);
    expect(event).toMatchObject({ name: '科学之夜启动仪式', place: '北京天文馆', startDate: '2024-05-20', endDate: '2024-05-20' });
    const organizations = event!.participants!.filter((p) => ['HOST', 'ORGANIZER'].includes(p.kind)).map((p) => `${p.name}:${p.kind}`);
    expect(organizations).toEqual(['北京天文馆:HOST', '中国科学技术交流中心:HOST', '北京天文学会:ORGANIZER']);
  });

  it('makes a speech a SPEAKER even when the verb of attending comes first', () => {
    const people = event!.participants!.filter((p) => !['HOST', 'ORGANIZER'].includes(p.kind)).map((p) => `${p.name}:${p.kind}`);
    expect(people).toEqual(['张三:SPEAKER', '李四:SPEAKER', '王五:ATTENDEE']);
  });
});

describe('dates written as reporters write them, and the visits and meetings of a day', () => {
  it('reads today, yesterday, Chinese numerals, a day alone and a month/day against the publication date', () => {
    expect(eventsOf('市科协于昨（十五）日上午在市图书馆举办“科学之夜”活动。', '2025-11-16')).toEqual(['科学之夜活动 2025-11-15…2025-11-15']);
    expect(eventsOf('(本报记者王明台中8日电)市科学馆今天与县文化局签署合作备忘录。', '2025-03-08')).toEqual([
      '市科学馆今天与县文化局签署合作备忘录 2025-03-08…2025-03-08',
    ]);
    expect(eventsOf('两馆于4/9正式签署合作协议。', '2024-04-20')).toEqual(['两馆于4/9正式签署合作协议 2024-04-09…2024-04-09']);
    expect(eventsOf('今日(十二月三日)市长会见了来访的代表团。', '2024-12-03')).toEqual(['今日(十二月三日)市长会见了来访的代表团 2024-12-03…2024-12-03']);
  });

  it('reports a dated visit, one event per sentence that says what happened that day', () => {
    expect(eventsOf('11月6日,邻市科协副主席一行7名同志来我馆调研,市科协领导陪同。', '2020-11-10')).toEqual([
      '邻市科协副主席一行7名同志来我馆调研 2020-11-06…2020-11-06',
    ]);
  });
});
