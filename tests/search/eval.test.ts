import { expect, test } from 'vitest';
import { evaluate, mean } from '../../scripts/search-eval/evaluate';

// A guard against regressions, not a timing: the figures reached when this was written
// (nDCG@10 0.964, recall@10 0.940, MRR 1.000 on 42 queries), less a small margin.
test('search quality on the test collection does not fall', async () => {
  const scores = await evaluate();
  const overall = mean(scores);
  expect(overall.count).toBeGreaterThanOrEqual(40);
  expect(overall.ndcg).toBeGreaterThanOrEqual(0.95);
  expect(overall.recall).toBeGreaterThanOrEqual(0.92);
  expect(overall.mrr).toBeGreaterThanOrEqual(0.97);
  for (const s of scores.filter((x) => x.kind === 'none')) expect(s.found, s.q).toEqual([]);
});
