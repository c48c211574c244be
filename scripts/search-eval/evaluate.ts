/**
 * Runs the test collection through the real search (in memory, through the service layer) and
 * scores it: nDCG@10 (gain 2^rel − 1), recall@10 and MRR, overall and per kind of query.
 * A query that must find nothing scores 1 when it finds nothing and 0 otherwise. When a query
 * finds nothing and the API offers `didYouMean`, the corrected query is scored, as the search
 * page shows it.
 */
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { Context } from '../../server/context';
import { openDatabase } from '../../server/db/database';
import { createPost } from '../../server/posts/service';
import { search } from '../../server/search/service';
import { QUERIES, TIPS, type EvalTip } from './collection';

/** A graded query of any collection (the development set's kinds or the held-out set's). */
export interface GradedQuery { q: string; kind: string; relevant: Record<string, 1 | 2> }
export interface QueryScore { q: string; kind: string; ndcg: number; recall: number; rr: number; found: string[]; corrected: string | null }
export interface Scores { ndcg: number; recall: number; mrr: number; count: number }

const K = 10;

function score(query: GradedQuery, found: string[]): Omit<QueryScore, 'q' | 'kind' | 'found' | 'corrected'> {
  const rel = query.relevant;
  const judged = Object.values(rel);
  if (judged.length === 0) {
    const ok = found.length === 0 ? 1 : 0;
    return { ndcg: ok, recall: ok, rr: ok };
  }
  const top = found.slice(0, K);
  const dcg = top.reduce((sum, key, i) => sum + (2 ** (rel[key] ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = [...judged].sort((a, b) => b - a).slice(0, K)
    .reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const hits = top.filter((key) => rel[key] !== undefined).length;
  const first = top.findIndex((key) => rel[key] !== undefined);
  return { ndcg: dcg / ideal, recall: hits / judged.length, rr: first === -1 ? 0 : 1 / (first + 1) };
}

export function mean(scores: QueryScore[]): Scores {
  const n = scores.length || 1;
  return {
    ndcg: scores.reduce((s, x) => s + x.ndcg, 0) / n,
    recall: scores.reduce((s, x) => s + x.recall, 0) / n,
    mrr: scores.reduce((s, x) => s + x.rr, 0) / n,
    count: scores.length,
  };
}

/** Scores every query against an app whose tips include the collection (`keyOf` maps ids back). */
export function runQueries(ctx: Context, keyOf: Map<number, string>, queries: readonly GradedQuery[] = QUERIES): QueryScore[] {
  return queries.map((query) => {
    const first = search(ctx, { q: query.q, limit: K });
    let result = first;
    let corrected: string | null = null;
    if (first.total === 0 && first.didYouMean) {
      corrected = first.didYouMean;
      result = search(ctx, { q: corrected, limit: K });
    }
    // As the search page lists them: the tips with every word, then those with all but one (partial).
    const found = [...result.items, ...(result.partial ?? [])].map((i) => keyOf.get(i.id) ?? `#${i.id}`);
    return { q: query.q, kind: query.kind, found, corrected, ...score(query, found) };
  });
}

/**
 * Builds an in-memory app holding the collection (the development set unless given), optionally
 * planted among `distractors` (written first, so the collection's tips are not the oldest), and
 * scores its queries. `onApp` sees the app before it closes (to read what outranks what).
 */
export async function evaluate(opts: {
  tips?: readonly EvalTip[]; queries?: readonly GradedQuery[]; distractors?: readonly EvalTip[];
  onApp?: (ctx: Context, keyOf: Map<number, string>, scores: QueryScore[]) => void;
} = {}): Promise<QueryScore[]> {
  const db = openDatabase(':memory:');
  const config = loadConfig({}, { dbPath: ':memory:', webRoot: null, scryptCost: 1024 });
  const app = await buildApp({ config, db });
  await app.ready();
  try {
    const ctx = app.ctx;
    const author = ctx.users.insert({ username: 'eval', passwordHash: null, displayName: '評価', department: '情報政策課', role: 'member' });
    const keyOf = new Map<number, string>();
    const write = db.transaction((batch: readonly EvalTip[], keep: boolean) => {
      for (const tip of batch) {
        const post = createPost(ctx, author, { title: tip.title, body: tip.body, tags: tip.tags });
        if (keep) keyOf.set(post.id, tip.key);
      }
    });
    const others = opts.distractors ?? [];
    for (let i = 0; i < others.length; i += 500) write(others.slice(i, i + 500), false);
    write(opts.tips ?? TIPS, true);
    const scores = runQueries(ctx, keyOf, opts.queries ?? QUERIES);
    opts.onApp?.(ctx, keyOf, scores);
    return scores;
  } finally {
    await app.close();
    db.close();
  }
}

export function table(scores: QueryScore[]): string {
  const kinds = [...new Set(scores.map((s) => s.kind))];
  const row = (name: string, m: Scores) =>
    `| ${name.padEnd(15)} | ${String(m.count).padStart(7)} | ${m.ndcg.toFixed(3)} | ${m.recall.toFixed(3)} | ${m.mrr.toFixed(3)} |`;
  return [
    '| kind            | queries | nDCG@10 | recall@10 | MRR |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...kinds.map((k) => row(k, mean(scores.filter((s) => s.kind === k)))),
    row('overall', mean(scores)),
  ].join('\n');
}
