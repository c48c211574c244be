import { expect, test } from 'vitest';
import { evaluate, mean } from '../../scripts/search-eval/evaluate';

// A guard against regressions, not a timing: the figures reached on the development set when this
// was written (106 queries, with the second round's latin-typo, synonym and phrasing cases: nDCG@10 0.953,
// recall@10 0.943, MRR 0.970; latin-typo 0.973, synonym 0.891, phrasing 0.945), less a small margin, and every kind
// of issue 19 at least 0.8 (the held-out set is reported by eval:search, not tested).
test('search quality on the test collection does not fall', async () => {
  const scores = await evaluate();
  const overall = mean(scores);
  expect(overall.count).toBeGreaterThanOrEqual(100);
  expect(overall.ndcg).toBeGreaterThanOrEqual(0.94);
  expect(overall.recall).toBeGreaterThanOrEqual(0.93);
  expect(overall.mrr).toBeGreaterThanOrEqual(0.95);
  for (const kind of ['long-vowel', 'small-kana', 'hiragana', 'latin-typo', 'phrasing', 'synonym', 'fragment'] as const) {
    expect(mean(scores.filter((x) => x.kind === kind)).ndcg, kind).toBeGreaterThanOrEqual(0.8);
  }
  for (const s of scores.filter((x) => x.kind === 'none')) expect(s.found, s.q).toEqual([]);
});
