import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FactsInput } from '../../src/model/facts.js';

/** A small valid facts document; tests break one thing in it at a time. */
export function smallFacts(overrides: Partial<FactsInput> = {}): FactsInput {
  return {
    document: { title: '测试文章', publishedAt: '2020-11-26', publisher: '北京天文馆', authors: ['李珺'] },
    people: [
      {
        name: '李健文',
        positions: [{ title: '副馆长', organization: '北京天文馆', evidence: { quote: '北京天文馆副馆长李健文' } }],
      },
    ],
    organizations: [{ name: '北京天文馆' }, { name: '科学技术部', aliases: ['科技部'] }],
    events: [
      {
        name: '总结会',
        startDate: '2020-11-24',
        place: '北京天文馆',
        participants: [
          { name: '李健文', kind: 'CHAIR' },
          { name: '科技部', kind: 'HOST' },
        ],
      },
    ],
    ...overrides,
  };
}

/** Writes files into a fresh temporary directory; returns its path. */
export async function writeFiles(files: Record<string, string | Buffer | object>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'tupu-facts-'));
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(directory, name), typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  }
  return directory;
}

/** A meeting at which `n` people speak, each holding two titles in one of a few organizations. */
export function meetingWithSpeakers(n: number): FactsInput {
  const organizations = ['甲研究院', '乙博物馆', '丙科技馆'].map((name) => ({ name }));
  const people = Array.from({ length: n }, (_, i) => {
    const organization = organizations[i % organizations.length]!.name;
    const position = (title: string) => ({ title, organization, evidence: { quote: `${organization}${title}` } });
    return { name: `发言人${i}`, positions: [position('主任'), position('研究员')] };
  });
  const participants = people.map((p) => ({ name: p.name, kind: 'SPEAKER' as const }));
  return { document: { title: `座谈会${n}`, publishedAt: null }, people, organizations, events: [{ name: '座谈会', participants }] };
}
