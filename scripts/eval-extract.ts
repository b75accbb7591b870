/**
 * `npm run eval:extract [-- --fixtures DIR]`: the extractor against hand-written gold, per article and
 * overall: test/fixtures by default, or any directory laid out the same way (DIR/articles/NAME.txt beside
 * DIR/gold/NAME.gold.json), e.g. a held-out set kept outside the repository. Exits 1 when the overall
 * scores fall under the thresholds the test suite also asserts.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { FIXTURES, scoreFixtures } from '../src/extract/eval/fixtures.js';
import { accuracy, add, failures, prf, type ArticleScore } from '../src/extract/eval/score.js';

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

function row(name: string, s: ArticleScore): string {
  const people = prf(s.people);
  const positions = prf(s.positions);
  return [
    name.padEnd(38),
    `${pct(people.precision)} ${pct(people.recall)} ${pct(people.f1)}`,
    `${pct(positions.precision)} ${pct(positions.recall)} ${pct(positions.f1)}`,
    `${pct(accuracy(s.organizations))} (${s.organizations.correct}/${s.organizations.total})`,
  ].join(' | ');
}

const { values } = parseArgs({ options: { fixtures: { type: 'string' } } });
const root = values.fixtures ? pathToFileURL(`${resolve(values.fixtures)}/`) : FIXTURES;
const results = (() => {
  try {
    return scoreFixtures(root);
  } catch (error) {
    console.error(`eval:extract: ${(error as Error).message}`);
    process.exit(2);
  }
})();
console.log(`${'article'.padEnd(38)} | people P     R     F1  | positions P  R     F1  | org accuracy`);
for (const { name, score } of results) console.log(row(name, score));
const overall = results.map((r) => r.score).reduce(add);
console.log(row('OVERALL', overall));
for (const miss of overall.misses) console.log(`  - ${miss}`);
const failed = failures(overall);
for (const f of failed) console.error(`FAIL: ${f}`);
process.exit(failed.length > 0 ? 1 : 0);
