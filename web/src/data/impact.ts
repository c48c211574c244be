/** Impact: minutes saved, "使ってみた" adoptions, and the organisation-wide report. */
import type { Adoption, ImpactPeriod, ImpactReport, Post, PostAdoptions } from '../../../server/api-types';
import { api } from './http';

export type { Adoption, ImpactReport, PostAdoptions };
export type Period = ImpactPeriod;

export const getAdoptions = (postId: number) => api<PostAdoptions>(`/api/posts/${postId}/adoptions`);

/** Reports a use: how often (回/月) and minutes per use (分/回); the server derives minutes per month. */
export const adopt = (postId: number, usesPerMonth: number, minutesSavedPerUse: number, note: string) =>
  api<PostAdoptions>(`/api/posts/${postId}/adoptions`, { method: 'POST', body: { usesPerMonth, minutesSavedPerUse, note } });

export const withdrawAdoption = (postId: number) => api<void>(`/api/posts/${postId}/adoptions`, { method: 'DELETE' });

export const setMinutesSavedPerUse = (postId: number, minutes: number | null) =>
  api<Post>(`/api/posts/${postId}`, { method: 'PATCH', body: { minutesSavedPerUse: minutes } });

/** `fy` (the year a fiscal year starts in) only with period `fy`. */
export const getImpact = (period: Period, fy?: number) =>
  api<ImpactReport>('/api/impact', { query: { period, fy: period === 'fy' ? fy : undefined, limit: 10 } });

/** The CSV address, for a plain download link (the browser sends the session cookie). */
export const impactCsvUrl = (period: Period, table: 'departments' | 'posts', fy?: number) =>
  `/api/impact.csv?period=${period}${period === 'fy' && fy !== undefined ? `&fy=${fy}` : ''}&table=${table}`;

/** Minutes as hours with one decimal, for people who think in 時間. */
export const toHours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
