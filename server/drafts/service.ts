import type { Context } from '../context';
import { conflict, forbidden } from '../http/errors';
import { getReadable } from '../posts/service';
import type { PostRow } from '../posts/store';
import type { UserRow } from '../users/store';

/**
 * A draft becomes a published tip. Listeners hear `created` now, not when the draft was
 * started: to search, rankings and feeds the tip did not exist before this moment.
 */
export function publishDraft(ctx: Context, user: UserRow, id: number): PostRow {
  const post = getReadable(ctx, user, id);
  if (post.author_id !== user.id) throw forbidden('publish_not_allowed', 'only the author may publish this tip');
  if (post.status !== 'draft') throw conflict('not_a_draft', 'this tip is not a draft');
  return ctx.db.transaction(() => {
    ctx.drafts.publish(id, ctx.now().toISOString());
    const published = ctx.posts.byId(id)!;
    ctx.postEvents.emit({ kind: 'created', post: published });
    return published;
  })();
}
