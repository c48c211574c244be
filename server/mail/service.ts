import type { Context } from '../context';
import { contentSeenBy } from '../notifications/visibility';
import { composeDigest, composeNotice, MAILED_KINDS } from './compose';
import type { MailSettingsRow } from './store';

/** Digests go out on Mondays at 08:00 Japan time (Sunday 23:00 UTC), for the week before. */
export function lastDigestSlot(now: Date): Date {
  const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 23, 0, 0));
  // Step back to the latest Sunday 23:00 UTC not after now.
  while (slot.getUTCDay() !== 0 || slot > now) slot.setUTCDate(slot.getUTCDate() - 1);
  return slot;
}

function links(ctx: Context, s: MailSettingsRow) {
  const base = ctx.config.publicUrl;
  return {
    unsubscribe: new URL(`/mail/unsubscribe?token=${encodeURIComponent(s.unsubscribe_token)}`, base).href,
    settings: new URL('/settings/mail', base).href,
    home: new URL('/', base).href,
  };
}

/**
 * Mentions and replies reach members who chose mail for them, through the outbox, inside the
 * transaction that adds the in-app notification. Without SMTP nothing is queued.
 */
export function mailNotifications(ctx: Context): void {
  ctx.notifications.onAdd((n, now) => {
    if (!ctx.config.smtpUrl || !MAILED_KINDS.has(n.kind) || n.targetId === null) return;
    const s = ctx.mail.settings(n.userId);
    if (!s?.email || !s.on_mentions) return;
    const actor = n.actorId === null ? undefined : ctx.users.byId(n.actorId);
    const l = links(ctx, s);
    const m = composeNotice({
      kind: n.kind, title: n.targetTitle ?? '', actor: actor?.display_name ?? '', excerpt: n.text ?? '',
      url: new URL(`/tips/${n.targetId}`, ctx.config.publicUrl).href,
    }, l);
    ctx.mail.enqueue({ userId: n.userId, to: s.email, ...m, unsubscribeUrl: l.unsubscribe,
      postId: n.targetType === 'post' ? n.targetId : null, commentId: n.subjectType === 'comment' ? n.subjectId ?? null : null }, now.toISOString());
  });
  // A notice queued before its tip or comment was hidden or deleted (or the tip returned to draft)
  // is not sent: contentSeenBy sees no deleted content.
  ctx.outbox.withholdWhen((row) => {
    if (row.post_id === null && row.comment_id === null) return false;
    const reader = row.user_id === null ? undefined : ctx.users.byId(row.user_id);
    if (!reader || reader.suspended) return true;
    const { seesTip, seesComment } = contentSeenBy(ctx, reader);
    return (row.post_id !== null && !seesTip(row.post_id)) || (row.comment_id !== null && !seesComment(row.comment_id));
  });
}

const DAY = 24 * 3600_000;

/**
 * Queues the weekly digest of each member who wants one and has not had this week's: new tips
 * in what they follow (last 7 days), the most read of what they follow (last 30 days) and open
 * 教えて requests naming a tag they follow. A week with nothing to tell sends nothing.
 * Returns how many digests were queued.
 */
export function queueDigests(ctx: Context): number {
  if (!ctx.config.smtpUrl) return 0;
  const now = ctx.now();
  const slot = lastDigestSlot(now).toISOString();
  const week = new Date(now.getTime() - 7 * DAY).toISOString();
  const month = new Date(now.getTime() - 30 * DAY).toISOString();
  return ctx.db.transaction(() => {
    let queued = 0;
    for (const s of ctx.mail.digestDue(slot)) {
      ctx.mail.digestSent(s.user_id, now.toISOString());
      const rows = ctx.follows.feed(s.user_id, null, 200).filter((r) => r.created_at >= month);
      const tip = (r: (typeof rows)[number]) => ({
        title: r.title, author: r.display_name, views: r.view_count, url: new URL(`/tips/${r.id}`, ctx.config.publicUrl).href,
      });
      const newTips = rows.filter((r) => r.created_at >= week).slice(0, 10);
      const fresh = new Set(newTips.map((r) => r.id));
      const popular = rows.filter((r) => !fresh.has(r.id) && r.view_count > 0).sort((a, b) => b.view_count - a.view_count).slice(0, 5);
      const requests = ctx.mail.openRequestsFor(s.user_id, 5).map((r) => ({
        title: r.title, votes: r.vote_count, url: new URL(`/requests/${r.id}`, ctx.config.publicUrl).href,
      }));
      if (!newTips.length && !popular.length && !requests.length) continue;
      const l = links(ctx, s);
      const m = composeDigest({ newTips: newTips.map(tip), popular: popular.map(tip), requests }, l);
      ctx.mail.enqueue({ userId: s.user_id, to: s.email!, ...m, unsubscribeUrl: l.unsubscribe }, now.toISOString());
      queued++;
    }
    return queued;
  })();
}
