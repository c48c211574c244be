/** Impact: minutes saved, "使ってみた" adoptions, and the organisation-wide report. */
import type { Adoption, ImpactPeriod, ImpactReport, Post, PostAdoptions } from '../../../server/api-types';
import { api } from './http';

export type { Adoption, ImpactReport, PostAdoptions };
export type Period = ImpactPeriod;

export const getAdoptions = (postId: number) => api<PostAdoptions>(`/api/posts/${postId}/adoptions`);

export const adopt = (postId: number, minutesSavedPerMonth: number, note: string) =>
  api<PostAdoptions>(`/api/posts/${postId}/adoptions`, { method: 'POST', body: { minutesSavedPerMonth, note } });

export const withdrawAdoption = (postId: number) => api<void>(`/api/posts/${postId}/adoptions`, { method: 'DELETE' });

export const setMinutesSavedPerUse = (postId: number, minutes: number | null) =>
  api<Post>(`/api/posts/${postId}`, { method: 'PATCH', body: { minutesSavedPerUse: minutes } });

export const getImpact = (period: Period) => api<ImpactReport>('/api/impact', { query: { period, limit: 10 } });

/** The CSV address, for a plain download link (the browser sends the session cookie). */
export const impactCsvUrl = (period: Period, table: 'departments' | 'posts') =>
  `/api/impact.csv?period=${period}&table=${table}`;

/** Minutes as hours with one decimal, for people who think in 時間. */
export const toHours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
