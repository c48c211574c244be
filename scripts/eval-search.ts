/**
 * Search quality on the test collection (scripts/search-eval/collection.ts): nDCG@10,
 * recall@10 and MRR per kind of query and overall, then each query with what it found.
 * Usage: npm run eval:search   (add --verbose for every query)
 */
import { QUERIES, TIPS } from './search-eval/collection';
import { evaluate, mean, table } from './search-eval/evaluate';

const scores = await evaluate();
process.stdout.write(`collection: ${TIPS.length} tips, ${QUERIES.length} queries\n\n${table(scores)}\n`);
if (process.argv.includes('--verbose')) {
  process.stdout.write('\n');
  for (const s of scores) {
    process.stdout.write(`${s.ndcg.toFixed(2)}  [${s.kind}] ${s.q}${s.corrected ? ` → ${s.corrected}` : ''}: ${s.found.join(', ') || '(nothing)'}\n`);
  }
}
const overall = mean(scores);
process.stdout.write(`\noverall nDCG@10 ${overall.ndcg.toFixed(3)}\n`);
