import type { Context } from '../context';
import { contentSeenBy } from '../notifications/visibility';
import { composeNotice, MAILED_KINDS } from './compose';
import { digestItems, writeDigest, type DigestItems } from './digest';
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
  // Every queued mail that quotes content is checked again just before it goes out: a notice whose
  // tip or comment was hidden or deleted (or the tip returned to draft) since is not sent
  // (contentSeenBy sees no deleted content); a digest is written again as its tips are now.
  ctx.outbox.reviseWith((row) => {
    if (row.post_id === null && row.comment_id === null && row.digest === null) return row;
    const reader = row.user_id === null ? undefined : ctx.users.byId(row.user_id);
    if (!reader || reader.suspended) return null;
    if (row.digest !== null) {
      const s = ctx.mail.settings(reader.id);
      return s?.digest ? writeDigest(ctx, reader, JSON.parse(row.digest) as DigestItems, links(ctx, s)) : null;
    }
    const { seesTip, seesComment } = contentSeenBy(ctx, reader);
    return (row.post_id !== null && !seesTip(row.post_id)) || (row.comment_id !== null && !seesComment(row.comment_id)) ? null : row;
  });
}

/**
 * Queues the weekly digest of each member who wants one and has not had this week's
 * (server/mail/digest.ts says what it lists). A week with nothing to tell sends nothing.
 * Returns how many digests were queued.
 */
export function queueDigests(ctx: Context): number {
  if (!ctx.config.smtpUrl) return 0;
  const now = ctx.now();
  const slot = lastDigestSlot(now).toISOString();
  return ctx.db.transaction(() => {
    let queued = 0;
    for (const s of ctx.mail.digestDue(slot)) {
      ctx.mail.digestSent(s.user_id, now.toISOString());
      const reader = ctx.users.byId(s.user_id);
      const items = digestItems(ctx, s.user_id, now);
      const l = links(ctx, s);
      const m = reader && writeDigest(ctx, reader, items, l);
      if (!m) continue;
      ctx.mail.enqueue({ userId: s.user_id, to: s.email!, ...m, unsubscribeUrl: l.unsubscribe, digest: items }, now.toISOString());
      queued++;
    }
    return queued;
  })();
}
