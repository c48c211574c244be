/** Shapes the API answers with (see shared/API.md); extra fields may appear. */

export type Role = 'member' | 'moderator' | 'admin';

export interface PublicUser {
  id: number;
  username: string;
  displayName: string;
  department: string;
}

export interface Me extends PublicUser {
  role: Role;
}

export interface PostSummary {
  id: number;
  title: string;
  tags: string[];
  author: PublicUser;
  createdAt: string;
  updatedAt: string;
  viewCount: number;
  likeCount: number;
  likedByMe: boolean;
  status: 'published' | 'hidden' | 'draft';
  /** Visible comments (authoring). */
  commentCount?: number;
  /** DX賞 prizes won (published rounds only). */
  awards?: { roundId: number; roundTitle: string; prize: string }[];
}

export interface Post extends PostSummary {
  body: string;
  html: string;
  hiddenReason?: string | null;
  /** Latest revision number, sent back as baseRevision when saving (authoring). */
  revision?: number;
  minutesSavedPerUse?: number | null;
  /** Last confirmed as still valid without an edit (確認済み). */
  confirmedAt: string | null;
  /** From then on the tip asks readers to check it (KOTSU_STALE_AFTER_DAYS after its last edit or confirmation). */
  reviewDueAt: string;
}

export interface TagCount {
  name: string;
  count: number;
}
