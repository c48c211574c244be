import type { Static } from '@sinclair/typebox';
import type { Context } from '../context';
import { presentSummaries } from '../posts/presenter';
import type { UserRow } from '../users/store';
import type { ShowcaseItem } from './schemas';

/**
 * Published winners, newest round first and in the order the prizes were given: the page a
 * department head opens to decide what to copy, so each case carries where it comes from and
 * what it saved. Winners whose tip was hidden since are left out.
 */
export function showcase(ctx: Context, viewer: UserRow, roundId: number | null): Static<typeof ShowcaseItem>[] {
  const winners = ctx.awards.winners(roundId);
  const postIds = winners.map((w) => w.post_id);
  const posts = new Map(presentSummaries(ctx, ctx.posts.summaries(postIds), viewer).map((p) => [p.id, p]));
  const totals = ctx.impact.totalsFor(postIds);
  const perUse = ctx.impact.minutesSavedPerUseOf(postIds);
  return winners.map((w) => {
    const post = posts.get(w.post_id)!;
    const t = totals.get(w.post_id)!;
    return {
      roundId: w.round_id,
      roundTitle: w.round_title,
      publishedAt: w.published_at,
      nominationId: w.id,
      category: w.category,
      prize: w.prize!,
      department: post.author.department,
      statement: w.statement,
      post,
      effect: { minutesSavedPerUse: perUse.get(w.post_id) ?? null, adoptions: t.adoptions, minutesSavedPerMonth: t.minutes },
    };
  });
}
