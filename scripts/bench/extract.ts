import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import nodejieba from 'nodejieba';
import { median, rate, ratio, time, type Row } from './measure.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXTRACTOR = join(ROOT, 'src/extract/index.ts');
/** The seed article and the other real articles of the project (shared/articles beside the repository). */
const ARTICLE_DIRECTORIES = [join(ROOT, 'seeds'), join(ROOT, '../shared/articles'), join(ROOT, 'test/fixtures/articles')];

type Extract = (text: string, options?: { source?: string }) => unknown;

/** Each distinct article once (the test fixtures copy some of them). */
export async function articles(): Promise<string[]> {
  const texts = new Set<string>();
  for (const directory of ARTICLE_DIRECTORIES.filter(existsSync)) {
    for (const name of (await readdir(directory)).filter((n) => n.endsWith('.txt')).sort()) {
      const text = await readFile(join(directory, name), 'utf8');
      if (/\p{Script=Han}/u.test(text)) texts.add(text);
    }
  }
  return [...texts];
}

/**
 * Characters per second of the extractor against raw `nodejieba.cut` on the same articles: segmentation
 * is the first stage of extraction, so the ratio says what the rest of the pipeline costs. The extractor
 * is imported by path at run time, so the benchmark runs (and says so) before it exists.
 */
export async function measureExtraction(rounds: number): Promise<Row> {
  const measurement = 'extraction (extractFacts) vs nodejieba.cut';
  if (!existsSync(EXTRACTOR)) return { measurement, value: 'extractor not available', baseline: '', ratio: '', target: '≥ 0.3×' };
  const { extractFacts } = (await import(pathToFileURL(EXTRACTOR).href)) as { extractFacts?: Extract };
  if (typeof extractFacts !== 'function') return { measurement, value: 'extractor not available (no extractFacts export)', baseline: '', ratio: '', target: '≥ 0.3×' };
  const texts = await articles();
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const extractRates: number[] = [];
  const cutRates: number[] = [];
  for (let r = 0; r < rounds + 1; r++) {
    const e = await time(() => texts.forEach((t) => extractFacts(t, { source: 'bench' })));
    const c = await time(() => texts.forEach((t) => nodejieba.cut(t)));
    if (r > 0) extractRates.push(chars / (e / 1000)), cutRates.push(chars / (c / 1000)); // round 0 warms up
  }
  const [extract, cut] = [median(extractRates), median(cutRates)];
  return { measurement, value: rate(extract, 'chars'), baseline: rate(cut, 'chars'), ...ratio(extract, cut, 0.3, true), note: `${texts.length} articles, ${chars} characters` };
}
