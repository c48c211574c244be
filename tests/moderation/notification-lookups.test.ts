import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/database';
import { createNotificationStore } from '../../server/notifications/store';

/** The SQL of every statement the notification store prepares, in order. */
function storeStatements(db: Database): string[] {
  const seen: string[] = [];
  const spy = new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') return (sql: string) => { seen.push(sql); return target.prepare(sql); };
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  createNotificationStore(spy);
  return seen;
}

function plan(db: Database, sql: string): string {
  const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], m[1] === 'postId' || m[1] === 'commentId' || m[1] === 'actorId' ? 1 : 'x']));
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

describe('notification lookups by what they are about', () => {
  const db = openDatabase(':memory:');
  const sql = storeStatements(db);

  it('a deleted tip finds the follow batches written since it by index, not by reading every notification since', () => {
    const followBatches = sql.find((s) => s.includes("kind = 'follow.posts'") && s.includes('@since'));
    expect(followBatches).toBeDefined();
    const p = plan(db, followBatches!);
    expect(p).toMatch(/SEARCH notifications USING INDEX notifications_follow_batches \(created_at>\?\)/);
    expect(p).not.toMatch(/SCAN notifications/);
  });

  it('a hidden or deleted comment finds the notifications quoting it by their target', () => {
    const clearQuote = sql.find((s) => s.startsWith('UPDATE notifications') && s.includes('@commentId'));
    expect(clearQuote).toBeDefined();
    const p = plan(db, clearQuote!);
    expect(p).toMatch(/SEARCH notifications USING INDEX notifications_target \(target_type=\? AND target_id=\?\)/);
    expect(p).not.toMatch(/SCAN notifications/);
  });
});
