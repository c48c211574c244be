import type { AwardBadgeT } from '../awards/badge';
import type { Context } from '../context';
import type { UserRow } from '../users/store';
import { reviewDueAt } from '../freshness/rule';
import { presentPublicUser } from '../users/presenter';
import type { PostRow, PostSummaryRow } from './store';
import type { PostSummaryT, PostT } from './schemas';

/** What a tip's summary shows beyond its own row. */
export interface SummaryExtras {
  tags: string[];
  likedByMe: boolean;
  bookmarkedByMe: boolean;
  awards: AwardBadgeT[];
  commentCount: number;
}

/** Exactly the fields that leave the server for a tip in a list (and at the top of a tip page). */
export function presentSummary(r: PostSummaryRow, x: SummaryExtras): PostSummaryT {
  return {
    id: r.id,
    title: r.title,
    tags: x.tags,
    author: presentPublicUser({ id: r.author_id, username: r.username, display_name: r.display_name, department: r.department }),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    viewCount: r.view_count,
    likeCount: r.like_count,
    likedByMe: x.likedByMe,
    viewerCount: r.viewer_count, bookmarkCount: r.bookmark_count, bookmarkedByMe: x.bookmarkedByMe,
    status: r.status,
    awards: x.awards,
    commentCount: x.commentCount,
  };
}

/** What a tip page adds to the summary. */
export function presentPostFields(row: PostRow, revision: number, staleAfterDays: number): Omit<PostT, keyof PostSummaryT> {
  return {
    body: row.body, html: row.html, minutesSavedPerUse: row.minutes_saved_per_use ?? null,
    hiddenReason: row.status === 'hidden' ? row.hidden_reason : null, revision,
    confirmedAt: row.confirmed_at ?? null, reviewDueAt: reviewDueAt(row, staleAfterDays),
  };
}

/** Summaries of a list, their extras looked up in batches. */
/** The stores a summary reads (a search thread has these only: search/reader.ts). */
export type SummaryStores = Pick<Context, 'tags' | 'posts' | 'popularity' | 'awards' | 'comments'>;

export function presentSummaries(ctx: SummaryStores, rows: PostSummaryRow[], viewer: UserRow | null): PostSummaryT[] {
  const ids = rows.map((r) => r.id);
  const tags = ctx.tags.namesFor(ids);
  const liked = viewer ? ctx.posts.likedBy(viewer.id, ids) : new Set<number>();
  const bookmarked = viewer ? ctx.popularity.bookmarkedBy(viewer.id, ids) : new Set<number>();
  const awards = ctx.awards.badgesFor(ids);
  const comments = ctx.comments.countsFor(ids);
  return rows.map((r) => presentSummary(r, {
    tags: tags.get(r.id) ?? [], likedByMe: liked.has(r.id), bookmarkedByMe: bookmarked.has(r.id),
    awards: awards.get(r.id) ?? [], commentCount: comments.get(r.id) ?? 0,
  }));
}

/** Summaries presented for nobody in particular (a shared, cached page), with this viewer's own marks. */
export function withViewer(ctx: Context, items: readonly PostSummaryT[], viewer: UserRow): PostSummaryT[] {
  if (items.length === 0) return [];
  const ids = items.map((i) => i.id);
  const liked = ctx.posts.likedBy(viewer.id, ids);
  const bookmarked = ctx.popularity.bookmarkedBy(viewer.id, ids);
  return items.map((i) => ({ ...i, likedByMe: liked.has(i.id), bookmarkedByMe: bookmarked.has(i.id) }));
}

/**
 * A tip with its body: Object.assign, never an object spread (`{ ...summary, ...fields }`). On the
 * Node this runs on (20.20, V8 11.3), objects made by that spread outlived the young generation's
 * collections (scavenges), and with them the tip's body and HTML they hold: promoted, they stayed
 * until a full collection. Under the bench's load of tip pages the main thread's old generation
 * grew ~10 MB/s of such garbage and the server's peak rss went over 500 MB (docs/search.md,
 * Serving: memory). Object.assign gives the same object, properties in the same order, without it;
 * npm run bench:page-memory measures what is promoted (60 MB of 80 with the spread, KBs without).
 */
export function presentPost(ctx: Context, row: PostRow, viewer: UserRow | null): PostT {
  const [summary] = presentSummaries(ctx, [row], viewer);
  return Object.assign(summary, presentPostFields(row, ctx.revisions.latestNumber(row.id), ctx.config.staleAfterDays));
}
