import type { Database } from '../db/database';
import type { PostRow } from '../posts/store';
import { eventExponent, TREND_ADD_SQL, VIEW_WEIGHT } from '../popularity/trend';
import { japanDay } from '../shared/japan-time';
import { createWindowStore } from './windows';

export { japanDay } from '../shared/japan-time';

/** One counted view waiting to be written. */
interface PendingView {
  postId: number;
  userId: number;
  day: string;
  at: number;
}

export type ViewTarget = Pick<PostRow, 'id' | 'author_id' | 'status' | 'view_count' | 'viewer_count'>;

export interface ViewAnswer {
  counted: boolean;
  viewCount: number;
  uniqueViewers: number;
}

export interface ViewWriteOptions {
  /** 0 writes each view in its own transaction during the request; otherwise views wait at most this long. */
  flushMs: number;
  /** A batch this large is written at once, whatever the timer says. */
  maxPending: number;
}

/**
 * Chosen by measurement (`npm run bench:http`, docs/POPULARITY.md): a batch written once a second
 * served more than twice the views per second of one transaction per view. A crash loses the
 * views of the last second at most; tips, likes and bookmarks are always written in their request.
 */
export const BATCHED_VIEW_WRITES: ViewWriteOptions = { flushMs: 1000, maxPending: 5000 };
/** An in-memory database (tests) has no file writes to save, so views are written at once. */
export const DIRECT_VIEW_WRITES: ViewWriteOptions = { flushMs: 0, maxPending: 5000 };

export function createViewStore(db: Database, now: () => Date = () => new Date(),
  options: ViewWriteOptions = db.memory ? DIRECT_VIEW_WRITES : BATCHED_VIEW_WRITES) {
  const windows = createWindowStore(db);
  // Guarded so a tip or account deleted while its view waited is skipped, not a foreign-key error.
  const mark = db.prepare(`INSERT OR IGNORE INTO post_views (post_id, user_id, day)
    SELECT @postId, @userId, @day WHERE EXISTS (SELECT 1 FROM posts WHERE id = @postId)
      AND EXISTS (SELECT 1 FROM users WHERE id = @userId)`);
  // Only what counting needs: reading body and html for every view would dominate its cost.
  const target = db.prepare('SELECT id, author_id, status, view_count, viewer_count FROM posts WHERE id = ?');
  // One probe answers both questions a view asks: counted today already? ever seen before?
  const history = db.prepare(`SELECT COUNT(*) AS days, COALESCE(MAX(day = @day), 0) AS today FROM post_views
    WHERE post_id = @postId AND user_id = @userId`);
  const seenOtherDay = db.prepare('SELECT 1 FROM post_views WHERE post_id = ? AND user_id = ? AND day <> ? LIMIT 1').pluck();
  const daily = db.prepare(`INSERT INTO post_view_daily (post_id, day, views) VALUES (?, ?, ?)
    ON CONFLICT (post_id, day) DO UPDATE SET views = views + excluded.views`);
  const bump = db.prepare(`UPDATE posts SET view_count = view_count + @n, viewer_count = viewer_count + @viewers,
    trend = ${TREND_ADD_SQL} WHERE id = @postId`);

  let settings = { ...options };
  let pending: PendingView[] = [];
  const pendingKeys = new Set<string>();
  const pendingPerPost = new Map<number, number>();
  /** `post|user` of waiting views, and per tip how many of them are first views by that person. */
  const pendingReaders = new Set<string>();
  const pendingViewersPerPost = new Map<number, number>();
  let timer: NodeJS.Timeout | null = null;
  let onError: (err: unknown, lost: number) => void = () => {};

  /** Writes a batch in one transaction: dedupe rows, daily totals, windows, counters and trend. */
  const write = db.transaction((batch: PendingView[], today: string) => {
    windows.ensure(today);
    const perPost = new Map<number, { n: number; viewers: number; at: number }>();
    const perDay = new Map<string, { postId: number; day: string; n: number }>();
    for (const v of batch) {
      if (mark.run(v).changes === 0) continue;
      const firstTime = seenOtherDay.get(v.postId, v.userId, v.day) === undefined;
      const p = perPost.get(v.postId) ?? { n: 0, viewers: 0, at: 0 };
      p.n += 1;
      p.viewers += firstTime ? 1 : 0;
      p.at = Math.max(p.at, v.at);
      perPost.set(v.postId, p);
      const key = `${v.postId}|${v.day}`;
      const d = perDay.get(key) ?? { postId: v.postId, day: v.day, n: 0 };
      d.n += 1;
      perDay.set(key, d);
    }
    for (const d of perDay.values()) {
      daily.run(d.postId, d.day, d.n);
      windows.addViews(d.postId, d.day, d.n, today);
    }
    for (const [postId, p] of perPost) {
      bump.run({ postId, n: p.n, viewers: p.viewers, e: eventExponent(p.at, p.n * VIEW_WEIGHT) });
    }
  });

  function takeBatch(): PendingView[] {
    const batch = pending;
    pending = [];
    pendingKeys.clear();
    pendingPerPost.clear();
    pendingReaders.clear();
    pendingViewersPerPost.clear();
    if (timer) { clearTimeout(timer); timer = null; }
    return batch;
  }

  /** Writes every waiting view now; returns how many were waiting. */
  function flush(): number {
    if (pending.length === 0) return 0;
    const batch = takeBatch();
    write(batch, japanDay(now()));
    return batch.length;
  }

  function flushOnTimer() {
    timer = null;
    const count = pending.length;
    try {
      flush();
    } catch (err) {
      onError(err, count);
    }
  }

  return {
    windows,
    /**
     * Counts a view by `userId` of a tip unless they already viewed it that Japan day.
     * `viewCount` is the tip's row as read by the caller; the answer adds the views still waiting.
     */
    record(post: ViewTarget, userId: number, at: Date): ViewAnswer {
      const day = japanDay(at);
      const key = `${post.id}|${userId}|${day}`;
      const answer = (counted: boolean) => ({
        counted,
        viewCount: post.view_count + (pendingPerPost.get(post.id) ?? 0),
        uniqueViewers: post.viewer_count + (pendingViewersPerPost.get(post.id) ?? 0),
      });
      if (pendingKeys.has(key)) return answer(false);
      const seen = history.get({ postId: post.id, userId, day }) as { days: number; today: number };
      if (seen.today === 1) return answer(false);
      const reader = `${post.id}|${userId}`;
      const firstTime = seen.days === 0 && !pendingReaders.has(reader);
      const view = { postId: post.id, userId, day, at: at.getTime() };
      if (settings.flushMs === 0) {
        write([view], day);
        return { counted: true, viewCount: post.view_count + 1, uniqueViewers: post.viewer_count + (firstTime ? 1 : 0) };
      }
      pending.push(view);
      pendingKeys.add(key);
      pendingReaders.add(reader);
      pendingPerPost.set(post.id, (pendingPerPost.get(post.id) ?? 0) + 1);
      if (firstTime) pendingViewersPerPost.set(post.id, (pendingViewersPerPost.get(post.id) ?? 0) + 1);
      const result = answer(true);
      if (pending.length >= settings.maxPending) flush();
      else if (!timer) timer = setTimeout(flushOnTimer, settings.flushMs).unref();
      return result;
    },
    /** The tip's fields counting needs, without its body. */
    target: (postId: number) => target.get(postId) as ViewTarget | undefined,
    flush,
    /** Views of this tip counted but not yet written. */
    waitingFor: (postId: number) => ({
      views: pendingPerPost.get(postId) ?? 0, viewers: pendingViewersPerPost.get(postId) ?? 0,
    }),
    /** How many views are waiting to be written. */
    pendingCount: () => pending.length,
    configure(next: Partial<ViewWriteOptions>) {
      flush();
      settings = { ...settings, ...next };
    },
    /** Where a failed timed flush is reported (the app's logger). */
    onFlushError(handler: (err: unknown, lost: number) => void) { onError = handler; },
  };
}

export type ViewStore = ReturnType<typeof createViewStore>;
