/**
 * Question and intent words must lower no recall (issue 19 part 2). The development set's plain
 * queries (kinds whose words are the subject alone) are wrapped in question frames people type
 * around the real words (〜のやり方を教えてください, 〜ができない, 〜について知りたい, …) and each
 * frame's recall@10 and nDCG@10 are compared with the plain queries'; queries whose recall drops are
 * listed. A development check: the frames were written before the two query fixes they found
 * (docs/search.md), and the held-out set is not used.
 *
 *   npx tsx scripts/search-eval/frames.ts
 */
import { fileURLToPath } from 'node:url';
import { evaluate, mean, type Scores } from './evaluate';
import { QUERIES } from './collection';

const KINDS = new Set(['two-char', 'katakana/width', 'case', 'mixed', 'okurigana', 'long-vowel', 'small-kana', 'prefix']);
/** Question frames: what people type around the real words (the frame's name is what it adds). */
export const FRAMES: [string, (q: string) => string][] = [
  ['やり方', (q) => `${q} やり方`], ['のやり方を教えてください', (q) => `${q}のやり方を教えてください`], ['ができない', (q) => `${q}ができない`],
  ['について知りたい', (q) => `${q}について知りたい`], ['はどうすればいいですか', (q) => `${q}はどうすればいいですか`], ['する方法', (q) => `${q}する方法`],
  ['がうまくいかない', (q) => `${q}がうまくいかない`], ['の使い方がわからない', (q) => `${q}の使い方がわからない`], ['したいのですが', (q) => `${q}したいのですが`],
  ['の手順', (q) => `${q}の手順`], ['を使いたい', (q) => `${q}を使いたい`], ['って何？', (q) => `${q}って何？`], ['のコツ', (q) => `${q}のコツ`],
  ['を簡単にする', (q) => `${q}を簡単にする`], ['で困っています', (q) => `${q}で困っています`], ['のやり方が分かりません', (q) => `${q}のやり方が分かりません`],
];

export interface FrameScores { plain: Scores; frames: { name: string; scores: Scores; drops: string[] }[] }

/** The plain queries' scores, and each frame's with the queries whose recall it lowers. */
export async function frameScores(): Promise<FrameScores> {
  const base = QUERIES.filter((q) => KINDS.has(q.kind) && Object.keys(q.relevant).length > 0 && !/["-]/.test(q.q));
  const queries = [...base, ...FRAMES.flatMap(([name, f]) => base.map((q) => ({ ...q, q: f(q.q), kind: name })))];
  const scores = await evaluate({ queries });
  const byQ = new Map(scores.map((s) => [s.q, s]));
  return {
    plain: mean(base.map((q) => byQ.get(q.q)!)),
    frames: FRAMES.map(([name, f]) => ({
      name,
      scores: mean(base.map((q) => byQ.get(f(q.q))!)),
      drops: base.filter((q) => byQ.get(f(q.q))!.recall < byQ.get(q.q)!.recall - 1e-9)
        .map((q) => `${f(q.q)} ${byQ.get(q.q)!.recall.toFixed(2)}→${byQ.get(f(q.q))!.recall.toFixed(2)}`),
    })),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { plain, frames } = await frameScores();
  console.log(`plain (${plain.count} q): recall ${plain.recall.toFixed(3)} ndcg ${plain.ndcg.toFixed(3)}`);
  for (const { name, scores, drops } of frames) {
    console.log(`${name.padEnd(16)} recall ${scores.recall.toFixed(3)} ndcg ${scores.ndcg.toFixed(3)} drops ${drops.length}: ${drops.slice(0, 6).join(' | ')}`);
  }
}
