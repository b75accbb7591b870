import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFacts } from '../index.js';
import { goldSchema, scoreArticle, type ArticleScore } from './score.js';

export const FIXTURES = new URL('../../../test/fixtures/', import.meta.url);

/** Runs the extractor on every article that has a gold file and scores it. */
export function scoreFixtures(root: URL = FIXTURES): { name: string; score: ArticleScore }[] {
  const goldDir = new URL('gold/', root);
  const articles = new URL('articles/', root);
  for (const dir of [goldDir, articles]) if (!existsSync(dir)) throw new Error(`no such directory: ${fileURLToPath(dir)}`);
  return readdirSync(goldDir)
    .filter((file) => file.endsWith('.gold.json'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.gold\.json$/, '');
      const gold = goldSchema.parse(JSON.parse(readFileSync(new URL(file, goldDir), 'utf8')));
      const article = new URL(`${name}.txt`, articles);
      if (!existsSync(article)) throw new Error(`${fileURLToPath(new URL(file, goldDir))} has no article: ${fileURLToPath(article)}`);
      const text = readFileSync(article, 'utf8');
      return { name, score: scoreArticle(extractFacts(text, { source: join('articles', `${name}.txt`) }), gold) };
    });
}
