import type { Database } from '../db/database';

export interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  action: string;
  target_type: string;
  target_id: number | null;
  detail: string;
  actor_username: string | null;
  actor_display_name: string | null;
}

export interface AuditFilter {
  actorId: number | null;
  /** Exact action, or a family as `post.*`. */
  action: string | null;
  targetType: string | null;
  targetId: number | null;
  /** ISO instants, inclusive / exclusive. */
  since: string | null;
  until: string | null;
  after: number | null;
  limit: number;
}

export interface AuditEntry {
  actorId: number | null;
  action: string;
  targetType: string;
  targetId: number | null;
  detail?: Record<string, unknown>;
}

/** Call inside the transaction of the action it records, so the two commit or fail together. */
export function createAuditStore(db: Database, now: () => Date = () => new Date()) {
  const insert = db.prepare(`INSERT INTO audit_log (at, actor_id, action, target_type, target_id, detail)
    VALUES (?, ?, ?, ?, ?, ?)`);
  // Reading is for administrators only and filters are optional, so one statement serves every
  // combination; newest first by id, which is also the order entries were written in.
  const list = db.prepare(`SELECT l.*, u.username AS actor_username, u.display_name AS actor_display_name
    FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id
    WHERE (@actorId IS NULL OR l.actor_id = @actorId)
      AND (@action IS NULL OR l.action = @action)
      AND (@actionPrefix IS NULL OR l.action LIKE @actionPrefix ESCAPE '\\')
      AND (@targetType IS NULL OR l.target_type = @targetType)
      AND (@targetId IS NULL OR l.target_id = @targetId)
      AND (@since IS NULL OR l.at >= @since)
      AND (@until IS NULL OR l.at < @until)
      AND (@after IS NULL OR l.id < @after)
    ORDER BY l.id DESC LIMIT @limit`);
  const actions = db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').pluck();
  return {
    list(f: AuditFilter): AuditRow[] {
      const family = f.action?.endsWith('.*') ? `${f.action.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      return list.all({ ...f, action: family ? null : f.action, actionPrefix: family }) as AuditRow[];
    },
    actions: () => actions.all() as string[],
    write(e: AuditEntry) {
      insert.run(now().toISOString(), e.actorId, e.action, e.targetType, e.targetId, JSON.stringify(e.detail ?? {}));
    },
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
