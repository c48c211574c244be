import { missingWords } from './missing';
import type { Term } from './query';
import type { SearchReader } from './reader';
import { presentSummaries } from '../posts/presenter';
import type { SearchHitT } from './schemas';
import { snippetOf } from './snippet';

/**
 * A page of search hits, in the order of `ids`: the tips' summaries exactly as lists present
 * them, plus a snippet of the matching text. Each hit carries exactly the fields of `SearchHit`,
 * in its order, so the worker can send JSON.stringify of the result as the response body (a test
 * checks it against the schema). Batched queries, whatever the page size; hidden or deleted tips
 * since ranking drop out. `lacking`: the query's required words, for tips with all of them but one
 * (`partial`, or a `relaxed` answer): each hit then names the word it lacks (`missing`, missing.ts)
 * when one can be told. `several`: the answer of a sentence by any of its words, where a tip may
 * lack more than one word: those it lacks are named too (`missingWords`).
 */
export function presentHits(ctx: SearchReader, ids: readonly number[], highlight: RegExp | null, lacking?: readonly Term[], several = false): SearchHitT[] {
  // Each tip's text is looked through once: one word lacked is `missing`, several `missingWords`.
  const lacks = lacking ? missingWords(lacking) : null;
  const rows = ctx.posts.summaries(ids).filter((r) => r.status === 'published');
  const html = ctx.posts.htmlOf(rows.map((r) => r.id));
  const summaries = new Map(presentSummaries(ctx, rows, null).map((s) => [s.id, s]));
  return ids.flatMap((id) => {
    const s = summaries.get(id);
    if (!s) return [];
    const hit: SearchHitT = {
      id: s.id, title: s.title, snippet: snippetOf(html.get(id) ?? '', highlight), tags: s.tags,
      author: s.author, viewCount: s.viewCount, likeCount: s.likeCount, createdAt: s.createdAt, updatedAt: s.updatedAt,
      awards: s.awards,
    };
    const text = { title: s.title, tags: s.tags, html: html.get(id) ?? '' };
    const lacked = lacks ? lacks(text) : [];
    if (lacked.length === 1) hit.missing = lacked[0];
    if (several && lacked.length > 1) hit.missingWords = lacked;
    return [hit];
  });
}
