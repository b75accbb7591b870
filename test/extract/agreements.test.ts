import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/extract/index.js';

const agreementsOf = (text: string, publishedAt = '2024-05-22') =>
  extractFacts(text, { publishedAt }).agreements!.map((a) => ({ title: a.title, parties: a.parties, signedOn: a.signedOn, event: a.event }));

describe('agreements', () => {
  it('keeps a party whole after 与 (上海… is no adverbial), and dates it by the signing event of the article', () => {
    const text = '南昌大学与上海天文馆签约\n5月20日上午,南昌大学与上海天文馆合作签约仪式在南昌大学举行。仪式上,我校与上海天文馆签署合作协议。';
    expect(agreementsOf(text)).toEqual([
      { title: '合作协议', parties: ['南昌大学', '上海天文馆'], signedOn: '2024-05-20', event: '南昌大学与上海天文馆合作签约仪式' },
    ]);
  });

  it('takes the organizations, not the people who sign for them, the title whole inside 《》, once for headline and body', () => {
    const text = [
      '江西省科技厅与南昌大学签署《共建江西省科技成果转化中心合作协议》',
      '2024年5月20日,江西省科学技术厅副厅长刘芳与南昌大学副校长赵志刚代表双方签署了《共建江西省科技成果转化中心合作协议》。',
    ].join('\n');
    expect(agreementsOf(text)).toEqual([
      {
        title: '共建江西省科技成果转化中心合作协议',
        parties: ['江西省科学技术厅', '南昌大学'],
        signedOn: '2024-05-20',
        // The dated signing is itself the event it was signed at.
        event: '江西省科学技术厅副厅长刘芳与南昌大学副校长赵志刚代表双方签署了《共建江西省科技成果转化中心合作协议》',
      },
    ]);
  });

  it('reads memoranda and sister-museum ties in traditional script, each signing once', () => {
    const memo = '2023年10月5日,國立臺灣科學教育館與香港科學館簽署合作備忘錄。國立臺灣科學教育館與香港科學館簽署的合作備忘錄為期五年。';
    expect(agreementsOf(memo)).toEqual([
      { title: '合作備忘錄', parties: ['國立臺灣科學教育館', '香港科學館'], signedOn: '2023-10-05', event: '國立臺灣科學教育館與香港科學館簽署合作備忘錄' },
    ]);
    const sisters = '2023年6月2日,臺北市立天文科學教育館與香港太空館締結姊妹館。';
    expect(agreementsOf(sisters).map((a) => `${a.title} ${a.parties.join('+')} ${a.signedOn}`)).toEqual(['姊妹館 臺北市立天文科學教育館+香港太空館 2023-06-02']);
  });
});
