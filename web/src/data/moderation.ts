/** Reports, the review queue, hiding and restoring tips, tag merge and rename, the audit log. */
import { api, buildQuery, type Page } from './http';
import type { Post, PostSummary, PublicUser, TagCount } from './types';

export const REPORT_REASONS = ['spam', 'incorrect', 'outdated', 'inappropriate', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export type Resolution = 'dismiss' | 'hide';

export interface ReportInGroup {
  id: number;
  reporter: PublicUser;
  reason: ReportReason;
  comment: string;
  status: 'open' | 'resolved';
  createdAt: string;
  resolvedBy?: PublicUser | null;
  resolution?: Resolution | null;
  note?: string | null;
  resolvedAt?: string | null;
}

export interface Report extends ReportInGroup {
  post: PostSummary;
}

export interface QueueGroup {
  post: PostSummary;
  openCount: number;
  reasons: { reason: ReportReason; count: number }[];
  firstReportedAt: string;
  lastReportedAt: string;
  reports: ReportInGroup[];
  /** You wrote this tip: deciding on reports about it is a conflict of interest. */
  ownTip: boolean;
}

export interface QueuePage extends Page<QueueGroup> {
  openReports: number;
  openPosts: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: number; username: string; displayName: string } | null;
  action: string;
  targetType: string;
  targetId: number | null;
  /** The target's current name (tip title, person, round); null when it is gone. */
  targetLabel: string | null;
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  since?: string;
  until?: string;
  cursor?: string | null;
}

export const reportPost = (postId: number, reason: ReportReason, comment: string) =>
  api<{ id: number; status: 'open' | 'resolved'; createdAt: string }>(`/api/posts/${postId}/reports`, {
    method: 'POST', body: comment ? { reason, comment } : { reason },
  });

export const myReports = (postId?: number) => api<Page<Report>>('/api/me/reports', { query: { postId } });

export const getQueue = (cursor?: string | null) => api<QueuePage>('/api/moderation/queue', { query: { cursor } });

export const listReports = (status: 'open' | 'resolved', cursor?: string | null) =>
  api<Page<Report>>('/api/moderation/reports', { query: { status, cursor } });

export const resolveReport = (id: number, action: Resolution, note?: string) =>
  api<Report>(`/api/moderation/reports/${id}/resolve`, { method: 'POST', body: note ? { action, note } : { action } });

export const hidePost = (id: number, reason: string) => api<Post>(`/api/posts/${id}/hide`, { method: 'POST', body: { reason } });

export const restorePost = (id: number) => api<Post>(`/api/posts/${id}/restore`, { method: 'POST' });

export const mergeTags = (from: string[], into: string) => api<TagCount>('/api/tags/merge', { method: 'POST', body: { from, into } });

export const renameTag = (name: string, newName: string) =>
  api<TagCount>(`/api/tags/${encodeURIComponent(name)}`, { method: 'PATCH', body: { name: newName } });

export const listAudit = (f: AuditFilter) =>
  api<Page<AuditEntry>>('/api/moderation/audit', { query: { ...f, cursor: f.cursor ?? undefined } });

/** The address of the filtered log as CSV (a plain link: the browser downloads it). */
export const auditCsvUrl = (f: AuditFilter) => `/api/moderation/audit.csv${buildQuery({ ...f, cursor: undefined, limit: undefined })}`;

export const auditActions = () => api<{ items: string[] }>('/api/moderation/audit/actions');
