import type { Context } from '../context';
import { presentSummaries } from '../posts/presenter';
import type { PostSummaryT } from '../posts/schemas';
import type { UserRow } from '../users/store';

/**
 * Summaries of the given tips in the given order, leaving out any that vanished meanwhile.
 * Rankings and bookmarks choose ids first (cheaply) and present only those.
 */
export function presentInOrder(ctx: Context, ids: readonly number[], viewer: UserRow): Map<number, PostSummaryT> {
  const rows = ctx.posts.summaries(ids);
  const byId = new Map(presentSummaries(ctx, rows, viewer).map((s) => [s.id, s]));
  return new Map(ids.filter((id) => byId.has(id)).map((id) => [id, byId.get(id) as PostSummaryT]));
}
