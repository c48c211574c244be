/**
 * Cost of the wide tier (issue 19): per development query, the synonyms and neighbours its words
 * add, and the phrases of the whole wide-tier expression (each phrase is one doclist FTS5 walks when
 * the first tier fills less than the page; 0 for a query without a wide tier), and those of the
 * relaxed groups of a query of three words or more (run only when nothing has every word).
 * Usage: npx tsx scripts/search-eval/wide-cost.ts [--verbose] [--time]
 *   --time: the development queries searched in-process among 10,000 generated distractors, 5 rounds,
 *   with the looser tier after a short wide tier (fifth round) on and off alternated in the same
 *   process (config.searchLooseAfterWide, KOTSU_LOOSE_AFTER_WIDE), mean / p50 / p99 in ms, with the load average.
 */
import os from 'node:os';
import { search } from '../../server/search/service';
import { generateDistractors } from './distractors';
import { evaluate } from './evaluate';
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

if (process.argv.includes('--time')) {
  const times: Record<string, number[]> = { on: [], off: [] };
  const load = [os.loadavg()[0]];
  await evaluate({
    distractors: generateDistractors(10_000),
    onApp: (ctx) => {
      for (const { q } of QUERIES) search(ctx, { q, limit: 10 }); // warm-up
      for (let round = 0; round < 5; round++) {
        for (const mode of round % 2 === 0 ? ['on', 'off'] : ['off', 'on']) {
          ctx.config.searchLooseAfterWide = mode === 'on';
          for (const { q } of QUERIES) {
            const t0 = performance.now();
            search(ctx, { q, limit: 10 });
            times[mode].push(performance.now() - t0);
          }
        }
        load.push(os.loadavg()[0]);
      }
    },
  });
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
  for (const [mode, xs] of Object.entries(times)) {
    process.stdout.write(`loose tier after the wide tier ${mode}: ${xs.length} searches, mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2)} ms, p50 ${pct(xs, 0.5).toFixed(2)}, p99 ${pct(xs, 0.99).toFixed(2)}, max ${Math.max(...xs).toFixed(1)}\n`);
  }
  process.stdout.write(`load average (1 min) during the runs: ${load.map((x) => x.toFixed(2)).join(' ')}\n`);
}
