import { Type, type Static } from '@sinclair/typebox';
import { Cursor, Limit } from '../http/schemas';
import { PostSummary } from '../posts/schemas';

export const RankingPeriod = Type.Union(
  [Type.Literal('week'), Type.Literal('month'), Type.Literal('year'), Type.Literal('all')], { default: 'week' });

export const RankingsQuery = Type.Object({
  period: Type.Optional(RankingPeriod),
  tag: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  department: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  limit: Type.Optional(Limit),
  /** The `nextCursor` of the previous page. */
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });

export const RankingItem = Type.Object({
  rank: Type.Integer({ minimum: 1 }),
  post: PostSummary,
  /** Views in the period (all time for `all`). */
  views: Type.Integer(),
  /** The tip's likes (役に立った), the tie-breaker. */
  likes: Type.Integer(),
});

export const Rankings = Type.Object({
  period: RankingPeriod,
  /** First and last Japan day the period covers; null for `all`. */
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.String(),
  items: Type.Array(RankingItem),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: Type.Union([Cursor, Type.Null()]),
});

export const DepartmentLeaderboardQuery = Type.Object({
  period: Type.Optional(RankingPeriod),
}, { additionalProperties: false });

export const DepartmentLeaderboard = Type.Object({
  period: RankingPeriod,
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.String(),
  /** Every department someone belongs to (or reported from), most viewed first. */
  items: Type.Array(Type.Object({
    department: Type.String(),
    /** Published tips its members (by their department now) wrote in the period. */
    tips: Type.Integer(),
    /** Views in the period of its members' published tips. */
    views: Type.Integer(),
    /** 使ってみた reports in the period on its members' tips. */
    adoptionsReceived: Type.Integer(),
    /** 使ってみた reports in the period made from this department (the adopter's department at report time). */
    adoptionsReported: Type.Integer(),
  })),
});

export const OtherDepartmentsQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 6 })),
  /** How many tips one department may contribute, so one busy department does not fill the list. */
  perDepartment: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 2 })),
}, { additionalProperties: false });

export const OtherDepartments = Type.Object({
  /** The period the list was drawn from: `week`, widened to `month` when the week is too quiet. */
  period: RankingPeriod,
  items: Type.Array(Type.Object({ department: Type.String(), post: PostSummary, views: Type.Integer(), likes: Type.Integer() })),
});

export const LikeState = Type.Object({ likeCount: Type.Integer(), likedByMe: Type.Boolean() });
export const BookmarkState = Type.Object({ bookmarkedByMe: Type.Boolean(), bookmarkCount: Type.Integer() });

export const BookmarksQuery = Type.Object({
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });

export const MyStatsQuery = Type.Object({
  /** Length of the daily series, ending today (Japan). */
  days: Type.Optional(Type.Integer({ minimum: 7, maximum: 366, default: 30 })),
  /** Narrow the daily series to one of my tips. */
  postId: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 100 })),
}, { additionalProperties: false });

const Counts = {
  views: Type.Integer(),
  viewsThisMonth: Type.Integer(),
  uniqueViewers: Type.Integer(),
  likes: Type.Integer(),
  likesThisMonth: Type.Integer(),
  bookmarks: Type.Integer(),
};

export const MyStats = Type.Object({
  /** First Japan day of the current month: "this month" starts here. */
  monthStart: Type.String(),
  today: Type.String(),
  totals: Type.Object({ tips: Type.Integer(), ...Counts }),
  /** Views per Japan day, oldest first, every day present (0 when none). */
  daily: Type.Array(Type.Object({ day: Type.String(), views: Type.Integer() })),
  /** My tips (published or hidden), most viewed first, at most `limit`. */
  items: Type.Array(Type.Object({ post: PostSummary, ...Counts })),
});

export type RankingsT = Static<typeof Rankings>;
export type DepartmentLeaderboardT = Static<typeof DepartmentLeaderboard>;
export type OtherDepartmentsT = Static<typeof OtherDepartments>;
export type MyStatsT = Static<typeof MyStats>;
