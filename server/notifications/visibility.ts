import type { Context } from '../context';
import { canSeeComment } from '../comments/service';
import { canRead } from '../posts/service';
import type { UserRow } from '../users/store';
import type { NotificationRow } from './store';

/**
 * A notification keeps the words it was written with (a tip's title, a comment's excerpt), also
 * once that content is deleted (API.md). When the content is still there but hidden from its
 * reader (a hidden tip or comment), the notification must not keep showing it: the quoted title
 * and text are withheld. The same rules as the content's own routes: canRead for a
 * tip, and a hidden comment only for its author and staff.
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

/**
 * Whether `reader` may see a tip or a comment now (remembered per call site): canRead for a tip,
 * and a hidden comment only for its author and staff. Deleted content counts as seen: what was
 * quoted of it stays (API.md). Also decides whether a queued notice mail still goes out.
 */
export function contentSeenBy(ctx: Context, reader: UserRow) {
  const tipSeen = new Map<number, boolean>();
  const seesTip = (id: number) => {
    if (!tipSeen.has(id)) {
      // A deleted tip keeps the title it had (API.md); only one that is still there but unseen is withheld.
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
