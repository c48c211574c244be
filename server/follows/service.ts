import type { Context } from '../context';
import { badRequest, notFound } from '../http/errors';
import type { PostEvents } from '../posts/events';
import type { TagRow } from '../tags/store';
import type { UserRow } from '../users/store';
import type { FollowStateT } from './schemas';

/** At most one "new tips in what you follow" notification per member in this many minutes. */
export const FOLLOW_BATCH_MINUTES = 15;

/**
 * The tag by any spelling, if this viewer may see a tip carrying it (the one tag visibility rule,
 * tags.visibleByName) or already follows it (so a tag whose tips were all hidden since can still
 * be unfollowed); otherwise 404, exactly as for a tag that does not exist.
 */
function tagNamed(ctx: Context, viewer: UserRow, name: string): TagRow {
  const visible = ctx.tags.visibleByName(viewer, name);
  if (visible) return visible;
  const followed = ctx.tags.byName(name);
  if (followed && ctx.follows.followsTag(viewer.id, followed.id)) return followed;
  throw notFound('tag_not_found', 'tag not found', { name });
}

function personNamed(ctx: Context, username: string): UserRow {
  const user = ctx.users.byUsername(username);
  if (!user) throw notFound('user_not_found', 'user not found');
  return user;
}

const tagState = (ctx: Context, viewer: UserRow, tag: TagRow): FollowStateT =>
  ({ following: ctx.follows.followsTag(viewer.id, tag.id), followerCount: ctx.follows.tagFollowerCount(tag.id) });

export function tagFollowState(ctx: Context, viewer: UserRow, name: string): FollowStateT {
  return tagState(ctx, viewer, tagNamed(ctx, viewer, name));
}

/** Follows or unfollows a tag; idempotent. */
export function setTagFollow(ctx: Context, viewer: UserRow, name: string, on: boolean): FollowStateT {
  const tag = tagNamed(ctx, viewer, name);
  if (on) ctx.follows.followTag(viewer.id, tag.id, ctx.now().toISOString());
  else ctx.follows.unfollowTag(viewer.id, tag.id);
  return tagState(ctx, viewer, tag);
}

export function userFollowState(ctx: Context, viewer: UserRow, username: string): FollowStateT {
  const person = personNamed(ctx, username);
  return { following: ctx.follows.followsUser(viewer.id, person.id), followerCount: ctx.follows.userFollowerCount(person.id) };
}

/** Follows or unfollows a person (never oneself); idempotent. */
export function setUserFollow(ctx: Context, viewer: UserRow, username: string, on: boolean): FollowStateT {
  const person = personNamed(ctx, username);
  if (person.id === viewer.id) throw badRequest('follow_self', 'you cannot follow yourself');
  if (on) ctx.follows.followUser(viewer.id, person.id, ctx.now().toISOString());
  else ctx.follows.unfollowUser(viewer.id, person.id);
  return userFollowState(ctx, viewer, username);
}

/** A newly published tip waits in its followers' inboxes (inside the publishing transaction). */
export function followNewTips(ctx: Context, events: PostEvents): void {
  events.on(({ kind, post }) => {
    if (kind === 'created' && post.status === 'published') ctx.follows.enqueue(post.id, post.author_id, ctx.now().toISOString());
  });
}

const OTHERS_MAX = 200;

/**
 * Tells each member with waiting tips about all of them in one notification, unless they were
 * told within FOLLOW_BATCH_MINUTES (their tips then wait for the next round). Tips hidden or
 * turned back into drafts meanwhile are dropped. Returns how many notifications were written.
 */
export function deliverFollowNotifications(ctx: Context): number {
  const now = ctx.now();
  const since = new Date(now.getTime() - FOLLOW_BATCH_MINUTES * 60_000).toISOString();
  return ctx.db.transaction(() => {
    ctx.follows.dropUnpublished();
    const byUser = new Map<number, { post_id: number; title: string; author_id: number }[]>();
    for (const row of ctx.follows.waiting(since)) {
      const list = byUser.get(row.user_id) ?? [];
      list.push(row);
      byUser.set(row.user_id, list);
    }
    for (const [userId, tips] of byUser) {
      const [newest, ...others] = tips;
      const oneAuthor = tips.every((t) => t.author_id === newest.author_id);
      // Cut by code points: a UTF-16 cut could split an emoji's surrogate pair, stored as U+FFFD.
      const chars = [...others.map((t) => t.title).join('、')];
      const text = chars.length > OTHERS_MAX ? `${chars.slice(0, OTHERS_MAX - 1).join('')}…` : chars.join('');
      ctx.notifications.add({
        userId, kind: 'follow.posts', actorId: oneAuthor ? newest.author_id : null,
        targetType: tips.length === 1 ? 'post' : 'following', targetId: tips.length === 1 ? newest.post_id : null,
        targetTitle: newest.title, text: tips.length === 1 ? '' : text,
      }, now);
      ctx.follows.clearUser(userId);
    }
    return byUser.size;
  })();
}
