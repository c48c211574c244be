import type { Database } from '../db/database';

export interface FeedPostRow {
  id: number;
  title: string;
  /** The rendered HTML when it is at most FEED_HTML_MAX characters long, else null (the entry then carries a summary and a link). */
  html: string | null;
  /** The start of the Markdown body (SUMMARY_SOURCE characters), for the summary. */
  body: string;
  created_at: string;
  updated_at: string;
  username: string;
  display_name: string;
}

/**
 * Longest HTML a feed entry carries whole. A feed is 30 entries; whole 100 KB bodies made each
 * feed several MB of text to escape on the event loop (issue 16 part 8: ~1 s at load 10). Readers
 * get longer tips as a summary and a link. Tips of ordinary length are far below this.
 */
export const FEED_HTML_MAX = 16_000;
/** Characters of the Markdown body read for an entry's summary. */
export const SUMMARY_SOURCE = 2000;

// Only what the entry uses is read: the HTML when short enough, the start of the body.
const COLUMNS = `p.id, p.title, CASE WHEN length(p.html) <= ${FEED_HTML_MAX} THEN p.html END AS html,
  substr(p.body, 1, ${SUMMARY_SOURCE}) AS body, p.created_at, p.updated_at, u.username, u.display_name`;

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
