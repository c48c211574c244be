import type { Context } from '../context';
import { presentSummaries } from '../posts/presenter';
import { canRead } from '../posts/service';
import { presentPublicUser } from '../users/presenter';
import type { UserRow } from '../users/store';
import type { TipRequestDetailT, TipRequestT } from './schemas';
import type { RequestRow } from './store';

/**
 * The solving tips of these requests that `viewer` may read. A request solved by a tip hidden (or
 * turned back into a draft) since names it to nobody who may not read it, as a deleted one
 * (ON DELETE SET NULL) names none: the id alone told that such a tip exists.
 */
function readableSolutions(ctx: Context, rows: RequestRow[], viewer: UserRow): Set<number> {
  const ids = rows.flatMap((r) => (r.solved_post_id === null ? [] : [r.solved_post_id]));
  if (ids.length === 0) return new Set();
  return new Set(ctx.posts.summaries([...new Set(ids)]).filter((p) => canRead(viewer, p)).map((p) => p.id));
}

export function presentRequests(ctx: Context, rows: RequestRow[], viewer: UserRow): TipRequestT[] {
  const voted = ctx.requests.votedBy(viewer.id, rows.map((r) => r.id));
  const solutions = readableSolutions(ctx, rows, viewer);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    html: r.html,
    status: r.status,
    requester: presentPublicUser({ id: r.requester_id, username: r.username, display_name: r.display_name, department: r.department }),
    voteCount: r.vote_count,
    votedByMe: voted.has(r.id),
    answerCount: r.answer_count,
    solvedPostId: r.solved_post_id !== null && solutions.has(r.solved_post_id) ? r.solved_post_id : null,
    solvedAt: r.solved_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export function presentRequestDetail(ctx: Context, row: RequestRow, viewer: UserRow): TipRequestDetailT {
  const answers = ctx.requests.answers(row.id);
  const posts = new Map(presentSummaries(ctx, ctx.posts.summaries(answers.map((a) => a.post_id)), viewer).map((p) => [p.id, p]));
  return {
    ...presentRequests(ctx, [row], viewer)[0],
    answers: answers.filter((a) => posts.has(a.post_id)).map((a) => ({
      post: posts.get(a.post_id)!,
      linkedBy: presentPublicUser({ id: a.linked_by, username: a.username, display_name: a.display_name, department: a.department }),
      linkedAt: a.created_at,
    })),
  };
}
