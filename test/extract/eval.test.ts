import { describe, expect, it } from 'vitest';
import { scoreFixtures } from '../../src/extract/eval/fixtures.js';
import { accuracy, add, failures, prf, THRESHOLDS } from '../../src/extract/eval/score.js';

describe('extractor against the hand-written gold fixtures', () => {
  const overall = scoreFixtures().map((r) => r.score).reduce(add);

  it('meets the person, position and organization thresholds', () => {
    expect(prf(overall.people).f1).toBeGreaterThanOrEqual(THRESHOLDS.personF1);
    expect(prf(overall.positions).f1).toBeGreaterThanOrEqual(THRESHOLDS.positionF1);
    expect(accuracy(overall.organizations)).toBeGreaterThanOrEqual(THRESHOLDS.organizationAccuracy);
    expect(failures(overall)).toEqual([]);
  });
});
