/** DX賞: rounds, nominations, jury scoring, results, publication and the showcase. */
import type {
  AwardBadge, Criterion, MyScore, NominateInput, Nomination, Phase, PostNomination, Progress, ProgressReport, ResultItem, Results,
  ResultsVisibility, Round, RoundChanges, RoundInput, ScoreResult, Showcase, ShowcaseItem,
} from '../../../server/api-types';
import type { PostStatus } from './types';
import { api, type Page } from './http';

export type { AwardBadge, Criterion, MyScore, Nomination, Phase, PostNomination, Progress, ProgressReport, ResultItem, Results, ResultsVisibility, Round, RoundInput, ShowcaseItem };

/**
 * Whether a nomination counts in its round: only while its tip is published, as the server
 * counts, ranks and shows winners (countedNominations). The tip's author and staff, who may
 * still read a hidden tip, see its nominations marked as not counted.
 */
export const nominationCounts = (tipStatus: PostStatus) => tipStatus === 'published';

export const PHASES = ['nominating', 'scoring', 'closed', 'published'] as const satisfies readonly Phase[];

export const listRounds = (cursor?: string | null) =>
  api<Page<Round>>('/api/awards', { query: { limit: 50, cursor: cursor ?? undefined } });

export const getRound = (id: number) => api<Round>(`/api/awards/${id}`);

export const createRound = (input: RoundInput) => api<Round>('/api/awards', { method: 'POST', body: input });

export const updateRound = (id: number, input: RoundChanges) =>
  api<Round>(`/api/awards/${id}`, { method: 'PATCH', body: input });

export const advancePhase = (id: number, phase: Exclude<Phase, 'published'>) =>
  api<Round>(`/api/awards/${id}/phase`, { method: 'POST', body: { phase } });

export const nominate = (roundId: number, input: NominateInput) =>
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
  api<ScoreResult>(
    `/api/awards/${roundId}/nominations/${nominationId}/score`, { method: 'PUT', body: { scores, comment } });

export const getProgress = (roundId: number) => api<ProgressReport>(`/api/awards/${roundId}/progress`);


export const getResults = (roundId: number) => api<Results>(`/api/awards/${roundId}/results`);

export const publishRound = (roundId: number, winners: { nominationId: number; prize: string }[], visibility: ResultsVisibility) =>
  api<Round>(`/api/awards/${roundId}/publish`, { method: 'POST', body: { winners, visibility } });

export const getShowcase = (roundId?: number) => api<Showcase>('/api/showcase', { query: { roundId } });

export const postNominations = (postId: number) => api<{ items: PostNomination[] }>(`/api/posts/${postId}/nominations`);
