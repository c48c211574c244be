import type { Database } from '../db/database';

export const REPORT_REASONS = ['spam', 'incorrect', 'outdated', 'inappropriate', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export type ReportStatus = 'open' | 'resolved';
export type Resolution = 'dismiss' | 'hide';

export interface ReportRow {
  id: number;
  post_id: number;
  reporter_id: number;
  reason: ReportReason;
  comment: string;
  status: ReportStatus;
  resolution: Resolution | null;
  resolution_note: string | null;
  resolved_by: number | null;
  resolved_at: string | null;
  created_at: string;
  reporter_username: string;
  reporter_display_name: string;
  reporter_department: string;
  resolver_username: string | null;
  resolver_display_name: string | null;
  resolver_department: string | null;
}

/** One tip in the review queue: its open reports counted, by reason. */
export interface QueueGroupRow {
  post_id: number;
  open_count: number;
  first_id: number;
  first_at: string;
  last_at: string;
  reasons: string;
}

const REPORT_COLUMNS = `r.*, ru.username AS reporter_username, ru.display_name AS reporter_display_name,
  ru.department AS reporter_department, mu.username AS resolver_username, mu.display_name AS resolver_display_name,
  mu.department AS resolver_department`;
const REPORT_FROM = `reports r JOIN users ru ON ru.id = r.reporter_id LEFT JOIN users mu ON mu.id = r.resolved_by`;

export function createReportStore(db: Database) {
  const insert = db.prepare(`INSERT INTO reports (post_id, reporter_id, reason, comment, created_at)
    VALUES (@postId, @reporterId, @reason, @comment, @now)`);
  const byId = db.prepare(`SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM} WHERE r.id = ?`);
  const openOf = db.prepare(`SELECT id FROM reports WHERE post_id = ? AND reporter_id = ? AND status = 'open'`).pluck();
  const openForPost = db.prepare(`SELECT id, reporter_id FROM reports WHERE post_id = ? AND status = 'open' ORDER BY id`);
  const resolveOne = db.prepare(`UPDATE reports SET status = 'resolved', resolution = @resolution,
    resolution_note = @note, resolved_by = @resolvedBy, resolved_at = @now WHERE id = @id AND status = 'open'`);
  const list = db.prepare(`SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM}
    WHERE r.status = @status AND (@postId IS NULL OR r.post_id = @postId) AND (@after IS NULL OR r.id < @after)
    ORDER BY r.id DESC LIMIT @limit`);
  const byReporter = db.prepare(`SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM}
    WHERE r.reporter_id = @reporterId AND (@postId IS NULL OR r.post_id = @postId) AND (@after IS NULL OR r.id < @after)
    ORDER BY r.id DESC LIMIT @limit`);
  // Most reported tips first; among equals, the one waiting longest.
  const queue = db.prepare(`SELECT post_id, count(*) AS open_count, min(id) AS first_id,
      min(created_at) AS first_at, max(created_at) AS last_at, json_group_array(reason) AS reasons
    FROM reports WHERE status = 'open' GROUP BY post_id
    HAVING @k0 IS NULL OR count(*) < @k0 OR (count(*) = @k0 AND min(id) > @k1)
    ORDER BY open_count DESC, first_id ASC LIMIT @limit`);
  const openOfPosts = db.prepare(`SELECT ${REPORT_COLUMNS} FROM ${REPORT_FROM}
    WHERE r.status = 'open' AND r.post_id IN (SELECT value FROM json_each(?)) ORDER BY r.id`);
  const counts = db.prepare(`SELECT count(*) FILTER (WHERE status = 'open') AS open,
    count(DISTINCT post_id) FILTER (WHERE status = 'open') AS posts FROM reports`);

  return {
    insert(r: { postId: number; reporterId: number; reason: ReportReason; comment: string }, now: Date): number {
      return Number(insert.run({ ...r, now: now.toISOString() }).lastInsertRowid);
    },
    byId: (id: number) => byId.get(id) as ReportRow | undefined,
    openIdOf: (postId: number, reporterId: number) => openOf.get(postId, reporterId) as number | undefined,
    openForPost: (postId: number) => openForPost.all(postId) as { id: number; reporter_id: number }[],
    /** Resolves the given open reports; returns how many were still open. Call in a transaction. */
    resolve(ids: readonly number[], r: { resolution: Resolution; note: string | null; resolvedBy: number }, now: Date): number {
      let n = 0;
      for (const id of ids) n += resolveOne.run({ id, ...r, now: now.toISOString() }).changes;
      return n;
    },
    list(f: { status: ReportStatus; postId: number | null; after: number | null; limit: number }): ReportRow[] {
      return list.all(f) as ReportRow[];
    },
    byReporter(f: { reporterId: number; postId: number | null; after: number | null; limit: number }): ReportRow[] {
      return byReporter.all(f) as ReportRow[];
    },
    queue(after: (string | number)[] | null, limit: number): QueueGroupRow[] {
      return queue.all({ k0: after?.[0] ?? null, k1: after?.[1] ?? null, limit }) as QueueGroupRow[];
    },
    openOfPosts(postIds: readonly number[]): ReportRow[] {
      return postIds.length ? openOfPosts.all(JSON.stringify(postIds)) as ReportRow[] : [];
    },
    counts: () => counts.get() as { open: number; posts: number },
  };
}

export type ReportStore = ReturnType<typeof createReportStore>;
