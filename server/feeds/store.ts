import type { Database } from '../db/database';

export interface FeedPostRow {
  id: number;
  title: string;
  html: string;
  body: string;
  created_at: string;
  updated_at: string;
  username: string;
  display_name: string;
}

const COLUMNS = 'p.id, p.title, p.html, p.body, p.created_at, p.updated_at, u.username, u.display_name';

/** Only published tips ever reach a feed; drafts and hidden tips are filtered here. */
export function createFeedStore(db: Database) {
  const newest = db.prepare(`SELECT ${COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id
    WHERE p.status = 'published' ORDER BY p.created_at DESC, p.id DESC LIMIT ?`);
  const newestTagged = db.prepare(`SELECT ${COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id
    WHERE p.status = 'published' AND p.id IN (SELECT post_id FROM post_tags WHERE tag_id = ?)
    ORDER BY p.created_at DESC, p.id DESC LIMIT ?`);
  return {
    newestPosts: (limit: number, tagId?: number) =>
      (tagId === undefined ? newest.all(limit) : newestTagged.all(tagId, limit)) as FeedPostRow[],
  };
}

export type FeedStore = ReturnType<typeof createFeedStore>;
