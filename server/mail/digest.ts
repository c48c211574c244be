import type { Context } from '../context';
import { contentSeenBy } from '../notifications/visibility';
import type { UserRow } from '../users/store';
import { composeDigest, type Composed } from './compose';

/** What a weekly digest lists, by id: kept with the queued mail, read again when it is sent. */
export interface DigestItems {
  newTips: number[];
  popular: number[];
  requests: number[];
}

const DAY = 24 * 3600_000;

/**
 * What `userId`'s digest lists at `now`: new tips in what they follow (last 7 days), the most
 * read of what they follow (last 30 days) and open 教えて requests naming a tag they follow.
 */
export function digestItems(ctx: Context, userId: number, now: Date): DigestItems {
  const week = new Date(now.getTime() - 7 * DAY).toISOString();
  const month = new Date(now.getTime() - 30 * DAY).toISOString();
  const rows = ctx.follows.feed(userId, null, 200).filter((r) => r.created_at >= month);
  const newTips = rows.filter((r) => r.created_at >= week).slice(0, 10);
  const fresh = new Set(newTips.map((r) => r.id));
  const popular = rows.filter((r) => !fresh.has(r.id) && r.view_count > 0).sort((a, b) => b.view_count - a.view_count).slice(0, 5);
  return {
    newTips: newTips.map((r) => r.id),
    popular: popular.map((r) => r.id),
    requests: ctx.mail.openRequestsFor(userId, 5).map((r) => r.id),
  };
}

/**
 * The digest of these items as they are now, for `reader`: a tip she may no longer read (hidden,
 * deleted, back to draft) and a request no longer open are left out; titles and counts are the
 * current ones. Null when nothing is left to tell. Used when the digest is queued and again just
 * before it is sent, so the two cannot disagree on what may be mailed.
 */
export function writeDigest(ctx: Context, reader: UserRow, items: DigestItems,
  links: { unsubscribe: string; settings: string; home: string }): Composed | null {
  const { seesTip } = contentSeenBy(ctx, reader);
  const url = (path: string) => new URL(path, ctx.config.publicUrl).href;
  const tips = (ids: number[]) => ids.filter(seesTip).map((id) => {
    const p = ctx.posts.byId(id)!;
    return { title: p.title, author: p.display_name, views: p.view_count, url: url(`/tips/${p.id}`) };
  });
  const newTips = tips(items.newTips);
  const popular = tips(items.popular);
  const requests = items.requests.map((id) => ctx.requests.byId(id)).filter((r) => r?.status === 'open')
    .map((r) => ({ title: r!.title, votes: r!.vote_count, url: url(`/requests/${r!.id}`) }));
  if (!newTips.length && !popular.length && !requests.length) return null;
  return composeDigest({ newTips, popular, requests }, links);
}
