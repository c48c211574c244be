import type { Database } from '../db/database';

export interface ReaderMarks {
  liked: boolean;
  bookmarked: boolean;
  /** An open report of theirs on the tip. */
  reported: boolean;
  /** A comment of theirs on the tip that others do not see (comments/store.ts list() shows it to its author). */
  ownUnseenComment: boolean;
}

/**
 * What is the reader's own on a tip page, in one statement: everything else on the page is the
 * same for every reader and comes from the read cache.
 */
export function createPageStore(db: Database) {
  const marks = db.prepare(`SELECT
      EXISTS (SELECT 1 FROM likes WHERE user_id = @viewer AND post_id = @id) AS liked,
      EXISTS (SELECT 1 FROM bookmarks WHERE user_id = @viewer AND post_id = @id) AS bookmarked,
      EXISTS (SELECT 1 FROM reports WHERE post_id = @id AND reporter_id = @viewer AND status = 'open') AS reported,
      EXISTS (SELECT 1 FROM comments WHERE post_id = @id AND author_id = @viewer AND status <> 'visible') AS own_unseen`);
  return {
    readerMarks(postId: number, viewerId: number): ReaderMarks {
      const r = marks.get({ id: postId, viewer: viewerId }) as Record<'liked' | 'bookmarked' | 'reported' | 'own_unseen', 0 | 1>;
      return { liked: r.liked === 1, bookmarked: r.bookmarked === 1, reported: r.reported === 1, ownUnseenComment: r.own_unseen === 1 };
    },
  };
}

export type PageStore = ReturnType<typeof createPageStore>;
