import type { Database } from '../db/database';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  targetType: string;
  targetId: number | null;
  detail?: Record<string, unknown>;
}

/** Call inside the transaction of the action it records, so the two commit or fail together. */
export function createAuditStore(db: Database) {
  const insert = db.prepare(`INSERT INTO audit_log (at, actor_id, action, target_type, target_id, detail)
    VALUES (?, ?, ?, ?, ?, ?)`);
  return {
    write(e: AuditEntry) {
      insert.run(new Date().toISOString(), e.actorId, e.action, e.targetType, e.targetId, JSON.stringify(e.detail ?? {}));
    },
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
