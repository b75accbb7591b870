import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.js';

const organizationsOf = (text: string) => extractFacts(text, { publishedAt: '2024-06-01' }).organizations!.map((o) => o.name);

describe('every organization an article names', () => {
  it('lists short forms after a list separator, and organizations named with no title or role', () => {
    expect(organizationsOf('展览期间,西安市科技馆协同县科协、县教育局做好了组织工作。')).toEqual(['西安市科技馆', '县科协', '县教育局']);
  });

  it('takes a venue that is an organization, and no place for one', () => {
    const names = organizationsOf('5月18日,科普讲座在礼泉县实验中学举行。6月1日,科普巡展在江西省井冈山市举行。');
    expect(names).toContain('礼泉县实验中学');
    expect(names).not.toContain('江西省井冈山市');
  });

  it('keeps no organization that is only a part of a longer name', () => {
    const names = organizationsOf('首都医科大学附属北京同仁医院、北京中医药大学东直门医院参加了活动。');
    expect(names).toContain('首都医科大学附属北京同仁医院');
    expect(names).not.toContain('北京同仁医院');
  });
});

describe('an organization spotted in running text', () => {
  it('never swallows the title that follows it', () => {
    const names = organizationsOf('北京天文馆党委书记、副馆长李健文主持会议,北京动物园科普馆馆长郑常明发言。');
    expect(names).not.toContain('北京天文馆党委');
    expect(names).toContain('北京天文馆');
  });
});
