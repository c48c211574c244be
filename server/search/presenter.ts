import type { Context } from '../context';
import { presentSummaries } from '../posts/presenter';
import type { SearchHitT } from './schemas';
import { makeSnippet, plainText } from './snippet';

/**
 * A page of search hits, in the order of `ids`: the tips' summaries exactly as lists present
 * them (the response schema keeps the fields a hit has), plus a snippet of the matching text.
 * Four batched queries, whatever the page size; hidden or deleted tips since ranking drop out.
 */
export function presentHits(ctx: Context, ids: readonly number[], highlight: RegExp | null): SearchHitT[] {
  const rows = ctx.posts.summaries(ids).filter((r) => r.status === 'published');
  const html = ctx.posts.htmlOf(rows.map((r) => r.id));
  const summaries = new Map(presentSummaries(ctx, rows, null).map((s) => [s.id, s]));
  return ids.flatMap((id) => {
    const summary = summaries.get(id);
    return summary ? [{ ...summary, snippet: makeSnippet(plainText(html.get(id) ?? ''), highlight) }] : [];
  });
}
