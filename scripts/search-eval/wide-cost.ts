/**
 * Cost of the wide tier (issue 19): per development query, the synonyms and neighbours its words
 * add, and the phrases of the whole wide-tier expression (each phrase is one doclist FTS5 walks when
 * the first tier fills less than the page; 0 for a query without a wide tier).
 * Usage: npx tsx scripts/search-eval/wide-cost.ts [--verbose]
 */
import { hasWideTier, parseQuery, toMatch } from '../../server/search/query';
import { QUERIES } from './collection';

const counts = QUERIES.map(({ q }) => {
  const parsed = parseQuery(q);
  const wide = hasWideTier(parsed) ? toMatch({ ...parsed, wide: true }) ?? '' : '';
  return { q, synonyms: parsed.must.reduce((s, t) => s + (t.synonyms?.length ?? 0), 0), phrases: (wide.match(/"(?:[^"]|"")*"/g) ?? []).length };
});
if (process.argv.includes('--verbose')) for (const c of counts) process.stdout.write(`${String(c.synonyms).padStart(3)} ${String(c.phrases).padStart(3)}  ${c.q}\n`);
const stat = (ns: number[]) => `mean ${(ns.reduce((a, b) => a + b, 0) / ns.length).toFixed(2)}, max ${Math.max(...ns)}`;
process.stdout.write(`development queries ${counts.length}, with a wide tier ${counts.filter((c) => c.phrases > 0).length}; ` +
  `wide-tier synonyms per query ${stat(counts.map((c) => c.synonyms))}; phrases of the wide-tier expression ${stat(counts.map((c) => c.phrases))}\n`);
