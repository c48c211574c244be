import type { Database } from '../db/database';
import { SUMMARY_COLUMNS, type PostSummaryRow } from '../posts/store';
import type { UserRow } from '../users/store';

export interface InboxRow {
  user_id: number;
  post_id: number;
  title: string;
  author_id: number;
}

/** Following tags and people, the フォロー中 list, and the inbox of new tips not yet told. */
export function createFollowStore(db: Database) {
  const followTag = db.prepare('INSERT OR IGNORE INTO tag_follows (user_id, tag_id, created_at) VALUES (?, ?, ?)');
  const unfollowTag = db.prepare('DELETE FROM tag_follows WHERE user_id = ? AND tag_id = ?');
  const followsTag = db.prepare('SELECT 1 FROM tag_follows WHERE user_id = ? AND tag_id = ?').pluck();
  const tagFollowers = db.prepare('SELECT count(*) FROM tag_follows WHERE tag_id = ?').pluck();
  const followUser = db.prepare('INSERT OR IGNORE INTO user_follows (follower_id, followee_id, created_at) VALUES (?, ?, ?)');
  const unfollowUser = db.prepare('DELETE FROM user_follows WHERE follower_id = ? AND followee_id = ?');
  const followsUser = db.prepare('SELECT 1 FROM user_follows WHERE follower_id = ? AND followee_id = ?').pluck();
  const userFollowers = db.prepare('SELECT count(*) FROM user_follows WHERE followee_id = ?').pluck();
  const myTags = db.prepare(`SELECT t.name, t.post_count AS count FROM tag_follows f JOIN tags t ON t.id = f.tag_id
    WHERE f.user_id = ? ORDER BY t.norm`);
  const myUsers = db.prepare(`SELECT u.* FROM user_follows f JOIN users u ON u.id = f.followee_id
    WHERE f.follower_id = ? ORDER BY u.username_norm`);
  // A merge moves a tag's followers to the tag it was merged into before the old tag is removed.
  const moveTag = db.prepare(`INSERT OR IGNORE INTO tag_follows (user_id, tag_id, created_at)
    SELECT user_id, @into, created_at FROM tag_follows WHERE tag_id = @from`);

  const feed = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id
    WHERE p.status = 'published' AND p.author_id <> @me
      AND (p.author_id IN (SELECT followee_id FROM user_follows WHERE follower_id = @me)
        OR p.id IN (SELECT pt.post_id FROM tag_follows f JOIN post_tags pt ON pt.tag_id = f.tag_id WHERE f.user_id = @me))
      AND (@k0 IS NULL OR (p.created_at, p.id) < (@k0, @k1))
    ORDER BY p.created_at DESC, p.id DESC LIMIT @limit`);

  // Everyone who follows the tip's author or one of its tags, except the author.
  const enqueue = db.prepare(`INSERT OR IGNORE INTO follow_inbox (user_id, post_id, created_at)
    SELECT who, @postId, @now FROM (
      SELECT follower_id AS who FROM user_follows WHERE followee_id = @authorId
      UNION SELECT f.user_id FROM tag_follows f JOIN post_tags pt ON pt.tag_id = f.tag_id WHERE pt.post_id = @postId
    ) WHERE who <> @authorId`);
  const dequeuePost = db.prepare('DELETE FROM follow_inbox WHERE post_id = ?');
  const waiting = db.prepare(`SELECT i.user_id, i.post_id, p.title, p.author_id FROM follow_inbox i
    JOIN posts p ON p.id = i.post_id
    WHERE p.status = 'published'
      AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = i.user_id AND n.kind = 'follow.posts' AND n.created_at > @since)
    ORDER BY i.user_id, p.created_at DESC, p.id DESC`);
  const clearUser = db.prepare('DELETE FROM follow_inbox WHERE user_id = ?');
  const dropUnpublished = db.prepare(`DELETE FROM follow_inbox WHERE post_id IN (SELECT id FROM posts WHERE status <> 'published')`);

  return {
    followTag: (userId: number, tagId: number, now: string) => { followTag.run(userId, tagId, now); },
    unfollowTag: (userId: number, tagId: number) => { unfollowTag.run(userId, tagId); },
    followsTag: (userId: number, tagId: number) => followsTag.get(userId, tagId) === 1,
    tagFollowerCount: (tagId: number) => tagFollowers.get(tagId) as number,
    followUser: (userId: number, followeeId: number, now: string) => { followUser.run(userId, followeeId, now); },
    unfollowUser: (userId: number, followeeId: number) => { unfollowUser.run(userId, followeeId); },
    followsUser: (userId: number, followeeId: number) => followsUser.get(userId, followeeId) === 1,
    userFollowerCount: (userId: number) => userFollowers.get(userId) as number,
    tagsOf: (userId: number) => myTags.all(userId) as { name: string; count: number }[],
    usersOf: (userId: number) => myUsers.all(userId) as UserRow[],
    moveTagFollowers: (from: number, into: number) => { moveTag.run({ from, into }); },
    /** Newest first; `limit` rows at most (callers ask one more to know whether a page follows). */
    feed(userId: number, after: (string | number)[] | null, limit: number): PostSummaryRow[] {
      return feed.all({ me: userId, k0: after?.[0] ?? null, k1: after?.[1] ?? null, limit }) as PostSummaryRow[];
    },
    /** Call inside the tip's publishing transaction, after its tags are set. */
    enqueue: (postId: number, authorId: number, now: string) => { enqueue.run({ postId, authorId, now }); },
    dequeuePost: (postId: number) => { dequeuePost.run(postId); },
    /** Inbox rows of published tips for users not told of followed tips since `since`, newest tip first per user. */
    waiting: (since: string) => waiting.all({ since }) as InboxRow[],
    clearUser: (userId: number) => { clearUser.run(userId); },
    dropUnpublished: () => { dropUnpublished.run(); },
  };
}

export type FollowStore = ReturnType<typeof createFollowStore>;
