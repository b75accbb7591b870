/**
 * `npm run eval:extract [-- --fixtures DIR]`: the extractor against hand-written gold, per article and
 * overall: test/fixtures by default, or any directory laid out the same way (DIR/articles/NAME.txt beside
 * DIR/gold/NAME.gold.json), e.g. a held-out set kept outside the repository. Prints people and positions
 * (precision, recall, F1), the organization of each found position, and the recall of core
 * organizations, event dates and agreements; exits 1 when the overall scores fall under the thresholds
 * the test suite also asserts.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { FIXTURES, scoreFixtures } from '../src/extract/eval/fixtures.js';
import { recall, type Recall } from '../src/extract/eval/kinds.js';
import { accuracy, add, failures, prf, type ArticleScore } from '../src/extract/eval/score.js';

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const ratio = (x: number, of: Recall | { correct: number; total: number }) =>
  `${pct(x)} (${'found' in of ? of.found : of.correct}/${of.total})`.padEnd(14);

function row(name: string, s: ArticleScore): string {
  const people = prf(s.people);
  const positions = prf(s.positions);
  return [
    name.padEnd(38),
    `${pct(people.precision)} ${pct(people.recall)} ${pct(people.f1)}`,
    `${pct(positions.precision)} ${pct(positions.recall)} ${pct(positions.f1)}`,
    ratio(accuracy(s.organizations), s.organizations),
    ratio(recall(s.coreOrganizations), s.coreOrganizations),
    ratio(recall(s.eventDates), s.eventDates),
    ratio(recall(s.agreements), s.agreements),
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
const heads = ['people P     R     F1 ', 'positions P  R     F1 ', 'org of position', 'core orgs (R)', 'event dates (R)', 'agreements (R)'];
console.log([`${'article'.padEnd(38)}`, ...heads.map((h, i) => (i < 2 ? h : h.padEnd(14)))].join(' | '));
for (const { name, score } of results) console.log(row(name, score));
const overall = results.map((r) => r.score).reduce(add);
console.log(row('OVERALL', overall));
for (const miss of overall.misses) console.log(`  - ${miss}`);
const failed = failures(overall);
for (const f of failed) console.error(`FAIL: ${f}`);
process.exit(failed.length > 0 ? 1 : 0);
