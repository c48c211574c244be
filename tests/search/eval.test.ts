import { expect, test } from 'vitest';
import { evaluate, mean } from '../../scripts/search-eval/evaluate';

// A guard against regressions, not a timing: the figures reached on the development set when this
// was written, less a small margin. 144 queries since the fourth round (wn20), whose 13 cases (5
// synonym, 8 paraphrase, with distractor tips) were written before its engine change and lowered the
// set's figures before any tuning (overall 0.895 → 0.851, synonym 0.883 → 0.795, paraphrase 0.654 →
// 0.610, and a 'none' query found a new tip). After it (WordNet in the derived thesaurus, weak
// evidence kept out of relaxed queries): nDCG@10 0.864, recall@10 0.859, MRR 0.887; synonym 0.795,
// paraphrase 0.637, latin-typo 0.973, phrasing 0.938. Synonym and paraphrase are below the 0.8 the
// other kinds of issue 19 reach, so floored apart. The held-out set is reported by eval:search, not tested.
test('search quality on the test collection does not fall', async () => {
  const scores = await evaluate();
  const overall = mean(scores);
  expect(overall.count).toBeGreaterThanOrEqual(144);
  // Fifth round: the page as shown, with the tips with all the words but one after those with
  // every word (service.ts `partial`): nDCG@10 0.875, recall@10 0.895, synonym 0.810.
  expect(overall.ndcg).toBeGreaterThanOrEqual(0.865);
  expect(overall.recall).toBeGreaterThanOrEqual(0.88);
  expect(overall.mrr).toBeGreaterThanOrEqual(0.88);
  for (const kind of ['long-vowel', 'small-kana', 'hiragana', 'latin-typo', 'phrasing', 'fragment'] as const) {
    expect(mean(scores.filter((x) => x.kind === kind)).ndcg, kind).toBeGreaterThanOrEqual(0.8);
  }
  expect(mean(scores.filter((x) => x.kind === 'synonym')).ndcg, 'synonym').toBeGreaterThanOrEqual(0.80);
  expect(mean(scores.filter((x) => x.kind === 'paraphrase')).ndcg, 'paraphrase').toBeGreaterThanOrEqual(0.63);
  for (const s of scores.filter((x) => x.kind === 'none')) expect(s.found, s.q).toEqual([]);
});

test('question and intent words around the words lower no recall (development queries in question frames)', async () => {
  const { frameScores } = await import('../../scripts/search-eval/frames');
  const { plain, frames } = await frameScores();
  // Frames that add a content word of their own (使いたい: use; 簡単にする: make simple) narrow by
  // meaning; every other frame adds question and intent words only.
  const content = new Set(['を使いたい', 'を簡単にする']);
  for (const { name, scores, drops } of frames.filter((f) => !content.has(f.name))) {
    expect(scores.recall, `${name}: ${drops.join(' | ')}`).toBeGreaterThanOrEqual(plain.recall - 0.05);
  }
}, 120_000);
