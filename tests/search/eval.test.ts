import { expect, test } from 'vitest';
import { evaluate, mean } from '../../scripts/search-eval/evaluate';

// A guard against regressions, not a timing: the figures reached on the development set when this
// was written, less a small margin. 131 queries since the third round (syn19), whose 24 'paraphrase'
// cases of everyday requests were written before its engine change: nDCG@10 0.895, recall@10 0.899,
// MRR 0.908; latin-typo 0.973, synonym 0.883, phrasing 0.945, paraphrase 0.643 (0.560 before it —
// below the 0.8 the other kinds of issue 19 reach, so floored apart). The held-out set is reported by
// eval:search, not tested.
test('search quality on the test collection does not fall', async () => {
  const scores = await evaluate();
  const overall = mean(scores);
  expect(overall.count).toBeGreaterThanOrEqual(131);
  expect(overall.ndcg).toBeGreaterThanOrEqual(0.885);
  expect(overall.recall).toBeGreaterThanOrEqual(0.89);
  expect(overall.mrr).toBeGreaterThanOrEqual(0.9);
  for (const kind of ['long-vowel', 'small-kana', 'hiragana', 'latin-typo', 'phrasing', 'synonym', 'fragment'] as const) {
    expect(mean(scores.filter((x) => x.kind === kind)).ndcg, kind).toBeGreaterThanOrEqual(0.8);
  }
  expect(mean(scores.filter((x) => x.kind === 'paraphrase')).ndcg, 'paraphrase').toBeGreaterThanOrEqual(0.63);
  for (const s of scores.filter((x) => x.kind === 'none')) expect(s.found, s.q).toEqual([]);
});
