import type { Context } from '../context';
import { presentPublicUser } from '../users/presenter';
import type { SearchHitT } from './schemas';
import { makeSnippet, plainText } from './snippet';

/** Exactly the fields of a search hit that leave the server, in the order of `ids`. */
export function presentHits(ctx: Context, ids: readonly number[], highlight: RegExp | null): SearchHitT[] {
  const tags = ctx.tags.namesFor(ids);
  const awards = ctx.awards.badgesFor(ids);
  const out: SearchHitT[] = [];
  for (const id of ids) {
    const row = ctx.posts.byId(id);
    if (!row || row.status !== 'published') continue;
    out.push({
      id: row.id,
      title: row.title,
      snippet: makeSnippet(plainText(row.html), highlight),
      tags: tags.get(row.id) ?? [],
      author: presentPublicUser({ id: row.author_id, username: row.username, display_name: row.display_name, department: row.department }),
      viewCount: row.view_count,
      likeCount: row.like_count,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      awards: awards.get(row.id) ?? [],
    });
  }
  return out;
}
