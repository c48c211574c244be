/**
 * Search quality: nDCG@10, recall@10 and MRR per kind of query and overall, on
 *  1. the development set (scripts/search-eval/collection.ts), the one tuned on;
 *  2. the held-out set (scripts/search-eval/heldout.ts, written by another helper without reading
 *     the engine, frozen: its hash is in docs/search.md) — reported, never tuned on;
 *  3. the held-out set planted among 10,000 generated distractor tips (distractors.ts), and the
 *     loss against 2 (target < 0.05).
 * Usage: npm run eval:search [-- --verbose] [-- --no-10k] [-- --dev-only] [-- --outranked <file>]
 *   --dev-only scores the development set only (to tune on it without seeing the held-out queries:
 *   --verbose lists every query with what it found).
 *   With --dev-only, the development set is also planted among the 10,000 distractors (--no-10k skips).
 *   --outranked writes, for each held-out query among the 10k, the distractors ranked above its
 *   first relevant tip (to read whether they are in fact relevant).
 *   --check3 also scores check set 3 (scripts/search-eval/check3.ts, synonyms and paraphrases written
 *   before that session's engine change, never tuned on) against the development tips plus its own,
 *   and skips the held-out part as --dev-only does; --check3-only scores check set 3 alone.
 *   --check4 / --check4-only: the same for check set 4 (scripts/search-eval/check4.ts, a second
 *   independent synonym and paraphrase set, written before the next engine change; development since
 *   its failures were read, 2026-12-07 14:44 UTC).
 *   --check5 / --check5-only: the same for check set 5 (scripts/search-eval/check5.ts, a third
 *   independent synonym and paraphrase set, written by the helper `check5`, never tuned on).
 *   --check6 / --check6-only: the same for check set 6 (scripts/search-eval/check6.ts, a fourth
 *   independent synonym and paraphrase set, written by the helper `check6`, never tuned on).
 *   --check7 / --check7-only: the same for check set 7 (scripts/search-eval/check7.ts, a fifth
 *   independent synonym and paraphrase set, written by the helper `check7`, never tuned on).
 */
import fs from 'node:fs';
import { search } from '../server/search/service';
import { CHECK3_QUERIES, CHECK3_TIPS } from './search-eval/check3';
import { CHECK4_QUERIES, CHECK4_TIPS } from './search-eval/check4';
import { CHECK5_QUERIES, CHECK5_TIPS } from './search-eval/check5';
import { CHECK6_QUERIES, CHECK6_TIPS } from './search-eval/check6';
import { CHECK7_QUERIES, CHECK7_TIPS } from './search-eval/check7';
import { QUERIES, TIPS, type EvalTip } from './search-eval/collection';
import { evaluate, mean, table, type GradedQuery, type QueryScore } from './search-eval/evaluate';

const verbose = process.argv.includes('--verbose');
const outrankedAt = process.argv.indexOf('--outranked');
const outrankedFile = outrankedAt > 0 ? process.argv[outrankedAt + 1] : null;
const check3Only = process.argv.includes('--check3-only');
const check3 = check3Only || process.argv.includes('--check3');
const check4Only = process.argv.includes('--check4-only');
const check4 = check4Only || process.argv.includes('--check4');
const check5Only = process.argv.includes('--check5-only');
const check5 = check5Only || process.argv.includes('--check5');
const check6Only = process.argv.includes('--check6-only');
const check6 = check6Only || process.argv.includes('--check6');
const check7Only = process.argv.includes('--check7-only');
const check7 = check7Only || process.argv.includes('--check7');
/** Only check sets (no development set, no held-out part). */
const checkOnly = check3Only || check4Only || check5Only || check6Only || check7Only;

function report(name: string, tips: number, queries: number, scores: QueryScore[]) {
  process.stdout.write(`\n## ${name}: ${tips} tips, ${queries} queries\n\n${table(scores)}\n`);
  if (verbose) {
    process.stdout.write('\n');
    for (const s of scores) {
      process.stdout.write(`${s.ndcg.toFixed(2)}  [${s.kind}${s.fresh ? " fresh" : ""}] ${s.q}${s.corrected ? ` → ${s.corrected}` : ''}: ${s.found.join(', ') || '(nothing)'}\n`);
    }
  }
}

// --check3-only / --check4-only / --check5-only / --check6-only / --check7-only skip the development set (and with it the parts below that read it).
const dev = checkOnly ? [] : await evaluate();
if (!checkOnly) report('development set', TIPS.length, QUERIES.length, dev);
// The fifth round's fresh check set (fresh.ts) apart, and the older queries without it (comparable
// with the figures before it was added).
const older = dev.filter((s) => !s.fresh);
const fresh = dev.filter((s) => s.fresh);
if (fresh.length > 0) {
  report('development set without the fresh subset', TIPS.length, older.length, older);
  report('fresh subset (never tuned on)', TIPS.length, fresh.length, fresh);
}
// --dev-only: the development set planted among the 10,000 generated distractors too (--no-10k skips it).
if (!checkOnly && process.argv.includes('--dev-only') && !process.argv.includes('--no-10k')) {
  const others = (await import('./search-eval/distractors')).generateDistractors(10_000);
  const big = await evaluate({ distractors: others });
  report('development set among 10,000 generated distractors', TIPS.length + others.length, QUERIES.length, big);
  const bigFresh = big.filter((s) => s.fresh);
  if (bigFresh.length > 0) process.stdout.write(`\nfresh subset among 10,000: nDCG@10 ${mean(bigFresh).ndcg.toFixed(3)}, recall@10 ${mean(bigFresh).recall.toFixed(3)}\n`);
  process.stdout.write(`\nloss of development nDCG@10 among 10,000: ${(mean(dev).ndcg - mean(big).ndcg).toFixed(3)} (target < 0.05)\n`);
}

// Check set 3 (check3.ts): its queries against its own tips, where its grades are complete (the
// figure to compare), and among the development tips too, which it did not grade (some answer its
// queries and count 0: read that table's recall, which counts only its own tips).
if (check3) {
  report('check set 3 on its own tips (never tuned on)', CHECK3_TIPS.length, CHECK3_QUERIES.length, await evaluate({ tips: CHECK3_TIPS, queries: CHECK3_QUERIES }));
  const tips = [...TIPS, ...CHECK3_TIPS];
  report('check set 3 among the development tips (ungraded there)', tips.length, CHECK3_QUERIES.length, await evaluate({ tips, queries: CHECK3_QUERIES }));
}

// Check set 4 (check4.ts), scored as check set 3 is: on its own tips (the figure to compare) and
// among the development tips, which it did not grade (read that table's recall).
if (check4) {
  report('check set 4 on its own tips (development since 2026-12-07)', CHECK4_TIPS.length, CHECK4_QUERIES.length, await evaluate({ tips: CHECK4_TIPS, queries: CHECK4_QUERIES }));
  const tips = [...TIPS, ...CHECK4_TIPS];
  report('check set 4 among the development tips (ungraded there)', tips.length, CHECK4_QUERIES.length, await evaluate({ tips, queries: CHECK4_QUERIES }));
}

// Check set 5 (check5.ts), scored as check sets 3 and 4 are: on its own tips (the figure to compare)
// and among the development tips, which it did not grade (read that table's recall).
if (check5) {
  report('check set 5 on its own tips (never tuned on)', CHECK5_TIPS.length, CHECK5_QUERIES.length, await evaluate({ tips: CHECK5_TIPS, queries: CHECK5_QUERIES }));
  const tips = [...TIPS, ...CHECK5_TIPS];
  report('check set 5 among the development tips (ungraded there)', tips.length, CHECK5_QUERIES.length, await evaluate({ tips, queries: CHECK5_QUERIES }));
}

// Check set 6 (check6.ts), scored as check sets 3 to 5 are: on its own tips (the figure to compare)
// and among the development tips, which it did not grade (read that table's recall).
if (check6) {
  report('check set 6 on its own tips (never tuned on)', CHECK6_TIPS.length, CHECK6_QUERIES.length, await evaluate({ tips: CHECK6_TIPS, queries: CHECK6_QUERIES }));
  const tips = [...TIPS, ...CHECK6_TIPS];
  report('check set 6 among the development tips (ungraded there)', tips.length, CHECK6_QUERIES.length, await evaluate({ tips, queries: CHECK6_QUERIES }));
}

// Check set 7 (check7.ts), scored as check sets 3 to 6 are: on its own tips (the figure to compare)
// and among the development tips, which it did not grade (read that table's recall).
if (check7) {
  report('check set 7 on its own tips (never tuned on)', CHECK7_TIPS.length, CHECK7_QUERIES.length, await evaluate({ tips: CHECK7_TIPS, queries: CHECK7_QUERIES }));
  const tips = [...TIPS, ...CHECK7_TIPS];
  report('check set 7 among the development tips (ungraded there)', tips.length, CHECK7_QUERIES.length, await evaluate({ tips, queries: CHECK7_QUERIES }));
}

// The held-out files are imported by name, never read here; absent, that part is skipped.
let heldout: { HELDOUT_TIPS: readonly EvalTip[]; HELDOUT_QUERIES: readonly GradedQuery[] } | null = null;
let distractors: ((n?: number) => EvalTip[]) | null = null;
// With --check3/--check4/--check5/--check6/--check7 (or their -only forms) the held-out part is skipped, as with --dev-only.
if (!process.argv.includes('--dev-only') && !check3 && !check4 && !check5 && !check6 && !check7) try {
  heldout = await import('./search-eval/heldout');
  distractors = (await import('./search-eval/distractors')).generateDistractors;
} catch (err) {
  process.stdout.write(`\n(held-out set skipped: scripts/search-eval/heldout.ts or distractors.ts not found — ${(err as Error).message.split('\n')[0]})\n`);
}

if (heldout) {
  const { HELDOUT_TIPS, HELDOUT_QUERIES } = heldout;
  const small = await evaluate({ tips: HELDOUT_TIPS, queries: HELDOUT_QUERIES });
  report('held-out set', HELDOUT_TIPS.length, HELDOUT_QUERIES.length, small);
  if (distractors && !process.argv.includes('--no-10k')) {
    const others = distractors(10_000);
    const outranked: string[] = [];
    const big = await evaluate({
      tips: HELDOUT_TIPS, queries: HELDOUT_QUERIES, distractors: others,
      onApp: (ctx, keyOf, scores) => {
        if (!outrankedFile) return;
        const byKey = new Map(HELDOUT_TIPS.map((t) => [t.key, t]));
        HELDOUT_QUERIES.forEach((q, i) => {
          const result = search(ctx, { q: scores[i].corrected ?? q.q, limit: 10 });
          const firstRelevant = result.items.findIndex((h) => q.relevant[keyOf.get(h.id) ?? ''] !== undefined);
          const above = (firstRelevant === -1 ? result.items : result.items.slice(0, firstRelevant)).filter((h) => !keyOf.has(h.id));
          if (above.length === 0 || Object.keys(q.relevant).length === 0) return;
          const want = Object.keys(q.relevant).map((k) => byKey.get(k)?.title).join(' / ');
          outranked.push(`Q [${q.kind}] ${q.q}\n  relevant: ${want}\n${above.slice(0, 3).map((h) => `  above: ${h.title} — ${h.snippet.replace(/<\/?mark>/g, '').slice(0, 90)}`).join('\n')}\n`);
        });
      },
    });
    report('held-out set among 10,000 generated distractors', HELDOUT_TIPS.length + others.length, HELDOUT_QUERIES.length, big);
    const loss = mean(small).ndcg - mean(big).ndcg;
    process.stdout.write(`\nloss of nDCG@10 among 10,000: ${loss.toFixed(3)} (target < 0.05)\n`);
    if (outrankedFile) fs.writeFileSync(outrankedFile, outranked.join('\n'));
  }
}
if (!checkOnly) process.stdout.write(`\ndevelopment nDCG@10 ${mean(dev).ndcg.toFixed(3)}\n`);
