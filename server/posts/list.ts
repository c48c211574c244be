import type { Static } from '@sinclair/typebox';
import type { Context } from '../context';
import { decodeCursor, encodeCursor } from '../http/cursor';
import { presentSummaries } from './presenter';
import type { ListPostsQuery, PostSummaryT } from './schemas';
import { sortKey } from './store';

export type ListPostsQueryT = Static<typeof ListPostsQuery>;

/**
 * A page of published tips as everyone sees it (no reader's marks: add them with withViewer).
 * The same page for everyone until the next write (the home page asks for it all day long), so
 * it is kept in the read cache; GET /api/posts and the home page answer both read it here.
 */
export function sharedPostList(ctx: Context, q: ListPostsQueryT): { items: PostSummaryT[]; nextCursor: string | null } {
  const { sort = 'new', tag, author, limit = 20, cursor } = q;
  const key = sortKey(sort);
  const after = decodeCursor(cursor, key.shape);
  return ctx.readCache.get(JSON.stringify(['posts', sort, limit, cursor, tag, author]), () => {
    let tagId: number | undefined;
    let authorId: number | undefined;
    if (tag !== undefined) {
      const t = ctx.tags.byName(tag);
      if (!t) return { items: [], nextCursor: null };
      tagId = t.id;
    }
    if (author !== undefined) {
      const u = ctx.users.byUsername(author);
      if (!u) return { items: [], nextCursor: null };
      authorId = u.id;
    }
    const rows = ctx.posts.list({ sort, tagId, authorId, after, limit });
    const more = rows.length > limit;
    const items = more ? rows.slice(0, limit) : rows;
    return {
      items: presentSummaries(ctx, items, null),
      nextCursor: more ? encodeCursor(key.key(items[items.length - 1])) : null,
    };
  });
}
