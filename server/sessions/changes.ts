import type { Database } from '../db/database';

export interface RowChangeListener {
  /** A sessions row was updated or deleted (its hashed id). */
  session?: (id: string) => void;
  /** A users row was updated or deleted. */
  user?: (id: number) => void;
}

const listeners = new WeakMap<Database, Set<RowChangeListener>>();

/**
 * Tells in-memory caches that a row they hold changed, whatever statement changed it: temporary
 * triggers (they live on this connection only and are never written to the database file) call
 * a JavaScript function for every UPDATE or DELETE of a session or a user, cascades included.
 */
export function onRowChange(db: Database, listener: RowChangeListener): () => void {
  let set = listeners.get(db);
  if (!set) {
    const all = new Set<RowChangeListener>();
    set = all;
    listeners.set(db, all);
    db.function('kotsu_session_changed', { deterministic: false }, (id: unknown) => {
      for (const l of all) l.session?.(String(id));
      return null;
    });
    db.function('kotsu_user_changed', { deterministic: false }, (id: unknown) => {
      for (const l of all) l.user?.(Number(id));
      return null;
    });
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS kotsu_session_updated AFTER UPDATE ON main.sessions
        BEGIN SELECT kotsu_session_changed(OLD.id); END;
      CREATE TEMP TRIGGER IF NOT EXISTS kotsu_session_deleted AFTER DELETE ON main.sessions
        BEGIN SELECT kotsu_session_changed(OLD.id); END;
      CREATE TEMP TRIGGER IF NOT EXISTS kotsu_user_updated AFTER UPDATE ON main.users
        BEGIN SELECT kotsu_user_changed(OLD.id); END;
      CREATE TEMP TRIGGER IF NOT EXISTS kotsu_user_deleted AFTER DELETE ON main.users
        BEGIN SELECT kotsu_user_changed(OLD.id); END;`);
  }
  set.add(listener);
  return () => { set.delete(listener); };
}
