import type { Context } from '../context';
import { badRequest, notFound } from '../http/errors';
import type { PostEvents } from '../posts/events';
import type { TagRow } from '../tags/store';
import type { UserRow } from '../users/store';
import type { FollowStateT } from './schemas';

/** At most one "new tips in what you follow" notification per member in this many minutes. */
export const FOLLOW_BATCH_MINUTES = 15;

function tagNamed(ctx: Context, name: string): TagRow {
  const tag = ctx.tags.byName(name);
  if (!tag) throw notFound('tag_not_found', 'tag not found', { name });
  return tag;
}

function personNamed(ctx: Context, username: string): UserRow {
  const user = ctx.users.byUsername(username);
  if (!user) throw notFound('user_not_found', 'user not found');
  return user;
}

export function tagFollowState(ctx: Context, viewer: UserRow, name: string): FollowStateT {
  const tag = tagNamed(ctx, name);
  return { following: ctx.follows.followsTag(viewer.id, tag.id), followerCount: ctx.follows.tagFollowerCount(tag.id) };
}

/** Follows or unfollows a tag; idempotent. */
export function setTagFollow(ctx: Context, viewer: UserRow, name: string, on: boolean): FollowStateT {
  const tag = tagNamed(ctx, name);
  if (on) ctx.follows.followTag(viewer.id, tag.id, ctx.now().toISOString());
  else ctx.follows.unfollowTag(viewer.id, tag.id);
  return tagFollowState(ctx, viewer, name);
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
      let text = others.map((t) => t.title).join('、');
      if (text.length > OTHERS_MAX) text = `${text.slice(0, OTHERS_MAX - 1)}…`;
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
