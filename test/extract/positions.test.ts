import { describe, expect, it } from 'vitest';
import { extractFacts as extractInput } from '../../src/extract/index.js';
import { factsSchema } from '../../src/model/facts.js';

const extractFacts = (text: string) => factsSchema.parse(extractInput(text));

/** (name, title, organization) triples of the people found in `text`. */
function positions(text: string): string[] {
  return extractFacts(text).people.flatMap((p) => p.positions.map((x) => `${p.name}|${x.title}|${x.organization}`));
}

describe('positions: organization, titles, name', () => {
  it('reads organization + title + name', () => {
    expect(positions('参加会议的有中国科学技术交流中心副主任庄嘉。')).toEqual(['庄嘉|副主任|中国科学技术交流中心']);
  });

  it('reads a chain of titles as one position each', () => {
    expect(positions('中国科协党组副书记、副主席、书记处书记徐延豪出席会议。')).toEqual([
      '徐延豪|党组副书记|中国科协',
      '徐延豪|副主席|中国科协',
      '徐延豪|书记处书记|中国科协',
    ]);
  });

  it('shares one organization along a list', () => {
    expect(positions('玉溪市科协主席沐华斌、副主席陈晓静参加活动。')).toEqual(['沐华斌|主席|玉溪市科协', '陈晓静|副主席|玉溪市科协']);
  });

  it('reads a name before its title, and a rank after the name', () => {
    expect(positions('北京天文馆朱进馆长介绍了展览。')).toEqual(['朱进|馆长|北京天文馆']);
    expect(positions('长寿经开区经发局周莉萍副局长致辞。')).toEqual(['周莉萍|副局长|长寿经开区经发局']);
    expect(positions('北京天文馆举办讲座。\n朱进研究员为观众讲解。')).toEqual(['朱进|研究员|北京天文馆']);
  });

  it('keeps a unit with its organization and declares the parent', () => {
    const facts = extractFacts('中国园林博物馆宣传教育部部长刘明星发言。');
    expect(positions('中国园林博物馆宣传教育部部长刘明星发言。')).toEqual(['刘明星|部长|中国园林博物馆宣传教育部']);
    expect(facts.organizations).toContainEqual(expect.objectContaining({ name: '中国园林博物馆宣传教育部', parent: '中国园林博物馆' }));
  });

  it('places a unit with no organization in the sentence under the one the article names', () => {
    const text = '北京天文馆举办活动。科普教育部主任杨斌作总结。北京天文馆科普教育部主任杨斌发言。';
    expect(positions(text)).toEqual(['杨斌|主任|北京天文馆科普教育部']);
    expect(positions('北京天文馆举办活动,北京天文馆供稿。科普教育部主任杨斌作总结。')).toEqual(['杨斌|主任|北京天文馆科普教育部']);
  });

  it('splits two people with no comma between them', () => {
    expect(positions('陕西科技馆馆长王晓东咸阳市科协主席亚斌建出席。')).toEqual(['王晓东|馆长|陕西科技馆', '亚斌建|主席|咸阳市科协']);
  });

  it('reads a name split by a space', () => {
    expect(extractFacts('北京科学中心主任张 凯发言。').people.map((p) => p.name)).toEqual(['张凯']);
  });

  it('keeps traditional spelling in output and quotes at valid offsets', () => {
    const text = '本報訊 北京天文館館長朱進出席。';
    const [person] = extractFacts(text).people;
    expect(person?.name).toBe('朱進');
    expect(person?.positions[0]).toMatchObject({ title: '館長', organization: '北京天文館' });
    const { quote, offset } = person!.positions[0]!.evidence;
    expect(text.slice(offset!, offset! + quote.length)).toBe(quote);
  });
});

describe('positions: chains across organizations and names the lexicons do not expect', () => {
  it('gives each organization of a chain its own titles', () => {
    expect(positions('中国工程院院士、南方大学教授林海川作报告。')).toEqual(['林海川|院士|中国工程院', '林海川|教授|南方大学']);
  });

  it('keeps a conjunction inside one organization\'s name, and drops the term of office', () => {
    expect(positions('滨海特区文化及旅游局局长吴志刚致辞。')).toEqual(['吴志刚|局长|滨海特区文化及旅游局']);
    expect(positions('北京天文馆与滨江市人民政府副市长吴志刚签署协议。')).toEqual(['吴志刚|副市长|滨江市人民政府']);
    expect(positions('第十四届全国政协委员、滨江大学教授吴志刚出席。')).toEqual(['吴志刚|委员|全国政协', '吴志刚|教授|滨江大学']);
  });

  it('ends a name before a verb the lexicons lack, and takes no suffix word for a name', () => {
    expect(positions('滨江市科协副主席欧阳群力召集并主持会议。')).toEqual(['欧阳群力|副主席|滨江市科协']);
    expect(positions('滨江航天集团公司董事长、党组书记孙立新一同参加活动。').map((p) => p.split('|')[0])).toEqual(['孙立新', '孙立新']);
  });
});

describe('positions: what the article around a mention tells', () => {
  it('reads a short form as the organization the article names in full, and a government title as the place\'s', () => {
    const text = '滨江县委书记周明远出席。县委副书记、统战部部长吴志刚,县委常委、副县长孙立新陪同。';
    expect(positions(text)).toEqual([
      '周明远|书记|滨江县委',
      '吴志刚|副书记|滨江县委', '吴志刚|统战部部长|滨江县委',
      '孙立新|常委|滨江县委', '孙立新|副县长|滨江县',
    ]);
  });

  it('gives a chain\'s later title the chain\'s organization, and a unit the organization named before it', () => {
    const text = '中国科技馆馆长周明远出席。滨江省科协党组成员、专职副主席吴志刚,科普部部长孙立新出席仪式。';
    expect(positions(text)).toEqual([
      '周明远|馆长|中国科技馆',
      '吴志刚|党组成员|滨江省科协', '吴志刚|专职副主席|滨江省科协',
      '孙立新|部长|滨江省科协科普部',
    ]);
  });

  it('shares an organization across 和, and takes a shorter title named later for the same position', () => {
    const text = '滨江市科协党组书记、副主席吴志刚和副主席孙立新陪同。吴志刚副主席表示欢迎。';
    expect(positions(text)).toEqual(['吴志刚|党组书记|滨江市科协', '吴志刚|副主席|滨江市科协', '孙立新|副主席|滨江市科协']);
  });
});

describe('positions: the words around titles', () => {
  it('leaves out tenure words, times and terms, keeps an office\'s own 室, and chains titles joined by 兼', () => {
    expect(positions('滨江大学新任校长吴志刚到任。')).toEqual(['吴志刚|校长|滨江大学']);
    expect(positions('上午,9点30分滨江市人大常委会副主任吴志刚出席。')).toEqual(['吴志刚|副主任|滨江市人大常委会']);
    expect(positions('滨江市人民政府驻京联络办公室主任吴志刚出席。')).toEqual(['吴志刚|主任|滨江市人民政府驻京联络办公室']);
    expect(positions('中国天文学会副理事长兼秘书长吴志刚出席。')).toEqual(['吴志刚|副理事长|中国天文学会', '吴志刚|秘书长|中国天文学会']);
  });

  it('reads an organization named by the tail of its name as that organization', () => {
    const text = '调研组来到苏州科学中心,科学中心主任吴志刚、中心副主任孙立新陪同。';
    expect(positions(text)).toEqual(['吴志刚|主任|苏州科学中心', '孙立新|副主任|苏州科学中心']);
  });

  it('keeps a person named with a national leader\'s title or among guests from elsewhere, without guessing a position', () => {
    const facts = extractFacts('滨江天文馆举办讲座。滨江大学教授吴志刚,高级工程师孙立新出席。大家深入贯彻习近平总书记讲话精神。');
    expect(facts.people.map((p) => `${p.name}:${p.positions.map((x) => x.title).join('+')}`)).toEqual(['吴志刚:教授', '孙立新:', '习近平:']);
  });
});

describe('positions: names of organizations as articles write them', () => {
  it('keeps the article\'s own organization as it calls it, a former holder\'s title, and words inside a name', () => {
    expect(positions('我校党委书记吴志刚、副校长孙立新出席。')).toEqual(['吴志刚|党委书记|我校', '孙立新|副校长|我校']);
    expect(positions('国际天文联合会前任主席、中国新一代天文研究院执行院长吴志刚作报告。')).toEqual([
      '吴志刚|前任主席|国际天文联合会', '吴志刚|执行院长|中国新一代天文研究院',
    ]);
  });

  it('reads a national body sharing its 部 with the title, and drops a verb before a short form', () => {
    expect(positions('教育部长吴志刚南下考察。')).toEqual(['吴志刚|部长|教育部']);
    expect(positions('下面请市科协吴志刚主席讲话。')).toEqual(['吴志刚|主席|市科协']);
  });

  it('prefers the unit when the same title is named in the unit and in its organization, and keeps a unit that names its parent', () => {
    expect(positions('苏州科技馆展教部吴志刚部长出席。随后苏州科技馆吴志刚部长宣布开幕。')).toEqual(['吴志刚|部长|苏州科技馆展教部']);
    expect(positions('苏州科协科普部部长孙立新、南方大学社会学系教授吴志刚出席。')).toEqual(['孙立新|部长|苏州科协科普部', '吴志刚|教授|南方大学社会学系']);
  });
});

describe('positions: government titles', () => {
  it('seats a government title in the one place of its level the article names, never in the article\'s organization', () => {
    expect(positions('吉林省科技活动周在长春启动。科技厅厅长孙立新主持,副省长吴志刚致辞。')).toEqual(['孙立新|厅长|科技厅', '吴志刚|副省长|吉林省']);
    expect(positions('活动由信阳市科技局主办,市委常委、常务副市长吴志刚出席。')).toEqual(['吴志刚|常委|市委', '吴志刚|常务副市长|信阳市']);
    expect(positions('滨江州人民政府副州长吴志刚出席。')).toEqual(['吴志刚|副州长|滨江州人民政府']);
  });

  it('gives a bare head\'s title the last organization named before it that it can head', () => {
    expect(positions('苏州科技馆新任馆长孙立新到任,苏州大学教授周明远出席,前馆长吴志刚致辞。')).toEqual([
      '孙立新|馆长|苏州科技馆', '周明远|教授|苏州大学', '吴志刚|前馆长|苏州科技馆',
    ]);
  });
});

describe('positions: lists, brackets and units in longer phrases', () => {
  it('continues a list over a comma for a deputy of the same office, not for another title', () => {
    expect(positions('苏州科协党组书记、常务副主席吴志刚,副主席孙立新陪同。')).toEqual([
      '吴志刚|党组书记|苏州科协', '吴志刚|常务副主席|苏州科协', '孙立新|副主席|苏州科协',
    ]);
  });

  it('reads the organization before another name in brackets, a unit after a chain\'s organization, and long modifiers', () => {
    expect(positions('苏州文学馆(苏州作家纪念馆)党委书记吴志刚出席。')).toEqual(['吴志刚|党委书记|苏州文学馆']);
    expect(positions('九三学社中央常委、社会服务部部长吴志刚出席。')).toEqual(['吴志刚|常委|九三学社中央', '吴志刚|部长|九三学社中央社会服务部']);
    expect(positions('苏州科技馆机器人项目主管孙立新演示。')).toEqual(['孙立新|机器人项目主管|苏州科技馆']);
    expect(positions('南京大学现代工程学院教授孙立新作报告。')).toEqual(['孙立新|教授|南京大学现代工程学院']);
    expect(positions('中国科学院大气物理所研究员孙立新作报告。')).toEqual(['孙立新|研究员|中国科学院大气物理所']);
  });

  it('takes no name from inside a phrase (基层科普组织联络员)', () => {
    expect(extractFacts('苏州科协科普部长、科技志愿者及基层科普组织联络员等9人参加培训。').people).toEqual([]);
  });
});

describe('positions: committees, departments and places before titles', () => {
  it('takes no title from the start of 委员会, keeps 系 with its department, and seats a government title in the place before it', () => {
    expect(positions('苏州政协教科卫体委员会主任孙立新出席。')).toEqual(['孙立新|主任|苏州政协教科卫体委员会']);
    expect(positions('南方大学科技传播系主任孙立新作报告。')).toEqual(['孙立新|主任|南方大学科技传播系']);
    expect(positions('苏州市副市长孙立新致辞。')).toEqual(['孙立新|副市长|苏州市']);
  });

  it('reads 长 inside a given name and refuses words like 全体 as names', () => {
    expect(positions('苏州科协副主任单长勇出席。')).toEqual(['单长勇|副主任|苏州科协']);
    expect(extractFacts('苏州科协五届委员会全体委员参加会议。').people).toEqual([]);
  });
});

describe('positions gained by election, and an organization sharing its last character with the title', () => {
  const positionsIn = (text: string) => extractFacts(text).people!.flatMap((p) => (p.positions ?? []).map((x) => `${p.name} ${x.title}@${x.organization}`));

  it('gives a person elected or appointed the titles after the verb', () => {
    expect(positionsIn('会上,张明当选为省科协主席。')).toEqual(['张明 主席@省科协']);
    expect(positionsIn('大会选举产生了新一届理事会,李华当选为中国天文学会理事长、秘书长。')).toEqual(['李华 理事长@中国天文学会', '李华 秘书长@中国天文学会']);
  });

  it('keeps the last character of an organization written once for it and its title', () => {
    expect(positionsIn('國立臺灣科學教育館長陳雪玉出席。')).toEqual(['陳雪玉 館長@國立臺灣科學教育館']);
    expect(positionsIn('北京天文馆馆长朱进、礼泉县实验中学校长杨增理出席。')).toEqual(['朱进 馆长@北京天文馆', '杨增理 校长@礼泉县实验中学']);
  });
});
