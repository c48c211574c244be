/** Likes, bookmarks, rankings and authors' numbers (server/popularity, docs/POPULARITY.md). */
import { api, type Page } from './http';
import type { Post, PostSummary, PublicUser } from './types';

/** Fields the popularity domain adds to tips (also on list summaries). */
export interface PopularityFields {
  viewerCount?: number;
  bookmarkCount?: number;
  bookmarkedByMe?: boolean;
}

export type PopularPost = Post & PopularityFields;

export interface LikeState {
  likeCount: number;
  likedByMe: boolean;
}

export interface BookmarkState {
  bookmarkedByMe: boolean;
  bookmarkCount: number;
}

export const setLike = (postId: number, on: boolean) =>
  api<LikeState>(`/api/posts/${postId}/like`, { method: on ? 'PUT' : 'DELETE' });

export const setBookmark = (postId: number, on: boolean) =>
  api<BookmarkState>(`/api/posts/${postId}/bookmark`, { method: on ? 'PUT' : 'DELETE' });

export const listBookmarks = (q: { limit?: number; cursor?: string | null } = {}) =>
  api<Page<PostSummary>>('/api/me/bookmarks', { query: { limit: q.limit, cursor: q.cursor ?? undefined } });

export type RankingPeriod = 'week' | 'month' | 'year' | 'all';
export const RANKING_PERIODS: readonly RankingPeriod[] = ['week', 'month', 'year', 'all'];

export interface RankingItem {
  rank: number;
  post: PostSummary;
  views: number;
  likes: number;
}

export interface Ranking {
  period: RankingPeriod;
  from: string | null;
  to: string;
  items: RankingItem[];
}

export const getRankings = (q: { period?: RankingPeriod; tag?: string; department?: string; limit?: number } = {}) =>
  api<Ranking>('/api/rankings', { query: q });

export interface OtherDepartments {
  period: RankingPeriod;
  items: { department: string; post: PostSummary; views: number; likes: number }[];
}

export const getOtherDepartments = (q: { limit?: number; perDepartment?: number } = {}) =>
  api<OtherDepartments>('/api/rankings/other-departments', { query: q });

export interface TipCounts {
  views: number;
  viewsThisMonth: number;
  uniqueViewers: number;
  likes: number;
  likesThisMonth: number;
  bookmarks: number;
}

export interface DailyViews {
  day: string;
  views: number;
}

export interface MyStats {
  monthStart: string;
  today: string;
  totals: TipCounts & { tips: number };
  daily: DailyViews[];
  items: (TipCounts & { post: PostSummary })[];
}

export const getMyStats = (q: { days?: number; postId?: number; limit?: number } = {}) =>
  api<MyStats>('/api/me/stats', { query: q });

export interface Liker {
  user: PublicUser;
  likedAt: string;
}

/** Who pressed 役に立った on a tip, newest first. */
export const listLikers = (postId: number, cursor?: string | null) =>
  api<Page<Liker>>(`/api/posts/${postId}/likes`, { query: { limit: 50, cursor: cursor ?? undefined } });
