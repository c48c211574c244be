import { Type, type Static } from '@sinclair/typebox';
import { PostNomination } from '../awards/schemas';
import { Comment } from '../comments/schemas';
import { Page } from '../http/schemas';
import { PostAdoptions } from '../impact/schemas';
import { OtherDepartments, Rankings } from '../popularity/schemas';
import { Post, PostSummary } from '../posts/schemas';
import { RelatedResult } from '../search/schemas';
import { TagCount } from '../tags/schemas';

/** A round taking nominations, as much as the tip page's "DX賞に推薦" dialog needs. */
export const NominatingRound = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  categories: Type.Array(Type.String()),
});

/** Everything a tip page shows, in one answer (each part as its own route answers it). */
export const TipPage = Type.Object({
  /** As GET /api/posts/:id answers it, with the reader's likedByMe / bookmarkedByMe. */
  post: Post,
  /** The first page of GET /api/posts/:id/comments (limit 100); continue there with nextCursor. */
  comments: Page(Comment),
  /** As GET /api/posts/:id/nominations answers it. */
  nominations: Type.Array(PostNomination),
  /** Rounds taking nominations now (newest first). */
  nominatingRounds: Type.Array(NominatingRound),
  /** As GET /api/posts/:id/adoptions answers it (`mine` is the reader's own report). */
  adoptions: PostAdoptions,
  /** Whether the reader has an open report on this tip (GET /api/me/reports?postId=). */
  reportPending: Type.Boolean(),
  /** As GET /api/search/related?id= answers it: up to five published tips (none for a tip not published). */
  related: RelatedResult.properties.items,
});

/** Everything the home page shows, in one answer (each part as its own route answers it). */
export const HomePage = Type.Object({
  /** GET /api/posts?sort=new&limit=20; more with GET /api/posts?sort=new&cursor=nextCursor. */
  newest: Page(PostSummary),
  /** GET /api/posts?sort=popular&limit=20 (candidates: the web shows five not already shown above) */
  popular: Type.Array(PostSummary),
  /** GET /api/posts?sort=trending&limit=20 (candidates, as popular) */
  trending: Type.Array(PostSummary),
  /** GET /api/rankings?period=week&limit=5 */
  weekRanking: Rankings,
  /** GET /api/rankings/other-departments?limit=20 (candidates, as popular) */
  otherDepartments: OtherDepartments,
  /** GET /api/tags?limit=50 */
  tags: Type.Array(TagCount),
});

export type NominatingRoundT = Static<typeof NominatingRound>;
export type TipPageT = Static<typeof TipPage>;
export type HomePageT = Static<typeof HomePage>;
