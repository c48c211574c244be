/** Likes, bookmarks, rankings and authors' numbers (server/popularity, docs/POPULARITY.md). */
import type {
  BookmarkState, DepartmentLeaderboard, LikeState, MyStats, MyStatsQuery, OtherDepartments, OtherDepartmentsQuery, Post, PostSummary, Ranking,
  RankingItem, RankingPeriod, RankingsQuery, Liker,
} from '../../../server/api-types';
import { api, type Page } from './http';

export type { BookmarkState, DepartmentLeaderboard, LikeState, MyStats, OtherDepartments, Ranking, RankingItem, RankingPeriod };
/** A tip with the popularity domain's fields (viewerCount, bookmarkCount, bookmarkedByMe), which the schema always has. */
export type PopularPost = Post;

export const setLike = (postId: number, on: boolean) =>
  api<LikeState>(`/api/posts/${postId}/like`, { method: on ? 'PUT' : 'DELETE' });
export const setBookmark = (postId: number, on: boolean) =>
  api<BookmarkState>(`/api/posts/${postId}/bookmark`, { method: on ? 'PUT' : 'DELETE' });

export const listBookmarks = (q: { limit?: number; cursor?: string | null } = {}) =>
  api<Page<PostSummary>>('/api/me/bookmarks', { query: { limit: q.limit, cursor: q.cursor ?? undefined } });

export const RANKING_PERIODS = ['week', 'month', 'year', 'all'] as const satisfies readonly RankingPeriod[];

export const getRankings = (q: RankingsQuery = {}) => api<Ranking>('/api/rankings', { query: q });
/** Every department with its tips written, views and 使ってみた reports in the period. */
export const getDepartmentLeaderboard = (period: RankingPeriod) =>
  api<DepartmentLeaderboard>('/api/rankings/departments', { query: { period } });
export const getOtherDepartments = (q: OtherDepartmentsQuery = {}) =>
  api<OtherDepartments>('/api/rankings/other-departments', { query: q });
export const getMyStats = (q: MyStatsQuery = {}) => api<MyStats>('/api/me/stats', { query: q });

export type { Liker };

/** Who pressed 役に立った on a tip, newest first. */
export const listLikers = (postId: number, cursor?: string | null) =>
  api<Page<Liker>>(`/api/posts/${postId}/likes`, { query: { limit: 50, cursor: cursor ?? undefined } });
