/** Reports, the review queue, hiding and restoring tips, tag merge and rename, the audit log. */
import type {
  AuditEntry, AuditQuery, Post, QueueGroup, QueuePage, Report, ReportInGroup, ReportReason, ReportReceipt, Resolution, TagCount,
} from '../../../server/api-types';
import { api, buildQuery, type Page } from './http';

export type { AuditEntry, QueueGroup, QueuePage, Report, ReportInGroup, ReportReason, Resolution };

export const REPORT_REASONS = ['spam', 'incorrect', 'outdated', 'inappropriate', 'other'] as const satisfies readonly ReportReason[];

export type AuditFilter = Omit<AuditQuery, 'cursor' | 'limit'> & { cursor?: string | null };

export const reportPost = (postId: number, reason: ReportReason, comment: string) =>
  api<ReportReceipt>(`/api/posts/${postId}/reports`, {
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
