/**
 * Cost of the wide tier (issue 19): per development query, the synonyms and neighbours its words
 * add, and the phrases of the whole wide-tier expression (each phrase is one doclist FTS5 walks when
 * the first tier fills less than the page; 0 for a query without a wide tier), and those of the
 * relaxed groups of a query of three words or more (run only when nothing has every word).
 * Usage: npx tsx scripts/search-eval/wide-cost.ts [--verbose]
 */
import { hasWideTier, parseQuery, relaxedGroups, toMatch } from '../../server/search/query';
import { QUERIES } from './collection';

const counts = QUERIES.map(({ q }) => {
  const parsed = parseQuery(q);
  const wide = hasWideTier(parsed) ? toMatch({ ...parsed, wide: true }) ?? '' : '';
  const count = (x: string) => (x.match(/"(?:[^"]|"")*"/g) ?? []).length;
  const relaxed = relaxedGroups({ ...parsed, wide: hasWideTier(parsed) });
  return { q, synonyms: parsed.must.reduce((s, t) => s + (t.synonyms?.length ?? 0), 0), phrases: count(wide), relaxed: relaxed ? count(relaxed.join(' ')) : null };
});
if (process.argv.includes('--verbose')) for (const c of counts) process.stdout.write(`${String(c.synonyms).padStart(3)} ${String(c.phrases).padStart(3)}  ${c.q}\n`);
const stat = (ns: number[]) => `mean ${(ns.reduce((a, b) => a + b, 0) / ns.length).toFixed(2)}, max ${Math.max(...ns)}`;
process.stdout.write(`development queries ${counts.length}, with a wide tier ${counts.filter((c) => c.phrases > 0).length}; ` +
  `wide-tier synonyms per query ${stat(counts.map((c) => c.synonyms))}; phrases of the wide-tier expression ${stat(counts.map((c) => c.phrases))}; ` +
  `of the relaxed groups (${counts.filter((c) => c.relaxed !== null).length} queries of 3+ words) ${stat(counts.flatMap((c) => (c.relaxed === null ? [] : [c.relaxed])))}\n`);
