import type { FeedToken, NewFeedToken } from '../../../server/api-types';
import { api } from './http';

export type { FeedToken, NewFeedToken };

export const listFeedTokens = () => api<{ items: FeedToken[] }>('/api/me/feed-tokens');
export const createFeedToken = (label: string) => api<NewFeedToken>('/api/me/feed-tokens', { method: 'POST', body: { label } });
export const revokeFeedToken = (id: number) => api<void>(`/api/me/feed-tokens/${id}`, { method: 'DELETE' });

/** The feeds a member can subscribe to, as paths (a tag's feed is built with tagFeed). */
export const TIPS_FEED = '/api/feeds/tips.atom';
export const REQUESTS_FEED = '/api/feeds/requests.atom';
export const tagFeed = (tag: string) => `${TIPS_FEED}?tag=${encodeURIComponent(tag)}`;
