/** DX賞: rounds, nominations, jury scoring, results, publication and the showcase. */
import { api, type Page } from './http';
import type { PostSummary, PublicUser } from './types';

export type Phase = 'nominating' | 'scoring' | 'closed' | 'published';
export const PHASES: readonly Phase[] = ['nominating', 'scoring', 'closed', 'published'];

export interface AwardBadge {
  roundId: number;
  roundTitle: string;
  prize: string;
}

export interface Criterion {
  key: string;
  label: string;
  weight: number;
}

export interface Round {
  id: number;
  title: string;
  phase: Phase;
  categories: string[];
  criteria: Criterion[];
  judges: string[];
  jury: PublicUser[];
  nominationCount: number;
  resultsVisibility: 'winners' | 'ranking';
  isJudge: boolean;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface RoundInput {
  title: string;
  categories: string[];
  criteria: Criterion[];
  judges: string[];
}

export interface MyScore {
  scores: Record<string, number>;
  comment: string;
  scoredAt: string;
}

export interface Nomination {
  id: number;
  roundId: number;
  post: PostSummary;
  category: string;
  statement: string;
  nominatedBy: PublicUser;
  createdAt: string;
  prize: string | null;
  myScore?: MyScore | null;
  ownTip?: boolean;
}

export interface PostNomination {
  id: number;
  roundId: number;
  roundTitle: string;
  phase: Phase;
  category: string;
  statement: string;
  nominatedBy: PublicUser;
  createdAt: string;
  prize: string | null;
}

export interface Progress {
  total: number;
  scored: number;
  toScore: number;
  excluded: number;
}

export interface ProgressReport {
  me: Progress | null;
  judges: (Progress & { judge: PublicUser })[];
}

export interface ResultItem {
  rank: number | null;
  nomination: Nomination;
  score: number | null;
  judgeCount: number;
  tied: boolean;
  criteria: Record<string, number>;
  comments: { judge: PublicUser; comment: string }[];
}

export interface ShowcaseItem {
  roundId: number;
  roundTitle: string;
  publishedAt: string;
  nominationId: number;
  category: string;
  prize: string;
  department: string;
  statement: string;
  post: PostSummary;
  effect: { minutesSavedPerUse: number | null; adoptions: number; minutesSavedPerMonth: number };
}

export const listRounds = (cursor?: string | null) =>
  api<Page<Round>>('/api/awards', { query: { limit: 50, cursor: cursor ?? undefined } });

export const getRound = (id: number) => api<Round>(`/api/awards/${id}`);

export const createRound = (input: RoundInput) => api<Round>('/api/awards', { method: 'POST', body: input });

export const updateRound = (id: number, input: Partial<RoundInput>) =>
  api<Round>(`/api/awards/${id}`, { method: 'PATCH', body: input });

export const advancePhase = (id: number, phase: Exclude<Phase, 'published'>) =>
  api<Round>(`/api/awards/${id}/phase`, { method: 'POST', body: { phase } });

export const nominate = (roundId: number, input: { postId: number; category: string; statement: string }) =>
  api<Nomination>(`/api/awards/${roundId}/nominations`, { method: 'POST', body: input });

export const withdrawNomination = (roundId: number, nominationId: number) =>
  api<void>(`/api/awards/${roundId}/nominations/${nominationId}`, { method: 'DELETE' });

export const listNominations = (roundId: number, q: { category?: string; cursor?: string | null } = {}) =>
  api<Page<Nomination>>(`/api/awards/${roundId}/nominations`, { query: { limit: 100, category: q.category, cursor: q.cursor ?? undefined } });

/** Every nomination of a round, following cursors (rounds hold tens, at most a few hundred). */
export async function allNominations(roundId: number): Promise<Nomination[]> {
  const out: Nomination[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Nomination> = await listNominations(roundId, { cursor });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

export const scoreNomination = (roundId: number, nominationId: number, scores: Record<string, number>, comment: string) =>
  api<{ nominationId: number; scores: Record<string, number>; comment: string; scoredAt: string }>(
    `/api/awards/${roundId}/nominations/${nominationId}/score`, { method: 'PUT', body: { scores, comment } });

export const getProgress = (roundId: number) => api<ProgressReport>(`/api/awards/${roundId}/progress`);

export type ResultsVisibility = 'winners' | 'ranking';

export interface Results {
  phase: Phase;
  /** What this caller is shown: the full ranking, or the winners only. */
  shown: ResultsVisibility;
  items: ResultItem[];
  /** Ranked within each category, in the round's category order. */
  categories: { category: string; items: ResultItem[] }[];
}

export const getResults = (roundId: number) => api<Results>(`/api/awards/${roundId}/results`);

export const publishRound = (roundId: number, winners: { nominationId: number; prize: string }[], visibility: ResultsVisibility) =>
  api<Round>(`/api/awards/${roundId}/publish`, { method: 'POST', body: { winners, visibility } });

export const getShowcase = (roundId?: number) => api<{ items: ShowcaseItem[] }>('/api/showcase', { query: { roundId } });

export const postNominations = (postId: number) => api<{ items: PostNomination[] }>(`/api/posts/${postId}/nominations`);
