import type { Context } from '../context';
import { conflict, forbidden } from '../http/errors';
import { getReadable } from '../posts/service';
import type { PostRow } from '../posts/store';
import type { UserRow } from '../users/store';

/**
 * Marks a tip as still valid (確認済み) without editing it: no revision and no new "updated"
 * date, so readers can tell a confirmation from a change. Its author or a moderator may; a
 * moderator confirming someone else's tip is recorded in the audit trail.
 */
export function confirmPost(ctx: Context, user: UserRow, id: number): PostRow {
  const post = getReadable(ctx, user, id);
  const own = post.author_id === user.id;
  if (!own && user.role === 'member') throw forbidden('confirm_not_allowed', 'only the author or a moderator may confirm this tip');
  if (post.status !== 'published') throw conflict('tip_not_published', 'only a published tip can be confirmed');
  const now = ctx.now().toISOString();
  return ctx.db.transaction(() => {
    ctx.freshness.confirm(id, user.id, now);
    if (!own) ctx.audit.write({ actorId: user.id, action: 'post.confirm', targetType: 'post', targetId: id, detail: { title: post.title } });
    return ctx.posts.byId(id)!;
  })();
}
