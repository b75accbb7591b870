import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/ingest/errors.js';
import { readFactsFile } from '../../src/ingest/read.js';
import { smallFacts, writeFiles } from '../support/facts.js';

async function problemOf(content: string | Buffer | object, extra: Record<string, string> = {}) {
  const directory = await writeFiles({ 'bad.facts.json': content, ...extra });
  const error = await readFactsFile(join(directory, 'bad.facts.json')).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BadInputError);
  expect((error as BadInputError).file).toMatch(/bad\.facts\.json$/);
  return error as BadInputError;
}

describe('reading a facts file', () => {
  it('accepts a valid document and fills defaults', async () => {
    const directory = await writeFiles({ 'ok.facts.json': smallFacts() });
    const { facts } = await readFactsFile(join(directory, 'ok.facts.json'));
    expect(facts.people[0]!.aliases).toEqual([]);
    expect(facts.agreements).toEqual([]);
  });

  it('names invalid JSON', async () => {
    expect((await problemOf('{"document": ')).problem).toMatch(/invalid JSON/);
  });

  it('names the JSON path of a missing name', async () => {
    const facts = smallFacts({ people: [{ name: '', positions: [] }] });
    const error = await problemOf(facts);
    expect(error.at).toBe('$.people[0].name');
  });

  it('refuses a role in an organization that does not exist', async () => {
    const people = [{ name: '庄嘉', positions: [{ title: '副主任', organization: '不存在的中心', evidence: { quote: 'x' } }] }];
    const error = await problemOf(smallFacts({ people }));
    expect(error.at).toBe('$.people[0].positions[0].organization');
    expect(error.problem).toMatch(/不存在的中心/);
  });

  it('refuses an unknown participation kind', async () => {
    const events = [{ name: '会', participants: [{ name: '李健文', kind: 'DANCER' }] }];
    const error = await problemOf(smallFacts({ events } as never));
    expect(error.at).toBe('$.events[0].participants[0].kind');
  });

  it('refuses a participant nobody declared, and an unknown key', async () => {
    const events = [{ name: '会', participants: [{ name: '王五', kind: 'SPEAKER' as const }] }];
    expect((await problemOf(smallFacts({ events }))).at).toBe('$.events[0].participants[0].name');
    expect((await problemOf({ ...smallFacts(), extra: 1 })).problem).toMatch(/extra/);
  });

  it('refuses an impossible date', async () => {
    const events = [{ name: '会', startDate: '2020-02-30' }];
    expect((await problemOf(smallFacts({ events }))).at).toBe('$.events[0].startDate');
  });

  it('checks every evidence quote against the article text at its offset', async () => {
    const document = { ...smallFacts().document, source: 'a.txt' };
    const people = [{ name: '李健文', positions: [{ title: '副馆长', organization: '北京天文馆', evidence: { quote: '北京天文馆副馆长李健文', offset: 3 } }] }];
    const error = await problemOf(smallFacts({ document, people }), { 'a.txt': '北京天文馆副馆长李健文主持' });
    expect(error.at).toBe('$.people[0].positions[0].evidence.quote');
    expect(error.problem).toMatch(/offset 3/);
  });

  it('refuses a missing article, a file that is not UTF-8, and a missing file', async () => {
    const document = { ...smallFacts().document, source: 'missing.txt' };
    expect((await problemOf(smallFacts({ document }))).at).toBe('$.document.source');
    const gbk = Buffer.concat([Buffer.from('{"a": "'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]), Buffer.from('"}')]); // 你好 in GBK
    expect((await problemOf(gbk)).problem).toBe('not UTF-8 text');
    const error = await readFactsFile('/nonexistent/x.facts.json').catch((e: unknown) => e);
    expect((error as BadInputError).problem).toBe('no such file');
  });
});
