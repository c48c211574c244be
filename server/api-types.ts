/**
 * The HTTP API's types, each derived from the schema its routes validate and serialize with.
 * The web app imports these (`import type`, so nothing of the server reaches its bundle): a
 * schema change fails type-checking wherever the web app uses the shape.
 * tests/web/api-types.test.ts pins the link from each web data function to its route's schema.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type * as admin from './admin/schemas';
import type * as audit from './audit/schemas';
import type { AwardBadge as AwardBadgeSchema } from './awards/badge';
import type * as awards from './awards/schemas';
import type * as comments from './comments/schemas';
import type { ReviewList as ReviewListSchema } from './freshness/routes';
import type * as images from './images/schemas';
import type * as impact from './impact/schemas';
import type * as moderation from './moderation/schemas';
import type * as notifications from './notifications/schemas';
import type * as pages from './pages/schemas';
import type * as popularity from './popularity/schemas';
import type * as posts from './posts/schemas';
import type * as requests from './requests/schemas';
import type * as revisions from './revisions/schemas';
import type { Liker as LikerSchema } from './likers/routes';
import type * as feeds from './feeds/routes';
import type * as follows from './follows/schemas';
import type * as invitations from './invitations/routes';
import type * as mail from './mail/schemas';
import type * as search from './search/schemas';
import type { SessionState as SessionStateSchema } from './sessions/routes';
import type * as tags from './tags/schemas';
import type * as templates from './templates/schemas';
import type * as users from './users/presenter';
import type * as userSchemas from './users/schemas';

type S<T extends TSchema> = Static<T>;

/** `{items, nextCursor}`, the shape of every paginated answer (http/schemas.ts Page()). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// People
export type Role = S<typeof users.Role>;
export type PublicUser = S<typeof users.PublicUser>;
export type Me = S<typeof users.Me>;
export type AdminUser = S<typeof users.AdminUser>;
export type SetupStatus = S<typeof userSchemas.SetupStatus>;
export type SessionState = S<typeof SessionStateSchema>;
export type SetupInput = S<typeof userSchemas.SetupBody>;
export type NewUser = S<typeof userSchemas.CreateUserBody>;
export type UserChanges = S<typeof admin.UpdateUserBody>;
export type ImportAction = S<typeof admin.ImportAction>;
export type ImportReport = S<typeof admin.ImportReport>;
export type ImportRejected = S<typeof admin.ImportRejected>;

// Tips
export type PostStatus = S<typeof posts.PostStatus>;
export type PostSummary = S<typeof posts.PostSummary>;
export type Post = S<typeof posts.Post>;
export type CreatePostInput = S<typeof posts.CreatePostBody>;
export type UpdatePostInput = S<typeof posts.UpdatePostBody>;
export type ListPostsQuery = S<typeof posts.ListPostsQuery>;
export type ReviewList = S<typeof ReviewListSchema>;
export type TagCount = S<typeof tags.TagCount>;
export type ListTagsQuery = S<typeof tags.ListTagsQuery>;
export type UploadedImage = S<typeof images.UploadedImage>;

// Pages
export type TipPage = S<typeof pages.TipPage>;
export type HomePage = S<typeof pages.HomePage>;
export type NominatingRound = S<typeof pages.NominatingRound>;

// Popularity
export type LikeState = S<typeof popularity.LikeState>;
export type BookmarkState = S<typeof popularity.BookmarkState>;
export type RankingPeriod = S<typeof popularity.RankingPeriod>;
export type RankingsQuery = S<typeof popularity.RankingsQuery>;
export type RankingItem = S<typeof popularity.RankingItem>;
export type Ranking = S<typeof popularity.Rankings>;
export type DepartmentLeaderboard = S<typeof popularity.DepartmentLeaderboard>;
export type OtherDepartmentsQuery = S<typeof popularity.OtherDepartmentsQuery>;
export type OtherDepartments = S<typeof popularity.OtherDepartments>;
export type MyStatsQuery = S<typeof popularity.MyStatsQuery>;
export type MyStats = S<typeof popularity.MyStats>;

// Search
export type SearchQuery = S<typeof search.SearchQuery>;
export type SearchHit = S<typeof search.SearchHit>;
export type SearchResult = S<typeof search.SearchResult>;
export type RelatedResult = S<typeof search.RelatedResult>;
export type Suggestions = S<typeof search.SuggestResult>;

// Comments, revisions, drafts' conflicts
export type Comment = S<typeof comments.Comment>;
export type RevisionSummary = S<typeof revisions.RevisionSummary>;
export type Revision = S<typeof revisions.Revision>;
export type RevisionDiff = S<typeof revisions.RevisionDiff>;
export type DiffQuery = S<typeof revisions.DiffQuery>;
export type EditConflict = S<typeof revisions.EditConflict>;

// Requests (教えて) and templates
export type TipRequest = S<typeof requests.TipRequest>;
export type TipRequestDetail = S<typeof requests.TipRequestDetail>;
export type CreateRequestInput = S<typeof requests.CreateRequestBody>;
export type ListRequestsQuery = S<typeof requests.ListRequestsQuery>;
export type VoteState = S<typeof requests.VoteState>;
export type RequestRef = S<typeof requests.RequestRef>;
export type Template = S<typeof templates.Template>;
export type TemplateInput = S<typeof templates.CreateTemplateBody>;
export type TemplateChanges = S<typeof templates.UpdateTemplateBody>;

// Moderation, audit, notifications
export type ReportReason = S<typeof moderation.ReportReason>;
export type Resolution = S<typeof moderation.Resolution>;
export type ReportReceipt = S<typeof moderation.ReportReceipt>;
export type ReportInGroup = S<typeof moderation.ReportInGroup>;
export type Report = S<typeof moderation.Report>;
export type QueueGroup = S<typeof moderation.QueueGroup>;
export type QueuePage = S<typeof moderation.QueuePage>;
export type AuditEntry = S<typeof audit.AuditItem>;
export type AuditQuery = S<typeof audit.AuditQuery>;
export type Notification = S<typeof notifications.Notification>;
export type NotificationPage = S<typeof notifications.NotificationPage>;
export type MarkReadInput = S<typeof notifications.MarkReadBody>;

// DX賞 and impact
export type AwardBadge = S<typeof AwardBadgeSchema>;
export type Phase = S<typeof awards.PhaseName>;
export type Criterion = S<typeof awards.Criterion>;
export type Round = S<typeof awards.Round>;
export type RoundInput = S<typeof awards.CreateRoundBody>;
export type RoundChanges = S<typeof awards.UpdateRoundBody>;
export type NominateInput = S<typeof awards.NominateBody>;
export type MyScore = S<typeof awards.MyScore>;
export type Nomination = S<typeof awards.Nomination>;
export type PostNomination = S<typeof awards.PostNomination>;
export type ScoreResult = S<typeof awards.ScoreResult>;
export type Progress = S<typeof awards.Progress>;
export type ProgressReport = S<typeof awards.ProgressResponse>;
export type ResultItem = S<typeof awards.ResultItem>;
export type Results = S<typeof awards.Results>;
export type ResultsVisibility = S<typeof awards.ResultsVisibility>;
export type ShowcaseItem = S<typeof awards.ShowcaseItem>;
export type Showcase = S<typeof awards.Showcase>;
export type ImpactPeriod = S<typeof impact.Period>;
export type Adoption = S<typeof impact.Adoption>;
export type PostAdoptions = S<typeof impact.PostAdoptions>;
export type ImpactReport = S<typeof impact.Impact>;

// Likers
export type Liker = S<typeof LikerSchema>;

// Invitations
export type Invitation = S<typeof invitations.Issued>;
export type IssueInvitations = S<typeof invitations.IssueBody>;
export type InvitationInfo = S<typeof invitations.InvitationInfo>;

// Feed tokens
export type FeedToken = S<typeof feeds.FeedToken>;
export type NewFeedToken = S<typeof feeds.NewFeedToken>;

// Follows
export type FollowState = S<typeof follows.FollowState>;
export type MyFollows = S<typeof follows.MyFollows>;

// Mail
export type MailSettings = S<typeof mail.MailSettings>;
