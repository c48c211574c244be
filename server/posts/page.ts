import type { AwardBadgeT } from '../awards/badge';
import type { Database } from '../db/database';
import { presentPostFields, presentSummary } from './presenter';
import type { PostT } from './schemas';
import type { PostRow } from './store';

export interface PageRow extends PostRow {
  tags_json: string;
  liked: 0 | 1;
  bookmarked: 0 | 1;
  comment_count: number;
  revision: number | null;
  badges_json: string;
}

/**
 * A tip page in one statement. Reading a tip is the most frequent request there is, and the
 * general presenter (presenter.ts, shared with lists) asks seven stores one after the other:
 * measured at 100k tips, those statements were most of the request's time. The subqueries here
 * must answer exactly what those stores answer; tests/posts/page.test.ts compares the two.
 */
export function createPostPageReader(db: Database) {
  const page = db.prepare(`SELECT p.*, u.username, u.display_name, u.department,
      (SELECT json_group_array(t.name ORDER BY pt.position) FROM post_tags pt JOIN tags t ON t.id = pt.tag_id
        WHERE pt.post_id = p.id) AS tags_json,
      EXISTS (SELECT 1 FROM likes WHERE user_id = @viewer AND post_id = p.id) AS liked,
      EXISTS (SELECT 1 FROM bookmarks WHERE user_id = @viewer AND post_id = p.id) AS bookmarked,
      (SELECT count(*) FROM comments WHERE post_id = p.id AND status = 'visible') AS comment_count,
      (SELECT max(number) FROM post_revisions WHERE post_id = p.id) AS revision,
      (SELECT json_group_array(json_object('roundId', r.id, 'roundTitle', r.title, 'prize', n.prize)
          ORDER BY r.published_at DESC, r.id DESC)
        FROM award_nominations n JOIN award_rounds r ON r.id = n.round_id
        WHERE n.post_id = p.id AND n.prize IS NOT NULL AND r.phase = 'published') AS badges_json
    FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = @id`);

  return {
    /** The tip with everything its page shows, for this viewer (0: anonymous); undefined if there is none. */
    read: (id: number, viewerId: number) => page.get({ id, viewer: viewerId }) as PageRow | undefined,
  };
}

export type PostPageReader = ReturnType<typeof createPostPageReader>;

/** The same JSON as presentPost() (presenter.ts) from a row of the page statement. */
export function presentPage(row: PageRow, staleAfterDays: number): PostT {
  const summary = presentSummary(row, {
    tags: JSON.parse(row.tags_json) as string[], likedByMe: row.liked === 1, bookmarkedByMe: row.bookmarked === 1,
    awards: JSON.parse(row.badges_json) as AwardBadgeT[], commentCount: row.comment_count,
  });
  // Object.assign, not an object spread: see presentPost (presenter.ts).
  return Object.assign(summary, presentPostFields(row, row.revision ?? 0, staleAfterDays));
}
