import type { Database } from '../db/database';

export interface NewNotification {
  /** Who receives it. */
  userId: number;
  /** What happened, `<domain>.<event>`: `post.hidden`, `post.restored`, `report.accepted`, `comment.created`… */
  kind: string;
  actorId: number | null;
  targetType: string;
  targetId: number | null;
  /** Shown as the subject line; a snapshot, so it survives the target's renaming or deletion. */
  targetTitle?: string;
  /** Free text: the reason of a moderation decision, an excerpt of a comment. */
  text?: string;
  /** What `text` quotes, when it is another thing's words: a comment, or the tip that answered. */
  subjectType?: 'comment' | 'post';
  subjectId?: number;
}

export interface NotificationRow {
  id: number;
  user_id: number;
  kind: string;
  actor_id: number | null;
  target_type: string;
  target_id: number | null;
  target_title: string;
  text: string;
  created_at: string;
  read_at: string | null;
  subject_type: 'comment' | 'post' | null;
  subject_id: number | null;
  actor_username: string | null;
  actor_display_name: string | null;
  actor_department: string | null;
}

export function createNotificationStore(db: Database) {
  const insert = db.prepare(`INSERT INTO notifications
    (user_id, kind, actor_id, target_type, target_id, target_title, text, subject_type, subject_id, created_at)
    VALUES (@userId, @kind, @actorId, @targetType, @targetId, @targetTitle, @text, @subjectType, @subjectId, @now)`);
  const list = db.prepare(`SELECT n.*, a.username AS actor_username, a.display_name AS actor_display_name,
      a.department AS actor_department
    FROM notifications n LEFT JOIN users a ON a.id = n.actor_id
    WHERE n.user_id = @userId AND (@after IS NULL OR n.id < @after) AND (@unreadOnly = 0 OR n.read_at IS NULL)
    ORDER BY n.id DESC LIMIT @limit`);
  const unread = db.prepare('SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL').pluck();
  const markSome = db.prepare(`UPDATE notifications SET read_at = @now
    WHERE user_id = @userId AND read_at IS NULL AND id IN (SELECT value FROM json_each(@ids))`);
  // Replies and comments on one's tip name the comment (subject); a mention quotes the same text.
  const clearQuote = db.prepare(`UPDATE notifications SET text = '' WHERE target_type = 'post'
    AND target_id = @postId AND actor_id = @actorId
    AND ((subject_type = 'comment' AND subject_id = @commentId) OR (kind = 'mention.comment' AND text = @text))`);
  // Tips not everyone may read whose title a batched follow notification quotes: its newest tip's
  // title and the others' (joined by 、, the last one maybe cut short with …).
  const quotedUnpublished = db.prepare(`SELECT id, status, author_id FROM posts WHERE status IN ('hidden', 'draft')
    AND (instr(@quoted, title) > 0 OR (@cut <> '' AND substr(title, 1, length(@cut)) = @cut))`);
  // The batched follow notifications written since a moment (forgetDeletedTips), found by the
  // index notifications_follow_batches: only those batches are read, not every notification since.
  // Only rows that may quote the title are returned: whole, or as the start of a list cut short.
  const followBatchesSince = db.prepare(`SELECT id, target_title, text FROM notifications
    WHERE kind = 'follow.posts' AND created_at >= @since AND target_type <> 'post'
      AND (target_title = @title OR instr(text, @title) > 0 OR (substr(text, -1) = '…' AND instr(text, substr(@title, 1, 1)) > 0))`);
  const forgetWords = db.prepare(`UPDATE notifications SET target_title = '', text = '' WHERE id = ?`);
  const markAll = db.prepare('UPDATE notifications SET read_at = @now WHERE user_id = @userId AND read_at IS NULL');
  // Other domains (mail) hear of each notification inside the transaction that adds it.
  const listeners: ((n: NewNotification, now: Date) => void)[] = [];

  return {
    /** Call inside the transaction of the action it tells about. */
    add(n: NewNotification, now: Date): number {
      const id = Number(insert.run({
        userId: n.userId, kind: n.kind, actorId: n.actorId, targetType: n.targetType, targetId: n.targetId,
        targetTitle: n.targetTitle ?? '', text: n.text ?? '', subjectType: n.subjectType ?? null, subjectId: n.subjectId ?? null,
        now: now.toISOString(),
      }).lastInsertRowid);
      for (const l of listeners) l(n, now);
      return id;
    },
    onAdd(listener: (n: NewNotification, now: Date) => void) { listeners.push(listener); },
    /** Newest first; `limit` rows at most (callers ask one more to know whether a page follows). */
    list(userId: number, opts: { after: number | null; limit: number; unreadOnly: boolean }): NotificationRow[] {
      return list.all({ userId, after: opts.after, limit: opts.limit, unreadOnly: opts.unreadOnly ? 1 : 0 }) as NotificationRow[];
    },
    /** Blanks the quoted text of every notification about a comment that has been hidden since. */
    clearCommentQuotes(commentId: number, postId: number, actorId: number, text: string) {
      clearQuote.run({ commentId, postId, actorId, text });
    },
    /** Hidden tips and drafts whose title is in `quoted`, or starts with `cut` (a title cut short). */
    quotedUnpublishedTips(quoted: string, cut: string): { id: number; status: 'hidden' | 'draft'; author_id: number }[] {
      return quotedUnpublished.all({ quoted, cut }) as { id: number; status: 'hidden' | 'draft'; author_id: number }[];
    },
    /** Batched follow notifications (titles only, no ids) written since `since` that may quote `title`. */
    followBatchesSince: (since: string, title: string) =>
      followBatchesSince.all({ since, title }) as Pick<NotificationRow, 'id' | 'target_title' | 'text'>[],
    forgetWords: (id: number) => { forgetWords.run(id); },
    unreadCount: (userId: number) => unread.get(userId) as number,
    /** Marks the given notifications of this user read (others' ids are ignored); all of them without ids. */
    markRead(userId: number, ids: readonly number[] | null, now: Date): number {
      const at = now.toISOString();
      return ids === null
        ? markAll.run({ userId, now: at }).changes
        : markSome.run({ userId, now: at, ids: JSON.stringify(ids) }).changes;
    },
  };
}

export type NotificationStore = ReturnType<typeof createNotificationStore>;
