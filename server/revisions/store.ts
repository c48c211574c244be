import type { Database } from '../db/database';

export interface RevisionRow {
  id: number;
  post_id: number;
  number: number;
  editor_id: number;
  title: string;
  /** JSON array of tag names, in the tip's order. */
  tags: string;
  body: string;
  restored_from: number | null;
  created_at: string;
  username: string;
  display_name: string;
  department: string;
}

export type RevisionMetaRow = Omit<RevisionRow, 'body'>;

export interface RevisionContent {
  title: string;
  tags: string[];
  body: string;
}

const META = `r.id, r.post_id, r.number, r.editor_id, r.title, r.tags, r.restored_from, r.created_at,
  u.username, u.display_name, u.department`;

export function createRevisionStore(db: Database) {
  const latest = db.prepare(`SELECT r.*, u.username, u.display_name, u.department
    FROM post_revisions r JOIN users u ON u.id = r.editor_id
    WHERE r.post_id = ? ORDER BY r.number DESC LIMIT 1`);
  const latestNumber = db.prepare('SELECT max(number) FROM post_revisions WHERE post_id = ?').pluck();
  const byNumber = db.prepare(`SELECT r.*, u.username, u.display_name, u.department
    FROM post_revisions r JOIN users u ON u.id = r.editor_id WHERE r.post_id = ? AND r.number = ?`);
  const previous = db.prepare(`SELECT r.*, u.username, u.display_name, u.department
    FROM post_revisions r JOIN users u ON u.id = r.editor_id
    WHERE r.post_id = ? AND r.number < ? ORDER BY r.number DESC LIMIT 1`);
  const insert = db.prepare(`INSERT INTO post_revisions (post_id, number, editor_id, title, tags, body, created_at)
    VALUES (@postId, @number, @editorId, @title, @tags, @body, @now)`);
  const replace = db.prepare(`UPDATE post_revisions SET number = @number, title = @title, tags = @tags, body = @body,
    created_at = @now, restored_from = NULL WHERE id = @id`);
  const markRestored = db.prepare('UPDATE post_revisions SET restored_from = ? WHERE post_id = ? AND number = ?');
  const list = db.prepare(`SELECT ${META} FROM post_revisions r JOIN users u ON u.id = r.editor_id
    WHERE r.post_id = @postId AND (@before IS NULL OR r.number < @before)
    ORDER BY r.number DESC LIMIT @limit`);

  return {
    latest: (postId: number) => latest.get(postId) as RevisionRow | undefined,
    /** 0 when the tip has no revision yet. */
    latestNumber: (postId: number) => (latestNumber.get(postId) as number | null) ?? 0,
    byNumber: (postId: number, number: number) => byNumber.get(postId, number) as RevisionRow | undefined,
    /** The revision saved just before `number`. */
    previous: (postId: number, number: number) => previous.get(postId, number) as RevisionRow | undefined,
    insert(postId: number, number: number, editorId: number, c: RevisionContent, now: string) {
      insert.run({ postId, number, editorId, title: c.title, tags: JSON.stringify(c.tags), body: c.body, now });
    },
    /** Overwrites a revision with newer content under a new number (draft autosave). */
    replace(id: number, number: number, c: RevisionContent, now: string) {
      replace.run({ id, number, title: c.title, tags: JSON.stringify(c.tags), body: c.body, now });
    },
    markRestored(postId: number, number: number, from: number) { markRestored.run(from, postId, number); },
    list(postId: number, before: number | null, limit: number): RevisionMetaRow[] {
      return list.all({ postId, before, limit }) as RevisionMetaRow[];
    },
  };
}

export type RevisionStore = ReturnType<typeof createRevisionStore>;
