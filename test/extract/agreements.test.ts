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

describe('signings reported again', () => {
  it('takes the organizations represented, and a 《协议》 that refers back as the same signing', () => {
    const text = [
      '2024年3月1日,省长和市科协主席共同见证省科学技术协会与滨海市人民政府签署《关于共建科普基地的合作框架协议》(《协议》)。',
      '省科协办公室主任王明和市政府办公厅主任李强分别代表省科学技术协会和滨海市人民政府签订《协议》。',
    ].join('');
    const found = agreementsOf(text, '2024-03-02');
    expect(found.map((a) => `${a.title} ${a.parties.join('+')} ${a.signedOn}`)).toEqual(['关于共建科普基地的合作框架协议 省科学技术协会+滨海市人民政府 2024-03-01']);
  });

  it('finds a party written before its name in brackets, without the time words after it', () => {
    const text = '国立海洋博物馆(National Marine Museum)与日本国立科学博物馆今天上午正式签署合作备忘录。';
    expect(agreementsOf(text, '2024-04-09').map((a) => `${a.parties.join('+')} ${a.signedOn}`)).toEqual(['国立海洋博物馆+日本国立科学博物馆 2024-04-09']);
  });
});

describe('a short name declared in brackets', () => {
  it('is the party under its full name, and a signing on another day is another agreement', () => {
    const text = '2024年3月1日,浙江省科学技术协会(浙江省科协)与杭州市人民政府签署合作协议。3月2日,浙江省科协与杭州市人民政府又签署了一份补充协议。';
    expect(agreementsOf(text, '2024-03-03').map((a) => `${a.title} ${a.parties.join('+')} ${a.signedOn}`)).toEqual([
      '合作协议 浙江省科学技术协会+杭州市人民政府 2024-03-01',
      '补充协议 浙江省科学技术协会+杭州市人民政府 2024-03-02',
    ]);
  });
});
