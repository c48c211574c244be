import type { Context } from '../context';
import type { PostEvents } from '../posts/events';
import { canSeeComment } from '../comments/service';
import { canRead } from '../posts/service';
import type { UserRow } from '../users/store';
import type { NotificationRow } from './store';

/**
 * A notification keeps the words it was written with (a tip's title, a comment's excerpt) while
 * its reader may still see that content. When the content is still there but hidden from its
 * reader (a hidden tip or comment), the quoted title and text are withheld here, and shown again
 * once it is restored. The same rules as the content's own routes: canRead for a tip, and a
 * hidden comment only for its author and staff. Deleted content is forgotten when it is deleted
 * (forgetDeletedTips below; comments: clearCommentQuotes), except in its own author's list.
 */
export function withheldWhereUnseen(ctx: Context, reader: UserRow, rows: NotificationRow[]): NotificationRow[] {
  const { seesTip, seesComment } = contentSeenBy(ctx, reader);
  return rows.map((r) => {
    let title = r.target_title;
    let text = r.text;
    if (r.target_type === 'post' && r.target_id !== null && !seesTip(r.target_id)) {
      title = '';
      text = '';
    }
    if (r.subject_type === 'comment' && r.subject_id !== null && !seesComment(r.subject_id)) text = '';
    if (r.subject_type === 'post' && r.subject_id !== null && !seesTip(r.subject_id)) text = '';
    // A batch of followed tips names no tip by id: it quotes the titles (the newest one and the
    // others in `text`), so any quoted title of a tip this reader may not see withholds them.
    if (r.kind === 'follow.posts' && r.target_type !== 'post' && quotesUnseenTip(ctx, reader, r)) {
      title = '';
      text = '';
    }
    return title === r.target_title && text === r.text ? r : { ...r, target_title: title, text };
  });
}

function quotesUnseenTip(ctx: Context, reader: UserRow, r: NotificationRow): boolean {
  const quoted = `${r.target_title}\n${r.text}`;
  // The list of others is cut at a length with "…": its last title may be only a beginning.
  const cut = r.text.endsWith('…') ? r.text.slice(r.text.lastIndexOf('、') + 1, -1) : '';
  return ctx.notifications.quotedUnpublishedTips(quoted, cut).some((post) => !canRead(reader, post));
}

/** The quoted titles of a batched follow notification include this one (whole, or the cut-short last one). */
function quotesTitle(r: Pick<NotificationRow, 'target_title' | 'text'>, title: string): boolean {
  if (r.target_title === title || r.text.includes(title)) return true;
  const cut = r.text.endsWith('…') ? r.text.slice(r.text.lastIndexOf('、') + 1, -1) : '';
  return cut !== '' && title.startsWith(cut);
}

/**
 * When a tip is deleted, what notifications quote of it (its title, the text of a mention or
 * comment on it, its title as the answer to a request, its title among a batch of followed tips)
 * is blanked in everyone's list but its author's, inside the deleting transaction: a deleted tip
 * answers as one that never existed (tests/security/leak-walk.test.ts).
 */
export function forgetDeletedTips(ctx: Pick<Context, 'notifications'>, events: PostEvents): void {
  events.on(({ kind, post }) => {
    if (kind !== 'deleted') return;
    ctx.notifications.forgetTip(post.id, post.author_id);
    for (const r of ctx.notifications.followBatchesSince(post.created_at, post.author_id)) {
      if (quotesTitle(r, post.title)) ctx.notifications.forgetWords(r.id);
    }
  });
}

/**
 * Whether `reader` may see a tip or a comment now (remembered per call site): canRead for a tip,
 * and a hidden comment only for its author and staff. Deleted content counts as seen here: its
 * words were already blanked when it was deleted (forgetDeletedTips, clearCommentQuotes), except in
 * its author's own list. Also decides whether a queued notice mail still goes out.
 */
export function contentSeenBy(ctx: Context, reader: UserRow) {
  const tipSeen = new Map<number, boolean>();
  const seesTip = (id: number) => {
    if (!tipSeen.has(id)) {
      // A deleted tip's words were forgotten at deletion; only one that is still there but unseen is withheld.
      const post = ctx.posts.byId(id);
      tipSeen.set(id, post === undefined || canRead(reader, post));
    }
    return tipSeen.get(id)!;
  };
  const seesComment = (id: number) => {
    const c = ctx.comments.byId(id);
    return c === undefined || (seesTip(c.post_id) && canSeeComment(reader, c));
  };
  return { seesTip, seesComment };
}
